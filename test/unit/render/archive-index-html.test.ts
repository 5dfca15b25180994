import { describe, expect, it } from "vitest";
import {
  type ArchiveIndex,
  renderArchiveIndexHtml,
} from "../../../src/render/archive-index-html.js";

const ARCHIVE = "/arkiv/regionala-samverkansradet";

function archive(overrides: Partial<ArchiveIndex> = {}): ArchiveIndex {
  return {
    locale: "sv",
    councilName: "Regionala samverkansrådet",
    feedPath: `${ARCHIVE}/flode.xml`,
    calendarPath: `${ARCHIVE}/moten.ics`,
    // Oldest first, as a store might list them: the page turns them round.
    years: [
      {
        year: 2026,
        entries: [
          {
            date: { year: 2026, month: 5, day: 30 },
            title: "Noterat från Regionala samverkansrådet 30 maj 2026",
            path: `${ARCHIVE}/2026-05-30`,
          },
          {
            date: { year: 2026, month: 12, day: 3 },
            title: "Noterat från Regionala samverkansrådet 3 december 2026",
            path: `${ARCHIVE}/2026-12-03`,
            corrected: "Rättad 2026-12-07 10.15",
          },
        ],
      },
      {
        year: 2027,
        entries: [
          {
            date: { year: 2027, month: 2, day: 8 },
            title: "Noterat från Regionala samverkansrådet 8 februari",
            path: `${ARCHIVE}/2027-02-08`,
            protocolPath: `${ARCHIVE}/2027-02-08/protokoll.html`,
            pdfPath: `${ARCHIVE}/2027-02-08/protokoll.pdf`,
          },
        ],
      },
    ],
    ...overrides,
  };
}

function headings(html: string): string[] {
  return [...html.matchAll(/<(h[1-6])>([^<]*)<\/h[1-6]>/g)].map((m) => `${m[1]} ${m[2]}`);
}

describe("renderArchiveIndexHtml", () => {
  it("lists the posts newest year first and newest first within a year, under one h1", () => {
    const html = renderArchiveIndexHtml(archive());
    expect(html).toMatch(/^<!doctype html>\n<html lang="sv">\n<head>\n/);
    expect(html.match(/<main>/g)).toHaveLength(1);
    expect(headings(html)).toEqual([
      "h1 Publicerat från Regionala samverkansrådet",
      "h2 2027",
      "h2 2026",
    ]);
    const order = [...html.matchAll(/<time datetime="([^"]+)">/g)].map((m) => m[1]);
    expect(order).toEqual(["2027-02-08", "2026-12-03", "2026-05-30"]);
  });

  it("links each post with its date, protocol and correction", () => {
    const html = renderArchiveIndexHtml(archive());
    expect(html).toContain(
      [
        "<li>",
        `<p class="entry"><a href="${ARCHIVE}/2027-02-08">Noterat från Regionala samverkansrådet 8 februari</a></p>`,
        '<p class="meta"><time datetime="2027-02-08">2027-02-08</time></p>',
        `<p class="more"><a href="${ARCHIVE}/2027-02-08/protokoll.html">Protokoll</a> <a href="${ARCHIVE}/2027-02-08/protokoll.pdf" type="application/pdf">Protokoll som PDF</a></p>`,
        "</li>",
      ].join("\n"),
    );
    expect(html).toContain(
      '<p class="meta"><time datetime="2026-12-03">2026-12-03</time> – Rättad 2026-12-07 10.15</p>',
    );
    expect(html.match(/class="more"/g)).toHaveLength(1);
  });

  it("offers the feed to feed readers and both feeds to people", () => {
    const html = renderArchiveIndexHtml(archive());
    expect(html).toContain(
      `<link rel="alternate" type="application/atom+xml" title="Publicerat från Regionala samverkansrådet (Atom)" href="${ARCHIVE}/flode.xml">`,
    );
    expect(html).toContain(
      `<li><a href="${ARCHIVE}/flode.xml" type="application/atom+xml">Nyhetsflöde (Atom) med publicerade anteckningar</a></li>`,
    );
    expect(html).toContain(
      `<li><a href="${ARCHIVE}/moten.ics" type="text/calendar">Planerade möten som kalender (iCalendar)</a></li>`,
    );
  });

  it("speaks the council's language", () => {
    const html = renderArchiveIndexHtml(
      archive({ locale: "en", councilName: "Regional Council", years: [] }),
    );
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<h1>Published by Regional Council</h1>");
    expect(html).toContain("<p>Nothing has been published yet.</p>");
    expect(html).toContain(">Planned meetings as a calendar (iCalendar)</a>");
  });

  it("says so when nothing is published, and shows no empty year", () => {
    const html = renderArchiveIndexHtml(archive({ years: [{ year: 2027, entries: [] }] }));
    expect(html).toContain("<p>Inget har publicerats ännu.</p>");
    expect(html).not.toContain("<h2>");
  });

  it("escapes the council's name, the titles and the addresses", () => {
    const html = renderArchiveIndexHtml(
      archive({
        councilName: `Rådet <b>"x"</b> & 'y'`,
        feedPath: `/arkiv/"><script>/flode.xml`,
        years: [
          {
            year: 2027,
            entries: [
              {
                date: { year: 2027, month: 2, day: 8 },
                title: "<img src=x onerror=alert(1)>",
                path: "/arkiv/x/2027-02-08?a=1&b=2",
              },
            ],
          },
        ],
      }),
    );
    expect(html).not.toMatch(/<(?:b|script|img)[\s>]/);
    expect(html).toContain(
      "<title>Publicerat från Rådet &lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; &#39;y&#39;</title>",
    );
    expect(html).toContain('href="/arkiv/&quot;&gt;&lt;script&gt;/flode.xml"');
    expect(html).toContain(
      '<a href="/arkiv/x/2027-02-08?a=1&amp;b=2">&lt;img src=x onerror=alert(1)&gt;</a>',
    );
  });
});
