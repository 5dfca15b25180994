import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { wireWeb } from "../../support/app-wiring.js";
import type { TeamsUser } from "../../support/teams-activities.js";
import { OTHER_CHANNEL, PEOPLE, TeamsAppHarness } from "../../support/teams-app-harness.js";

// `protokoll pdf` (DESIGN.md §12–§13) on Teams end to end, through botbuilder against the fake
// Bot Connector. Teams has no file upload for a bot here: the answer is the archive's address of
// the PDF when the protocol is published, the council's web is on and NOTERAT_PUBLIC_URL is set,
// and otherwise how to get one; refusals as on every surface.

const { eva, olle, anna, per } = PEOPLE;
const at = (...people: TeamsUser[]) => people.map((person) => `<at>${person.name}</at>`).join(" ");

const NO_LINK =
  "PDF:en kan inte skickas här. Slå på webbarkivet (`webb på`) och sätt NOTERAT_PUBLIC_URL, så länkas den.";
/** A reserved name (RFC 2606): nothing is ever fetched from it. */
const PUBLIC_URL = "https://noterat.region.example";
const LINK = `Protokollet som PDF finns i webbarkivet: ${PUBLIC_URL}/arkiv/regionala-samverkansradet/2026-04-14/protokoll.pdf`;

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

  it("links the archive's PDF once published with the web on and a public address, else says how", async () => {
    await say(olle, "justera");
    expect(await say(anna, "justera")).toContain("Protokollet från mötet 14 april är justerat");
    expect(await say(eva, "protokoll pdf")).toBe(NO_LINK);

    // The web on but no public address, published: still nothing to link.
    await say(eva, "webb på");
    expect(await say(eva, "publicera")).toContain("är publicerad i 1 av 1 kanaler");
    expect(await say(eva, "protokoll pdf")).toBe(NO_LINK);

    // With NOTERAT_PUBLIC_URL, anyone may have the published protocol's address.
    wireWeb(h.deps, { publicUrl: PUBLIC_URL });
    expect(await say(per, "protokoll pdf")).toBe(LINK);
    expect(await say(eva, "protokoll pdf 14 april")).toBe(LINK);

    // The web off again: the archive serves nothing, so nothing is linked.
    await say(eva, "webb av");
    expect(await say(per, "protokoll pdf")).toBe(NO_LINK);
  });

  it("does not link a justerat protocol before it is published", async () => {
    wireWeb(h.deps, { publicUrl: PUBLIC_URL });
    await say(eva, "webb på");
    await say(olle, "justera");
    await say(anna, "justera");
    expect(await say(eva, "protokoll pdf")).toBe(NO_LINK);
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
