import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { type AtomEntry, type AtomFeed, renderAtomFeed } from "../../../src/render/atom-feed.js";

const BASE = "https://noterat.rvn.se/arkiv/regionala-samverkansradet";

// htmlEntities makes the parser decode character references (&#39;) as every XML parser does.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name) => name === "entry" || name === "link",
});

interface ParsedLink {
  "@_rel": string;
  "@_type": string;
  "@_href": string;
}
interface ParsedEntry {
  id: string;
  title: string;
  link: ParsedLink[];
  published: string;
  updated: string;
  content: { "#text": string; "@_type": string };
}
interface ParsedFeed {
  "@_xmlns": string;
  "@_xml:lang": string;
  id: string;
  title: string;
  updated: string;
  link: ParsedLink[];
  author: { name: string };
  entry?: ParsedEntry[];
}

/** The feed as a real parser reads it, after checking that it is well-formed XML. */
function parse(xml: string): ParsedFeed {
  expect(XMLValidator.validate(xml)).toBe(true);
  return (parser.parse(xml) as { feed: ParsedFeed }).feed;
}

function entry(day: number, overrides: Partial<AtomEntry> = {}): AtomEntry {
  const date = `2026-03-${String(day).padStart(2, "0")}`;
  return {
    id: `${BASE}/${date}`,
    title: `Noterat från Regionala samverkansrådet ${day} mars 2026`,
    url: `${BASE}/${date}`,
    published: new Date(`${date}T14:30:00Z`),
    updated: new Date(`${date}T14:30:00Z`),
    contentHtml: `<p>Möte ${day}</p>`,
    ...overrides,
  };
}

function feed(entries: AtomEntry[], overrides: Partial<AtomFeed> = {}): AtomFeed {
  return {
    id: `${BASE}/`,
    title: "Noterat från Regionala samverkansrådet",
    updated: new Date("2026-01-01T00:00:00Z"),
    selfUrl: `${BASE}/flode.xml`,
    siteUrl: `${BASE}/`,
    locale: "sv",
    entries,
    ...overrides,
  };
}

describe("renderAtomFeed", () => {
  it("is an Atom document with the feed's id, title, links, author and language", () => {
    const xml = renderAtomFeed(feed([entry(30)]));
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);

    const parsed = parse(xml);
    expect(parsed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(parsed["@_xml:lang"]).toBe("sv");
    expect(parsed.id).toBe(`${BASE}/`);
    expect(parsed.title).toBe("Noterat från Regionala samverkansrådet");
    expect(parsed.author.name).toBe("Noterat från Regionala samverkansrådet");
    expect(parsed.link).toEqual([
      { "@_rel": "self", "@_type": "application/atom+xml", "@_href": `${BASE}/flode.xml` },
      { "@_rel": "alternate", "@_type": "text/html", "@_href": `${BASE}/` },
    ]);
  });

  it("has one entry per post, in the given order, with id, title, link and RFC 3339 times", () => {
    const posts = [
      entry(30, { updated: new Date("2026-04-02T08:15:30.999Z") }),
      entry(2, { published: new Date("2026-03-02T14:30:00.123Z") }),
    ];
    const entries = parse(renderAtomFeed(feed(posts))).entry ?? [];

    expect(entries.map((parsed) => parsed.id)).toEqual([
      `${BASE}/2026-03-30`,
      `${BASE}/2026-03-02`,
    ]);
    expect(entries.map((parsed) => parsed.title)).toEqual([
      "Noterat från Regionala samverkansrådet 30 mars 2026",
      "Noterat från Regionala samverkansrådet 2 mars 2026",
    ]);
    expect(entries.map((parsed) => parsed.link)).toEqual([
      [{ "@_rel": "alternate", "@_type": "text/html", "@_href": `${BASE}/2026-03-30` }],
      [{ "@_rel": "alternate", "@_type": "text/html", "@_href": `${BASE}/2026-03-02` }],
    ]);
    expect(entries.map((parsed) => [parsed.published, parsed.updated])).toEqual([
      ["2026-03-30T14:30:00Z", "2026-04-02T08:15:30Z"],
      ["2026-03-02T14:30:00Z", "2026-03-02T14:30:00Z"],
    ]);
    expect(entries.map((parsed) => parsed.content["@_type"])).toEqual(["html", "html"]);
  });

  it("is updated when its latest entry was, or at the feed's own time when that is later", () => {
    const posts = [entry(2), entry(30, { updated: new Date("2026-04-02T08:00:00Z") }), entry(16)];
    expect(parse(renderAtomFeed(feed(posts))).updated).toBe("2026-04-02T08:00:00Z");

    const later = new Date("2026-05-01T10:00:00Z");
    expect(parse(renderAtomFeed(feed(posts, { updated: later }))).updated).toBe(
      "2026-05-01T10:00:00Z",
    );
    expect(parse(renderAtomFeed(feed([]))).updated).toBe("2026-01-01T00:00:00Z");
  });

  it("carries the post's HTML escaped, so that a parser gives back exactly that HTML", () => {
    const html = [
      '<h1 class="title">Noterat från Region Västernorrland</h1>',
      "<p>Beslut &amp; uppdrag: 3 &lt; 5, &nbsp;”citat” \"dubbla\" och 'enkla' citattecken.</p>",
      "<ul><li>Åsa Öberg – ärende 🎉 klart</li></ul>",
      '<a href="https://rvn.se/handlingar?a=1&amp;b=2">Handlingar</a>',
    ].join("\n");
    const xml = renderAtomFeed(feed([entry(30, { contentHtml: html })]));

    expect(xml).not.toContain("<h1");
    expect(parse(xml).entry?.[0]?.content["#text"]).toBe(html);
  });

  it("keeps hostile titles and addresses as text, and drops what XML cannot carry", () => {
    const hostile = "Rådet</title><script>alert(1)</script> ]]> <![CDATA[x]]> &amp;";
    const controls = "\u0000\u0001\u0008\u000B\u000C\u001B\uFFFE\uD800";
    const href = `${BASE}/?q="><script>alert(1)</script>&x='y'`;
    const xml = renderAtomFeed(
      feed([entry(30, { title: `${hostile}${controls}`, url: href })], {
        title: `${controls}${hostile}`,
        selfUrl: href,
      }),
    );

    expect(xml).not.toMatch(/<script|<!\[CDATA\[|<\/title></);
    expect([...controls].filter((char) => xml.includes(char))).toEqual([]);
    const parsed = parse(xml);
    expect(parsed.title).toBe(hostile);
    expect(parsed.author.name).toBe(hostile);
    expect(parsed.link[0]?.["@_href"]).toBe(href);
    expect(parsed.entry?.[0]?.title).toBe(hostile);
    expect(parsed.entry?.[0]?.link[0]?.["@_href"]).toBe(href);
  });
});
