import type {
  PlannedReminder,
  ReminderKind,
  ReminderPayload,
  ReminderPlan,
  StaleReason,
} from "./plan-reminders.js";

/** A due or overdue reminder's action, and the due date it was planned for. */
export interface RemindedAction {
  actionId: string;
  due: string;
}

/** The local day a due or overdue row reminds on. */
type RemindedOn = { on: string };

/** What an outbox row carries: due and overdue rows list every action they remind of. */
export type OutboxPayload =
  | Exclude<ReminderPayload, { kind: "due" | "overdue" }>
  | ({ kind: "due" | "overdue"; actions: RemindedAction[] } & RemindedOn);

/** One row of the outbox, as the tick records it. */
export interface OutboxEntry extends Omit<PlannedReminder, "payload"> {
  kind: ReminderKind;
  payload: OutboxPayload;
  /** Null: to be sent; else why it is recorded as skipped. */
  reason: StaleReason | null;
}

/**
 * The plan as outbox rows. A person's due (or overdue) actions of one council on one day share
 * a row: they go in one message anyway, and a Monday 09:00 with tens of thousands of overdue
 * actions then records one row per person rather than one per action. The key names the day,
 * not the moment, so that a secretary moving the reminder time after the day's reminders went
 * out does not send them again. Stale reminders keep a row each, with their own key and
 * reason, for the secretary to read.
 */
export function outboxEntries(plan: ReminderPlan): OutboxEntry[] {
  const entries: OutboxEntry[] = [];
  const grouped = new Map<string, OutboxEntry & { payload: { actions: RemindedAction[] } }>();
  for (const reminder of plan.due) {
    const { payload } = reminder;
    if (payload.kind !== "due" && payload.kind !== "overdue") {
      entries.push({ ...reminder, kind: payload.kind, payload, reason: null });
      continue;
    }
    const key = `${payload.kind}:${reminder.councilId}:${reminder.recipient}:${payload.on}`;
    const action = { actionId: payload.actionId, due: payload.due };
    const existing = grouped.get(key);
    if (existing) {
      existing.payload.actions.push(action);
      continue;
    }
    const entry = {
      ...reminder,
      key,
      kind: payload.kind,
      subjectId: reminder.councilId,
      payload: { kind: payload.kind, on: payload.on, actions: [action] },
      reason: null,
    };
    grouped.set(key, entry);
    entries.push(entry);
  }
  for (const reminder of plan.stale) {
    const { payload, reason } = reminder;
    entries.push({
      ...reminder,
      kind: payload.kind,
      payload:
        payload.kind === "due" || payload.kind === "overdue"
          ? {
              kind: payload.kind,
              on: payload.on,
              actions: [{ actionId: payload.actionId, due: payload.due }],
            }
          : payload,
      reason,
    });
  }
  return entries;
}
