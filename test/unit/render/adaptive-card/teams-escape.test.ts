import { describe, expect, it } from "vitest";
import {
  escapeTeamsLine,
  escapeTeamsText,
} from "../../../../src/render/adaptive-card/teams-escape.js";
import { liveMarkup, unescapeTeams } from "./card-checks.js";

describe("escapeTeamsText", () => {
  it.each([
    ["**bold**", "\\*\\*bold\\*\\*"],
    ["_italic_ ~~gone~~ `code`", "\\_italic\\_ \\~\\~gone\\~\\~ \\`code\\`"],
    ["[x](https://evil)", "\\[x\\](https://evil)"],
    ["![bild](https://evil/x.png)", "!\\[bild\\](https://evil/x.png)"],
    ["<at>Anna</at>", "\\<at\\>Anna\\</at\\>"],
    [
      "<b>fet</b> <script>alert(1)</script>",
      "\\<b\\>fet\\</b\\> \\<script\\>alert(1)\\</script\\>",
    ],
    ["<https://evil.example>", "\\<https://evil.example\\>"],
    ["# heading", "\\# heading"],
    ["### heading", "\\### heading"],
    ["- list", "\\- list"],
    ["+ list", "\\+ list"],
    ["* list", "\\* list"],
    ["1. list", "1\\. list"],
    ["12) list", "12\\) list"],
    ["> quote", "\\> quote"],
    ["---", "\\---"],
    ["C:\\temp\\*", "C:\\\\temp\\\\\\*"],
    ["&amp; &#60; &x", "\\&amp; \\&#60; &x"],
    ["{{DATE(2026-05-30T11:00:00Z, SHORT)}}", "{\\{DATE(2026-05-30T11:00:00Z, SHORT)}}"],
  ])("makes %j literal", (typed, escaped) => {
    expect(escapeTeamsText(typed)).toBe(escaped);
    expect(liveMarkup(escapeTeamsText(typed))).toEqual([]);
    expect(unescapeTeams(escapeTeamsText(typed))).toBe(typed);
  });

  it("leaves ordinary Swedish text alone, marks that only count at a line start included", () => {
    const text =
      "#12 Anna Berg: Budget 2026-2027 (senast 30 maj). Se rvn.se – 1.5 mnkr, +46 70, a-b.";
    expect(escapeTeamsText(text)).toBe(text);
    expect(escapeTeamsText("Punkt 1. Budget - klar")).toBe("Punkt 1. Budget - klar");
  });

  it("makes every line a trimmed paragraph, without blank lines", () => {
    expect(escapeTeamsText("Ett\r\n    - två\r\rtre  \n\n\t\n1. fyra")).toBe(
      "Ett\n\n\\- två\n\ntre\n\n1\\. fyra",
    );
  });

  it("shows nothing for white space", () => {
    expect(escapeTeamsText(" \n\t\n ")).toBe("");
  });
});

describe("escapeTeamsLine", () => {
  it("keeps a fragment on one line, its outer spaces kept for joining", () => {
    expect(escapeTeamsLine(" finns på\n", false)).toBe(" finns på ");
    expect(escapeTeamsLine("- x ", false)).toBe("- x ");
  });

  it("applies the line-start rules only at a line start", () => {
    expect(escapeTeamsLine("  - x", true)).toBe("\\- x");
    expect(escapeTeamsLine("[a]", false)).toBe("\\[a\\]");
  });
});
