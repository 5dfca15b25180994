import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { wireWeb } from "../../support/app-wiring.js";
import {
  CHANNEL,
  callMessage,
  PEOPLE,
  SlackAppHarness,
  textOf,
} from "../../support/slack-app-harness.js";
import { firstMissingInOrder } from "../../unit/render/text-order.js";

// Publishing on Slack writes the post's web files (architecture.md §13) when an export directory is
// configured: Markdown and HTML of exactly what was posted in the channel, the protocol's too in
// protocol mode, named in the secretary's answer; publishing again after a correction replaces
// them. Without an export directory nothing is written; a directory that cannot be written is
// reported while the post still goes out.

const { eva, olle, anna, per } = PEOPLE;
const at = (id: string) => `<@${id}>`;

const BASE = "regionala-samverkansradet-2026-04-14";
const TITLE = "Noterat från Regionala samverkansrådet 14 april";
const PUBLISHED = `”${TITLE}” är publicerad i 1 av 1 kanal.`;
/** A reserved name (RFC 2606): nothing is ever fetched from it. */
const PUBLIC_URL = "https://noterat.region.example";
/** Today at 13:00: planned in each test, after the council's mode is set. */
const MEETING = "möte idag kl 13:00 Sundsvall";
const POST_URL = `${PUBLIC_URL}/arkiv/regionala-samverkansradet/2026-04-14`;

describe("web files written when publishing on Slack", () => {
  let h: SlackAppHarness;
  let exportDir: string;

  const file = (name: string) => readFile(join(exportDir, name), "utf8");
  /** The SHA-256 of the snapshot the meeting published. */
  const publishedSha = async () => {
    const meeting = await h.prisma.meeting.findFirstOrThrow({
      where: { minutesStatus: "published" },
    });
    const snapshot = await h.prisma.minutesSnapshot.findUniqueOrThrow({
      where: { id: meeting.approvedSnapshotId ?? "" },
    });
    return snapshot.sha256;
  };
  /** What Noterat posted in the council's channel, as one text. */
  const channelText = () =>
    textOf(
      h.fake
        .callsTo("chat.postMessage")
        .filter((call) => call.args.channel === CHANNEL)
        .map(callMessage),
    );

  beforeEach(async () => {
    // Tuesday 14 April 2026, 11:00 in Stockholm; the meeting is at 13:00 today.
    h = await SlackAppHarness.start();
    exportDir = await mkdtemp(join(tmpdir(), "noterat-web-files-"));
    await h.command(eva.id, "råd Regionala samverkansrådet");
    await h.command(eva.id, `roll ${at(olle.id)} ordförande`);
  });
  afterEach(async () => {
    await h.stop();
    await rm(exportDir, { recursive: true, force: true });
  });

  it("writes the post's Markdown and HTML, names them and links the archive; a correction replaces them", async () => {
    wireWeb(h.deps, { exportDir, publicUrl: PUBLIC_URL });
    await h.command(eva.id, "webb på");
    await h.command(eva.id, MEETING);
    // As Slack sends it: `<`, `>` and `&` typed by the secretary arrive escaped.
    await h.command(eva.id, "noterat Budget: Kostnad &lt; 5 % &amp; ”citat”"); // #1
    await h.command(eva.id, "beslut Lokal: Rådet hyr Stadshuset."); // #2
    await h.command(olle.id, "justera");

    const md = join(exportDir, `${BASE}.md`);
    const html = join(exportDir, `${BASE}.html`);
    expect((await h.command(eva.id, "publicera")).text).toBe(
      [PUBLISHED, `För webben: ${md}, ${html}`, `På webben: ${POST_URL}`].join("\n"),
    );
    expect((await readdir(exportDir)).sort()).toEqual([`${BASE}.html`, `${BASE}.md`]);
    const sha = await publishedSha();
    expect(channelText()).toContain("Rådet hyr Stadshuset.");
    const markdown = await file(`${BASE}.md`);
    expect(
      firstMissingInOrder(markdown, [
        `# ${TITLE}`,
        "2026-04-14 11:00",
        "## Budget",
        "Kostnad &lt; 5 % &amp; ”citat”",
        "## Lokal",
        "**Beslut § 1**",
        "Rådet hyr Stadshuset.",
        `Kontrollsumma (SHA-256): ${sha}`,
      ]),
    ).toBeUndefined();
    const page = await file(`${BASE}.html`);
    expect(page).toMatch(/^<!doctype html>\n<html lang="sv">/);
    expect(
      firstMissingInOrder(page, [
        `<meta name="noterat-sha256" content="${sha}">`,
        `<h1>${TITLE}</h1>`,
        '<time datetime="2026-04-14T09:00:00.000Z">2026-04-14 11:00</time>',
        "<h2>Budget</h2>",
        "<p>Kostnad &lt; 5 % &amp; ”citat”</p>",
        "<h2>Lokal</h2>",
        "<p>Rådet hyr Stadshuset.</p>",
      ]),
    ).toBeUndefined();
    expect(page).not.toContain("Rättad");

    // A correction reopens the minutes; published again, the same files say what was corrected.
    h.clock.set("2026-04-14T13:30:00Z");
    await h.command(eva.id, "ändra 2 Rådet hyr Rådhuset.");
    await h.command(olle.id, "justera");
    expect((await h.command(eva.id, "publicera")).text).toContain(`För webben: ${md}, ${html}`);
    expect((await readdir(exportDir)).sort()).toEqual([`${BASE}.html`, `${BASE}.md`]);
    const corrected = await file(`${BASE}.html`);
    expect(corrected).toContain('<p class="stamp corrected">Rättad 2026-04-14 15.30</p>');
    expect(corrected).toContain("<p>Rådet hyr Rådhuset.</p>");
    expect(corrected).not.toContain("Stadshuset");
    expect(corrected).toContain(`content="${await publishedSha()}"`);
    expect(await file(`${BASE}.md`)).toContain("*Rättad 2026-04-14 15.30*");
  });

  it("writes the protocol's files beside the post's in protocol mode, with its §§ and signatures", async () => {
    wireWeb(h.deps, { exportDir, publicUrl: PUBLIC_URL });
    await h.command(eva.id, "webb på");
    await h.command(eva.id, "läge protokoll");
    await h.command(eva.id, `ledamot ${at(olle.id)} ${at(anna.id)} ${at(per.id)}`);
    await h.command(eva.id, MEETING);
    await h.command(eva.id, `närvarande ${[olle, anna, per, eva].map((p) => at(p.id)).join(" ")}`);
    await h.command(eva.id, `justerare ${at(anna.id)}`);
    await h.command(eva.id, "beslut Budget 2027: Rådet fastställer budgeten."); // #8
    await h.command(eva.id, "votering 8 2 1");
    await h.command(olle.id, "justera");
    const checksum = /kontrollsumma ([0-9a-f]{12})/.exec(
      (await h.command(anna.id, "justera")).text,
    )?.[1];

    const names = [`${BASE}.md`, `${BASE}.html`, `${BASE}-protokoll.md`, `${BASE}-protokoll.html`];
    expect((await h.command(eva.id, "publicera")).text).toBe(
      [
        PUBLISHED,
        `För webben: ${names.map((name) => join(exportDir, name)).join(", ")}`,
        `På webben: ${POST_URL}`,
        `Protokollet som PDF: ${POST_URL}/protokoll.pdf`,
      ].join("\n"),
    );
    expect((await readdir(exportDir)).sort()).toEqual([...names].sort());
    expect(channelText()).toContain("*§ 6 Budget 2027*");
    const protocol = await file(`${BASE}-protokoll.html`);
    expect(protocol).toMatch(/^<!doctype html>\n<html lang="sv">/);
    const signed = `Justerat digitalt 2026-04-14 11.00, kontrollsumma ${checksum}`;
    for (const text of [protocol, await file(`${BASE}-protokoll.md`)]) {
      expect(
        firstMissingInOrder(text, [
          "PROTOKOLL",
          "Sammanträdesdatum 2026-04-14",
          "§ 1 Mötets öppnande",
          "§ 6 Budget 2027",
          "Rådet fastställer budgeten.",
          "Ja 2, Nej 1.",
          "§ 8 Mötets avslutande",
          "Underskrifter",
          `Olle — ${signed}`,
          `Anna B — ${signed}`,
        ]),
      ).toBeUndefined();
    }
    // The post leaves the procedural §§ out and keeps the decision.
    const post = await file(`${BASE}.md`);
    expect(post).toContain("Rådet fastställer budgeten.");
    expect(post).not.toContain("Mötets öppnande");
  });

  it("writes nothing and names no files without an export directory", async () => {
    await h.command(eva.id, MEETING);
    await h.command(eva.id, "noterat Budget: Rådet informerades.");
    await h.command(olle.id, "justera");
    expect((await h.command(eva.id, "publicera")).text).toBe(PUBLISHED);
    expect(channelText()).toContain("Rådet informerades.");
    expect(await readdir(exportDir)).toEqual([]);
  });

  it("says the web files could not be written, and the post still goes to the channel", async () => {
    const blocked = join(exportDir, "en-fil");
    await writeFile(blocked, "inte en katalog");
    wireWeb(h.deps, { exportDir: join(blocked, "webb") });
    await h.command(eva.id, MEETING);
    await h.command(eva.id, "noterat Budget: Rådet informerades.");
    await h.command(olle.id, "justera");
    const answer = (await h.command(eva.id, "publicera")).text.split("\n");
    expect(answer[0]).toBe(PUBLISHED);
    expect(answer[1]).toMatch(/^Webbfilerna kunde inte skrivas: ENOTDIR/);
    expect(answer).toHaveLength(2);
    expect(channelText()).toContain("Rådet informerades.");
    expect(await readdir(exportDir)).toEqual(["en-fil"]);
  });
});
