import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createReminderTick } from "../../../src/scheduler/reminder-tick.js";
import {
  buttonsOf,
  CHANNEL,
  cardText,
  isProactive,
  PEOPLE,
  type PostedCard,
  TENANT_ID,
  TeamsAppHarness,
} from "../../support/teams-app-harness.js";

// architecture.md §5 on Teams: the reminder tick sends through the Teams surface's notifier to the fake
// Bot Connector, proactively: the meeting reminder to the council's channel through its stored
// reference; a person's actions to their personal chat, through its stored reference when
// they have written to Noterat there, else through a 1:1 chat Noterat opens (and remembers).
// The Action.Execute buttons in the personal chat complete and postpone.

const { eva, olle, anna } = PEOPLE;
const logger = pino({ level: process.env.NOTERAT_TEST_LOG ?? "silent" });

/** Wednesday 15 April 2026, 09:00 in Stockholm: a week before the meeting; #2–#4 due. */
const WEDNESDAY_0900 = new Date("2026-04-15T07:00:00Z");
const THURSDAY_0900 = new Date("2026-04-16T07:00:00Z");
/** Tuesday 21 April, 09:00: the day before the meeting. */
const DAY_BEFORE_0900 = new Date("2026-04-21T07:00:00Z");

function button(cards: PostedCard[], command: string) {
  const found = cards.flatMap(buttonsOf).find((candidate) => candidate.command === command);
  if (!found) throw new Error(`no button for ${command}`);
  return found;
}

describe("reminders on Teams", () => {
  let h: TeamsAppHarness;

  beforeEach(async () => {
    // Tuesday 14 April 2026, 11:00 in Stockholm.
    h = await TeamsAppHarness.start();
    await h.say(eva, "råd Reglab");
    await h.say(eva, "möte 2026-04-22 kl 13:00 Sundsvall");
    await h.say(eva, "punkt Budget 2027");
    await h.say(eva, "handlingar https://example.se/reglab/handlingar");
    const assign = (who: typeof olle, text: string) =>
      h.say(eva, `uppdrag <at>${who.name}</at> ${text} senast 2026-04-15`, { mentions: [who] });
    await assign(olle, "Skicka remissvaret"); // #2
    await assign(olle, "Boka lokal"); // #3
    await assign(anna, "Ring regionen"); // #4
    // Anna has written to Noterat in private: her chat's reference is stored.
    await h.say(anna, "hjälp", { where: "personal" });
  });
  afterEach(async () => {
    await h.stop();
  });

  it("reaches the channel and each assignee proactively; the buttons in the personal chat work", async () => {
    const run = createReminderTick({
      deps: h.deps,
      notifier: h.teams.notifier,
      platforms: ["teams"],
      logger,
    });
    await run(new Date("2026-04-14T09:05:00Z"));
    h.fake.clear();

    // Three outbox rows: the channel's, Anna's, and Olle's two due actions in one.
    expect(await run(WEDNESDAY_0900)).toMatchObject({ sent: 3, retried: 0, failed: 0 });
    const proactive = h.fake.activities.filter(isProactive).map((record) => record.conversationId);
    expect(proactive.sort()).toEqual([CHANNEL.id, h.personalChat(anna).id].sort());

    const [meeting, ...moreInChannel] = h.cardsIn(CHANNEL.id);
    expect(moreInChannel).toEqual([]);
    const meetingText = cardText(meeting?.card);
    expect(meetingText).toContain("Reglab");
    expect(meetingText).toContain("Budget 2027");
    expect(meetingText).toContain("https://example.se/reglab/handlingar");

    // Anna through her stored personal chat; no chat opened for her.
    expect(h.privateChatOf(anna)).toBeUndefined();
    const annas = h.cardsIn(h.personalChat(anna).id);
    expect(annas.flatMap(buttonsOf).map((b) => [b.title, b.command])).toEqual([
      ["Klar", "done 4"],
      ["Skjut upp en vecka", "postpone 4"],
    ]);

    // Olle never wrote to Noterat in private: a 1:1 chat is opened for him (his Teams id read
    // from the channel's roster), both his actions in one card, and its reference kept.
    const olleChat = h.privateChatOf(olle);
    expect(olleChat).toBeDefined();
    const olles = h.cardsIn(olleChat ?? "");
    expect(olles).toHaveLength(1);
    expect(olles.flatMap(buttonsOf).map((b) => [b.title, b.command])).toEqual([
      ["Klar", "done 2"],
      ["Skjut upp en vecka", "postpone 2"],
      ["Klar", "done 3"],
      ["Skjut upp en vecka", "postpone 3"],
    ]);
    const created = h.fake.activities.find((record) => record.route === "create");
    expect(created?.activity).toMatchObject({
      isGroup: false,
      tenantId: TENANT_ID,
      members: [{ id: olle.id, aadObjectId: olle.aadObjectId }],
    });
    const stored = await h.prisma.person.findFirstOrThrow({
      where: { externalId: olle.aadObjectId },
    });
    expect(JSON.parse(stored.reference ?? "{}")).toMatchObject({
      conversation: { id: olleChat },
      serviceUrl: h.fake.serviceUrl,
    });
    const rows = await h.prisma.reminder.findMany({ where: { kind: "due" } });
    expect(new Set(rows.map((row) => row.status))).toEqual(new Set(["sent"]));

    // Clicked in Olle's chat, as Teams sends an Action.Execute.
    const done = await h.click(olle, button(olles, "done 2"));
    expect(done.status).toBe(200);
    expect(done.answer).toContain("Klart, markerat av Olle Olsson");
    const postponed = await h.click(olle, button(olles, "postpone 3"));
    expect(postponed.status).toBe(200);
    const [two, three] = await h.prisma.action.findMany({ orderBy: { ref: "asc" } });
    expect(two?.status).toBe("done");
    expect(three?.dueAt?.toISOString()).toBe("2026-04-21T22:00:00.000Z");

    // The next morning nothing reaches Olle: #2 is done, #3 not due yet.
    h.fake.clear();
    await run(THURSDAY_0900);
    expect(h.cardsIn(olleChat ?? "")).toEqual([]);
    const aboutDone = await h.prisma.reminder.findMany({ where: { kind: "due" } });
    expect(
      aboutDone
        .filter((row) => row.payload.includes(two?.id ?? "-"))
        .map((row) => [row.kind, row.status]),
    ).toEqual([["due", "sent"]]);

    // The day before the meeting #3 is on his list again: through the kept reference, with no
    // second chat opened.
    h.fake.clear();
    await run(DAY_BEFORE_0900);
    expect(h.fake.activities.filter((record) => record.route === "create")).toEqual([]);
    const again = h.cardsIn(olleChat ?? "");
    expect(again.flatMap(buttonsOf).map((b) => b.command)).toEqual(["done 3", "postpone 3"]);
  });

  it("retries when the connector throttles or fails, and gives up when the bot was removed", async () => {
    const run = createReminderTick({
      deps: h.deps,
      notifier: h.teams.notifier,
      platforms: ["teams"],
      logger,
    });
    await run(new Date("2026-04-14T09:05:00Z"));
    // botbuilder itself retries a 429 or 5xx three times: the fourth failure reaches Noterat.
    h.fake.failNext("*", { status: 429, retryAfter: 0 }, 4 * 3);
    const throttled = await run(WEDNESDAY_0900);
    expect(throttled).toMatchObject({ sent: 0, retried: 3, failed: 0 });
    const rows = await h.prisma.reminder.findMany();
    expect(new Set(rows.map((row) => `${row.status} ${row.lastError}`))).toEqual(
      new Set(["pending Throttled"]),
    );

    h.fake.clearFailures();
    h.fake.failNext("*", { status: 403, code: "BotNotInConversationRoster" }, 3);
    const removed = await run(new Date(WEDNESDAY_0900.getTime() + 60_000));
    expect(removed).toMatchObject({ sent: 0, failed: 3 });
    const after = await h.prisma.reminder.findMany();
    expect(new Set(after.map((row) => `${row.status} ${row.lastError}`))).toEqual(
      new Set(["failed BotNotInConversationRoster"]),
    );
  });
});
