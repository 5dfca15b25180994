// Teams measures a card as the UTF-8 bytes of its JSON. JSON.stringify without spacing is
// compositional (`[a,b]` is `[` + a + `,` + b + `]`), so sizes of parts add up exactly.

const encoder = new TextEncoder();

export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}
