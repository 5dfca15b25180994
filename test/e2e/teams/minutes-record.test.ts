import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createReminderTick } from "../../../src/scheduler/reminder-tick.js";
import { deliveredActivity, isRecord } from "../../support/fake-bot-connector.js";
import {
  buttonsOf,
  type CardButton,
  CHANNEL,
  cardText,
  isProactive,
  PEOPLE,
  type PostedCard,
  postedCards,
  TeamsAppHarness,
} from "../../support/teams-app-harness.js";

// Approved minutes are a record (architecture.md §11), on Teams end to end: once published, the card
// in the channel stays byte for byte what was approved while its actions are completed and
// postponed (typed, and with the Action.Execute buttons of a reminder in a personal chat),
// while actions are given between meetings and a new meeting is planned; publishing again
// updates it with the same card. Only a change to the meeting's own content reopens it, and
// the card approved and published again says "Rättad".

const { eva, olle, anna, per } = PEOPLE;
const logger = pino({ level: process.env.NOTERAT_TEST_LOG ?? "silent" });

const TITLE = "Noterat från Regionala samverkansrådet 14 april";
const PUBLISHED = `”${TITLE}” är publicerad i 1 av 1 kanal.`;
const CHECKSUM_LINE = /^Kontrollsumma \(SHA-256\): ([0-9a-f]{64})$/;

/** Wednesday 15 April 2026, 09:00 in Stockholm: the morning #3 and #4 are due. */
const WEDNESDAY_0900 = "2026-04-15T07:00:00Z";

/** The same bytes as the connector received them: the attachments' JSON, key order included. */
function json(value: unknown): string {
  return JSON.stringify(value);
}

/** The attachments an activity delivered (the card, with its content type). */
function attachmentsOf(posted: PostedCard | undefined): unknown {
  const activity = posted ? deliveredActivity(posted.record) : undefined;
  return isRecord(activity) ? activity.attachments : undefined;
}

/** Every TextBlock of a card (containers included), in document order. */
function textBlocksOf(card: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(card)) return card.flatMap(textBlocksOf);
  if (!isRecord(card)) return [];
  if (card.type === "TextBlock") return [card];
  return [...textBlocksOf(card.body), ...textBlocksOf(card.items)];
}

function button(cards: PostedCard[], title: string, command: string): CardButton {
  const found = cards
    .flatMap(buttonsOf)
    .find((candidate) => candidate.title === title && candidate.command === command);
  if (!found) throw new Error(`no button "${title}" for ${command}`);
  return found;
}

describe("published minutes on Teams are a record", () => {
  let h: TeamsAppHarness;
  /** The card as it was first posted in the council's channel. */
  let post: PostedCard;
  let postId: string;

  const meeting = () =>
    h.prisma.meeting.findFirstOrThrow({ where: { startsAt: new Date("2026-04-14T11:00:00Z") } });

  beforeEach(async () => {
    // Tuesday 14 April 2026, 11:00 in Stockholm; the meeting is at 13:00 today.
    h = await TeamsAppHarness.start();
    await h.say(eva, "råd Regionala samverkansrådet");
    await h.say(eva, "roll <at>Olle Olsson</at> ordförande", { mentions: [olle] });
    await h.say(eva, "möte idag kl 13:00 Sundsvall");
    await h.say(eva, "noterat Kollektivtrafik: Rådet informerades om tidplanen.");
    await h.say(eva, "beslut Regional exportsamverkan: Regionen tackar ja till erbjudandet.");
    const assign = (who: typeof olle, text: string) =>
      h.say(eva, `uppdrag <at>${who.name}</at> ${text}`, { mentions: [who] });
    await assign(olle, "Skicka remissvaret senast 2026-04-15"); // #3
    await assign(olle, "Boka lokal senast 2026-04-15"); // #4
    await assign(anna, "Ring regionen senast 2026-04-30"); // #5
    expect((await h.say(olle, "justera")).text).toMatch(/Kontrollsumma [0-9a-f]{12}\.$/);
    const published = await h.say(eva, "publicera");
    expect(published.text).toContain(PUBLISHED);

    const posts = published.cards.filter(
      (card) => card.conversationId === CHANNEL.id && isProactive(card.record),
    );
    expect(posts).toHaveLength(1);
    post = posts[0] as PostedCard;
    postId = post.activityId;
    expect(postId).not.toBe("");
    const [stored] = await h.prisma.publishedMessage.findMany();
    expect(stored?.messageRef).toBe(postId);
  });
  afterEach(async () => {
    await h.stop();
  });

  /** The meeting's record is as it was published: one approval, the same snapshot, no reopen. */
  async function expectStillPublished(): Promise<void> {
    const row = await meeting();
    expect(row.minutesStatus).toBe("published");
    expect(row.correctedAt).toBeNull();
    expect(row.publishedSnapshotId).toBe(row.approvedSnapshotId);
    expect(await h.prisma.minutesSnapshot.count()).toBe(1);
    expect(await h.prisma.minutesApproval.count({ where: { voidedAt: null } })).toBe(1);
    expect(await h.prisma.auditEntry.count({ where: { action: "reopened" } })).toBe(0);
  }

  /**
   * `publicera 14 april` again: the card in the channel is updated in place with exactly the
   * card it was first posted with, and nothing new is posted or deleted there.
   */
  async function expectRepublishedUnchanged(): Promise<void> {
    await expectStillPublished();
    const republished = await h.say(eva, "publicera 14 april");
    expect(republished.text).toContain(PUBLISHED);
    // Nothing posted or deleted in the channel: at most the card updated where it stands.
    const inChannel = republished.records.filter((r) => r.conversationId === CHANNEL.id);
    expect(inChannel.filter((r) => r.route !== "update" || r.activityId !== postId)).toEqual([]);
    const updates = postedCards(inChannel);
    expect(updates).toHaveLength(inChannel.length);
    expect(updates.length).toBeLessThanOrEqual(1);
    for (const update of updates) {
      expect(json(attachmentsOf(update))).toBe(json(attachmentsOf(post)));
    }
    await expectStillPublished();
  }

  it("publishes the approved snapshot: the stamp, no correction mark, the full checksum last", async () => {
    const snapshot = await h.prisma.minutesSnapshot.findFirstOrThrow();
    const lines = cardText(post.card).split("\n");
    expect(lines.slice(0, 2)).toEqual([TITLE, "2026-04-14 11:00"]);
    expect(lines.join("\n")).not.toContain("Rättad");
    expect(lines.at(-1)).toBe(`Kontrollsumma (SHA-256): ${snapshot.sha256}`);
    // The actions as decided at the meeting.
    expect(lines).toContain("• Olle Olsson: Skicka remissvaret (senast 15 april)");
    expect(lines).toContain("• Anna Berg: Ring regionen (senast 30 april)");
  });

  it("stays byte for byte the same through done and postpone (typed and from the reminder's buttons), a later action and a new meeting", async () => {
    // Typed by the assignee in the channel.
    expect((await h.say(anna, "skjut upp 5")).status).toBe(200);
    expect((await h.say(anna, "klar 5")).text).toContain("Klart, markerat av Anna Berg");
    expect(await h.prisma.action.findFirstOrThrow({ where: { ref: 5 } })).toMatchObject({
      status: "done",
      dueAt: new Date("2026-05-06T22:00:00Z"),
    });
    await expectRepublishedUnchanged();

    // The next morning the reminder in Olle's personal chat, and his clicks on its buttons there.
    const run = createReminderTick({
      deps: h.deps,
      notifier: h.teams.notifier,
      platforms: ["teams"],
      logger,
    });
    await run(new Date("2026-04-14T09:05:00Z"));
    h.clock.set(WEDNESDAY_0900);
    expect(await run(new Date(WEDNESDAY_0900))).toMatchObject({ sent: 1, failed: 0 });
    const olleChat = h.privateChatOf(olle);
    expect(olleChat).toBeDefined();
    const reminder = h.cardsIn(olleChat ?? "");
    const done = await h.click(olle, button(reminder, "Klar", "done 3"));
    expect(done.status).toBe(200);
    expect(done.answer).toContain("Klart, markerat av Olle Olsson");
    const later = await h.click(olle, button(reminder, "Skjut upp en vecka", "postpone 4"));
    expect(later.status).toBe(200);
    const [three, four] = await h.prisma.action.findMany({
      where: { ref: { in: [3, 4] } },
      orderBy: { ref: "asc" },
    });
    expect(three?.status).toBe("done");
    expect(four?.dueAt).toEqual(new Date("2026-04-21T22:00:00Z"));
    await expectRepublishedUnchanged();

    // A week later, a day without a meeting: an action of the council, and one tied to § 1.
    h.clock.set("2026-04-21T08:00:00Z");
    const between = await h.say(eva, "uppdrag <at>Per Persson</at> Boka lokal för hösten", {
      mentions: [per],
    });
    expect(between.text).toContain("#6 Per Persson: Boka lokal för hösten");
    const tied = await h.say(eva, "uppdrag #2 <at>Anna Berg</at> Följ upp exportsamverkan", {
      mentions: [anna],
    });
    expect(tied.text).toContain("#7 Anna Berg: Följ upp exportsamverkan");
    const item = await h.prisma.item.findFirstOrThrow({ where: { ref: 2 } });
    const given = await h.prisma.action.findMany({
      where: { ref: { in: [6, 7] } },
      orderBy: { ref: "asc" },
    });
    expect(given.map((action) => [action.meetingId, action.itemId])).toEqual([
      [null, null],
      [null, item.id],
    ]);
    await expectRepublishedUnchanged();

    // The next meeting planned, with its agenda and documents.
    await h.say(eva, "möte 2026-05-19 kl 13:00 Härnösand");
    await h.say(eva, "punkt Budget 2028");
    await h.say(eva, "handlingar https://example.se/radet/handlingar-maj");
    const next = await h.prisma.meeting.findFirstOrThrow({
      where: { startsAt: new Date("2026-05-19T11:00:00Z") },
    });
    expect(next.documentsUrl).toBe("https://example.se/radet/handlingar-maj");
    expect((await meeting()).documentsUrl).toBeNull();
    await expectRepublishedUnchanged();
    // The card never learnt of the meeting planned after it was approved.
    expect(cardText(post.card)).not.toContain("19 maj");
  });

  it("reopens on a change to an item, voids the approval, and the card published again says Rättad under the stamp", async () => {
    const first = await h.prisma.minutesSnapshot.findFirstOrThrow();
    // Done and postponed first: the new approval still records the actions as decided.
    await h.say(olle, "klar 3");
    await h.say(olle, "skjut upp 4");

    h.clock.set("2026-04-15T07:30:00Z");
    expect((await h.say(eva, "ändra 1 Kollektivtrafik: Ny tidplan i maj.")).text).toBe(
      "Ändrat #1.",
    );
    expect((await meeting()).minutesStatus).toBe("draft");
    const [voided] = await h.prisma.minutesApproval.findMany();
    expect(voided?.voidedAt).toEqual(new Date("2026-04-15T07:30:00Z"));
    const reopened = await h.prisma.auditEntry.findFirstOrThrow({ where: { action: "reopened" } });
    expect(JSON.parse(reopened.after ?? "{}")).toMatchObject({
      cause: { entityType: "item", ref: 1, change: "changed" },
    });

    // Until the change is approved, the card stays as it was.
    const refused = await h.say(eva, "publicera 14 april");
    expect(refused.text).toContain("inte justerade");
    expect(refused.records.filter((r) => r.route === "update")).toEqual([]);

    const approved = await h.say(olle, "justera 14 april");
    const short = /Kontrollsumma ([0-9a-f]{12})\.$/.exec(approved.text)?.[1];
    expect(short).toBeDefined();
    expect(short).not.toBe(first.sha256.slice(0, 12));
    h.clock.set("2026-04-15T08:05:00Z");
    const republished = await h.say(eva, "publicera 14 april");
    expect(republished.text).toContain(PUBLISHED);

    const inChannel = republished.records.filter((r) => r.conversationId === CHANNEL.id);
    expect(inChannel.filter(isProactive)).toEqual([]);
    const [update, ...more] = postedCards(inChannel.filter((r) => r.route === "update"));
    expect(more).toEqual([]);
    expect(update?.record.activityId).toBe(postId);
    // Title and stamp as first published, then the correction mark as a text block of its own.
    const blocks = textBlocksOf(update?.card);
    expect(json(blocks.slice(0, 2))).toBe(json(textBlocksOf(post.card).slice(0, 2)));
    expect(blocks[2]).toMatchObject({
      type: "TextBlock",
      text: "Rättad 2026-04-15 10.05",
      isSubtle: true,
    });
    const lines = cardText(update?.card).split("\n");
    const checksum = CHECKSUM_LINE.exec(lines.at(-1) ?? "")?.[1];
    const second = await h.prisma.minutesSnapshot.findFirstOrThrow({
      where: { id: { not: first.id } },
    });
    expect(checksum).toBe(second.sha256);
    expect(second.sha256.slice(0, 12)).toBe(short);
    expect(lines).toContain("Ny tidplan i maj.");
    expect(lines).not.toContain("Rådet informerades om tidplanen.");
    expect(lines).toContain("• Olle Olsson: Skicka remissvaret (senast 15 april)");
    expect(lines).toContain("• Olle Olsson: Boka lokal (senast 15 april)");

    // Publishing the same approval again later updates it with the same card, mark included.
    h.clock.set("2026-04-16T09:00:00Z");
    const again = await h.say(eva, "publicera 14 april");
    const updates = again.cards.filter(
      (card) => card.conversationId === CHANNEL.id && card.record.route === "update",
    );
    expect(updates.map((card) => card.record.activityId)).toEqual([postId]);
    expect(json(attachmentsOf(updates[0]))).toBe(json(attachmentsOf(update)));
  });
});
