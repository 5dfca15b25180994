import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FixedClock, runScript } from "../support/console-harness.js";
import { pdfText } from "../support/pdf-text.js";
import { openTempDatabase, type TempDatabase, tableCounts } from "../support/temp-database.js";
import { firstMissingInOrder } from "../unit/render/text-order.js";

// `protokoll pdf` (architecture.md §12–§13) on the local surface, through the real console over a
// script: the justerat protocol is written as a PDF to the export directory and read back with
// poppler; before justering, in notes mode, and for a member while it is unpublished it is
// refused, and nothing is written or stored.

/** Monday 8 February 2027, 09:00 in Stockholm: the meeting is at 13:00 today. */
const MEETING_DAY = "2027-02-08T08:00:00Z";
const FILE = "samverkansradet-norr-2027-02-08-protokoll.pdf";
const ONLY_YOU = "(bara till dig)";

/** Sara, secretary; Maria chairs; Anna approves with her; Bertil is a member and nothing more. */
const MEETING = [
  "råd Samverkansrådet Norr",
  "läge protokoll",
  "roll @Maria ordförande",
  "ledamot @Maria @Anna @Bertil",
  "möte idag kl 13 Östersund",
  "närvarande @Maria @Anna @Bertil @Sara",
  "justerare @Anna",
  "beslut Budget 2027: Rådet fastställer budgeten enligt förslaget.", // #8
  "votering 8 2 1",
  "noterat Länstransportplanen: Rådet informerades om tidplanen.", // #9
];
const JUSTERING = ["/som Maria", "justera", "/som Anna", "justera"];

describe("`protokoll pdf` on the local surface", () => {
  let db: TempDatabase;
  let clock: FixedClock;
  let exportDir: string;

  /** The console's whole output for a script typed by `user`. */
  const run = async (script: string[], user = "Sara") =>
    (await runScript(db.store, clock, script, { user, exportDir })).output;
  /** The answer to one line. */
  const say = async (user: string, line: string) => (await run([line], user)).trimEnd();
  const written = () => readdir(exportDir);

  beforeEach(async () => {
    db = await openTempDatabase();
    clock = new FixedClock(MEETING_DAY);
    exportDir = await mkdtemp(join(tmpdir(), "noterat-pdf-e2e-"));
  });
  afterEach(async () => {
    await db.cleanup();
    await rm(exportDir, { recursive: true, force: true });
  });

  it("writes the justerat protocol as a PDF whose text has the §§ in order, the signatures and the pages", async () => {
    const setUp = await run([...MEETING, ...JUSTERING]);
    expect(setUp).toContain("Protokollet från mötet 8 februari är justerat: Anna skrev sist");
    const checksum = /kontrollsumma ([0-9a-f]{12})/.exec(setUp)?.[1] ?? "";
    expect(checksum).toMatch(/^[0-9a-f]{12}$/);

    expect(await say("Sara", "protokoll pdf")).toBe(
      `${ONLY_YOU}\nProtokollet som PDF: ${join(exportDir, FILE)}`,
    );
    expect(await written()).toEqual([FILE]);
    const pdf = await readFile(join(exportDir, FILE));
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = await pdfText(pdf);
    expect(
      firstMissingInOrder(text, [
        "Samverkansrådet Norr",
        "PROTOKOLL",
        "Sammanträdesdatum 2027-02-08",
        "Plats och tid Östersund, kl. 13.00",
        "Beslutande Maria (ordförande), Anna, Bertil",
        "Utses att justera Anna",
        "Paragrafer §§ 1–9",
        "§ 1 Mötets öppnande",
        "§ 2 Val av justerare",
        "§ 3 Fastställande av dagordning",
        "§ 4 Föregående protokoll",
        "§ 5 Uppföljning av uppdrag",
        "§ 6 Budget 2027",
        "Beslut Rådet fastställer budgeten enligt förslaget.",
        "Omröstning Ja 2, Nej 1.",
        "§ 7 Länstransportplanen",
        "Rådet informerades om tidplanen.",
        "§ 8 Övriga frågor",
        "§ 9 Mötets avslutande",
        "Underskrifter",
        `Ordförande Maria — Justerat digitalt 2027-02-08 09.00, kontrollsumma ${checksum}`,
        `Justerare Anna — Justerat digitalt 2027-02-08 09.00, kontrollsumma ${checksum}`,
      ]),
    ).toBeUndefined();
    const pages = [...text.matchAll(/Sida (\d+) av (\d+)/g)].map((match) => [
      Number(match[1]),
      Number(match[2]),
    ]);
    expect(pages[0]).toEqual([1, pages.length]);
    expect(pages.map(([page]) => page)).toEqual(pages.map((_, index) => index + 1));

    // The chair may have it before it is published too; asking again overwrites the file.
    expect(await say("Maria", "protokoll pdf 8 februari")).toBe(
      `${ONLY_YOU}\nProtokollet som PDF: ${join(exportDir, FILE)}`,
    );
    expect(await written()).toEqual([FILE]);
  });

  // KNOWN BUG (src/handlers/minutes-pdf.ts): a justerare chosen for the meeting (`justerare
  // @Anna`) may read the draft with `protokoll` and sign it, but `protokoll pdf` checks only the
  // council roles and refuses her. Drop `.fails` once it passes her as show-protocol.ts does.
  it("gives it to a justerare chosen for the meeting before it is published", async () => {
    await run([...MEETING, ...JUSTERING]);
    expect(await say("Anna", "protokoll pdf")).toBe(
      `${ONLY_YOU}\nProtokollet som PDF: ${join(exportDir, FILE)}`,
    );
  });

  it("refuses before justering, with the chair's signature alone too, and writes nothing", async () => {
    await run(MEETING);
    const refusal = `${ONLY_YOU}\nProtokollet från mötet 8 februari är inte justerat än: PDF:en görs av det justerade protokollet.`;
    const counts = () => tableCounts(db.database);
    let before = await counts();
    expect(await say("Sara", "protokoll pdf")).toBe(refusal);
    expect(await counts()).toEqual(before);
    expect(await run(["/som Maria", "justera"])).toContain("Väntar på Anna.");
    before = await counts();
    expect(await say("Maria", "protokoll pdf")).toBe(refusal);
    expect(await counts()).toEqual(before);
    expect(await written()).toEqual([]);
  });

  it("refuses in notes mode, where there is no protocol", async () => {
    await run([
      "råd Reglab",
      "roll @Maria ordförande",
      "möte idag kl 13",
      "beslut Budget 2027: Rådet fastställer budgeten.",
      "/som Maria",
      "justera",
    ]);
    const before = await tableCounts(db.database);
    expect(await say("Sara", "protokoll pdf")).toBe(
      `${ONLY_YOU}\nDet hör till protokolläget. Sekreteraren slår på det med \`läge protokoll\`.`,
    );
    expect(await written()).toEqual([]);
    expect(await tableCounts(db.database)).toEqual(before);
  });

  it("refuses a member while the justerat protocol is unpublished, and gives it once it is public", async () => {
    await run([...MEETING, ...JUSTERING]);
    const before = await tableCounts(db.database);
    expect(await say("Bertil", "protokoll pdf")).toBe(
      `${ONLY_YOU}\nUtkastet visas bara för sekreteraren, ordföranden och justerare.`,
    );
    expect(await written()).toEqual([]);
    expect(await tableCounts(db.database)).toEqual(before);

    expect(await say("Sara", "publicera")).toContain("är publicerad i 1 av 1 kanal");
    expect(await say("Bertil", "protokoll pdf")).toBe(
      `${ONLY_YOU}\nProtokollet som PDF: ${join(exportDir, FILE)}`,
    );
    expect(await pdfText(await readFile(join(exportDir, FILE)))).toContain("§ 6 Budget 2027");
  });
});
