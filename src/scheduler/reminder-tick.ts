import { randomUUID } from "node:crypto";
import { outboxEntries } from "../domain/reminders/outbox-entries.js";
import {
  councilsNeedingActions,
  planningStart,
  planReminders,
} from "../domain/reminders/plan-reminders.js";
import { REMINDER_LIMITS } from "../domain/reminders/reminder-settings.js";
import type { Platform } from "../domain/types.js";
import { type ComposedNotice, composeReminders } from "../handlers/compose-reminders.js";
import type { HandlerDeps } from "../handlers/context.js";
import type { Notifier } from "../handlers/reminder-notice.js";
import type { Logger } from "../logger.js";
import type { OutboxReminder } from "../store/reminders-repository.js";
import { DEFAULT_RETRY_POLICY, nextAttemptAt, type RetryPolicy } from "./retry-policy.js";

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
}

/** What one tick did, for the log and for tests. */
export interface TickReport {
  planned: number;
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
}

const RECIPIENTS_PER_CLAIM = 200;
const DEFAULT_LEASE_MS = 5 * 60_000;
const DEFAULT_CONCURRENCY = 4;
const DAY_MS = 86_400_000;

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

  async function plan(now: Date): Promise<number> {
    const since = planningStart(await outbox.plannedThrough(), now);
    if (since >= now) return 0;
    const councils = await outbox.planningCouncils();
    // Meetings whose reminders can fall in the window: from those starting after it opened
    // to those the longest lead reaches.
    const reach = new Date(now.getTime() + (REMINDER_LIMITS.maxLeadDays + 1) * DAY_MS);
    const meetings = await outbox.planningMeetings(since, reach);
    const needing = councilsNeedingActions(now, since, councils, meetings);
    const actions = await outbox.planningActions([...needing]);
    const planned = planReminders(now, since, { councils, meetings, actions });
    const recorded = await outbox.record(outboxEntries(planned), now);
    await outbox.advancePlannedThrough(now);
    return recorded;
  }

  async function send(
    notice: ComposedNotice,
    now: Date,
    report: TickReport,
    claimed: Map<string, OutboxReminder>,
  ): Promise<void> {
    const { ids } = notice;
    let outcome: Awaited<ReturnType<Notifier["deliver"]>>;
    try {
      outcome = await options.notifier.deliver(notice.notice);
    } catch (error) {
      // A notifier should answer with an outcome; one that throws is treated as a network failure.
      logger.warn({ err: error }, "a reminder notifier threw");
      outcome = { ok: false, reason: "notifier-error", retryable: true };
    }
    if (outcome.ok) {
      await outbox.markSent(ids, instance, outcome.ref, now);
      report.sent += ids.length;
      return;
    }
    const attempts = Math.max(...ids.map((id) => claimed.get(id)?.attempts ?? retry.maxAttempts));
    if (outcome.retryable && attempts < retry.maxAttempts) {
      await outbox.retryLater(
        ids,
        instance,
        nextAttemptAt(now, attempts, outcome.retryAfterMs, retry),
        outcome.reason,
      );
      report.retried += ids.length;
    } else {
      await outbox.giveUp(ids, instance, outcome.reason);
      report.failed += ids.length;
      logger.warn({ reason: outcome.reason, reminders: ids.length }, "reminders given up");
    }
  }

  async function dispatch(rows: OutboxReminder[], now: Date, report: TickReport): Promise<void> {
    const claimed = new Map(rows.map((row) => [row.id, row]));
    const composition = await composeReminders(deps, rows, now);
    for (const { ids, reason } of composition.skipped) {
      await outbox.skip(ids, instance, reason);
      report.skipped += ids.length;
    }
    const queue = [...composition.notices];
    const workers = Array.from({ length: options.concurrency ?? DEFAULT_CONCURRENCY }, async () => {
      for (let notice = queue.shift(); notice; notice = queue.shift()) {
        await send(notice, now, report, claimed);
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
    };
    report.planned = await plan(now);
    // Batch after batch until nothing is due: what fails goes back with a later attempt time,
    // so each row is claimed at most once per tick.
    for (;;) {
      const rows = await outbox.claim(now, {
        instance,
        platforms: options.platforms,
        limit: RECIPIENTS_PER_CLAIM,
        leaseMs,
      });
      if (rows.length === 0) return report;
      report.claimed += rows.length;
      await dispatch(rows, now, report);
    }
  };
}
