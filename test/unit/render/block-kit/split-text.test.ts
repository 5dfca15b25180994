import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeSlackText } from "../../../../src/render/block-kit/slack-escape.js";
import { escapeWithin, splitText } from "../../../../src/render/block-kit/split-text.js";

const escapedLength = (text: string) => escapeSlackText(text).length;

describe("splitText", () => {
  it("keeps a text that fits whole", () => {
    expect(splitText("Kort text.", 3000)).toEqual(["Kort text."]);
    expect(splitText("", 3000)).toEqual([]);
  });

  it("splits after a blank line before a sentence end", () => {
    const first = `${"Ord. ".repeat(10)}\n\n`;
    const second = "Andra stycket. Med meningar.";
    expect(splitText(first + second, 60)).toEqual([first, second]);
  });

  it("splits after a sentence end before other whitespace", () => {
    const text = "Första meningen är här. Andra meningen fortsätter länge";
    expect(splitText(text, 40)).toEqual([
      "Första meningen är här. ",
      "Andra meningen fortsätter länge",
    ]);
  });

  it("splits at whitespace when there is no sentence end", () => {
    expect(splitText("ett två tre fyra fem", 12)).toEqual(["ett två tre ", "fyra fem"]);
  });

  it("splits a word with no break hard, at the limit", () => {
    expect(splitText("x".repeat(7000), 3000).map((piece) => piece.length)).toEqual([
      3000, 3000, 1000,
    ]);
  });

  it("never breaks in the first half of a piece, so no stray word is left alone", () => {
    const text = `Ja. ${"x".repeat(100)}`;
    expect(splitText(text, 50)[0]).toBe(`Ja. ${"x".repeat(46)}`);
  });

  it("measures the escaped text and never cuts an entity", () => {
    const pieces = splitText("&".repeat(1000), 3000);
    expect(pieces.map((piece) => piece.length)).toEqual([600, 400]);
    expect(pieces.map(escapedLength)).toEqual([3000, 2000]);
  });

  it("never cuts a surrogate pair", () => {
    const pieces = splitText("😀".repeat(2000), 2999);
    expect(pieces.map((piece) => piece.length)).toEqual([2998, 1002]);
    expect(pieces.join("")).toBe("😀".repeat(2000));
  });

  it("gives pieces within the limit that join to the original text, for any text", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 400 }),
        fc.integer({ min: 5, max: 120 }),
        (text, limit) => {
          const pieces = splitText(text, limit);
          expect(pieces.join("")).toBe(text);
          for (const piece of pieces) {
            expect(piece).not.toBe("");
            expect(escapedLength(piece)).toBeLessThanOrEqual(limit);
          }
        },
      ),
    );
  });
});

describe("escapeWithin", () => {
  it("escapes a text that fits", () => {
    expect(escapeWithin("A & <b>", 75)).toBe("A &amp; &lt;b&gt;");
  });

  it("cuts a long text at a word boundary with an ellipsis", () => {
    expect(escapeWithin("Skjut upp mötet till nästa vecka", 20)).toBe("Skjut upp mötet…");
    expect(escapeWithin("x".repeat(30), 10)).toBe(`${"x".repeat(9)}…`);
  });

  it("stays within the limit once escaped", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 200 }),
        fc.integer({ min: 5, max: 80 }),
        (text, limit) => {
          const escaped = escapeWithin(text, limit);
          expect(escaped.length).toBeLessThanOrEqual(limit);
          expect(escaped).not.toMatch(/[<>]/);
        },
      ),
    );
  });
});
