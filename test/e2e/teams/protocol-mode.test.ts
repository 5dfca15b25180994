import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TeamsUser } from "../../support/teams-activities.js";
import {
  buttonsIn,
  CHANNEL,
  cardText,
  isProactive,
  PEOPLE,
  type PostedCard,
  TeamsAppHarness,
} from "../../support/teams-app-harness.js";

// Protocol mode (architecture.md §12) on Teams end to end, through botbuilder against the fake Bot
// Connector: the register, the meeting and its attendance, justerare, a decision with a vote
// and a reservation, a § approved at the meeting and posted alone, justering typed and with the
// "Justera" button of `protokoll`, and the protocol published in the channel's card.

const { eva, olle, anna, per, lisa } = PEOPLE;
/** A substitute, not among the harness's people: Teams' mention carries what Noterat needs. */
const ERIK: TeamsUser = {
  id: "29:1erik-chat-id-e41c",
  name: "Erik Berg",
  aadObjectId: "0a1b2c3d-0000-4000-8000-00000000e41c",
};

const at = (...people: TeamsUser[]) => people.map((person) => `<at>${person.name}</at>`).join(" ");

describe("protocol mode on Teams", () => {
  let h: TeamsAppHarness;
  const say = (person: TeamsUser, text: string, mentions: TeamsUser[] = []) =>
    h.say(person, text, { mentions });
  /** The cards Noterat posted in the council's channel of its own accord (publications). */
  const posts = (cards: PostedCard[]) =>
    cards.filter((card) => card.conversationId === CHANNEL.id && isProactive(card.record));

  beforeEach(async () => {
    // Tuesday 14 April 2026, 11:00 in Stockholm; the meeting is at 13:00 today.
    h = await TeamsAppHarness.start();
    await say(eva, "råd Regionala samverkansrådet");
    expect((await say(eva, "läge protokoll")).text).toContain(
      "Regionala samverkansrådet för nu protokoll",
    );
    await say(eva, `roll ${at(olle)} ordförande`, [olle]);
    expect(
      (await say(eva, `ledamot ${at(olle, anna, per, lisa)}`, [olle, anna, per, lisa])).text,
    ).toBe("I registret som ledamot: Olle Olsson, Anna Berg, Per Persson och Lisa Lund.");
    await say(eva, `ersättare ${at(ERIK)}`, [ERIK]);
    await say(eva, "möte idag kl 13:00 Sundsvall");
    await say(eva, `närvarande ${at(olle, anna, per, eva)}`, [olle, anna, per, eva]);
    expect((await say(eva, `ersättare ${at(ERIK)} för ${at(lisa)}`, [ERIK, lisa])).text).toBe(
      "Erik Berg tjänstgör för Lisa Lund.\nMötet är beslutsmässigt: 4 av 4 ledamöter deltar.",
    );
    await say(eva, `justerare ${at(anna, per)}`, [anna, per]);
    await say(eva, "beslut Budget 2027: Rådet fastställer budgeten."); // #8
    await say(eva, "votering 8 3 1");
    await say(eva, `reservation 8 ${at(lisa)} Till förmån för eget yrkande`, [lisa]);
    await say(eva, "beslut Lokal: Rådet hyr Stadshuset."); // #9
  });
  afterEach(async () => {
    await h.stop();
  });

  it("posts an omedelbart justerad § alone, then the justerat protocol with its signatures", async () => {
    // § Lokal, approved at the meeting and posted alone.
    await say(eva, "omedelbar 9");
    for (const person of [olle, anna]) await say(person, "justera 9");
    expect((await say(per, "justera 9")).text).toBe(
      "§ 7 (#9) är omedelbart justerad och kan publiceras för sig med `publicera 9`.",
    );
    const extract = await say(eva, "publicera 9");
    expect(extract.text).toContain(
      "”Protokollsutdrag: Noterat från Regionala samverkansrådet 14 april, § 7” är publicerad i 1 av 1 kanal.",
    );
    const [extractCard, ...others] = posts(extract.cards);
    expect(others).toEqual([]);
    const extractLines = cardText(extractCard?.card).split("\n");
    expect(extractLines).toContain("§ 7 Lokal");
    expect(extractLines).not.toContain("§ 6 Budget 2027");
    expect(extractLines).toContain("Paragrafen förklaras omedelbart justerad.");
    expect(extractLines.filter((line) => line.includes("Justerat digitalt"))).toHaveLength(3);

    // The chair types `justera`; Anna presses the button of her `protokoll`.
    expect((await say(olle, "justera")).text).toMatch(
      /^Olle Olsson har justerat protokollet från mötet 14 april \(kontrollsumma [0-9a-f]{12}\)\. Väntar på Anna Berg och Per Persson\.$/,
    );
    const draft = await say(anna, "protokoll");
    expect(draft.text).toContain(
      "Lisa Lund reserverar sig mot beslutet: Till förmån för eget yrkande",
    );
    expect(posts(draft.cards)).toEqual([]);
    const justera = h.button(draft.cards, "Justera");
    expect(justera.command).toBe("approve 2026-04-14");

    // Lisa, no approver, presses the same button: refused, nothing stored or posted.
    const before = await h.tableCounts();
    const refused = await h.click(lisa, justera);
    expect(refused.answer).toBe("Protokollet justeras av ordföranden och de utsedda justerarna.");
    expect(refused.card).toBeUndefined();
    expect(refused.records).toEqual([]);
    expect(await h.tableCounts()).toEqual(before);

    const signed = await h.click(anna, justera);
    expect(signed.answer).toMatch(
      /^Anna Berg har justerat protokollet från mötet 14 april \(kontrollsumma [0-9a-f]{12}\)\. Väntar på Per Persson\.$/,
    );
    expect(buttonsIn(signed.card)).toEqual([]);
    const complete = await say(per, "justera");
    expect(complete.text).toContain(
      "Protokollet från mötet 14 april är justerat: Per Persson skrev sist",
    );
    const checksum = /kontrollsumma ([0-9a-f]{12})/.exec(complete.text)?.[1] ?? "";

    const published = await say(eva, "publicera");
    expect(published.text).toContain(
      "”Noterat från Regionala samverkansrådet 14 april” är publicerad i 1 av 1 kanal.",
    );
    const cards = posts(published.cards);
    expect(cards.length).toBeGreaterThanOrEqual(1);
    const lines = cards.flatMap((card) => cardText(card.card).split("\n"));
    expect(lines[0]).toBe("Noterat från Regionala samverkansrådet 14 april");
    expect(lines).toContain("PROTOKOLL · Sammanträdesdatum 2026-04-14");
    expect(lines).toContain(
      "Beslutande: Olle Olsson (ordförande), Anna Berg, Per Persson, Erik Berg (ersättare för Lisa Lund)",
    );
    const numbers = lines.flatMap((line) => /^§ (\d+) /.exec(line)?.[1] ?? []).map(Number);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(lines).toContain("Ja 3, Nej 1.");
    expect(lines.filter((line) => line.includes("Justerat digitalt"))).toEqual([
      `Ordförande: Olle Olsson — Justerat digitalt 2026-04-14 11.00, kontrollsumma ${checksum}`,
      `Justerare: Anna Berg — Justerat digitalt 2026-04-14 11.00, kontrollsumma ${checksum}`,
      `Justerare: Per Persson — Justerat digitalt 2026-04-14 11.00, kontrollsumma ${checksum}`,
    ]);
    const row = await h.prisma.meeting.findFirstOrThrow({ where: { minutesStatus: "published" } });
    const snapshot = await h.prisma.minutesSnapshot.findUniqueOrThrow({
      where: { id: row.approvedSnapshotId ?? "" },
    });
    expect(snapshot.sha256.slice(0, 12)).toBe(checksum);
  });
});
