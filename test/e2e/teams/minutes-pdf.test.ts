import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { wireWeb } from "../../support/app-wiring.js";
import type { TeamsUser } from "../../support/teams-activities.js";
import { OTHER_CHANNEL, PEOPLE, TeamsAppHarness } from "../../support/teams-app-harness.js";

// `protokoll pdf` (architecture.md §12–§13) on Teams end to end, through botbuilder against the fake
// Bot Connector. The PDF is offered in the caller's personal chat through a file consent card
// (what accepting it does: file-consent.test.ts), published or not, with the web on or off;
// refusals as on every surface.

const { eva, olle, anna, per } = PEOPLE;
const at = (...people: TeamsUser[]) => people.map((person) => `<at>${person.name}</at>`).join(" ");

/** A reserved name (RFC 2606): nothing is ever fetched from it. */
const PUBLIC_URL = "https://noterat.region.example";
const OFFERED =
  "Filen regionala-samverkansradet-2026-04-14-protokoll.pdf väntar på dig i din personliga chatt med Noterat. Godkänn den där, så sparas den i din OneDrive.";
const CONSENT = "application/vnd.microsoft.teams.card.file.consent";

describe("`protokoll pdf` on Teams", () => {
  let h: TeamsAppHarness;
  const say = async (person: TeamsUser, text: string, mentions: TeamsUser[] = []) =>
    (await h.say(person, text, { mentions })).text;

  beforeEach(async () => {
    // Tuesday 14 April 2026, 11:00 in Stockholm; the meeting is at 13:00 today.
    h = await TeamsAppHarness.start();
    await say(eva, "råd Regionala samverkansrådet");
    await say(eva, "läge protokoll");
    await say(eva, `roll ${at(olle)} ordförande`, [olle]);
    await say(eva, `ledamot ${at(olle, anna, per)}`, [olle, anna, per]);
    await say(eva, "möte idag kl 13:00 Sundsvall");
    await say(eva, `närvarande ${at(olle, anna, per, eva)}`, [olle, anna, per, eva]);
    await say(eva, `justerare ${at(anna)}`, [anna]);
    await say(eva, "beslut Budget 2027: Rådet fastställer budgeten."); // #8
  });
  afterEach(async () => {
    await h.stop();
  });

  it("offers the justerat protocol in the personal chat, to anyone once it is published", async () => {
    await say(olle, "justera");
    expect(await say(anna, "justera")).toContain("Protokollet från mötet 14 april är justerat");
    const offered = await h.say(eva, "protokoll pdf");
    expect(offered.text).toBe(OFFERED);
    // The reply and the consent card, both in Eva's personal chat.
    const chat = h.privateChatOf(eva);
    expect(new Set(offered.records.map((record) => record.conversationId))).toEqual(
      new Set([chat]),
    );
    expect(JSON.stringify(offered.records.at(-1)?.activity)).toContain(CONSENT);

    // Published with the web on and a public address: the file still, not a link.
    wireWeb(h.deps, { publicUrl: PUBLIC_URL });
    await say(eva, "webb på");
    expect(await say(eva, "publicera")).toContain("är publicerad i 1 av 1 kanal");
    expect(await say(per, "protokoll pdf")).toBe(OFFERED);
    expect(await say(eva, "protokoll pdf 14 april")).toBe(OFFERED);
    await say(eva, "webb av");
    expect(await say(per, "protokoll pdf")).toBe(OFFERED);
  });

  it("refuses before justering, in notes mode and to a member before publishing", async () => {
    expect(await say(eva, "protokoll pdf")).toBe(
      "Protokollet från mötet 14 april är inte justerat än: PDF:en görs av det justerade protokollet.",
    );
    await say(olle, "justera");
    await say(anna, "justera");
    const before = await h.tableCounts();
    expect(await say(per, "protokoll pdf")).toBe(
      "Utkastet visas bara för sekreteraren, ordföranden och justerare.",
    );
    expect(await h.tableCounts()).toEqual(before);

    const where = OTHER_CHANNEL;
    await h.say(eva, "råd Reglab", { where });
    await h.say(eva, `roll ${at(olle)} ordförande`, { where, mentions: [olle] });
    await h.say(eva, "möte idag kl 15:00", { where });
    await h.say(eva, "beslut Lokal: Reglab hyr Stadshuset.", { where });
    expect((await h.say(olle, "justera", { where })).text).toContain("Kontrollsumma");
    expect((await h.say(eva, "protokoll pdf", { where })).text).toBe(
      "Det hör till protokolläget. Sekreteraren slår på det med `läge protokoll`.",
    );
  });
});
