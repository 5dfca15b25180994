import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createReminderTick } from "../../src/scheduler/reminder-tick.js";
import { openDatabase } from "../../src/store/database.js";
import { createStore } from "../../src/store/store.js";
import { wireApp } from "../support/app-wiring.js";
import { ChatSession } from "../support/chat-session.js";
import { RecordingNotifier } from "../support/recording-notifier.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

// The outbox on a real SQLite file (architecture.md §5): never lost, never twice, also with two
// instances, a crash between claim and send, failing platforms and days of downtime.

const PEOPLE = 30;
/** Monday 11 May 2026, 08:00 in Stockholm (CEST): before the 09:00 reminders. */
const MONDAY_EARLY = "2026-05-11T06:00:00Z";
/** The last tick before Friday: Thursday 14 May 23:00 (the meeting's 7-day reminder went Wednesday). */
const THURSDAY_NIGHT = new Date("2026-05-14T21:00:00Z");
/** Friday 15 May 2026 09:00 in Stockholm: the morning the actions are due. */
const FRIDAY_NINE = new Date("2026-05-15T07:00:00Z");

let temp: TempDatabase;

beforeEach(async () => {
  temp = await openTempDatabase();
});
afterEach(async () => {
  await temp.cleanup();
});

/** A council with PEOPLE members, each with an action due Friday 15 May, and a meeting the Wednesday after. */
async function council(): Promise<ReturnType<typeof wireApp>> {
  const app = wireApp(temp.store, { now: MONDAY_EARLY });
  const chat = new ChatSession(temp.store, app.clock);
  await chat.say("Sara", "råd Reglab");
  await chat.say("Sara", "möte 2026-05-20 kl 13:00 Stadshuset");
  for (let person = 1; person <= PEOPLE; person += 1) {
    await chat.say("Sara", `uppdrag @person${person} Läs förslag ${person} senast 2026-05-15`);
  }
  return app;
}

function tickOf(app: ReturnType<typeof wireApp>, notifier: RecordingNotifier, instance: string) {
  return createReminderTick({
    deps: app.deps,
    notifier,
    platforms: ["local"],
    logger: app.logger,
    instance,
  });
}

async function rows() {
  return temp.database.prisma.reminder.findMany({ orderBy: { key: "asc" } });
}

describe("the reminder outbox", () => {
  it("sends each reminder once when two instances tick at the same moment", async () => {
    const app = await council();
    const first = new RecordingNotifier();
    const second = new RecordingNotifier();
    // A second process: its own connection to the same database file.
    const other = await openDatabase(temp.url);
    try {
      const otherApp = wireApp(createStore(other), { now: MONDAY_EARLY });
      await tickOf(app, first, "a")(THURSDAY_NIGHT);
      await Promise.all([
        tickOf(app, first, "a")(FRIDAY_NINE),
        tickOf(otherApp, second, "b")(FRIDAY_NINE),
      ]);
    } finally {
      await other.close();
    }
    const delivered = [...first.delivered, ...second.delivered];
    expect(delivered).toHaveLength(PEOPLE);
    expect(new Set(delivered.map(({ to }) => to)).size).toBe(PEOPLE);
    const stored = await rows();
    expect(stored).toHaveLength(PEOPLE);
    expect(stored.every((row) => row.status === "sent" && row.sentRef !== null)).toBe(true);
  });

  it("sends what an instance claimed and then died holding, once, after its lease", async () => {
    const app = await council();
    const notifier = new RecordingNotifier();
    const tick = tickOf(app, notifier, "survivor");
    await tick(THURSDAY_NIGHT);
    // The dead instance planned and claimed, then crashed before sending anything.
    await claimWithoutSending(app, FRIDAY_NINE);
    expect((await rows()).every((row) => row.status === "pending" && row.claimedAt !== null)).toBe(
      true,
    );

    // Within the lease the claim is respected …
    await tick(new Date(FRIDAY_NINE.getTime() + 60_000));
    expect(notifier.delivered).toHaveLength(0);
    // … after it, the survivor sends each once; later ticks send nothing more.
    await tick(new Date(FRIDAY_NINE.getTime() + 6 * 60_000));
    await tick(new Date(FRIDAY_NINE.getTime() + 7 * 60_000));
    expect(notifier.delivered).toHaveLength(PEOPLE);
    expect((await rows()).every((row) => row.status === "sent")).toBe(true);
  });

  it("retries a busy platform with back-off and Retry-After, and gives up after six attempts with the reason kept", async () => {
    const app = await council();
    // person1's platform is down for good; everyone else's answers 429 twice, then takes it.
    const notifier = new RecordingNotifier((notice, attempt) => {
      const to = notice.target.type === "person" ? notice.target.person.externalId : "";
      if (to === "person1") return { ok: false, reason: "http-503", retryable: true };
      return attempt <= PEOPLE * 2
        ? { ok: false, reason: "ratelimited", retryable: true, retryAfterMs: 90_000 }
        : null;
    });
    const tick = tickOf(app, notifier, "a");
    await tick(THURSDAY_NIGHT);
    let now = FRIDAY_NINE;
    for (let minute = 0; minute < 120; minute += 1) {
      await tick(now);
      now = new Date(now.getTime() + 60_000);
    }
    const stored = await rows();
    const person1 = await temp.store.people.find({
      platform: "local",
      workspaceId: "local",
      externalId: "person1",
      displayName: "person1",
    });
    const failed = stored.filter((row) => row.recipient === `person:${person1?.id}`);
    expect(failed.map((row) => [row.status, row.attempts, row.lastError])).toEqual([
      ["failed", 6, "http-503"],
    ]);
    expect(stored.filter((row) => row.status === "sent")).toHaveLength(PEOPLE - 1);
    expect(new Set(notifier.delivered.map(({ to }) => to)).size).toBe(PEOPLE - 1);
    expect(notifier.delivered).toHaveLength(PEOPLE - 1);
    const councilId = stored[0]?.councilId ?? "";
    expect(await temp.store.reminders.failedSince(councilId, FRIDAY_NINE, 10)).toEqual([
      { kind: "due", dueAt: FRIDAY_NINE, reason: "http-503" },
    ]);
  });

  it("after three days down, sends what still matters and skips the rest with the reason", async () => {
    const app = await council();
    const notifier = new RecordingNotifier();
    const tick = tickOf(app, notifier, "a");
    // Last tick Thursday 14 May 23:59; back up on Monday 18 May 10:30 (CEST).
    await tick(new Date("2026-05-14T21:59:00Z"));
    await tick(new Date("2026-05-18T08:30:00Z"));
    const byKind = (kind: string) => rows().then((all) => all.filter((row) => row.kind === kind));
    // Friday's due reminders: their day has passed; Monday's overdue ones take over.
    expect((await byKind("due")).map((row) => [row.status, row.lastError])).toEqual(
      Array.from({ length: PEOPLE }, () => ["skipped", "due-date-passed"]),
    );
    expect((await byKind("overdue")).every((row) => row.status === "sent")).toBe(true);
    expect(await byKind("overdue")).toHaveLength(PEOPLE);
    // The meeting on Wednesday 20 May: its 7-day reminder (Wednesday 13 May) was before the
    // downtime; the 1-day one (Tuesday) is still to come.
    expect(await byKind("meeting")).toEqual([]);
    // Monday's digest, 1.5 hours late, still goes.
    expect((await byKind("digest")).map((row) => row.status)).toEqual(["sent"]);
    expect(notifier.to("person:person7")).toHaveLength(1);
    expect(notifier.to("person:person7")[0]?.text).toContain("Läs förslag 7");
    expect(notifier.to("channel:konsol")).toHaveLength(1);
  });

  it("does not send the day's reminders again when the secretary moves the reminder time after they went", async () => {
    const app = await council();
    const chat = new ChatSession(temp.store, app.clock);
    const notifier = new RecordingNotifier();
    const tick = tickOf(app, notifier, "a");
    await tick(THURSDAY_NIGHT);
    await tick(FRIDAY_NINE);
    expect(notifier.delivered).toHaveLength(PEOPLE);
    app.clock.set("2026-05-15T07:30:00Z");
    expect((await chat.say("Sara", "påminnelser kl 10")).text).toContain("ändrade");
    // 10:00 is in the next window: the due day's reminders fall in it again, under the same keys.
    await tick(new Date("2026-05-15T08:00:00Z"));
    expect(notifier.delivered).toHaveLength(PEOPLE);
    expect(await rows()).toHaveLength(PEOPLE);
  });

  it("skips, when it could finally be sent, a due reminder whose day has passed", async () => {
    const app = await council();
    let down = true;
    const notifier = new RecordingNotifier(() =>
      down ? { ok: false, reason: "http-503", retryable: true } : null,
    );
    const tick = tickOf(app, notifier, "a");
    await tick(THURSDAY_NIGHT);
    await tick(FRIDAY_NINE);
    down = false;
    // Back on Saturday: the retries are due, but "due today" would now be wrong.
    await tick(new Date("2026-05-16T07:00:00Z"));
    const stored = await rows();
    expect(stored.map((row) => [row.status, row.lastError])).toEqual(
      Array.from({ length: PEOPLE }, () => ["skipped", "due-date-passed"]),
    );
    expect(notifier.delivered).toEqual([]);
  });

  it("gives up, after the catch-up horizon, reminders for a platform no instance runs", async () => {
    const app = await council();
    const tick = createReminderTick({
      deps: app.deps,
      notifier: new RecordingNotifier(),
      platforms: [],
      logger: app.logger,
      instance: "teams-only",
    });
    await tick(THURSDAY_NIGHT);
    await tick(FRIDAY_NINE);
    expect((await rows()).every((row) => row.status === "pending")).toBe(true);
    await tick(new Date(FRIDAY_NINE.getTime() + 8 * 86_400_000));
    const friday = (await rows()).filter((row) => row.dueAt.getTime() === FRIDAY_NINE.getTime());
    expect(friday.map((row) => [row.status, row.lastError])).toEqual(
      Array.from({ length: PEOPLE }, () => ["failed", "not-delivered-in-time"]),
    );
  });

  it("counts the council's open and overdue actions in the Monday digest", async () => {
    const app = await council();
    const notifier = new RecordingNotifier();
    const tick = tickOf(app, notifier, "a");
    await tick(new Date("2026-05-17T21:59:00Z"));
    // Monday 18 May 09:00: all 30 actions were due on Friday.
    await tick(new Date("2026-05-18T07:00:00Z"));
    const [digest] = notifier.to("channel:konsol");
    expect(digest?.text).toContain("Veckans uppdrag i Reglab: 30 öppna, varav 30 försenade");
    expect(digest?.text).toContain("… och 5 till.");
  });

  it("skips a reminder whose action was done before it could be sent", async () => {
    const app = await council();
    const chat = new ChatSession(temp.store, app.clock);
    let down = true;
    const notifier = new RecordingNotifier(() =>
      down ? { ok: false, reason: "http-500", retryable: true } : null,
    );
    const tick = tickOf(app, notifier, "a");
    await tick(THURSDAY_NIGHT);
    await tick(FRIDAY_NINE);
    app.clock.set("2026-05-15T07:00:30Z");
    expect((await chat.say("person3", "klar 3")).text).toContain("Läs förslag 3");
    down = false;
    await tick(new Date(FRIDAY_NINE.getTime() + 10 * 60_000));
    const stored = await rows();
    const skipped = stored.filter((row) => row.status === "skipped");
    expect(skipped.map((row) => [row.kind, row.lastError])).toEqual([["due", "action-done"]]);
    expect(notifier.delivered).toHaveLength(PEOPLE - 1);
    expect(notifier.to("person:person3")).toEqual([]);
  });
});

/** What a crashed instance leaves: its rows planned and claimed, nothing sent. */
async function claimWithoutSending(app: ReturnType<typeof wireApp>, now: Date): Promise<void> {
  const tick = createReminderTick({
    deps: app.deps,
    notifier: { deliver: () => new Promise(() => undefined) },
    platforms: [],
    logger: app.logger,
    instance: "dead",
  });
  await tick(now);
  const claiming = { platforms: ["local" as const], leaseMs: 5 * 60_000 };
  const due = await temp.store.reminders.dueByRecipient(now, claiming);
  await temp.store.reminders.claim(due.flat(), now, {
    ...claiming,
    instance: "dead",
    claimedAt: now,
  });
}
