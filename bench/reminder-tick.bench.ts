// The reminder tick on the seeded database (issue 5's figure, issue 6's target): in a process
// of its own (bench/reminder-tick-process.ts) on a copy of the database, at the busiest moment
// of the week — Monday 09:00, when due, overdue, digest and meeting reminders all fall due.
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { addDays, weekdayOf } from "../src/domain/dates/local-date.js";
import { localDateOf, toInstant } from "../src/domain/dates/zoned-time.js";
import { sqliteFilePath } from "../src/store/sqlite-file.js";
import type { Benchmark } from "./benchmark.js";
import { bundledEntry } from "./bundled-entry.js";
import type { TickMeasurement } from "./reminder-tick-process.js";
import { megabytes } from "./report.js";
import { TICK_MS } from "./targets.js";

const ZONE = "Europe/Stockholm";

export const reminderTickBenchmark: Benchmark = {
  name: "reminder-tick",
  title: "Reminder tick: plan and claim for the whole database, Monday 09:00",
  async run(context) {
    const seeded = await context.database();
    const directory = mkdtempSync(join(tmpdir(), "noterat-tick-"));
    try {
      const copy = join(directory, "noterat.db");
      copyFileSync(sqliteFilePath(seeded.url), copy);
      const now = nextMondayNine(new Date());
      context.log(`ticking at ${now.toISOString()} on a copy of the database`);
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [
          bundledEntry("bench/reminder-tick-process.ts", "reminder-tick"),
          `file:${copy}`,
          now.toISOString(),
        ],
        { maxBuffer: 1 << 20 },
      );
      const m = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as TickMeasurement;
      const planMs = m.readMs + m.planMs + m.recordMs;
      return {
        figures: [
          { figure: "plan: read councils, meetings, open actions", unit: "ms", ours: m.readMs },
          { figure: "plan: work out what is due (pure)", unit: "ms", ours: m.planMs },
          { figure: "plan: record in the outbox", unit: "ms", ours: m.recordMs },
          { figure: "claim (every batch, 50 recipients each)", unit: "ms", ours: m.claimMs },
          { figure: "plan + claim", unit: "ms", ours: planMs + m.claimMs, target: TICK_MS },
          {
            figure: "a quiet minute's whole tick",
            unit: "ms",
            ours: m.quietTickMs,
            target: TICK_MS,
          },
          {
            figure: `claim, compose and hand over ${m.messages} messages`,
            unit: "ms",
            ours: m.sendMs,
          },
          { figure: "peak RSS of the tick's process", unit: "MB", ours: megabytes(m.peakRssBytes) },
        ],
        notes: [
          `${m.councilsRead} councils, ${m.meetingsRead} meetings ahead, ${m.actionsRead} open actions read; ${m.planned} reminders due (${m.rows} outbox rows: a person's due or overdue actions of a council on a day share one), ${m.stale} stale; ${m.claimed} rows claimed`,
          "the notifier takes every message at once: a platform's own pace (Slack posts about one message per second per channel) comes on top",
        ],
        details: { now: now.toISOString(), ...m },
      };
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  },
};

/** The next Monday 09:00 in Stockholm after `from`. */
function nextMondayNine(from: Date): Date {
  let date = addDays(localDateOf(from, ZONE), 1);
  while (weekdayOf(date) !== 1) date = addDays(date, 1);
  return toInstant(date, { hour: 9, minute: 0 }, ZONE);
}
