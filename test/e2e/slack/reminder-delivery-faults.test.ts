import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createReminderTick } from "../../../src/scheduler/reminder-tick.js";
import { DEFAULT_RETRY_POLICY } from "../../../src/scheduler/retry-policy.js";
import { openDatabase } from "../../../src/store/database.js";
import { createStore } from "../../../src/store/store.js";
import type { FakeSlackCall } from "../../support/fake-slack-api.js";
import {
  buttonsIn,
  callMessage,
  PEOPLE,
  SlackAppHarness,
} from "../../support/slack-app-harness.js";

// architecture.md §5 under a failing Slack: many reminders at 09:00 while the Web API throttles (429
// with Retry-After), fails (5xx) and drops connections on 30 % of the posts. Ticks follow the
// outbox's own schedule (the clock jumps to the next row's retry time) until nothing is left:
// every reminder is sent exactly once — each recipient's message reached Slack once, none
// twice, none lost — and two instances ticking at once on one database file send each once.

const { eva } = PEOPLE;
const logger = pino({ level: process.env.NOTERAT_TEST_LOG ?? "silent" });

const SETUP_TICK = new Date("2026-04-14T09:05:00Z");
/** Wednesday 15 April 2026, 09:00 in Stockholm: a week before the meetings, the actions due. */
const WEDNESDAY_0900 = new Date("2026-04-15T07:00:00Z");
const COUNCIL_CHANNELS = ["C0FAULT001", "C0FAULT002", "C0FAULT003"];
/** One person with more due actions than one Slack message holds: a reminder in parts. */
const BUSY = "U0BUSY0001";

function personId(index: number): string {
  return `U0P${String(index).padStart(7, "0")}`;
}

/** Successful chat.postMessage calls (no failure injected), by the channel they named. */
function deliveredByChannel(calls: FakeSlackCall[]): Map<string, FakeSlackCall[]> {
  const by = new Map<string, FakeSlackCall[]>();
  for (const call of calls) {
    if (call.method !== "chat.postMessage" || call.injected) continue;
    const channel = String(call.args.channel);
    by.set(channel, [...(by.get(channel) ?? []), call]);
  }
  return by;
}

describe("reminder delivery while Slack fails", () => {
  let h: SlackAppHarness;

  /** Councils in three channels, each with a meeting, and `people` assignees due Wednesday. */
  async function setUp(people: number, busy: boolean, meetings = true): Promise<string[]> {
    const assignees: string[] = [];
    for (const [index, channelId] of COUNCIL_CHANNELS.entries()) {
      await h.command(eva.id, `råd Rådet ${index + 1}`, { channelId });
      if (meetings) await h.command(eva.id, "möte 2026-04-22 kl 13:00", { channelId });
    }
    for (let index = 0; index < people; index++) {
      const id = personId(index);
      h.fake.setUser(id, {
        real_name: `Person ${index}`,
        display_name: "",
        tz: "Europe/Stockholm",
      });
      const channelId = COUNCIL_CHANNELS[index % COUNCIL_CHANNELS.length] ?? "";
      await h.command(eva.id, `uppdrag <@${id}> Uppgift ${index} senast 2026-04-15`, {
        channelId,
      });
      assignees.push(id);
    }
    if (busy) {
      h.fake.setUser(BUSY, { real_name: "Bo Busy", display_name: "Bo", tz: "Europe/Stockholm" });
      for (let index = 0; index < 30; index++) {
        await h.command(eva.id, `uppdrag <@${BUSY}> Delmål ${index} senast 2026-04-15`, {
          channelId: COUNCIL_CHANNELS[0],
        });
      }
      assignees.push(BUSY);
    }
    return assignees;
  }

  beforeEach(async () => {
    h = await SlackAppHarness.start();
  });
  afterEach(async () => {
    await h.stop();
  });

  it("sends every reminder exactly once through 429s, 5xx and dropped connections", async () => {
    const assignees = await setUp(60, true);
    const run = createReminderTick({
      deps: h.deps,
      notifier: h.surface.notifier,
      platforms: ["slack"],
      logger,
      instance: "faults",
      // Enough attempts that a 30 % failure rate never exhausts them: this is about duplicates
      // and losses, not about giving up.
      retry: { ...DEFAULT_RETRY_POLICY, maxAttempts: 40 },
    });
    await run(SETUP_TICK);
    h.fake.clear();
    h.fake.failRandomly("chat.postMessage", {
      rate: 0.3,
      failures: [{ status: 429, retryAfter: 90 }, { status: 500 }, { status: 503 }, { drop: true }],
      seed: 20260415,
    });

    let now = WEDNESDAY_0900;
    let ticks = 0;
    for (;;) {
      h.clock.set(now.toISOString());
      await run(now);
      ticks += 1;
      // Between ticks nothing stays claimed: every row is sent, waiting for its next attempt,
      // or given up.
      const next = await h.prisma.reminder.findFirst({
        where: { status: "pending" },
        orderBy: { nextAttemptAt: "asc" },
      });
      if (!next) break;
      expect(next.claimedBy).toBeNull();
      expect(ticks).toBeLessThan(100);
      // Never earlier than the outbox allows: the row's Retry-After or back-off.
      now = new Date(Math.max(now.getTime() + 60_000, next.nextAttemptAt.getTime()));
    }

    const rows = await h.prisma.reminder.findMany();
    // The councils' channels, sixty people, and Bo, whose 30 due actions share one row.
    expect(rows).toHaveLength(3 + 60 + 1);
    expect(rows.filter((row) => row.status !== "sent")).toEqual([]);
    expect(rows.every((row) => row.sentRef)).toBe(true);

    // The failures were there, of every kind, and some rows needed several attempts.
    const injected = h.fake.calls.filter((call) => call.injected);
    expect(injected.length).toBeGreaterThan(15);
    expect(new Set(injected.map((call) => JSON.stringify(call.injected))).size).toBe(4);
    expect(Math.max(...rows.map((row) => row.attempts))).toBeGreaterThan(1);
    expect(ticks).toBeGreaterThan(2);

    const delivered = deliveredByChannel(h.fake.calls);
    expect([...delivered.keys()].sort()).toEqual([...COUNCIL_CHANNELS, ...assignees].sort());
    for (const channel of assignees.filter((id) => id !== BUSY)) {
      expect(delivered.get(channel), channel).toHaveLength(1);
    }
    // A channel's meeting reminder opens with the follow-up of the council's open actions; the
    // first council's (Bo's thirty among them) takes more than one message: each part once.
    for (const channel of COUNCIL_CHANNELS) {
      const posts = delivered.get(channel) ?? [];
      const distinct = new Set(posts.map((post) => JSON.stringify(post.args.blocks)));
      expect(distinct.size, channel).toBe(posts.length);
      expect(posts.length, channel).toBe(channel === COUNCIL_CHANNELS[0] ? 2 : 1);
    }
    // Bo's reminder came in parts: each part once, even when a later part failed and the
    // notice was retried. Together they hold his 25 listed actions' buttons, each once.
    const parts = delivered.get(BUSY) ?? [];
    expect(parts.length).toBeGreaterThan(1);
    const buttons = parts.flatMap((part) => buttonsIn([callMessage(part)]));
    expect(buttons).toHaveLength(50);
    expect(new Set(buttons.map((button) => button.value)).size).toBe(50);
  });

  it("retries a reminder in parts from the part that failed, not from the start", async () => {
    await setUp(0, true, false);
    const run = createReminderTick({
      deps: h.deps,
      notifier: h.surface.notifier,
      platforms: ["slack"],
      logger,
    });
    await run(SETUP_TICK);
    // The first part goes through (a zero delay is the normal answer), the second fails.
    h.fake.failNext("chat.postMessage", { delayMs: 0 });
    h.fake.failNext("chat.postMessage", { status: 500 });
    expect(await run(WEDNESDAY_0900)).toMatchObject({ sent: 0, retried: 1 });
    expect(await run(new Date(WEDNESDAY_0900.getTime() + 60_000))).toMatchObject({ sent: 1 });

    const calls = h.fake.callsTo("chat.postMessage");
    expect(calls.map((call) => call.injected ?? "ok")).toEqual([
      { delayMs: 0 },
      { status: 500 },
      "ok",
    ]);
    expect(calls[2]?.args.blocks).toEqual(calls[1]?.args.blocks);
    expect(calls[0]?.args.blocks).not.toEqual(calls[1]?.args.blocks);
    const rows = await h.prisma.reminder.findMany();
    // The ref is the first part's, posted in the first attempt.
    const first = h.fake.messagesIn(`D${BUSY.slice(1)}`)[0];
    expect(new Set(rows.map((row) => row.sentRef))).toEqual(
      new Set([`D${BUSY.slice(1)}:${first?.ts}`]),
    );
  });

  it("two instances ticking at once on one database file send each reminder once", async () => {
    const assignees = await setUp(30, false);
    const second = await openDatabase(h.db.url);
    try {
      const tickOf = (instance: string, store = h.deps.store) =>
        createReminderTick({
          deps: { ...h.deps, store },
          notifier: h.surface.notifier,
          platforms: ["slack"],
          logger,
          instance,
          concurrency: 2,
        });
      const a = tickOf("instance-a");
      const b = tickOf("instance-b", createStore(second));
      await Promise.all([a(SETUP_TICK), b(SETUP_TICK)]);
      h.fake.clear();
      h.clock.set(WEDNESDAY_0900.toISOString());

      const [fromA, fromB] = await Promise.all([a(WEDNESDAY_0900), b(WEDNESDAY_0900)]);
      const rows = await h.prisma.reminder.findMany();
      expect(rows).toHaveLength(3 + 30);
      expect(fromA.claimed + fromB.claimed).toBe(rows.length);
      expect(fromA.sent + fromB.sent).toBe(rows.length);
      expect(rows.filter((row) => row.status !== "sent")).toEqual([]);

      const delivered = deliveredByChannel(h.fake.calls);
      expect([...delivered.keys()].sort()).toEqual([...COUNCIL_CHANNELS, ...assignees].sort());
      for (const calls of delivered.values()) expect(calls).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
