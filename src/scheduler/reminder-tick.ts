import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { MAX_CATCH_UP_MS } from "../domain/reminders/plan-reminders.js";
import type { Platform } from "../domain/types.js";
import { type ComposedNotice, composeReminders } from "../handlers/compose-reminders.js";
import type { HandlerDeps } from "../handlers/context.js";
import type { Notifier } from "../handlers/reminder-notice.js";
import type { Logger } from "../logger.js";
import type { OutboxReminder } from "../store/reminders-repository.js";
import { claimPass } from "./claim-pass.js";
import { planWindow } from "./plan-window.js";
import {
  createReminderRetention,
  DEFAULT_RETENTION_DAYS,
  type RetentionOptions,
} from "./reminder-retention.js";
import { DEFAULT_RETRY_POLICY, nextAttemptAt, type RetryPolicy } from "./retry-policy.js";
import { type SentMarks, sentMarks } from "./sent-marks.js";

export interface ReminderTickOptions {
  deps: HandlerDeps;
  notifier: Notifier;
  /** The platforms whose surfaces run in this process: it claims only what it can send. */
  platforms: Platform[];
  logger: Logger;
  /** Distinguishes this process's claims from another instance's. */
  instance?: string;
  retry?: RetryPolicy;
  /** A claim older than this is taken over: its instance died between claiming and sending. */
  leaseMs?: number;
  /** Messages sent at once: a 09:00 tick has thousands, a platform wants them spread. */
  concurrency?: number;
  /** How long sent and skipped rows are kept (default 90 days). */
  retention?: RetentionOptions;
}

/** What one tick did, for the log and for tests. */
export interface TickReport {
  planned: number;
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
  /** Old sent and skipped rows deleted (once a day). */
  deleted: number;
}

const DEFAULT_LEASE_MS = 5 * 60_000;
const DEFAULT_CONCURRENCY = 4;

/**
 * One reminder tick: plan what fell due since the last one into the outbox, claim what is
 * due, and send it, one message per recipient. Every step is safe to run on two instances at
 * once and to repeat after a crash: keys are unique, claims atomic, marks conditional.
 */
export function createReminderTick(
  options: ReminderTickOptions,
): (now: Date) => Promise<TickReport> {
  const instance = options.instance ?? randomUUID();
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const { deps, logger } = options;
  const outbox = deps.store.reminders;
  const retain = createReminderRetention(
    outbox,
    options.retention ?? { days: DEFAULT_RETENTION_DAYS },
  );

  /** Sends one notice and marks its rows; never throws, so one failure stops no other send. */
  async function send(
    notice: ComposedNotice,
    now: Date,
    report: TickReport,
    claimed: Map<string, OutboxReminder>,
    marks: SentMarks,
  ): Promise<void> {
    let outcome: Awaited<ReturnType<Notifier["deliver"]>>;
    try {
      outcome = await options.notifier.deliver(notice.notice);
    } catch (error) {
      // A notifier should answer with an outcome; one that throws is treated as a network failure.
      logger.warn({ err: error }, "a reminder notifier threw");
      outcome = { ok: false, reason: "notifier-error", retryable: true };
    }
    if (outcome.ok) {
      marks.add({ ids: notice.ids, ref: outcome.ref });
      return;
    }
    try {
      await settleFailure(notice.ids, outcome, now, report, claimed);
    } catch (error) {
      // The row stays claimed: after the lease it is claimed and (if it was sent) sent again.
      logger.error({ err: error, reminders: notice.ids.length }, "marking reminders failed");
    }
  }

  /** Back to pending for a later attempt, or given up with the reason. */
  async function settleFailure(
    ids: string[],
    outcome: { reason: string; retryable: boolean; retryAfterMs?: number },
    now: Date,
    report: TickReport,
    claimed: Map<string, OutboxReminder>,
  ): Promise<void> {
    const attempts = Math.max(...ids.map((id) => claimed.get(id)?.attempts ?? retry.maxAttempts));
    if (outcome.retryable && attempts < retry.maxAttempts) {
      const at = nextAttemptAt(now, attempts, outcome.retryAfterMs, retry);
      await outbox.retryLater(ids, instance, at, outcome.reason);
      report.retried += ids.length;
    } else {
      await outbox.giveUp(ids, instance, outcome.reason);
      report.failed += ids.length;
      logger.warn({ reason: outcome.reason, reminders: ids.length }, "reminders given up");
    }
  }

  async function dispatch(
    rows: OutboxReminder[],
    now: Date,
    report: TickReport,
    marks: SentMarks,
  ): Promise<void> {
    const claimed = new Map(rows.map((row) => [row.id, row]));
    let composition: Awaited<ReturnType<typeof composeReminders>>;
    try {
      composition = await composeReminders(deps, rows, now);
    } catch (error) {
      // Retried like a platform failure, so that a batch that cannot be composed is given up
      // after the usual attempts instead of being claimed again after every lease.
      logger.error({ err: error, reminders: rows.length }, "composing reminders failed");
      const ids = rows.map(({ id }) => id);
      await settleFailure(ids, { reason: "internal-error", retryable: true }, now, report, claimed);
      return;
    }
    for (const { ids, reason } of composition.skipped) {
      await outbox.skip(ids, instance, reason);
      report.skipped += ids.length;
    }
    const queue = [...composition.notices];
    const workers = Array.from({ length: options.concurrency ?? DEFAULT_CONCURRENCY }, async () => {
      for (let notice = queue.shift(); notice; notice = queue.shift()) {
        await send(notice, now, report, claimed, marks);
      }
    });
    await Promise.all(workers);
  }

  return async function tick(now: Date): Promise<TickReport> {
    const report: TickReport = {
      planned: 0,
      claimed: 0,
      sent: 0,
      retried: 0,
      failed: 0,
      skipped: 0,
      deleted: 0,
    };
    const started = performance.now();
    const marks = sentMarks(
      async (written) => {
        await outbox.markSent(written, instance, now);
        for (const { ids } of written) report.sent += ids.length;
      },
      (error, lost) => {
        // The rows stay claimed: after the lease they are claimed and sent again.
        const reminders = lost.reduce((count, { ids }) => count + ids.length, 0);
        logger.error({ err: error, reminders }, "marking reminders sent failed");
      },
    );
    report.planned = (await planWindow(outbox, now)).recorded;
    // What no instance delivered within the catch-up horizon (its surface stopped running
    // everywhere) is given up, for the secretary to see, rather than sent weeks late.
    await outbox.expire(new Date(now.getTime() - MAX_CATCH_UP_MS), "not-delivered-in-time");
    // Pass after pass until one claims nothing. What fails goes back with a later attempt
    // time, so each row is claimed at most once per tick. A claim is stamped with the time the
    // tick has really taken.
    const claiming = { platforms: options.platforms, leaseMs, instance };
    const claimedAt = () => new Date(now.getTime() + (performance.now() - started));
    for (let claimedInPass = true; claimedInPass; ) {
      claimedInPass = false;
      for await (const rows of claimPass(outbox, now, claiming, claimedAt)) {
        claimedInPass = true;
        report.claimed += rows.length;
        await dispatch(rows, now, report, marks);
      }
    }
    await marks.settled();
    // After sending, so that deleting never delays a reminder. A failure stops nothing else;
    // the next day's run deletes what this one did not.
    try {
      report.deleted = await retain(now);
    } catch (error) {
      logger.error({ err: error }, "deleting old reminders failed");
    }
    return report;
  };
}
