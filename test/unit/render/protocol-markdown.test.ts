import { describe, expect, it } from "vitest";
import { noticeDates, withNotice } from "../../../src/domain/protocol/notice-dates.js";
import { renderProtocolMarkdown } from "../../../src/render/protocol-markdown.js";
import {
  EXAMPLE_PARAGRAPHS,
  exampleProtocol,
  hostileProtocol,
} from "../protocol/protokoll-example.js";
import { firstMissingInOrder } from "./text-order.js";

/** Pipes that end a table cell: those not escaped with a backslash. */
const cellPipes = (line: string) => line.match(/(?<!\\)\|/g)?.length ?? 0;

describe("renderProtocolMarkdown", () => {
  it("renders the head and the header table as the example lays them out", () => {
    const markdown = renderProtocolMarkdown(exampleProtocol());
    expect(
      markdown.startsWith(
        [
          "# Samverkansrådet Norr",
          "",
          "**PROTOKOLL** · Sammanträdesdatum 2027-02-08",
          "",
          "| | |",
          "|---|---|",
          "| Plats och tid | Regionens hus, Östersund, kl. 13.00 |",
          "| Beslutande | Maria Ek (ordförande), Anna Lind, Bertil Holm, Cecilia Sjö, Erik Berg (ersättare för David Ås) |",
          "| Övriga närvarande | Sara Nord (sekreterare), Per Dal |",
          "| Frånvarande | Frida Sund |",
          "| Utses att justera | Anna Lind |",
          "| Justeringens plats och tid | Digital justering, senast 2027-02-22 |",
          "| Paragrafer | §§ 1–10 |",
          "",
          "## § 1 Mötets öppnande",
          "",
          "Ordföranden förklarar mötet öppnat.",
        ].join("\n"),
      ),
    ).toBe(true);
    expect(markdown).toContain(
      [
        "## § 6 Budget för samverkansarbetet 2027 (Dnr RS 2026/1187)",
        "*Beslut*",
        "Rådet fastställer budgeten enligt förslaget.",
        "*Omröstning*",
        "Ja 4, Nej 1.",
      ].join("\n\n"),
    );
    expect(markdown).toContain("*Paragrafen förklaras omedelbart justerad.*\n\n## § 7");
    expect(markdown.endsWith("Ordföranden förklarar mötet avslutat.\n")).toBe(true);
  });

  it("keeps the §§ in order and ends with the notice as a table", () => {
    const doc = withNotice(
      exampleProtocol(),
      noticeDates(new Date("2027-02-11T12:00:00Z"), "Europe/Stockholm"),
      "Regionens kansli",
    );
    const markdown = renderProtocolMarkdown(doc);
    expect(
      firstMissingInOrder(
        markdown,
        EXAMPLE_PARAGRAPHS.map((item) => `## § ${item.paragraph} ${item.heading}`),
      ),
    ).toBeUndefined();
    expect(
      markdown.endsWith(
        [
          "## ANSLAG/BEVIS",
          "",
          "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.",
          "",
          "| | |",
          "|---|---|",
          "| Organ | Samverkansrådet Norr |",
          "| Sammanträdesdatum | 2027-02-08 |",
          "| Datum då anslaget sätts upp | 2027-02-12 |",
          "| Datum då anslaget tas ned | 2027-03-05 |",
          "| Sista dag för överklagande | 2027-03-05 |",
          "| Förvaringsplats för protokollet | Regionens kansli |",
          "",
        ].join("\n"),
      ),
    ).toBe(true);
  });

  it("keeps hostile text as text: no HTML, no link, no extra table cell", () => {
    const markdown = renderProtocolMarkdown(hostileProtocol());
    expect(markdown).not.toMatch(/[<>]/);
    expect(markdown).toContain("# Rådet &lt;b&gt;\"x\"&lt;/b&gt; &amp; 'y'");
    expect(markdown).toContain("## § 1 \\# &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(markdown).toContain("\\[x\\](javascript:alert(1))");
    expect(markdown).toContain("| Övriga närvarande | \\| cell \\| break |");
    expect(markdown).toContain("\\*fet\\* \\_kursiv\\_ \\~struken\\~ \\`kod\\`");
    for (const line of markdown.split("\n").filter((line) => line.startsWith("| "))) {
      expect(cellPipes(line), line).toBe(3);
    }
  });
});
