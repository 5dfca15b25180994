import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CHANNEL, PEOPLE, TeamsAppHarness } from "../../support/teams-app-harness.js";

// Issue 14 in a Teams channel: actions for someone outside the chat, written `@"Regionens
// kansli"` (also as Teams may encode the quotes, `&quot;`) or `@kansliet` once named, beside
// Teams' own `<at>` mentions, which still resolve through the roster; nothing is ever sent to
// them. And a channel that refuses the post is named as Teams names it.

const { eva, anna, olle } = PEOPLE;

describe("assignees outside the chat in Teams", () => {
  let h: TeamsAppHarness;
  beforeEach(async () => {
    h = await TeamsAppHarness.start();
    await h.say(eva, "råd Reglab");
    await h.say(eva, "möte idag kl 13:00");
  });
  afterEach(async () => {
    await h.stop();
  });

  it("reads both forms beside Teams mentions, and lists them", async () => {
    const first = await h.say(
      eva,
      'uppdrag @"Regionens kansli" och @Anna Berg Skicka underlag senast 30 april',
      { mentions: [anna] },
    );
    expect(first.text).toContain("#1 Anna Berg och Regionens kansli: Skicka underlag");
    expect(first.text).toContain("nästa gång räcker @regionenskansli");
    const action = await h.prisma.action.findFirstOrThrow({
      include: { assignees: { include: { person: true } } },
    });
    expect(
      action.assignees.map(({ person }) => [person.platform, person.externalId]).sort(),
    ).toEqual([
      ["external", "regionenskansli"],
      ["teams", anna.aadObjectId],
    ]);

    expect((await h.say(eva, "extern Kansliet")).text).toContain(
      "Kansliet kan nu få uppdrag som @kansliet.",
    );
    expect(
      (await h.say(eva, "uppdrag @kansliet, @Anna Berg Boka lokal", { mentions: [anna] })).text,
    ).toContain("#2 Anna Berg och Kansliet: Boka lokal");
    expect(
      (await h.say(eva, "uppdrag @&quot;Regionens kansli&quot; Ring regionen")).text,
    ).toContain("#3 Regionens kansli: Ring regionen");

    const listed = await h.say(anna, "uppdrag @kansliet");
    expect(listed.text).toContain("#2 Anna Berg och Kansliet: Boka lokal");
    expect(listed.text).not.toContain("#3");
    expect((await h.say(anna, "actions @regionenskansli")).text).toContain("#3");
    expect((await h.say(eva, "uppdrag @okänd Ring")).text).toContain("Ingen i rådet heter @okänd.");
    expect(await h.prisma.person.count({ where: { platform: "external" } })).toBe(2);
    // The connector was never asked about them (no roster look-up, no chat with them).
    expect(h.fake.requests.filter((request) => /kansli/i.test(request.path))).toEqual([]);
  });

  // The channel's name (channelData.channel.name) is kept with the binding, also when it comes
  // with a later message: a refused channel is named by it.
  it("names a channel that refuses the post by its Teams name", async () => {
    await h.say(eva, "noterat Budget: Rådet diskuterade ramarna.");
    await h.say(eva, "roll <at>Olle Olsson</at> ordförande", { mentions: [olle] });
    await h.say(olle, "justera");
    const named = h.message(eva, "råd Reglab");
    (named.channelData as { channel: { name?: string } }).channel.name = "Regionala rådet";
    await h.post(named);
    h.fake.failNext("reply", { status: 403, code: "BotNotInConversationRoster" });
    const refused = await h.say(eva, "publicera");
    expect(refused.text).toContain(
      "Kunde inte publicera i Teams-kanalen Regionala rådet (BotNotInConversationRoster).",
    );
    expect(refused.text).not.toContain(`teams:${CHANNEL.id}`);
  });
});
