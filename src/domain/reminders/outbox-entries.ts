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
  const grouped = new Map<string, RemindedAction[]>();
  for (const reminder of plan.due) {
    const { payload } = reminder;
    if (payload.kind !== "due" && payload.kind !== "overdue") {
      entries.push(entry(reminder, reminder.key, reminder.subjectId, payload, null));
      continue;
    }
    const key = `${payload.kind}:${reminder.councilId}:${reminder.recipient}:${payload.on}`;
    const action = { actionId: payload.actionId, due: payload.due };
    const actions = grouped.get(key);
    if (actions) {
      actions.push(action);
      continue;
    }
    const listed = [action];
    grouped.set(key, listed);
    const rowPayload = { kind: payload.kind, on: payload.on, actions: listed };
    entries.push(entry(reminder, key, reminder.councilId, rowPayload, null));
  }
  for (const reminder of plan.stale) {
    const { payload, reason } = reminder;
    const rowPayload: OutboxPayload =
      payload.kind === "due" || payload.kind === "overdue"
        ? {
            kind: payload.kind,
            on: payload.on,
            actions: [{ actionId: payload.actionId, due: payload.due }],
          }
        : payload;
    entries.push(entry(reminder, reminder.key, reminder.subjectId, rowPayload, reason));
  }
  return entries;
}

/** Built field by field: a 09:00 tick makes tens of thousands of these. */
function entry(
  reminder: PlannedReminder,
  key: string,
  subjectId: string,
  payload: OutboxPayload,
  reason: StaleReason | null,
): OutboxEntry {
  return {
    key,
    councilId: reminder.councilId,
    recipient: reminder.recipient,
    platform: reminder.platform,
    subjectId,
    dueAt: reminder.dueAt,
    kind: payload.kind,
    payload,
    reason,
  };
}
