/** The first of `parts` that does not occur in `text` after the ones before it; undefined when all do. */
export function firstMissingInOrder(text: string, parts: string[]): string | undefined {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    if (at < 0) return part;
    from = at + part.length;
  }
  return undefined;
}
