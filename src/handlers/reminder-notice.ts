import type { PersonRecord, Place } from "../domain/records.js";
import type { Reply } from "../domain/reply.js";

/** Who a reminder goes to: a council's channel, or a person privately. */
export type ReminderTarget =
  | { type: "channel"; councilId: string; place: Place }
  | { type: "person"; councilId: string; person: PersonRecord };

/** One message: a recipient's reminders of one tick, grouped. */
export interface ReminderNotice {
  target: ReminderTarget;
  reply: Reply;
}

/**
 * How a send went. `retryable`: the platform was busy or away (HTTP 429, 5xx, network) and
 * the same message may go later, after `retryAfterMs` when the platform said so.
 */
export type DeliveryOutcome =
  | { ok: true; ref: string }
  | { ok: false; reason: string; retryable: boolean; retryAfterMs?: number };

/** One surface's way of reaching a channel or a person with a reminder. */
export interface Notifier {
  deliver(notice: ReminderNotice): Promise<DeliveryOutcome>;
}
