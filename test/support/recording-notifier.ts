import type {
  DeliveryOutcome,
  Notifier,
  ReminderNotice,
} from "../../src/handlers/reminder-notice.js";
import { renderReplyText } from "../../src/render/reply-text.js";

/** Who a notice went to: `channel:C1` or `person:anna`. */
export function recipientOf(notice: ReminderNotice): string {
  const { target } = notice;
  return target.type === "channel"
    ? `channel:${target.place.channelId}`
    : `person:${target.person.externalId}`;
}

export interface Delivered {
  to: string;
  text: string;
}

/**
 * A platform that takes every message, or answers as `answer` says (a failure plan): it records
 * what arrived, so that tests count deliveries per recipient.
 */
export class RecordingNotifier implements Notifier {
  readonly delivered: Delivered[] = [];
  attempts = 0;

  constructor(
    private readonly answer: (
      notice: ReminderNotice,
      attempt: number,
    ) => DeliveryOutcome | null = () => null,
  ) {}

  async deliver(notice: ReminderNotice): Promise<DeliveryOutcome> {
    this.attempts += 1;
    const planned = this.answer(notice, this.attempts);
    if (planned && !planned.ok) return planned;
    this.delivered.push({ to: recipientOf(notice), text: renderReplyText(notice.reply) });
    return { ok: true, ref: `ref-${this.delivered.length}` };
  }

  to(recipient: string): Delivered[] {
    return this.delivered.filter(({ to }) => to === recipient);
  }
}
