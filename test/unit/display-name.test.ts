import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hiddenCharacter } from "../../src/domain/command/text-limits.js";
import { displayNameOf, NAME_LIMIT } from "../../src/domain/display-name.js";

// Names come from Slack and Teams profiles and from mentions, not from what the writer typed:
// what typed text is refused for is removed from them instead, and they are one short line.

describe("a display name from a profile or a mention", () => {
  it("loses bidirectional overrides, isolates and control characters", () => {
    expect(displayNameOf("Anna \u202Egreb\u202C Berg")).toBe("Anna greb Berg");
    expect(displayNameOf("\u2066Per\u2069 Persson\u0007")).toBe("Per Persson");
    expect(displayNameOf("Eva\u0000Ek\u007F")).toBe("EvaEk");
    expect(displayNameOf("Lone \uD800surrogate")).toBe("Lone surrogate");
  });

  it("is one line with single spaces", () => {
    expect(displayNameOf("  Olle\n\tOlsson\r\n ")).toBe("Olle Olsson");
  });

  it("keeps letters, accents, emoji and punctuation as they are", () => {
    for (const name of ["Åsa Öberg-Ärlig", "Zoë d'Artagnan 😀", "李小龍", "Anna <at>Berg</at>"]) {
      expect(displayNameOf(name)).toBe(name);
    }
  });

  it("is cut at the limit in whole code points", () => {
    const long = "😀".repeat(NAME_LIMIT + 50);
    const cut = displayNameOf(long);
    expect(Array.from(cut)).toHaveLength(NAME_LIMIT);
    expect(cut).toBe("😀".repeat(NAME_LIMIT));
    expect(displayNameOf(`${"a".repeat(NAME_LIMIT - 1)} b`)).toBe("a".repeat(NAME_LIMIT - 1));
  });

  it("is empty when nothing but hidden characters was there", () => {
    expect(displayNameOf("\u202E\u0000 \n")).toBe("");
  });

  it("whatever the profile says, passes the check typed text must pass", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (raw) => {
        const name = displayNameOf(raw);
        expect(hiddenCharacter(name)).toBeUndefined();
        expect(name).not.toMatch(/\s\s|^\s|\s$|[\n\r\t]/u);
        expect(Array.from(name).length).toBeLessThanOrEqual(NAME_LIMIT);
      }),
      { numRuns: 200 },
    );
  });
});
