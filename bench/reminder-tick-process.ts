// The reminder tick of a server, alone in a process so that its peak memory is its own:
// `tsx bench/reminder-tick-process.ts <database url> <now ISO>` plans and claims the whole
// database at <now> (the planning window the minute before it, in a process warmed up by the
// same work a week earlier), sends through a notifier that
// takes every message at once, and prints what it measured as one JSON line. The scale benchmark
// imports its tick and its busy minute.
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { addDays, weekdayOf } from "../src/domain/dates/local-date.js";
import { localDateOf, toInstant } from "../src/domain/dates/zoned-time.js";
import type { Platform } from "../src/domain/types.js";
import { fanOutPublisher } from "../src/handlers/publisher-fan-out.js";
import { claimPass } from "../src/scheduler/claim-pass.js";
import { planWindow } from "../src/scheduler/plan-window.js";
import { createReminderTick, type TickReport } from "../src/scheduler/reminder-tick.js";
import { openDatabase } from "../src/store/database.js";
import { createStore, type Store } from "../src/store/store.js";

export interface TickMeasurement {
  /** Reading the councils, meetings and open actions the window needs. */
  readMs: number;
  planMs: number;
  recordMs: number;
  claimMs: number;
  /** A whole tick at the next minute, when nothing new fell due: the usual case. */
  quietTickMs: number;
  /** Claiming (as the tick does, 50 recipients at a time), composing and "sending". */
  sendMs: number;
  councilsRead: number;
  meetingsRead: number;
  actionsRead: number;
  planned: number;
  /** Outbox rows: a person's due (or overdue) actions of a council at one moment share one. */
  rows: number;
  stale: number;
  claimed: number;
  messages: number;
  peakRssBytes: number;
}

const DAY_MS = 86_400_000;
const ZONE = "Europe/Stockholm";

/** What planning and claiming measured: the tick's figures less the sending ones. */
type PlanAndClaim = Omit<TickMeasurement, "quietTickMs" | "sendMs" | "messages" | "peakRssBytes">;

/** The tick's planning and claiming at `now`, the window the minute before it, step by step. */
async function planAndClaim(store: Store, now: Date): Promise<PlanAndClaim> {
  const outbox = store.reminders;
  await outbox.advancePlannedThrough(new Date(now.getTime() - 60_000));
  const planned = await planWindow(outbox, now);

  const started = performance.now();
  // One pass, as the tick claims: who has rows due, read once, then a batch at a time by id.
  const claiming = {
    platforms: ["slack", "teams", "local"] as Platform[],
    leaseMs: 5 * 60_000,
    instance: "bench",
  };
  let claimed = 0;
  for await (const rows of claimPass(outbox, now, claiming, () => now)) claimed += rows.length;
  const claimMs = performance.now() - started;
  return {
    readMs: planned.readMs,
    planMs: planned.planMs,
    recordMs: planned.recordMs,
    claimMs,
    councilsRead: planned.councils,
    meetingsRead: planned.meetings,
    actionsRead: planned.actions,
    planned: planned.planned,
    rows: planned.rows,
    stale: planned.stale,
    claimed,
  };
}

async function measure(url: string, now: Date): Promise<TickMeasurement> {
  const database = await openDatabase(url);
  const store = createStore(database);
  // A server has ticked every minute before 09:00 (and at 09:00 last week): the same work a
  // week earlier warms the process up, and its rows are cleared again.
  await planAndClaim(store, new Date(now.getTime() - 7 * DAY_MS));
  await database.prisma.reminder.deleteMany({});
  const measured = await planAndClaim(store, now);
  // Give the claims back, so that the tick below sends them as a server would.
  await database.prisma.reminder.updateMany({
    where: { claimedBy: { not: null } },
    data: { claimedBy: null, claimedAt: null },
  });

  const { tick, messages } = countingTick(store, now);
  let started = performance.now();
  await tick(now);
  const sendMs = performance.now() - started;
  // Every claimed row given back goes out: a tick that sent none measured nothing.
  if (measured.claimed > 0 && messages() === 0) {
    throw new Error("the tick sent none of the reminders given back to it");
  }

  started = performance.now();
  await tick(new Date(now.getTime() + 60_000));
  const quietTickMs = performance.now() - started;

  await database.close();
  return {
    ...measured,
    quietTickMs,
    sendMs,
    messages: messages(),
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}

/**
 * A server's reminder tick for every platform, its clock at `now`, sending through a notifier
 * that takes every message at once; `messages()` counts what it was handed.
 */
export function countingTick(
  store: Store,
  now: Date,
): { tick: (at: Date) => Promise<TickReport>; messages(): number } {
  let messages = 0;
  const tick = createReminderTick({
    deps: {
      store,
      clock: { now: () => now },
      defaults: { locale: "sv", timeZone: ZONE },
      publisher: fanOutPublisher({}),
    },
    notifier: {
      async deliver() {
        messages += 1;
        return { ok: true, ref: `bench-${messages}` };
      },
    },
    platforms: ["slack", "teams", "local"],
    logger: pino({ level: "silent" }),
    instance: "bench",
  });
  return { tick, messages: () => messages };
}

/** The busiest minute of the week after `from`: the next Monday 09:00 in Stockholm. */
export function nextMondayNine(from: Date): Date {
  let date = addDays(localDateOf(from, ZONE), 1);
  while (weekdayOf(date) !== 1) date = addDays(date, 1);
  return toInstant(date, { hour: 9, minute: 0 }, ZONE);
}

// Run as a script by reminder-tick.bench.ts; the scale benchmark imports the pieces above.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [url, iso] = process.argv.slice(2);
  if (!url || !iso) {
    process.stderr.write("usage: reminder-tick-process.ts <database url> <now ISO>\n");
    process.exit(2);
  }
  measure(url, new Date(iso)).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: unknown) => {
      process.stderr.write(
        `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
