import { describe, expect, it } from "vitest";
import { LINK_CODE_ALPHABET, newId, newLinkCode } from "../../../src/store/new-id.js";

// Link codes and row ids draw each character uniformly from their alphabet. A modulo over random
// bytes does not: 256 is no multiple of 31 or 36, so the first few characters come up an eighth
// more often, which makes a code easier to guess. A chi-square test over 20 000 codes tells the
// two apart without flaking: uniform draws exceed the bound with a probability below 1e-10,
// while the modulo's bias gives about 450 (link codes) and 620 (ids), far above it.

const CODES = 20_000;
/** Above the 1 − 1e-10 quantile of chi-square with 30 and 35 degrees of freedom (~105, ~114). */
const CHI_SQUARE_BOUND = 120;

/** Pearson's chi-square of the characters of `texts` against a uniform draw from `alphabet`. */
function chiSquare(texts: string[], alphabet: string): number {
  const counts = new Map<string, number>([...alphabet].map((character) => [character, 0]));
  let total = 0;
  for (const text of texts) {
    for (const character of text) {
      counts.set(character, (counts.get(character) ?? 0) + 1);
      total++;
    }
  }
  const expected = total / alphabet.length;
  return [...counts.values()].reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
}

describe("random codes", () => {
  it("makes link codes of eight characters from the readable alphabet", () => {
    const codes = Array.from({ length: CODES }, newLinkCode);
    expect(codes.filter((code) => !/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/.test(code))).toEqual(
      [],
    );
    expect(new Set(codes).size).toBeGreaterThan(CODES - 2);
    expect(chiSquare(codes, LINK_CODE_ALPHABET)).toBeLessThan(CHI_SQUARE_BOUND);
  });

  it("makes ids shaped like Prisma's cuid(), their random part uniform", () => {
    const ids = Array.from({ length: CODES }, newId);
    expect(ids.filter((id) => !/^c[0-9a-z]{24}$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(CODES);
    const randomParts = ids.map((id) => id.slice(-12));
    expect(chiSquare(randomParts, "0123456789abcdefghijklmnopqrstuvwxyz")).toBeLessThan(
      CHI_SQUARE_BOUND,
    );
  });

  it("makes ids that sort in the order they were made, also within one millisecond", () => {
    const ids = Array.from({ length: CODES }, newId);
    const sameMillisecond = ids.filter(
      (id, index) => id.slice(0, 9) === ids[index - 1]?.slice(0, 9),
    );
    expect(sameMillisecond.length).toBeGreaterThan(0);
    expect([...ids].sort()).toEqual(ids);
  });
});
