import type { MessageKey } from "../domain/i18n/catalog.js";
import { formatDateTime } from "../domain/i18n/format-date.js";
import { isMessageKey } from "../domain/i18n/translator.js";
import { maySeeFailedReminders } from "../domain/permissions.js";
import type { ReminderKind } from "../domain/reminders/plan-reminders.js";
import type { ReplyBlock } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import type { CommandContext } from "./context.js";
import { describeReminderSettings } from "./reminder-settings-description.js";
import { requireCouncil } from "./scope.js";

/** How far back the secretary is shown reminders that were given up, and how many at most. */
const FAILED_DAYS = 30;
const FAILED_LIMIT = 10;
const DAY_MS = 86_400_000;

const KIND_NAMES: Record<ReminderKind, MessageKey> = {
  meeting: "reminders.settings.kind-meeting",
  prep: "reminders.settings.kind-prep",
  due: "reminders.settings.kind-due",
  overdue: "reminders.settings.kind-overdue",
  digest: "reminders.settings.kind-digest",
  "minutes-due": "reminders.settings.kind-minutes-due",
  "approval-due": "reminders.settings.kind-approval-due",
};

/**
 * `påminnelser`: the council's reminder settings, for anyone in its channel; the secretary also
 * sees the reminders given up lately, and how to change the settings.
 */
export const showReminders: CommandHandler<"reminders-show"> = async (context) => {
  const council = requireCouncil(context);
  const settings = await context.deps.store.reminders.settingsOf(council.id);
  const blocks = describeReminderSettings(settings, council.name, context.t, council.mode);
  if (!maySeeFailedReminders(context.roles)) return { audience: "caller", blocks };
  return {
    audience: "caller",
    blocks: [
      ...blocks,
      await failedReminders(context, council.id),
      { type: "text", text: context.t.t("reminders.settings.hint") },
    ],
  };
};

async function failedReminders(
  context: CommandContext<unknown>,
  councilId: string,
): Promise<ReplyBlock> {
  const { t } = context;
  const since = new Date(context.now.getTime() - FAILED_DAYS * DAY_MS);
  const failed = await context.deps.store.reminders.failedSince(councilId, since, FAILED_LIMIT);
  if (failed.length === 0) {
    return { type: "text", text: t.t("reminders.settings.failed-none", { days: FAILED_DAYS }) };
  }
  return {
    type: "list",
    title: t.t("reminders.settings.failed-title", { days: FAILED_DAYS }),
    lines: failed.map((reminder) =>
      t.t("reminders.settings.failed-line", {
        kind: t.t(KIND_NAMES[reminder.kind]),
        when: formatDateTime(reminder.dueAt, context.dates),
        reason: t.t(reasonKey(reminder.reason)),
        code: reminder.reason,
      }),
    ),
  };
}

/** What a secretary can act on, in words; the platform's own code follows in brackets. */
function reasonKey(reason: string): MessageKey {
  const key = `reminders.reason.${reason}`;
  return isMessageKey(key) ? key : "reminders.reason.other";
}
