import { describe, expect, it } from "vitest";
import { compileMinutes } from "../../../src/domain/minutes/compile-minutes.js";
import { renderMinutesMarkdown } from "../../../src/render/minutes-markdown.js";
import { SEED_HEADINGS, seedMeeting } from "../minutes/seed-003-meeting.js";
import { hostileMinutes } from "./hostile-minutes.js";

describe("renderMinutesMarkdown", () => {
  it("renders the seed 003 post", () => {
    const markdown = renderMinutesMarkdown(compileMinutes(seedMeeting()));
    expect(markdown).toMatch(
      /^# Noterat från Regionala samverkansrådet 11 april\n\n2018-04-12 11:50\n\n/,
    );
    expect(markdown).toContain(
      "– det var några av de frågor som behandlades vid Regionala samverkansrådets möte den 11 april.",
    );
    for (const heading of SEED_HEADINGS) expect(markdown).toContain(`\n\n## ${heading}\n\n`);
    expect(markdown).toContain("för perioden 2019-2030 pågår för fullt.");
    expect(markdown).toContain(
      "## Nästa möte\n\nHandlingar från Regionala samverkansrådet finns i sin helhet på [rvn.se](<https://rvn.se>)\n\nNästa möte med Regionala samverkansrådet är den 30 maj.\n",
    );
    // The link destination is the only place where "<" appears.
    expect(markdown.replace("](<https://rvn.se>)", "")).not.toMatch(/[<>]/);
  });

  it("renders the English post", () => {
    const markdown = renderMinutesMarkdown(compileMinutes(seedMeeting({ locale: "en" })));
    expect(markdown).toMatch(/^# Notes from Regionala samverkansrådet, April 11\n/);
    expect(markdown).toContain(
      "## Next meeting\n\nThe documents from Regionala samverkansrådet are available in full at [rvn.se](<https://rvn.se>)\n\nThe next meeting of Regionala samverkansrådet is on May 30.\n",
    );
  });

  it("shows decisions in bold and actions as bullets", () => {
    const markdown = renderMinutesMarkdown(
      compileMinutes(
        seedMeeting({
          items: [
            {
              ref: 1,
              kind: "decision",
              heading: "Budget",
              text: "Rådet beslutade.",
              paragraph: 12,
            },
          ],
          actions: [
            { ref: 2, itemRef: 1, text: "Skicka", assignees: ["Anna"], due: null },
            { ref: 3, itemRef: 1, text: "Boka", assignees: ["Per"], due: null },
            { ref: 5, itemRef: null, text: "Ring", assignees: ["Eva"], due: null },
          ],
        }),
      ),
    );
    expect(markdown).toContain(
      "## Budget\n\n**Beslut § 12**\n\nRådet beslutade.\n\n- Anna: Skicka\n- Per: Boka\n\n## Uppdrag\n\n- Eva: Ring\n\n## Nästa möte",
    );
    expect(markdown).not.toContain("Glöm");
  });

  it("keeps every piece of user text literal", () => {
    const markdown = renderMinutesMarkdown(hostileMinutes());
    expect(markdown).not.toMatch(/[<>]/);
    expect(markdown).toContain(
      "# Noterat från Rådet &lt;b&gt;\"x\"&lt;/b&gt; &amp; 'y' 11 april\n",
    );
    expect(markdown).toContain("## \\# &lt;script&gt;alert(1)&lt;/script&gt;\n");
    expect(markdown).toContain(
      "\\[x\\](javascript:alert(1))\\\n&lt;img src=x onerror=alert(1)&gt;\n\n\\*bold\\*\\\n1\\. list\\\n&gt; quote\n",
    );
    expect(markdown).toContain('## "&gt;&lt;svg onload=alert(1)&gt;\n\n**Beslut § 7**\n');
    expect(markdown).toContain(
      "- Anna &lt;\\@U123&gt;: \\`rm -rf\\` &amp; &lt;b&gt;fet&lt;/b&gt;\n",
    );
    expect(markdown).toContain("- \\- \\[ \\] lista\n");
    // Not a web address: shown, never linked.
    expect(markdown).toContain("finns i sin helhet på javascript:alert(1)\n");
    expect(markdown).not.toMatch(/(?<!\\)\]\(/);
  });

  it("links an address with unsafe characters in the <…> form", () => {
    const markdown = renderMinutesMarkdown(hostileMinutes("https://rvn.se/a b/(x)<y>"));
    expect(markdown).toContain(
      "[https\\://rvn.se/a b/(x)&lt;y&gt;](<https://rvn.se/a%20b/%28x%29%3Cy%3E>)\n",
    );
  });
});
