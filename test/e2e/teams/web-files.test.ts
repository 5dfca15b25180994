import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { wireWeb } from "../../support/app-wiring.js";
import type { TeamsUser } from "../../support/teams-activities.js";
import {
  CHANNEL,
  cardText,
  isProactive,
  PEOPLE,
  TeamsAppHarness,
} from "../../support/teams-app-harness.js";
import { firstMissingInOrder } from "../../unit/render/text-order.js";

// Publishing on Teams writes the post's web files (architecture.md §13) when an export directory is
// configured, as on every surface: Markdown and HTML of what was posted in the channel, and the
// protocol's in protocol mode, named in the secretary's answer. Without one, nothing is written.

const { eva, olle, anna, per } = PEOPLE;
const at = (...people: TeamsUser[]) => people.map((person) => `<at>${person.name}</at>`).join(" ");

const BASE = "regionala-samverkansradet-2026-04-14";
const TITLE = "Noterat från Regionala samverkansrådet 14 april";
const PUBLISHED = `”${TITLE}” är publicerad i 1 av 1 kanal.`;
/** A reserved name (RFC 2606): nothing is ever fetched from it. */
const PUBLIC_URL = "https://noterat.region.example";
const POST_URL = `${PUBLIC_URL}/arkiv/regionala-samverkansradet/2026-04-14`;

describe("web files written when publishing on Teams", () => {
  let h: TeamsAppHarness;
  let exportDir: string;

  const say = (person: TeamsUser, text: string, mentions: TeamsUser[] = []) =>
    h.say(person, text, { mentions });
  const file = (name: string) => readFile(join(exportDir, name), "utf8");
  /** The lines of the cards Noterat posted in the channel of its own accord, and of its answer. */
  async function publish(): Promise<{ posted: string[]; answer: string[] }> {
    const turn = await say(eva, "publicera");
    const posted = turn.cards.filter(
      (card) => card.conversationId === CHANNEL.id && isProactive(card.record),
    );
    const answer = turn.cards.filter((card) => !posted.includes(card));
    const lines = (cards: typeof posted) =>
      cards.flatMap((card) => cardText(card.card).split("\n"));
    return { posted: lines(posted), answer: lines(answer) };
  }

  beforeEach(async () => {
    // Tuesday 14 April 2026, 11:00 in Stockholm; the meeting is at 13:00 today.
    h = await TeamsAppHarness.start();
    exportDir = await mkdtemp(join(tmpdir(), "noterat-web-files-"));
    await say(eva, "råd Regionala samverkansrådet");
    await say(eva, `roll ${at(olle)} ordförande`, [olle]);
  });
  afterEach(async () => {
    await h.stop();
    await rm(exportDir, { recursive: true, force: true });
  });

  it("writes the post's Markdown and HTML with what was posted, and names them", async () => {
    wireWeb(h.deps, { exportDir });
    await say(eva, "möte idag kl 13:00 Sundsvall");
    await say(eva, "noterat Budget: Kostnad < 5 % & ”citat”");
    await say(eva, "beslut Lokal: Rådet hyr Stadshuset.");
    await say(olle, "justera");

    const { posted, answer } = await publish();
    expect(posted[0]).toBe(TITLE);
    expect(posted).toContain("Rådet hyr Stadshuset.");
    const [md, html] = [`${BASE}.md`, `${BASE}.html`];
    expect(answer).toEqual([
      PUBLISHED,
      `För webben: ${join(exportDir, md)}, ${join(exportDir, html)}`,
    ]);
    expect((await readdir(exportDir)).sort()).toEqual([html, md]);
    expect(
      firstMissingInOrder(await file(md), [
        `# ${TITLE}`,
        "## Budget",
        "Kostnad &lt; 5 % &amp; ”citat”",
        "## Lokal",
        "**Beslut § 1**",
        "Rådet hyr Stadshuset.",
      ]),
    ).toBeUndefined();
    const page = await file(html);
    expect(page).toMatch(/^<!doctype html>\n<html lang="sv">/);
    expect(
      firstMissingInOrder(page, [
        `<h1>${TITLE}</h1>`,
        "<p>Kostnad &lt; 5 % &amp; ”citat”</p>",
        "<p>Rådet hyr Stadshuset.</p>",
      ]),
    ).toBeUndefined();
  });

  it("writes the protocol's files too in protocol mode, and links both with the web on", async () => {
    wireWeb(h.deps, { exportDir, publicUrl: PUBLIC_URL });
    await say(eva, "webb på");
    await say(eva, "läge protokoll");
    await say(eva, `ledamot ${at(olle, anna, per)}`, [olle, anna, per]);
    await say(eva, "möte idag kl 13:00 Sundsvall");
    await say(eva, `närvarande ${at(olle, anna, per, eva)}`, [olle, anna, per, eva]);
    await say(eva, `justerare ${at(anna)}`, [anna]);
    await say(eva, "beslut Budget 2027: Rådet fastställer budgeten."); // #8
    await say(eva, "votering 8 2 1");
    await say(olle, "justera");
    const checksum = /kontrollsumma ([0-9a-f]{12})/.exec((await say(anna, "justera")).text)?.[1];

    const names = [`${BASE}.md`, `${BASE}.html`, `${BASE}-protokoll.md`, `${BASE}-protokoll.html`];
    const { posted, answer } = await publish();
    expect(posted).toContain("§ 6 Budget 2027");
    expect(answer).toEqual([
      PUBLISHED,
      `För webben: ${names.map((name) => join(exportDir, name)).join(", ")}`,
      `På webben: ${POST_URL}`,
      `Protokollet som PDF: ${POST_URL}/protokoll.pdf`,
    ]);
    expect((await readdir(exportDir)).sort()).toEqual([...names].sort());
    const signed = `Justerat digitalt 2026-04-14 11.00, kontrollsumma ${checksum}`;
    for (const name of [`${BASE}-protokoll.md`, `${BASE}-protokoll.html`]) {
      expect(
        firstMissingInOrder(await file(name), [
          "PROTOKOLL",
          "§ 1 Mötets öppnande",
          "§ 6 Budget 2027",
          "Ja 2, Nej 1.",
          "§ 8 Mötets avslutande",
          `Olle Olsson — ${signed}`,
          `Anna Berg — ${signed}`,
        ]),
      ).toBeUndefined();
    }
  });

  it("writes nothing and names no files without an export directory", async () => {
    await say(eva, "möte idag kl 13:00 Sundsvall");
    await say(eva, "noterat Budget: Rådet informerades.");
    await say(olle, "justera");
    const { posted, answer } = await publish();
    expect(posted).toContain("Rådet informerades.");
    expect(answer).toEqual([PUBLISHED]);
    expect(await readdir(exportDir)).toEqual([]);
  });
});
