import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  adaptiveCard,
  type CardElement,
} from "../../../../src/render/adaptive-card/adaptive-card-types.js";
import {
  type BodyGroup,
  type BodyPart,
  elementPart,
  packBodies,
  textPart,
} from "../../../../src/render/adaptive-card/card-packing.js";
import { cardBytes, squeeze, textBlocks, unescapeTeams } from "./card-checks.js";

// The packer under small limits, where every rule (keep a group whole, move it, split it,
// split a text) is hit many times per case: no card over its limit, nothing lost or reordered.

const SHELL = cardBytes(adaptiveCard([]));

const text = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.string({ unit: "binary", maxLength: 400 }),
  fc
    .tuple(fc.constantFrom("Ord ", "Mening. ", "<", "😀", "\u0001", "- a\n"), fc.nat({ max: 1500 }))
    .map(([unit, count]) => unit.repeat(count)),
);

const part: fc.Arbitrary<BodyPart> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(text, fc.boolean()).map(([t, keep]) => textPart(t, {}, keep)) },
  {
    weight: 1,
    arbitrary: fc.nat({ max: 999 }).map((ref) =>
      elementPart({
        type: "ActionSet",
        actions: [
          {
            type: "Action.Execute",
            title: "Klar",
            verb: "noterat.run",
            data: { councilId: "c", command: `done ${ref}` },
          },
        ],
      }),
    ),
  },
);

const group: fc.Arbitrary<BodyGroup> = fc.record(
  {
    parts: fc.array(part, { maxLength: 6 }),
    container: fc.constant({ separator: true, spacing: "Medium" as const }),
  },
  { requiredKeys: ["parts"] },
);

function shownTexts(parts: BodyPart[]): string[] {
  return parts.flatMap((p) => (p.kind === "text" ? [squeeze(p.text)] : []));
}

function commands(elements: CardElement[]): string[] {
  return elements.flatMap((element): string[] => {
    if (element.type === "ActionSet") return element.actions.map((a) => a.data.command);
    if (element.type === "Container") return commands(element.items);
    return [];
  });
}

describe("packBodies", () => {
  it("fills cards of any limit without passing it, losing or reordering anything", () => {
    fc.assert(
      fc.property(
        fc.array(group, { maxLength: 12 }),
        fc.integer({ min: 2500, max: 6000 }),
        (groups, limit) => {
          const bodies = packBodies(groups, { limit, emptyCard: () => SHELL });
          const cards = bodies.map((body) => adaptiveCard(body));
          for (const card of cards) {
            expect(card.body.length).toBeGreaterThan(0);
            expect(cardBytes(card)).toBeLessThanOrEqual(limit);
          }
          const parts = groups.flatMap((g) => g.parts);
          const shown = textBlocks(cards).map((block) => squeeze(unescapeTeams(block.text)));
          expect(shown.join("")).toBe(shownTexts(parts).join(""));
          const expected = parts.flatMap((p) =>
            p.kind === "element" ? commands([p.element]) : [],
          );
          expect(commands(bodies.flat())).toEqual(expected);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("counts the room a caller keeps on later cards", () => {
    const groups = Array.from({ length: 40 }, (_, index) => ({
      parts: [textPart(`Punkt ${index}. ${"Text. ".repeat(40)}`)],
    }));
    const bodies = packBodies(groups, { limit: 3000, emptyCard: (i) => (i === 0 ? SHELL : 1000) });
    expect(bodies.length).toBeGreaterThan(2);
    for (const body of bodies.slice(1))
      expect(cardBytes(adaptiveCard(body))).toBeLessThanOrEqual(2000 + SHELL);
    expect(cardBytes(adaptiveCard(bodies[0] ?? []))).toBeGreaterThan(2000 + SHELL);
  });

  it("refuses an element too big for any card when it has no fallback", () => {
    const big = textPart("x".repeat(100));
    const element = elementPart({ type: "TextBlock", text: "y".repeat(5000), wrap: true });
    expect(() =>
      packBodies([{ parts: [big, element] }], { limit: 3000, emptyCard: () => SHELL }),
    ).toThrow(RangeError);
    const withFallback = elementPart({ type: "TextBlock", text: "y".repeat(5000), wrap: true }, [
      textPart("y".repeat(5000)),
    ]);
    const bodies = packBodies([{ parts: [withFallback] }], { limit: 3000, emptyCard: () => SHELL });
    expect(bodies.length).toBe(2);
  });
});
