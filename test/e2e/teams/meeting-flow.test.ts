import { afterEach, describe, expect, it } from "vitest";
import type { Locale } from "../../../src/domain/types.js";
import {
  buttonsOf,
  CHANNEL,
  cardText,
  isProactive,
  PEOPLE,
  TEAM_ID,
  TENANT_ID,
  TeamsAppHarness,
  type TurnResult,
} from "../../support/teams-app-harness.js";

// A whole council meeting in a Teams channel, from `råd` to the "Noterat från …" card posted
// in the channel, then a correction that is approved again and updates that card in place.

const { eva, olle, anna } = PEOPLE;

interface Run {
  locale: Locale;
  say: {
    council: string;
    meeting: string;
    note: string;
    decision: string;
    action: string;
    role: string;
    nextMeeting: string;
    minutes: string;
    edit: string;
    approve: string;
    publish: string;
  };
  reply: {
    created: string;
    meeting: string;
    note: string;
    decision: string;
    action: string;
    role: string;
    approved: RegExp;
    published: string;
    edited: string;
  };
  buttons: { approve: string; publish: string };
  post: { title: string; contains: string[]; before: string; after: string };
}

const SWEDISH: Run = {
  locale: "sv",
  say: {
    council: "råd Regionala samverkansrådet",
    meeting: "möte idag kl 13:00 Sundsvall",
    note: "noterat Översyn av Kollektivtrafikmyndigheten: Rådet informerades om tidplanen.",
    decision: "beslut Regional exportsamverkan: Regionen tackar ja till erbjudandet.",
    action: "uppdrag <at>Anna Berg</at> Slutför ansökan senast om två veckor",
    role: "roll <at>Olle Olsson</at> ordförande",
    nextMeeting: "möte om sju veckor kl 13:00",
    minutes: "protokoll",
    edit: "ändra 1 Översyn av Kollektivtrafikmyndigheten: Ny tidplan i maj.",
    approve: "justera",
    publish: "publicera",
  },
  reply: {
    created:
      "Rådet Regionala samverkansrådet är skapat och hör till den här kanalen. Eva Ek är rådets sekreterare.",
    meeting: "Möte planerat: tisdag 14 april kl. 13.00, Sundsvall.",
    note: "Noterat #1: Översyn av Kollektivtrafikmyndigheten",
    decision: "Beslut § 1 (#2): Regional exportsamverkan",
    action: "#3 Anna Berg: Slutför ansökan – senast 28 april",
    role: "Olle Olsson är nu ordförande.",
    approved:
      /^Anteckningarna från mötet 14 april är justerade av Olle Olsson\. Kontrollsumma [0-9a-f]{12}\.$/,
    published: "”Noterat från Regionala samverkansrådet 14 april” är publicerad i 1 av 1 kanal.",
    edited: "Ändrat #1.",
  },
  buttons: { approve: "Justera", publish: "Publicera" },
  post: {
    title: "Noterat från Regionala samverkansrådet 14 april",
    contains: [
      "2026-04-15 11:50",
      "Översyn av Kollektivtrafikmyndigheten",
      "Regional exportsamverkan",
      "Beslut § 1",
      "Regionen tackar ja till erbjudandet.",
      "Anna Berg: Slutför ansökan",
      "Nästa möte med Regionala samverkansrådet är den 2 juni.",
    ],
    before: "Rådet informerades om tidplanen.",
    after: "Ny tidplan i maj.",
  },
};

const ENGLISH: Run = {
  locale: "en",
  say: {
    council: "council Regional Council",
    meeting: "meeting today at 13:00 Sundsvall",
    note: "note Public transport review: The council was informed of the timetable.",
    decision: "decision Export cooperation: The region accepts the offer.",
    action: "action <at>Anna Berg</at> Finish the application by in two weeks",
    role: "role <at>Olle Olsson</at> chair",
    nextMeeting: "meeting in seven weeks at 13:00",
    minutes: "minutes",
    edit: "edit 1 Public transport review: A new timetable in May.",
    approve: "approve",
    publish: "publish",
  },
  reply: {
    created: "The council Regional Council is created and belongs to this channel. Eva Ek is",
    meeting: "Meeting scheduled: Tuesday, April 14 at 13:00, Sundsvall.",
    note: "Noted #1: Public transport review",
    decision: "Decision § 1 (#2): Export cooperation",
    action: "#3 Anna Berg: Finish the application – by April 28",
    role: "Olle Olsson is now chair.",
    approved:
      /^The notes from the meeting on April 14 are approved by Olle Olsson\. Checksum [0-9a-f]{12}\.$/,
    published: "“Notes from Regional Council, April 14” is published in 1 of 1 channel.",
    edited: "Changed #1.",
  },
  buttons: { approve: "Approve", publish: "Publish" },
  post: {
    title: "Notes from Regional Council, April 14",
    contains: [
      "2026-04-15 11:50",
      "Public transport review",
      "Export cooperation",
      "§ 1",
      "The region accepts the offer.",
      "Anna Berg: Finish the application",
      "The next meeting of Regional Council is on June 2.",
    ],
    before: "The council was informed of the timetable.",
    after: "A new timetable in May.",
  },
};

/** The turn answered in the channel itself, as a reply to the message, and nowhere else. */
function expectChannelReply(turn: TurnResult, text: string | RegExp): void {
  expect(turn.status).toBe(200);
  expect(
    turn.records.map((record) => [record.route, record.conversationId, record.replyToId]),
  ).toEqual([["reply", CHANNEL.id, turn.inboundId]]);
  if (typeof text === "string") expect(turn.text).toContain(text);
  else expect(turn.text).toMatch(text);
}

describe.each([
  ["Swedish", SWEDISH],
  ["English words", ENGLISH],
])("a meeting minuted in a Teams channel (%s)", (_name, run) => {
  let h: TeamsAppHarness;
  afterEach(async () => {
    await h.stop();
  });

  it("runs from creating the council to the card in the channel, and updates it after a correction", async () => {
    h = await TeamsAppHarness.start({ locale: run.locale });

    expectChannelReply(await h.say(eva, run.say.council), run.reply.created);
    const council = await h.prisma.council.findFirstOrThrow({ include: { bindings: true } });
    expect(council.bindings.map((b) => [b.platform, b.workspaceId, b.channelId])).toEqual([
      ["teams", TENANT_ID, CHANNEL.id],
    ]);
    const secretary = await h.prisma.membership.findFirstOrThrow({ include: { person: true } });
    expect([secretary.role, secretary.person.externalId, secretary.person.displayName]).toEqual([
      "secretary",
      eva.aadObjectId,
      eva.name,
    ]);

    expectChannelReply(await h.say(eva, run.say.meeting), run.reply.meeting);
    expectChannelReply(await h.say(eva, run.say.note), run.reply.note);
    expectChannelReply(await h.say(eva, run.say.decision), run.reply.decision);

    // The mention is resolved through the roster (the team's member look-up) to Anna's Azure
    // AD object id, the same in every team and chat of the tenant.
    const lookups = h.fake.requests.length;
    const assigned = await h.say(eva, run.say.action, { mentions: [anna] });
    expectChannelReply(assigned, run.reply.action);
    expect(
      h.fake.requests.slice(lookups).map((request) => [request.route, request.path]),
    ).toContainEqual([
      "member",
      `/v3/conversations/${encodeURIComponent(TEAM_ID)}/members/${encodeURIComponent(anna.id)}`,
    ]);
    const action = await h.prisma.action.findFirstOrThrow({
      where: { ref: 3 },
      include: { assignees: { include: { person: true } } },
    });
    expect(action.assignees.map((a) => [a.person.externalId, a.person.displayName])).toEqual([
      [anna.aadObjectId, anna.name],
    ]);
    expect(action.dueAt?.toISOString()).toBe("2026-04-27T22:00:00.000Z");

    expectChannelReply(await h.say(eva, run.say.role, { mentions: [olle] }), run.reply.role);
    const chair = await h.prisma.membership.findFirstOrThrow({
      where: { role: "chair" },
      include: { person: true },
    });
    expect(chair.person.externalId).toBe(olle.aadObjectId);
    await h.say(eva, run.say.nextMeeting);

    // The draft goes to the caller's 1:1 chat, never to the channel. The secretary's has no
    // button yet (the chair approves); the chair's has the approve button.
    const inChannel = h.fake.sentTo(CHANNEL.id).length;
    const secretaryDraft = await h.say(eva, run.say.minutes);
    const evaChat = h.privateChatOf(eva);
    expect(evaChat).toBeDefined();
    expect(secretaryDraft.records.map((record) => [record.route, record.conversationId])).toEqual([
      ["create", evaChat],
      ["reply", evaChat],
    ]);
    expect(secretaryDraft.text).toContain(run.post.title);
    expect(secretaryDraft.cards.flatMap(buttonsOf)).toEqual([]);

    const chairDraft = await h.say(olle, run.say.minutes);
    const olleChat = h.privateChatOf(olle);
    expect(olleChat).toBeDefined();
    expect(olleChat).not.toBe(evaChat);
    expect(chairDraft.cards.map((card) => card.conversationId)).toEqual([olleChat]);
    const approveButton = h.button(chairDraft.cards, run.buttons.approve);
    expect(approveButton.command).toBe("approve 2026-04-14");
    expect(approveButton.councilId).toBe(council.id);
    expect(h.fake.sentTo(CHANNEL.id)).toHaveLength(inChannel);

    // The next morning the chair approves: "Justera", answered in the invoke response, the
    // card replaced by the answer.
    h.clock.set("2026-04-15T09:45:00Z");
    const approved = await h.click(olle, approveButton);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      statusCode: 200,
      type: "application/vnd.microsoft.card.adaptive",
    });
    expect(approved.cardText).toMatch(run.reply.approved);
    const meeting = await h.prisma.meeting.findFirstOrThrow({
      where: { startsAt: new Date("2026-04-14T11:00:00Z") },
      include: { approvedBy: true },
    });
    expect(meeting.minutesStatus).toBe("approved");
    expect(meeting.approvedBy?.externalId).toBe(olle.aadObjectId);

    // "Publicera" by the secretary, from her 1:1 chat: a proactive card in the channel,
    // stamped with the time of publishing.
    h.clock.set("2026-04-15T09:50:00Z");
    const approvedDraft = await h.say(eva, run.say.minutes);
    const publishButton = h.button(approvedDraft.cards, run.buttons.publish);
    expect(publishButton.command).toBe("publish 2026-04-14");
    const published = await h.click(eva, publishButton);
    expect(published.answer).toBe(run.reply.published);
    const posts = published.records.filter((record) => record.conversationId === CHANNEL.id);
    // Not an answer to anything typed there: botbuilder's continuation id, not an inbound one.
    expect(posts.map(isProactive)).toEqual([true]);
    const [post] = posts;
    const postId = post?.id ?? "";
    expect(postId).not.toBe("");
    const [card] = published.cards.filter((posted) => posted.conversationId === CHANNEL.id);
    expect(card?.card).toMatchObject({ type: "AdaptiveCard", version: "1.5" });
    const postText = cardText(card?.card);
    expect(postText.split("\n")[0]).toBe(run.post.title);
    for (const expected of [...run.post.contains, run.post.before]) {
      expect(postText).toContain(expected);
    }
    expect(
      (await h.prisma.publishedMessage.findMany()).map((m) => [
        m.platform,
        m.workspaceId,
        m.channelId,
        m.part,
        m.messageRef,
      ]),
    ).toEqual([["teams", TENANT_ID, CHANNEL.id, 0, postId]]);
    expect(
      (await h.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).minutesStatus,
    ).toBe("published");

    // A correction reopens the minutes; approved and published again, the card is updated
    // where it stands (PUT of the same activity) and nothing new is posted.
    expectChannelReply(await h.say(eva, run.say.edit), run.reply.edited);
    expect(
      (await h.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).minutesStatus,
    ).toBe("draft");
    expectChannelReply(await h.say(olle, run.say.approve), run.reply.approved);
    const republished = await h.say(eva, run.say.publish);
    const channelCalls = republished.records.filter(
      (record) => record.conversationId === CHANNEL.id,
    );
    expect(channelCalls.map((record) => [record.route, record.method, record.activityId])).toEqual([
      ["update", "PUT", postId],
    ]);
    const updated = cardText(republished.cards.find((c) => c.conversationId === CHANNEL.id)?.card);
    expect(updated.split("\n")[0]).toBe(run.post.title);
    expect(updated).toContain(run.post.after);
    expect(updated).not.toContain(run.post.before);
    // The secretary's answer went to her 1:1 chat.
    expect(republished.text).toContain(run.reply.published);
    expect(h.fake.sentTo(CHANNEL.id).filter(isProactive)).toHaveLength(1);
    expect(
      (await h.prisma.publishedMessage.findMany()).map((m) => [m.channelId, m.part, m.messageRef]),
    ).toEqual([[CHANNEL.id, 0, postId]]);
  });
});
