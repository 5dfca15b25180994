import type { Platform } from "../domain/types.js";
import type { Notifier } from "../handlers/reminder-notice.js";

/** Sends each notice through the notifier of its recipient's platform. */
export function fanOutNotifier(notifiers: Partial<Record<Platform, Notifier>>): Notifier {
  return {
    async deliver(notice) {
      const { target } = notice;
      const platform = target.type === "channel" ? target.place.platform : target.person.platform;
      const notifier = notifiers[platform];
      // The tick claims only the platforms that run here; this is a wiring mistake, not a busy platform.
      if (!notifier) return { ok: false, reason: "surface-not-running", retryable: false };
      return notifier.deliver(notice);
    },
  };
}
