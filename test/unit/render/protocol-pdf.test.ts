import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { noticeDates, withNotice } from "../../../src/domain/protocol/notice-dates.js";
import type { ProtocolDocument } from "../../../src/domain/protocol/protocol-document.js";
import { withSignatures } from "../../../src/domain/protocol/sign-protocol.js";
import { renderProtocolPdf } from "../../../src/render/protocol-pdf.js";
import {
  EXAMPLE_PARAGRAPHS,
  exampleProtocol,
  hostileProtocol,
  largeProtocol,
} from "../protocol/protokoll-example.js";
import { HOSTILE } from "./hostile-minutes.js";
import { firstMissingInOrder } from "./text-order.js";

// The PDF read back with poppler, as a reader, an archive or a search engine would: no mocks.
// CI installs poppler-utils; a missing binary fails these tests rather than skipping them.

const run = promisify(execFile);
let directory = "";
let files = 0;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "noterat-pdf-"));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** Renders the protocol to a file of its own and returns its path. */
async function pdfFile(doc: ProtocolDocument): Promise<string> {
  files += 1;
  const path = join(directory, `protokoll-${files}.pdf`);
  await writeFile(path, await renderProtocolPdf(doc));
  return path;
}

async function poppler(tool: string, args: string[]): Promise<string> {
  const { stdout } = await run(tool, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** The text of the pages (all, or `from`–`to`), one string per page, runs of spaces as one. */
async function pagesText(path: string, from?: number, to?: number): Promise<string[]> {
  const range = from === undefined ? [] : ["-f", String(from), "-l", String(to ?? from)];
  const text = await poppler("pdftotext", ["-layout", "-enc", "UTF-8", ...range, path, "-"]);
  return text
    .split("\f")
    .slice(0, -1)
    .map((page) => page.replace(/[ \t]+/g, " "));
}

const flat = (pages: string[]) => pages.join("\n").replace(/\s+/g, " ");

/** pdfinfo's "Key: value" lines. */
async function info(path: string): Promise<Map<string, string>> {
  const lines = (await poppler("pdfinfo", ["-enc", "UTF-8", path])).split("\n");
  return new Map(
    lines.flatMap((line) => {
      const at = line.indexOf(":");
      return at < 0 ? [] : [[line.slice(0, at), line.slice(at + 1).trim()] as const];
    }),
  );
}

async function pageCount(path: string): Promise<number> {
  return Number((await info(path)).get("Pages"));
}

function complete(doc: ProtocolDocument): ProtocolDocument {
  const sha256 = "3f9a1c0e77b2".padEnd(64, "0");
  const signed = withSignatures(
    doc,
    [
      { role: "chair", name: "Maria Ek", at: new Date("2027-02-10T10:02:00Z"), sha256 },
      { role: "approver", name: "Anna Lind", at: new Date("2027-02-11T07:40:00Z"), sha256 },
      { role: "secretary", name: "Sara Nord", at: new Date("2027-02-10T08:14:00Z"), sha256 },
    ],
    "Europe/Stockholm",
  );
  return withNotice(
    signed,
    noticeDates(new Date("2027-02-11T07:40:00Z"), "Europe/Stockholm"),
    "Regionens kansli",
  );
}

const TITLE = "PROTOKOLL – Samverkansrådet Norr – Sammanträdesdatum 2027-02-08";
const STANDARD_14 = /Helvetica|Times|Courier|Symbol|ZapfDingbats/i;

describe("renderProtocolPdf", () => {
  let example = "";
  beforeAll(async () => {
    example = await pdfFile(complete(exampleProtocol()));
  });

  it("reads in the order of a protocol, with å ä ö intact and the signature lines", async () => {
    const text = flat(await pagesText(example));
    expect(
      firstMissingInOrder(text, [
        "Samverkansrådet Norr",
        "PROTOKOLL",
        "Sammanträdesdatum 2027-02-08",
        "Plats och tid Regionens hus, Östersund, kl. 13.00",
        "Beslutande Maria Ek (ordförande), Anna Lind, Bertil Holm, Cecilia Sjö, Erik Berg (ersättare för David Ås)",
        "Övriga närvarande Sara Nord (sekreterare)",
        "Utses att justera Anna Lind",
        "Paragrafer §§ 1–10",
        ...EXAMPLE_PARAGRAPHS.map((item) => `§ ${item.paragraph} ${item.heading}`),
        "Underskrifter",
        "Sekreterare Sara Nord — Justerat digitalt 2027-02-10 09.14, kontrollsumma 3f9a1c0e77b2",
        "Ordförande Maria Ek — Justerat digitalt 2027-02-10 11.02, kontrollsumma 3f9a1c0e77b2",
        "Justerare Anna Lind — Justerat digitalt 2027-02-11 08.40, kontrollsumma 3f9a1c0e77b2",
        "ANSLAG/BEVIS",
        "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.",
        "Datum då anslaget tas ned 2027-03-05",
        "Förvaringsplats för protokollet Regionens kansli",
      ]),
    ).toBeUndefined();
  });

  it("gives § 6 its labelled parts in order, then the omedelbar line", async () => {
    const text = flat(await pagesText(example));
    const from = text.indexOf("§ 6 Budget");
    const to = text.indexOf("§ 7 Information");
    expect(from).toBeGreaterThan(0);
    expect(
      firstMissingInOrder(text.slice(from, to), [
        "Beslut Rådet fastställer budgeten enligt förslaget.",
        "Omröstning Ja 4, Nej 1.",
        "Reservation Cecilia Sjö reserverar sig mot beslutet: till förmån för eget yrkande.",
        "Protokollsanteckning Bertil Holm antecknar att kompetensförsörjningen bör prioriteras 2028.",
        "Jäv Erik Berg deltar inte i handläggningen på grund av jäv.",
        "Uppdrag Anna Lind och Bertil Holm: Redovisa utfallet (senast 1 juni)",
        "Paragrafen förklaras omedelbart justerad.",
      ]),
    ).toBeUndefined();
  });

  it("numbers every page in its footer, and repeats whose protocol it is from page 2", async () => {
    const pages = await pagesText(example);
    expect(pages.length).toBe(await pageCount(example));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page.trimEnd().split("\n").at(-1)?.trim()).toBe(
        `Sida ${index + 1} av ${pages.length}`,
      );
    });
    expect(pages[0]?.match(/Samverkansrådet Norr/g)).toHaveLength(1);
    expect(pages[1]?.trimStart().split("\n")[0]?.trim()).toBe(
      "Samverkansrådet Norr PROTOKOLL · Sammanträdesdatum 2027-02-08",
    );
  });

  it("embeds every font it uses, all Roboto, none of the standard 14", async () => {
    const rows = (await poppler("pdffonts", [example])).trim().split("\n").slice(2);
    const fonts = rows.map((row) => {
      const [name = "", type = "", , , emb = ""] = row.trim().split(/\s+/);
      return { name: name.replace(/^[A-Z]{6}\+/, ""), type, emb };
    });
    expect(new Set(fonts.map((font) => font.name))).toEqual(
      new Set(["Roboto-Regular", "Roboto-Medium", "Roboto-Italic", "Roboto-MediumItalic"]),
    );
    for (const font of fonts) {
      expect(font.emb, font.name).toBe("yes");
      expect(font.name).not.toMatch(STANDARD_14);
    }
  });

  it("says what it is: title, authors, A4, tagged, PDF 1.7, PDF/A-2b, Swedish", async () => {
    const fields = await info(example);
    expect(fields.get("Title")).toBe(TITLE);
    expect(fields.get("Author")).toBe("Noterat");
    expect(fields.get("Creator")).toBe("Noterat");
    expect(fields.get("Tagged")).toBe("yes");
    expect(fields.get("PDF version")).toBe("1.7");
    expect(fields.get("Page size")).toMatch(/\(A4\)/);

    const xmp = await poppler("pdfinfo", ["-meta", example]);
    expect(XMLValidator.validate(xmp)).toBe(true);
    expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${TITLE}</rdf:li>`);

    const pdf = await renderProtocolPdf(exampleProtocol());
    expect(pdf.toString("latin1")).toContain("/Lang (sv-SE)");
    expect(pdf.toString("latin1")).toContain("/DisplayDocTitle true");
  });

  it("speaks English when the protocol does, and says when the meeting was not quorate", async () => {
    const doc = exampleProtocol({
      locale: "en",
      quorum: { deciding: 2, members: 6, needed: 4, met: false },
    });
    const path = await pdfFile(doc);
    const pages = await pagesText(path);
    expect(flat(pages)).toContain(
      "The meeting was not quorate: 2 of 6 members took part (at least 4 needed).",
    );
    expect(pages[0]?.trimEnd().split("\n").at(-1)?.trim()).toBe(`Page 1 of ${pages.length}`);
    expect((await renderProtocolPdf(doc)).toString("latin1")).toContain("/Lang (en-GB)");
  });

  it("prints hostile text as text, keeps the metadata well-formed and fetches nothing", async () => {
    const fetch = vi.spyOn(globalThis, "fetch");
    try {
      const path = await pdfFile(
        complete({
          ...hostileProtocol(),
          header: [{ label: "Länk", value: "https://x.invalid/a.png" }],
        }),
      );
      expect(fetch).not.toHaveBeenCalled();
      const text = flat(await pagesText(path));
      expect(
        firstMissingInOrder(text, [
          HOSTILE.council,
          "Länk https://x.invalid/a.png",
          `§ 1 ${HOSTILE.heading}`,
          "[x](javascript:alert(1)) <img src=x onerror=alert(1)>",
          `§ 2 ${HOSTILE.decisionHeading}`,
          "Anna <@U123> reserverar sig mot beslutet: <!channel> & [x](y)",
          "*fet* _kursiv_ ~struken~ `kod`",
        ]),
      ).toBeUndefined();
      // Markup characters in the title become their full-width twins in the metadata.
      const title = "PROTOKOLL – Rådet ＜b＞\"x\"＜/b＞ ＆ 'y' – Sammanträdesdatum 2027-02-08";
      expect((await info(path)).get("Title")).toBe(title);
      const xmp = await poppler("pdfinfo", ["-meta", path]);
      expect(XMLValidator.validate(xmp)).toBe(true);
      expect(xmp).toContain(title);
    } finally {
      fetch.mockRestore();
    }
  });

  it("lays out 200 §§ over many pages, numbered to the last, no heading left at a page foot", async () => {
    const path = await pdfFile(complete(largeProtocol(200)));
    const pages = await pagesText(path);
    const count = await pageCount(path);
    expect(count).toBeGreaterThan(20);
    expect(pages).toHaveLength(count);
    expect(flat(await pagesText(path, count))).toContain(`Sida ${count} av ${count}`);
    expect(
      firstMissingInOrder(
        flat(pages),
        Array.from({ length: 200 }, (_, index) => `§ ${index + 1} Ärende nummer ${index + 1}`),
      ),
    ).toBeUndefined();
    const labels =
      /^(§ \d+ Ärende nummer \d+|Beslut|Omröstning|Reservation|Protokollsanteckning|Jäv|Underskrifter|ANSLAG\/BEVIS)$/;
    pages.forEach((page, index) => {
      const lines = page
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "");
      expect(lines.at(-1)).toBe(`Sida ${index + 1} av ${count}`);
      expect(lines.at(-2), `the foot of page ${index + 1}`).not.toMatch(labels);
    });
  }, 60_000);
});
