import { describe, expect, it } from "vitest";
import { compileMinutes } from "../../../src/domain/minutes/compile-minutes.js";
import { asPublished } from "../../../src/domain/minutes/published-minutes.js";
import { escapeHtml } from "../../../src/render/escape-html.js";
import { renderMinutesHtml } from "../../../src/render/minutes-html.js";
import { SEED_HEADINGS, SEED_PUBLISHED_AT, seedMeeting } from "../minutes/seed-003-meeting.js";
import { hostileMinutes } from "./hostile-minutes.js";

/** Every tag the page opens or closes, by name. */
function tagNames(html: string): Set<string> {
  return new Set(
    [...html.matchAll(/<\/?([a-z0-9!]+)/gi)].map((match) => (match[1] ?? "").toLowerCase()),
  );
}

const OWN_TAGS = [
  "!doctype",
  "html",
  "head",
  "meta",
  "title",
  "style",
  "body",
  "main",
  "article",
  "header",
  "h1",
  "h2",
  "p",
  "time",
  "section",
  "strong",
  "ul",
  "li",
  "a",
  "br",
];

describe("escapeHtml", () => {
  it("escapes the five characters that matter in text and quoted attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
    );
    expect(escapeHtml("Översyn – 2019")).toBe("Översyn – 2019");
  });
});

describe("renderMinutesHtml", () => {
  it("renders the seed 003 post as a complete Swedish page", () => {
    const html = renderMinutesHtml(compileMinutes(seedMeeting()));
    expect(html).toMatch(/^<!doctype html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain("<title>Noterat från Regionala samverkansrådet 11 april</title>");
    expect(html).toContain("<h1>Noterat från Regionala samverkansrådet 11 april</h1>");
    expect(html).toContain('<p class="stamp"><time>2018-04-12 11:50</time></p>');
    expect(html).toMatch(
      /<p class="lede">Översyn av Kollektivtrafikmyndigheten, .* möte den 11 april\.<\/p>/,
    );
    for (const heading of SEED_HEADINGS) expect(html).toContain(`<h2>${heading}</h2>`);
    expect(html).toContain(
      '<p>Handlingar från Regionala samverkansrådet finns i sin helhet på <a href="https://rvn.se">rvn.se</a></p>',
    );
    expect(html).toContain("<p>Nästa möte med Regionala samverkansrådet är den 30 maj.</p>");
    expect(html).toMatch(/<\/article>\n<\/main>\n<\/body>\n<\/html>\n$/);
    expect([...tagNames(html)].filter((tag) => !OWN_TAGS.includes(tag))).toEqual([]);
  });

  it("marks the published post up: the stamp as a machine-readable time, title and stamps as its header", () => {
    const draft = compileMinutes(
      seedMeeting({ meeting: { ...seedMeeting().meeting, publishedAt: null } }),
    );
    const sha256 = "ab".repeat(32);
    const html = renderMinutesHtml(
      asPublished(
        draft,
        { publishedAt: SEED_PUBLISHED_AT, correctedAt: new Date("2018-04-13T07:05:00Z"), sha256 },
        "Europe/Stockholm",
      ),
    );
    expect(html).toContain(
      '<main>\n<article>\n<header>\n<h1>Noterat från Regionala samverkansrådet 11 april</h1>\n<p class="stamp"><time datetime="2018-04-12T09:50:00.000Z">2018-04-12 11:50</time></p>\n<p class="stamp corrected">Rättad 2018-04-13 09.05</p>\n</header>\n<p class="lede">',
    );
    expect(html).toContain(
      `<footer class="checksum"><p>Kontrollsumma (SHA-256): ${sha256}</p></footer>\n</article>\n</main>`,
    );
    expect(html.match(/<main>/g)).toHaveLength(1);
  });

  it("takes the page language from the document", () => {
    const html = renderMinutesHtml(compileMinutes(seedMeeting({ locale: "en" })));
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<h2>Next meeting</h2>");
  });

  it("shows decisions, actions and line breaks", () => {
    const html = renderMinutesHtml(
      compileMinutes(
        seedMeeting({
          items: [
            {
              ref: 1,
              kind: "decision",
              heading: "Budget",
              text: "Rad ett\nrad två",
              paragraph: 12,
            },
          ],
          actions: [
            { ref: 2, itemRef: 1, text: "Skicka", assignees: ["Anna"], due: null },
            { ref: 5, itemRef: null, text: "Ring", assignees: ["Eva"], due: null },
          ],
        }),
      ),
    );
    expect(html).toContain(
      '<section class="item item-decision">\n<h2>Budget</h2>\n<p class="decision"><strong>Beslut § 12</strong></p>\n<p>Rad ett<br>\nrad två</p>\n<ul class="actions">\n<li>Anna: Skicka</li>\n</ul>\n</section>',
    );
    expect(html).toContain(
      '<section class="other-actions">\n<h2>Uppdrag</h2>\n<ul class="actions">\n<li>Eva: Ring</li>\n</ul>\n</section>',
    );
  });

  it("escapes every piece of user text and links no script", () => {
    const html = renderMinutesHtml(hostileMinutes());
    expect([...tagNames(html)].filter((tag) => !OWN_TAGS.includes(tag))).toEqual([]);
    expect(html).not.toContain("<a ");
    expect(html).toContain(
      "<title>Noterat från Rådet &lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; &#39;y&#39; 11 april</title>",
    );
    expect(html).toContain("<h2># &lt;script&gt;alert(1)&lt;/script&gt;</h2>");
    expect(html).toContain("<h2>&quot;&gt;&lt;svg onload=alert(1)&gt;</h2>");
    expect(html).toContain("<li>Anna &lt;@U123&gt;: `rm -rf` &amp; &lt;b&gt;fet&lt;/b&gt;</li>");
    expect(html).toContain("finns i sin helhet på javascript:alert(1)</p>");
  });

  it("keeps an address inside its attribute", () => {
    const html = renderMinutesHtml(hostileMinutes(`https://rvn.se/?q="><script>'`));
    expect(html).toContain(
      '<a href="https://rvn.se/?q=%22%3E%3Cscript%3E%27">https://rvn.se/?q=&quot;&gt;&lt;script&gt;&#39;</a>',
    );
    expect(tagNames(html).has("script")).toBe(false);
  });
});
