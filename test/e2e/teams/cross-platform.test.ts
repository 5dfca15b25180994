import { afterEach, describe, expect, it } from "vitest";
import {
  CHANNEL,
  cardText,
  isProactive,
  OTHER_CHANNEL,
  PEOPLE,
  SLACK_CHANNEL,
  SLACK_PEOPLE,
  TENANT_ID,
  TeamsAppHarness,
} from "../../support/teams-app-harness.js";

// One council bound to a Slack channel and a Teams channel: the secretary gets a one-time
// code with `/noterat koppla` in Slack and types `koppla CODE` in the Teams channel. One
// `publicera` then posts the minutes to both, each in its own platform's form.

const { eva, olle, anna } = PEOPLE;
const slackEva = SLACK_PEOPLE.eva.id;

describe("a council on Slack and Teams", () => {
  let h: TeamsAppHarness;
  afterEach(async () => {
    await h.stop();
  });

  it("is bound with a code and publishes one `publicera` to both channels", async () => {
    h = await TeamsAppHarness.start({ slack: true });
    const slack = h.slack;
    if (!slack) throw new Error("no Slack surface");

    const created = await h.slackCommand(slackEva, "råd Regionala samverkansrådet");
    expect(created.text).toContain("Rådet Regionala samverkansrådet är skapat");
    const asked = await h.slackCommand(slackEva, "koppla");
    const code = /koppla ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(asked.text)?.[1];
    expect(code).toBeDefined();
    // Only the secretary sees the code: the ephemeral answer, not a channel post.
    expect(slack.fake.callsTo("chat.postMessage")).toEqual([]);

    const bound = await h.say(eva, `koppla ${code}`);
    expect(bound.text).toBe(
      "Den här kanalen hör nu till Regionala samverkansrådet. Eva Ek är sekreterare.",
    );
    expect(bound.records.map((record) => record.conversationId)).toEqual([CHANNEL.id]);
    const bindings = await h.prisma.channelBinding.findMany({ orderBy: { platform: "asc" } });
    expect(bindings.map((b) => [b.platform, b.channelId])).toEqual([
      ["slack", SLACK_CHANNEL],
      ["teams", CHANNEL.id],
    ]);
    expect(bindings[1]?.workspaceId).toBe(TENANT_ID);
    expect(JSON.parse(bindings[1]?.reference ?? "{}")).toMatchObject({
      conversation: { id: CHANNEL.id },
    });
    // The code works once.
    const reused = await h.say(eva, `koppla ${code}`, { where: OTHER_CHANNEL });
    expect(reused.text).toContain("Koden är okänd");
    expect(await h.prisma.channelBinding.count()).toBe(2);

    // The meeting is kept from Teams, by the Teams secretary the code made.
    await h.say(eva, "möte idag kl 13:00 Sundsvall");
    await h.say(eva, "noterat Kollektivtrafiken: Rådet informerades om tidplanen.");
    await h.say(eva, "uppdrag <at>Anna Berg</at> Slutför ansökan senast om två veckor", {
      mentions: [anna],
    });
    await h.say(eva, "roll <at>Olle Olsson</at> ordförande", { mentions: [olle] });
    expect((await h.say(olle, "justera")).text).toMatch(
      /^Anteckningarna från mötet 14 april är justerade av Olle Olsson\. Kontrollsumma [0-9a-f]{12}\.$/,
    );

    // One `publicera`, typed in Slack, with nothing arriving from Teams.
    h.fake.clear();
    const published = await h.slackCommand(slackEva, "publicera");
    expect(published.text).toContain(
      "”Noterat från Regionala samverkansrådet 14 april” är publicerad i 2 av 2 kanaler.",
    );

    const [slackPost, ...moreSlack] = slack.fake.callsTo("chat.postMessage");
    expect(moreSlack).toEqual([]);
    expect(slackPost?.args.channel).toBe(SLACK_CHANNEL);
    expect(slackPost?.args.text).toBe("Noterat från Regionala samverkansrådet 14 april");
    expect(JSON.stringify(slackPost?.args.blocks)).toContain("Rådet informerades om tidplanen.");

    const teamsPosts = h.fake.sentTo(CHANNEL.id);
    expect(teamsPosts.map(isProactive)).toEqual([true]);
    expect(h.fake.activities).toHaveLength(1);
    const teamsCard = h.fake.cards()[0];
    const shown = cardText(teamsCard);
    expect(shown.split("\n")[0]).toBe("Noterat från Regionala samverkansrådet 14 april");
    expect(shown).toContain("Rådet informerades om tidplanen.");
    expect(shown).toContain("Anna Berg: Slutför ansökan");

    const recorded = await h.prisma.publishedMessage.findMany({ orderBy: { platform: "asc" } });
    expect(recorded.map((m) => [m.platform, m.channelId, m.part, m.messageRef])).toEqual([
      ["slack", SLACK_CHANNEL, 0, slack.fake.messagesIn(SLACK_CHANNEL)[0]?.ts],
      ["teams", CHANNEL.id, 0, teamsPosts[0]?.id],
    ]);
  });
});
