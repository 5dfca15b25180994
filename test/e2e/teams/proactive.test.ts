import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeBotConnector, isRecord } from "../../support/fake-bot-connector.js";
import { NOTERAT_BOT, teamsInstall, teamsUninstall } from "../../support/teams-activities.js";
import {
  CHANNEL,
  cardText,
  isProactive,
  PEOPLE,
  TEAM_ID,
  TENANT_ID,
  TeamsAppHarness,
} from "../../support/teams-app-harness.js";

// Proactive messages need a stored conversation reference: a person's when Noterat is
// installed in their personal scope, a channel's once the channel belongs to a council.
// Publishing then reaches the channel with no message arriving from it.

const { eva, olle, anna, per } = PEOPLE;

function parsed(reference: string | null | undefined): Record<string, unknown> {
  const value: unknown = JSON.parse(reference ?? "null");
  if (!isRecord(value)) throw new Error(`not a stored reference: ${reference}`);
  return value;
}

describe("conversation references in Teams", () => {
  let h: TeamsAppHarness;
  beforeEach(async () => {
    h = await TeamsAppHarness.start();
  });
  afterEach(async () => {
    await h.stop();
  });

  it("stores a person's reference when Noterat is installed in their personal scope", async () => {
    const base = { serviceUrl: h.fake.serviceUrl, tenantId: TENANT_ID };
    const installed = await h.post(
      teamsInstall({
        ...base,
        conversationType: "personal",
        conversationId: "a:1-personal-anna",
        from: anna,
        as: "installationUpdate",
      }),
    );
    expect(installed.status).toBe(200);
    // Nothing is said on install.
    expect(installed.records).toEqual([]);
    await h.post(
      teamsInstall({
        ...base,
        conversationType: "personal",
        conversationId: "a:1-personal-per",
        from: per,
        as: "conversationUpdate",
      }),
    );

    const people = await h.prisma.person.findMany({ orderBy: { displayName: "asc" } });
    expect(people.map((p) => [p.platform, p.workspaceId, p.externalId, p.displayName])).toEqual([
      ["teams", TENANT_ID, anna.aadObjectId, anna.name],
      ["teams", TENANT_ID, per.aadObjectId, per.name],
    ]);
    const annas = parsed(people[0]?.reference);
    expect(annas).toMatchObject({
      channelId: "msteams",
      serviceUrl: h.fake.serviceUrl,
      conversation: { id: "a:1-personal-anna", conversationType: "personal", tenantId: TENANT_ID },
      user: { id: anna.id, aadObjectId: anna.aadObjectId },
      bot: { id: NOTERAT_BOT.id },
    });
    expect(parsed(people[1]?.reference)).toMatchObject({
      conversation: { id: "a:1-personal-per" },
    });

    // Writing later in the chat is the same person, not a second one.
    await h.say(anna, "hjälp", {
      where: { id: "a:1-personal-anna", conversationType: "personal" },
    });
    expect(await h.prisma.person.count()).toBe(2);
  });

  it("stores nothing for an uninstall, a user joining, or a team install before a council exists", async () => {
    const base = { serviceUrl: h.fake.serviceUrl, tenantId: TENANT_ID };
    const before = await h.tableCounts();
    for (const activity of [
      teamsUninstall({ ...base, conversationType: "personal", from: anna }),
      teamsUninstall({
        ...base,
        conversationType: "personal",
        from: anna,
        as: "conversationUpdate",
      }),
      teamsInstall({ ...base, conversationType: "channel", teamId: TEAM_ID, from: eva }),
      teamsInstall({
        ...base,
        conversationType: "channel",
        teamId: TEAM_ID,
        from: eva,
        as: "installationUpdate",
      }),
      // A person (not Noterat) added to a chat Noterat is in.
      {
        ...teamsInstall({ ...base, conversationType: "personal", from: per }),
        membersAdded: [{ id: per.id }],
      },
    ]) {
      const turn = await h.post(activity);
      expect(turn.status).toBe(200);
      expect(turn.records).toEqual([]);
    }
    expect(await h.tableCounts()).toEqual(before);
  });

  it("stores the channel's reference with the council, and publishes through it without a message from the channel", async () => {
    // Typed in a reply thread of the channel: the reference is the channel's, not the thread's.
    const thread = { ...CHANNEL, id: `${CHANNEL.id};messageid=1700000000001` };
    await h.say(eva, "råd Reglab", { where: thread });
    const binding = await h.prisma.channelBinding.findFirstOrThrow();
    expect(binding.channelId).toBe(CHANNEL.id);
    const reference = parsed(binding.reference);
    expect(reference).toMatchObject({
      channelId: "msteams",
      serviceUrl: h.fake.serviceUrl,
      conversation: { id: CHANNEL.id, conversationType: "channel", tenantId: TENANT_ID },
      bot: { id: NOTERAT_BOT.id },
    });

    await h.say(eva, "möte idag kl 13:00", { where: thread });
    await h.say(eva, "noterat Budget: Rådet diskuterade ramarna.", { where: thread });
    await h.say(eva, "roll <at>Olle Olsson</at> ordförande", { where: thread, mentions: [olle] });
    await h.say(olle, "justera", { where: thread });
    const draft = await h.say(eva, "protokoll", { where: thread });
    const publish = h.button(draft.cards, "Publicera");
    expect(publish.conversationId).toBe(h.privateChatOf(eva));

    // The click comes from Eva's 1:1 chat and names another connector region as its
    // serviceUrl: the post still goes to the channel, where the stored reference points.
    const elsewhere = new FakeBotConnector();
    await elsewhere.start();
    try {
      h.fake.clear();
      const published = await h.click(eva, publish, { serviceUrl: elsewhere.serviceUrl });
      expect(published.answer).toBe("”Noterat från Reglab 14 april” är publicerad i 1 av 1 kanal.");
      expect(elsewhere.activities).toEqual([]);
      const [post, ...others] = h.fake.activities;
      expect(others).toEqual([]);
      expect(post && isProactive(post)).toBe(true);
      expect(post?.conversationId).toBe(CHANNEL.id);
      expect(isRecord(post?.activity) ? post.activity.conversation : undefined).toMatchObject({
        id: CHANNEL.id,
      });
      expect(cardText(published.cards[0]?.card).split("\n")[0]).toBe(
        "Noterat från Reglab 14 april",
      );
      // Not a reply to the thread the commands were typed in.
      expect(h.fake.sentTo(thread.id)).toEqual([]);
    } finally {
      await elsewhere.stop();
    }
  });

  it("stores the channel's reference again when another instance stored a different one", async () => {
    await h.say(eva, "råd Reglab");
    await h.say(eva, "nästa");
    const stored = async () =>
      parsed((await h.prisma.channelBinding.findFirstOrThrow()).reference).serviceUrl;
    expect(await stored()).toBe(h.fake.serviceUrl);
    // Another instance, reached through another connector region, stored its reference.
    await h.prisma.channelBinding.updateMany({
      data: { reference: JSON.stringify({ serviceUrl: "https://elsewhere.example/" }) },
    });
    // This instance's next message from the channel stores its own again: what it remembers
    // having stored is no reason to skip the write.
    await h.say(eva, "nästa");
    expect(await stored()).toBe(h.fake.serviceUrl);
  });
});
