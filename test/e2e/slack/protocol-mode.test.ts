import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  buttonsIn,
  CHANNEL,
  callMessage,
  findButton,
  PEOPLE,
  SlackAppHarness,
  textOf,
} from "../../support/slack-app-harness.js";

// Protocol mode (architecture.md §12) on Slack end to end, through Bolt against the fake Web API: the
// register, the meeting and its attendance, justerare, a decision with a vote and a reservation,
// a § approved at the meeting and posted alone, justering typed and with the "Justera" button of
// `protokoll`, and the protocol published in the channel with its signatures.

const { eva, olle, anna, per } = PEOPLE;
/** Members besides the harness's people, as users.info describes them. */
const BERTIL = { id: "U0BERTIL01", name: "Bertil" };
const CECILIA = { id: "U0CECILIA1", name: "Cecilia" };
const ERIK = { id: "U0ERIK0001", name: "Erik" };

const at = (id: string) => `<@${id}>`;

describe("protocol mode on Slack", () => {
  let h: SlackAppHarness;

  beforeEach(async () => {
    // Tuesday 14 April 2026, 11:00 in Stockholm; the meeting is at 13:00 today.
    h = await SlackAppHarness.start();
    for (const person of [BERTIL, CECILIA, ERIK]) {
      h.fake.setUser(person.id, {
        real_name: `${person.name} Exempel`,
        display_name: person.name,
        tz: "Europe/Stockholm",
      });
    }
    await h.command(eva.id, "råd Regionala samverkansrådet");
    expect((await h.command(eva.id, "läge protokoll")).text).toContain(
      "Regionala samverkansrådet för nu protokoll",
    );
    await h.command(eva.id, `roll ${at(olle.id)} ordförande`);
    const members = [olle, anna, per, BERTIL, CECILIA].map((person) => at(person.id)).join(" ");
    expect((await h.command(eva.id, `ledamot ${members}`)).text).toBe(
      "I registret som ledamot: Olle, Anna B, Per Persson, Bertil och Cecilia.",
    );
    expect((await h.command(eva.id, `ersättare ${at(ERIK.id)}`)).text).toBe(
      "I registret som ersättare: Erik.",
    );
    await h.command(eva.id, "möte idag kl 13:00 Sundsvall");
    const present = [olle, anna, per, BERTIL, eva].map((person) => at(person.id)).join(" ");
    await h.command(eva.id, `närvarande ${present}`);
    expect((await h.command(eva.id, `ersättare ${at(ERIK.id)} för ${at(CECILIA.id)}`)).text).toBe(
      "Erik tjänstgör för Cecilia.\nMötet är beslutsmässigt: 5 av 5 ledamöter deltar.",
    );
    expect((await h.command(eva.id, `justerare ${at(anna.id)} ${at(per.id)}`)).text).toBe(
      "Att jämte ordföranden justera protokollet utses Anna B och Per Persson.",
    );
    await h.command(eva.id, "beslut Budget 2027: Rådet fastställer budgeten."); // #8
    expect((await h.command(eva.id, "votering 8 4 1")).text).toBe("Omröstning i #8: ja 4, nej 1.");
    await h.command(eva.id, `reservation 8 ${at(BERTIL.id)} Till förmån för eget yrkande`);
    await h.command(eva.id, "beslut Lokal: Rådet hyr Stadshuset."); // #9
  });
  afterEach(async () => {
    await h.stop();
  });

  /** Everything posted in the council's channel, threads included, as one text. */
  const channelText = () =>
    textOf(
      h.fake
        .callsTo("chat.postMessage")
        .filter((call) => call.args.channel === CHANNEL)
        .map(callMessage),
    );

  it("posts an omedelbart justerad § alone, then the justerat protocol with its signatures", async () => {
    // § Lokal, approved at the meeting and posted alone.
    await h.command(eva.id, "omedelbar 9");
    for (const person of [olle, anna]) await h.command(person.id, "justera 9");
    expect((await h.command(per.id, "justera 9")).text).toBe(
      "§ 7 (#9) är omedelbart justerad och kan publiceras för sig med `publicera 9`.",
    );
    expect((await h.command(eva.id, "publicera 9")).text).toBe(
      "”Protokollsutdrag: Noterat från Regionala samverkansrådet 14 april, § 7” är publicerad i 1 av 1 kanal.",
    );
    const extract = channelText();
    expect(extract).toContain("*§ 7 Lokal*");
    expect(extract).not.toContain("§ 6 Budget 2027");
    expect(extract).toContain("_Paragrafen förklaras omedelbart justerad._");
    expect(extract.match(/— Justerat digitalt 2026-04-14 11\.00, kontrollsumma/g)).toHaveLength(3);
    const posted = h.fake.callsTo("chat.postMessage").length;

    // The chair types `justera`; Anna presses the button of her `protokoll`.
    expect((await h.command(olle.id, "justera")).text).toMatch(
      /^Olle har justerat protokollet från mötet 14 april \(kontrollsumma ([0-9a-f]{12})\)\. Väntar på Anna B och Per Persson\.$/,
    );
    const draft = await h.command(anna.id, "protokoll");
    expect(draft.ack?.responseType).toBe("ephemeral");
    expect(draft.text).toContain("*§ 6 Budget 2027*");
    expect(draft.text).toContain(
      "Bertil reserverar sig mot beslutet: Till förmån för eget yrkande",
    );
    const justera = findButton(draft.messages, { label: "Justera", command: "approve 2026-04-14" });

    // Bertil, no approver, presses the same button: refused, nothing stored.
    const before = await h.tableCounts();
    const refused = await h.click(BERTIL.id, justera);
    expect(refused.text).toBe("Protokollet justeras av ordföranden och de utsedda justerarna.");
    expect(refused.messages.map((message) => message.responseType)).toEqual(["ephemeral"]);
    expect(await h.tableCounts()).toEqual(before);

    const signed = await h.click(anna.id, justera);
    expect(signed.messages.map((message) => message.responseType)).toEqual(["in_channel"]);
    expect(signed.text).toMatch(
      /^Anna B har justerat protokollet från mötet 14 april \(kontrollsumma [0-9a-f]{12}\)\. Väntar på Per Persson\.$/,
    );
    // Signed: her `protokoll` has no button any more.
    expect(buttonsIn((await h.command(anna.id, "protokoll")).messages)).toEqual([]);
    const complete = await h.command(per.id, "justera");
    expect(complete.text).toContain(
      "Protokollet från mötet 14 april är justerat: Per Persson skrev sist",
    );
    const checksum = /kontrollsumma ([0-9a-f]{12})/.exec(complete.text)?.[1] ?? "";
    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(posted);

    expect((await h.command(eva.id, "publicera")).text).toBe(
      "”Noterat från Regionala samverkansrådet 14 april” är publicerad i 1 av 1 kanal.",
    );
    const published = h.fake
      .callsTo("chat.postMessage")
      .slice(posted)
      .filter((call) => call.args.channel === CHANNEL)
      .map(callMessage);
    const text = textOf(published);
    expect(text).toContain("Noterat från Regionala samverkansrådet 14 april");
    expect(text).toContain("*PROTOKOLL · Sammanträdesdatum 2026-04-14*");
    const numbers = [...text.matchAll(/^\*§ (\d+) /gm)].map((match) => Number(match[1]));
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(text).toContain("_Omröstning_\nJa 4, Nej 1.");
    expect(text).toContain(
      "*Beslutande*: Olle (ordförande), Anna B, Per Persson, Bertil, Erik (ersättare för Cecilia)",
    );
    for (const [role, name] of [
      ["Ordförande", "Olle"],
      ["Justerare", "Anna B"],
      ["Justerare", "Per Persson"],
    ]) {
      expect(text).toContain(
        `*${role}*: ${name} — Justerat digitalt 2026-04-14 11.00, kontrollsumma ${checksum}`,
      );
    }
    const row = await h.prisma.meeting.findFirstOrThrow({ where: { minutesStatus: "published" } });
    const snapshot = await h.prisma.minutesSnapshot.findUniqueOrThrow({
      where: { id: row.approvedSnapshotId ?? "" },
    });
    expect(snapshot.sha256.slice(0, 12)).toBe(checksum);
  });
});
