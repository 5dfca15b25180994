import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeSlackText } from "../../../../src/render/block-kit/slack-escape.js";

describe("escapeSlackText", () => {
  it.each([
    ["<!channel>", "&lt;!channel&gt;"],
    ["<!here>", "&lt;!here&gt;"],
    ["<!everyone>", "&lt;!everyone&gt;"],
    ["<@U123>", "&lt;@U123&gt;"],
    ["<#C123>", "&lt;#C123&gt;"],
    ["<https://evil.example|click>", "&lt;https://evil.example|click&gt;"],
    // Typed "&amp;" is shown as typed, not as "&".
    ["&amp;", "&amp;amp;"],
    ["Budget & plan > 2 < 3", "Budget &amp; plan &gt; 2 &lt; 3"],
  ])("makes %s literal", (typed, escaped) => {
    expect(escapeSlackText(typed)).toBe(escaped);
  });

  it("leaves everything else alone, mrkdwn emphasis included", () => {
    const text = "*fet* _kursiv_ ~struken~ `kod` | \"citat\" 'x' @channel #kanal :tada: åäö 😀";
    expect(escapeSlackText(text)).toBe(text);
  });

  it("leaves no < or > and no & that does not start an entity of its own", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const escaped = escapeSlackText(text);
        expect(escaped).not.toMatch(/[<>]/);
        expect(escaped.replace(/&(?:amp|lt|gt);/g, "")).not.toContain("&");
        const unescaped = escaped
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&amp;/g, "&");
        expect(unescaped).toBe(text);
      }),
    );
  });
});
