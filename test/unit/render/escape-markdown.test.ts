import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeMarkdown, escapeMarkdownLine } from "../../../src/render/escape-markdown.js";

/** Marks that must never reach CommonMark/GFM unescaped, wherever they stand. */
const ALWAYS_ESCAPED = new Set(["`", "*", "_", "~", "[", "]", "|", "#", "{", "}", "$", "^", "@"]);
/** What may open a block at the start of a line: a list, quote, break, underline or code. */
const BLOCK_START = /^(?: {4}|\t| {0,3}(?:[-+*=>#`~|]|\d{1,9}[.)]))/;

/** The marks in `escaped` that a CommonMark parser would still read as syntax. */
function unescapedMarks(escaped: string): string[] {
  const found: string[] = [];
  for (let index = 0; index < escaped.length; index++) {
    const char = escaped[index] ?? "";
    if (char === "\\") {
      index++; // the next character is literal
    } else if (ALWAYS_ESCAPED.has(char) || char === "<" || char === ">") {
      found.push(char);
    } else if (char === "&" && !/^&(?:amp|lt|gt);/.test(escaped.slice(index))) {
      found.push(char);
    }
  }
  return found;
}

describe("escapeMarkdown", () => {
  it.each([
    ["# Rubrik", "\\# Rubrik"],
    ["## Rubrik ##", "\\#\\# Rubrik \\#\\#"],
    ["[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"],
    ["![bild](https://evil.se/x.png)", "!\\[bild\\](https\\://evil.se/x.png)"],
    ["<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"],
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ["*fet* och _kursiv_ och ~~struken~~", "\\*fet\\* och \\_kursiv\\_ och \\~\\~struken\\~\\~"],
    ["1. lista", "1\\. lista"],
    ["12) lista", "12\\) lista"],
    ["> citat", "&gt; citat"],
    ["- punkt", "\\- punkt"],
    ["+ punkt", "\\+ punkt"],
    ["---", "\\---"],
    ["===", "\\==="],
    ["`kod`", "\\`kod\\`"],
    ["```", "\\`\\`\\`"],
    ["    indenterad kod", "indenterad kod"],
    ["| a | b |", "\\| a \\| b \\|"],
    ["&amp; &copy; AT&T", "&amp;amp; &amp;copy; AT&amp;T"],
    ["se www.rvn.se och https://rvn.se", "se www\\.rvn.se och https\\://rvn.se"],
    ["anna@rvn.se", "anna\\@rvn.se"],
    ["C:\\mappar\\", "C:\\\\mappar\\\\"],
    ["$x$ och [^1] och {#id}", "\\$x\\$ och \\[\\^1\\] och \\{\\#id\\}"],
  ])("keeps %j literal", (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });

  it("leaves ordinary prose readable", () => {
    const prose = "Strategin för 2019-2030 (RUS) är klar. Se verksamt.se, sidan 3: ”Export”!";
    expect(escapeMarkdown(prose)).toBe(prose);
  });

  it("keeps line breaks as hard breaks and escapes every line's start", () => {
    expect(escapeMarkdown("Rad ett\n- rad två\n\n  1. rad tre\\")).toBe(
      "Rad ett\\\n\\- rad två\\\n1\\. rad tre\\\\",
    );
  });

  it("puts one-line text on one line", () => {
    expect(escapeMarkdownLine("Punkt #\n- två")).toBe("Punkt \\# - två");
    expect(escapeMarkdownLine(" - före länken ")).toBe(" \\- före länken ");
  });

  it("lets no mark or block start through, whatever the text", () => {
    const text = fc.string({
      // Single marks, plus the sequences that only mean something together.
      unit: fc.constantFrom(..."abc 1.)\n\t-+=*_`~[]()<>&#|!\\:/@w{$}^\"'", "www.", "://", "    "),
      maxLength: 40,
    });
    fc.assert(
      fc.property(text, (value) => {
        const escaped = escapeMarkdown(value);
        expect(unescapedMarks(escaped)).toEqual([]);
        for (const line of escaped.split("\n")) expect(line).not.toMatch(BLOCK_START);
        // A colon after an even run of backslashes is unescaped.
        expect(escaped).not.toMatch(/www\.|(?<!\\)(?:\\\\)*:\/\//);
      }),
      { numRuns: 2000 },
    );
  });
});
