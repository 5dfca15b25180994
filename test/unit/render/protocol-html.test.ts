import { describe, expect, it } from "vitest";
import { noticeDates, withNotice } from "../../../src/domain/protocol/notice-dates.js";
import type { ProtocolDocument } from "../../../src/domain/protocol/protocol-document.js";
import { withSignatures } from "../../../src/domain/protocol/sign-protocol.js";
import { renderProtocolHtml } from "../../../src/render/protocol-html.js";
import {
  EXAMPLE_PARAGRAPHS,
  exampleProtocol,
  hostileProtocol,
} from "../protocol/protokoll-example.js";

const VOID = new Set(["!doctype", "meta", "br"]);
const OWN_TAGS = new Set([
  ...VOID,
  "html",
  "head",
  "title",
  "style",
  "body",
  "main",
  "header",
  "p",
  "span",
  "h1",
  "h2",
  "h3",
  "time",
  "table",
  "tbody",
  "tr",
  "th",
  "td",
  "section",
]);

/** The tags of the page outside <style>, in order. */
function tags(html: string): Array<{ name: string; closing: boolean }> {
  const markup = html.replace(/<style>[\s\S]*?<\/style>/, "<style></style>");
  return [...markup.matchAll(/<(\/?)([a-z0-9!]+)/gi)].map((match) => ({
    name: (match[2] ?? "").toLowerCase(),
    closing: match[1] === "/",
  }));
}

/** Problems with nesting: a tag closed that is not open, or left open at the end. */
function nestingProblems(html: string): string[] {
  const open: string[] = [];
  const problems: string[] = [];
  for (const tag of tags(html)) {
    if (VOID.has(tag.name)) continue;
    if (!tag.closing) open.push(tag.name);
    else if (open.pop() !== tag.name) problems.push(`</${tag.name}> closes nothing open`);
  }
  return [...problems, ...open.map((name) => `<${name}> left open`)];
}

function headings(html: string): string[] {
  return [...html.matchAll(/<(h[1-3])>([\s\S]*?)<\/h[1-3]>/g)].map(
    (match) => `${match[1]} ${(match[2] ?? "").replace(/<[^>]+>/g, "")}`,
  );
}

function complete(doc: ProtocolDocument): ProtocolDocument {
  const sha256 = "3f9a1c0e77b2".padEnd(64, "0");
  const signed = withSignatures(
    doc,
    [
      { role: "chair", name: "Maria Ek", at: new Date("2027-02-10T10:02:00Z"), sha256 },
      { role: "approver", name: "Anna Lind", at: new Date("2027-02-11T07:40:00Z"), sha256 },
    ],
    "Europe/Stockholm",
  );
  return withNotice(
    signed,
    noticeDates(new Date("2027-02-11T07:40:00Z"), "Europe/Stockholm"),
    null,
  );
}

describe("renderProtocolHtml", () => {
  it("is a complete, well-formed page with one main and its headings in order", () => {
    const html = renderProtocolHtml(complete(exampleProtocol()));
    expect(html).toMatch(/^<!doctype html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n/);
    expect(html).toContain(
      "<title>PROTOKOLL – Samverkansrådet Norr – Sammanträdesdatum 2027-02-08</title>",
    );
    expect(html.match(/<main>/g)).toHaveLength(1);
    expect(nestingProblems(html)).toEqual([]);
    expect(tags(html).filter((tag) => !OWN_TAGS.has(tag.name))).toEqual([]);
    expect(headings(html)).toEqual([
      "h1 PROTOKOLL Sammanträdesdatum 2027-02-08",
      ...EXAMPLE_PARAGRAPHS.flatMap((item) => [
        `h2 § ${item.paragraph} ${item.heading}`,
        ...(item.paragraph === 6
          ? ["Beslut", "Omröstning", "Reservation", "Protokollsanteckning", "Jäv", "Uppdrag"].map(
              (label) => `h3 ${label}`,
            )
          : []),
      ]),
      "h2 Underskrifter",
      "h2 ANSLAG/BEVIS",
    ]);
    expect(html).toMatch(/<\/main>\n<\/body>\n<\/html>\n$/);
  });

  it("shows the header, signatures and notice as tables with row headers", () => {
    const html = renderProtocolHtml(complete(exampleProtocol()));
    expect(html).toContain(
      '<h1>PROTOKOLL <span class="date">Sammanträdesdatum <time datetime="2027-02-08">2027-02-08</time></span></h1>',
    );
    expect(html).toContain(
      '<tr><th scope="row">Plats och tid</th><td>Regionens hus, Östersund, kl. 13.00</td></tr>',
    );
    expect(html).toContain(
      '<tr><th scope="row">Justerare</th><td>Anna Lind — Justerat digitalt 2027-02-11 08.40, kontrollsumma 3f9a1c0e77b2</td></tr>',
    );
    expect(html).toContain(
      '<tr><th scope="row">Datum då anslaget tas ned</th><td>2027-03-05</td></tr>',
    );
    expect(html).toContain(
      '<section class="paragraph">\n<h2>§ 7 Information om länstransportplanen</h2>\n<p>Rådet informeras om tidplanen.</p>\n<p>Informationen läggs till handlingarna.</p>\n</section>',
    );
    expect(html).toContain(
      '<h3>Jäv</h3>\n<p>Erik Berg deltar inte i handläggningen på grund av jäv.</p>\n<h3>Uppdrag</h3>\n<p>Anna Lind och Bertil Holm: Redovisa utfallet (senast 1 juni)</p>\n<p class="immediate">Paragrafen förklaras omedelbart justerad.</p>',
    );
    expect(html).not.toContain('class="quorum"');
  });

  it("takes the language from the protocol and says when the meeting was not quorate", () => {
    const doc = exampleProtocol({
      locale: "en",
      quorum: { deciding: 2, members: 6, needed: 4, met: false },
    });
    const html = renderProtocolHtml(doc);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(
      '<p class="quorum">The meeting was not quorate: 2 of 6 members took part (at least 4 needed).</p>',
    );
  });

  it("escapes every piece of user text", () => {
    const html = renderProtocolHtml(complete(hostileProtocol()));
    expect(tags(html).filter((tag) => !OWN_TAGS.has(tag.name))).toEqual([]);
    expect(nestingProblems(html)).toEqual([]);
    expect(html).toContain(
      "<title>PROTOKOLL – Rådet &lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; &#39;y&#39; – Sammanträdesdatum 2027-02-08</title>",
    );
    expect(html).toContain("<h2>§ 1 # &lt;script&gt;alert(1)&lt;/script&gt;</h2>");
    expect(html).toContain("<h2>§ 2 &quot;&gt;&lt;svg onload=alert(1)&gt;</h2>");
    expect(html).toContain(
      "<p>[x](javascript:alert(1))<br>\n&lt;img src=x onerror=alert(1)&gt;</p>",
    );
    expect(html).toContain(
      "Anna &lt;@U123&gt; reserverar sig mot beslutet: &lt;!channel&gt; &amp; [x](y)",
    );
    expect(html).not.toContain("<a ");
  });
});
