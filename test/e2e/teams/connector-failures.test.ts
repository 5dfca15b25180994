import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ConnectorFailure } from "../../support/fake-bot-connector.js";
import { seededRandom } from "../../support/seeded-random.js";
import {
  CHANNEL,
  cardText,
  isProactive,
  PEOPLE,
  postedCards,
  TeamsAppHarness,
  type TurnResult,
} from "../../support/teams-app-harness.js";

// The Bot Connector refusing or dropping calls. botbuilder's client retries 429, 5xx and
// dropped connections itself (three retries with back-off), so a dropped connection is
// injected four times to reach Noterat; a 403 is not retried.

const { eva, olle } = PEOPLE;
const ROSTER = { status: 403, code: "BotNotInConversationRoster" } as const;

/** What the turn delivered to the council's channel (failed attempts left out). */
function deliveredToChannel(turn: TurnResult) {
  return turn.records.filter(
    (record) => record.conversationId === CHANNEL.id && record.injected === undefined,
  );
}

describe("Teams connector failures", () => {
  let h: TeamsAppHarness;
  beforeEach(async () => {
    h = await TeamsAppHarness.start();
    await h.say(eva, "råd Reglab");
    await h.say(eva, "möte idag kl 13:00");
    await h.say(eva, "noterat Budget: Rådet diskuterade ramarna.");
    await h.say(eva, "roll <at>Olle Olsson</at> ordförande", { mentions: [olle] });
    await h.say(olle, "justera");
  });
  afterEach(async () => {
    await h.stop();
  });

  it("tells the secretary which channel refused the post; `publicera` again posts it once", async () => {
    h.fake.failNext("reply", ROSTER);
    const refused = await h.say(eva, "publicera");
    expect(h.fake.pendingFailures("reply")).toBe(0);
    // One attempt at the channel, refused; nothing (no error text either) reached it.
    expect(
      refused.records
        .filter((record) => record.conversationId === CHANNEL.id)
        .map((record) => record.injected),
    ).toEqual([ROSTER]);
    // The secretary is told in her 1:1 chat, with the channel named.
    const evaChat = h.privateChatOf(eva);
    expect(refused.cards.map((card) => card.conversationId)).toEqual([evaChat]);
    expect(refused.text).toContain("”Noterat från Reglab 14 april” är publicerad i 0 av 1 kanal.");
    expect(refused.text).toContain(
      `Kunde inte publicera i teams:${CHANNEL.id} (BotNotInConversationRoster). Rätta det och skriv \`publicera\` igen.`,
    );
    expect(await h.prisma.publishedMessage.count()).toBe(0);

    // Noterat is added back to the team; the secretary publishes again.
    const retried = await h.say(eva, "publicera");
    expect(retried.text).toContain("”Noterat från Reglab 14 april” är publicerad i 1 av 1 kanal.");
    const [post, ...more] = deliveredToChannel(retried);
    expect(more).toEqual([]);
    expect(post && isProactive(post)).toBe(true);
    expect(
      (await h.prisma.publishedMessage.findMany()).map((m) => [m.channelId, m.part, m.messageRef]),
    ).toEqual([[CHANNEL.id, 0, post?.id]]);
    // Across both attempts the channel received exactly one message: the post.
    expect(h.fake.sentTo(CHANNEL.id).filter(isProactive)).toHaveLength(1);

    // A refused update of the post keeps the post's id; the next `publicera` updates it.
    await h.say(eva, "ändra 1 Budget: Rådet antog ramarna.");
    await h.say(olle, "justera");
    h.fake.failNext("update", ROSTER);
    const refusedUpdate = await h.say(eva, "publicera");
    expect(refusedUpdate.text).toContain("publicerad i 0 av 1 kanal");
    expect((await h.prisma.publishedMessage.findMany()).map((m) => m.messageRef)).toEqual([
      post?.id,
    ]);
    const updated = await h.say(eva, "publicera");
    expect(updated.text).toContain("publicerad i 1 av 1 kanal");
    expect(deliveredToChannel(updated).map((record) => [record.route, record.activityId])).toEqual([
      ["update", post?.id],
    ]);

    // The secretary's 1:1 chat refusing her answer: the post is updated all the same, and she
    // is not sent a claim that nothing was saved.
    await h.say(eva, "ändra 1 Budget: Rådet antog ramarna i sin helhet.");
    await h.say(olle, "justera");
    h.fake.failNext("reply", ROSTER);
    const unanswered = await h.say(eva, "publicera");
    expect(
      unanswered.records.map((record) => [record.route, record.conversationId, record.injected]),
    ).toEqual([
      ["update", CHANNEL.id, undefined],
      ["create", evaChat, undefined],
      ["reply", evaChat, ROSTER],
    ]);
    expect((await h.prisma.meeting.findFirstOrThrow()).minutesStatus).toBe("published");
  });

  it("survives a connection dropped while replying: the command is kept once and the next message works", async () => {
    h.fake.failNext("reply", { drop: true }, 4);
    const dropped = await h.say(eva, "noterat Kollektivtrafik: Rådet informerades.");
    // Teams gets an answer to its POST: the process is still up.
    expect(dropped.status).toBe(200);
    expect(h.fake.pendingFailures("reply")).toBe(0);
    // Four attempts at the reply, all dropped, and nothing after them: no "nothing was
    // saved, try again", which would be false and lead to the note being typed twice.
    expect(dropped.records).toHaveLength(4);
    expect(
      dropped.records.every(
        (record) => record.injected !== undefined && record.replyToId === dropped.inboundId,
      ),
    ).toBe(true);
    // What the command did was committed before the reply was sent.
    expect(
      (await h.prisma.item.findMany({ orderBy: { ref: "asc" } })).map((item) => item.heading),
    ).toEqual(["Budget", "Kollektivtrafik"]);

    const next = await h.say(eva, "noterat Regional utveckling: Rådet diskuterade.");
    expect(next.status).toBe(200);
    expect(
      next.records.map((record) => [record.route, record.conversationId, record.injected]),
    ).toEqual([["reply", CHANNEL.id, undefined]]);
    expect(next.text).toBe("Noterat #3: Regional utveckling");
    expect(await h.prisma.item.count()).toBe(3);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });

  it("keeps a burst of messages exactly once while the connector throttles, fails, stalls and drops", async () => {
    const MESSAGES = 30;
    const random = seededRandom(61);
    const kinds: ConnectorFailure[] = [
      { status: 429, retryAfter: 0 },
      { status: 429, retryAfter: 1 },
      { status: 500 },
      { delayMs: 800 },
      { drop: true },
    ];
    // Failures for whichever reply attempts come first: seeded ones, each kind, and four drops
    // in a row (as many as botbuilder's attempts at one reply).
    for (let i = 0; i < 20; i++) {
      h.fake.failNext("reply", kinds[Math.floor(random() * kinds.length)] ?? { status: 500 });
    }
    for (const kind of kinds) h.fake.failNext("reply", kind);
    h.fake.failNext("reply", { drop: true }, 4);
    const queued = h.fake.pendingFailures("reply");
    const before = h.fake.activities.length;

    // All at once; a seeded third delivered twice, as Teams redelivers an activity.
    const messages = Array.from({ length: MESSAGES }, (_, i) =>
      h.message(eva, `noterat Punkt ${i}: Rådet informerades.`),
    );
    const deliveries = messages.flatMap((message) =>
      random() < 1 / 3 ? [message, message] : [message],
    );
    const statuses = await Promise.all(deliveries.map(async (m) => (await h.post(m)).status));
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect(h.fake.pendingFailures("reply")).toBe(0);
    const burst = h.fake.activities.slice(before);
    expect(burst.filter((record) => record.injected !== undefined)).toHaveLength(queued);

    // Every message stored once, whatever happened to its reply.
    const items = await h.prisma.item.findMany({ where: { heading: { startsWith: "Punkt " } } });
    expect(items.map((item) => item.heading).sort()).toEqual(
      messages.map((_, i) => `Punkt ${i}`).sort(),
    );
    expect(
      await h.prisma.auditEntry.count({ where: { entityType: "item", action: "created" } }),
    ).toBe(1 + MESSAGES);
    // Each reply that got through names the item as it was stored, and nothing else was said
    // (no "something went wrong, try again" that would have the note typed twice).
    const refOf = new Map(items.map((item) => [item.heading, item.ref]));
    const ids = new Map(messages.map((message, i) => [String(message.id), i]));
    const delivered = burst.filter(
      (record) => record.injected === undefined && ids.has(record.replyToId ?? ""),
    );
    // A reply is lost only when all four of its attempts failed.
    const answeredMessages = new Set(delivered.map((record) => record.replyToId));
    expect(answeredMessages.size).toBeGreaterThanOrEqual(MESSAGES - Math.floor(queued / 4));
    for (const record of delivered) {
      const i = ids.get(record.replyToId ?? "");
      const text = postedCards([record])
        .map((card) => cardText(card.card))
        .join("\n");
      expect(text).toBe(`Noterat #${refOf.get(`Punkt ${i}`)}: Punkt ${i}`);
    }
    expect(burst.filter((record) => !ids.has(record.replyToId ?? ""))).toEqual([]);

    // Still up, and the next message works.
    const next = await h.say(eva, "noterat Efter stormen: Allt finns kvar.");
    // Numbers run on without gaps: Budget was #1, the burst #2 to #31.
    expect(next.text).toBe(`Noterat #${1 + MESSAGES + 1}: Efter stormen`);
  });
});
