import { MAX_CATCH_UP_MS } from "../domain/reminders/plan-reminders.js";
import type { RemindersRepository } from "../store/reminders-repository.js";

/** Days settled reminder rows are kept after they were due (REMINDER_RETENTION_DAYS). */
export const DEFAULT_RETENTION_DAYS = 90;

export interface RetentionOptions {
  days: number;
  /** Rows per delete. */
  batchSize?: number;
  /** Batches per tick; a run with more to delete goes on at the next tick. */
  maxBatches?: number;
}

const DAY_MS = 86_400_000;
/** Its row in ReminderCursor holds when the last run began. */
const JOB = "retention";
const DEFAULT_BATCH_SIZE = 1_000;
const DEFAULT_MAX_BATCHES = 20;

/**
 * Why a deleted row is never planned, and sent, again. Its unique key stops a reminder being
 * recorded twice only while the row exists; but a reminder is recorded only by a tick whose
 * window (since, now] holds its moment, and no window starts more than MAX_CATCH_UP_MS (a
 * week) before its tick (planningStart). A key's moment is its occasion's day at the
 * council's time, moved into its hours; changing the time, the hours or the zone moves it
 * later by at most five days (four for the hours, one for the zone). So only a tick within
 * 7 + 5 days of a row's dueAt can plan its key again. Rows are kept two weeks whatever the
 * setting: a tick would have to have begun two days before this run to plan a deleted one.
 */
const KEPT_AT_LEAST_MS = MAX_CATCH_UP_MS + 7 * DAY_MS;

/**
 * The outbox's retention (architecture.md §15): once a day, across instances, sent and skipped rows
 * due more than `days` ago are deleted, oldest first, in bounded batches — and failed ones, which
 * the secretary sees for 30 days under `påminnelser` and which name their recipient as much.
 * Pending and claimed rows stay. Answers how many rows went.
 */
export function createReminderRetention(
  outbox: RemindersRepository,
  options: RetentionOptions,
): (now: Date) => Promise<number> {
  const keptMs = Math.max(options.days * DAY_MS, KEPT_AT_LEAST_MS);
  const limits = {
    batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
    maxBatches: options.maxBatches ?? DEFAULT_MAX_BATCHES,
  };
  return async (now) => {
    if (!(await outbox.takeRun(JOB, now, DAY_MS))) return 0;
    const { deleted, more } = await outbox.deleteSettled(new Date(now.getTime() - keptMs), limits);
    if (more) await outbox.reopenRun(JOB, now, DAY_MS);
    return deleted;
  };
}
