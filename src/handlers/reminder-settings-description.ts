import { fromIsoWeekday } from "../domain/dates/local-date.js";
import { formatClock, formatWeekday } from "../domain/i18n/format-date.js";
import { joinList } from "../domain/i18n/join-list.js";
import type { Translator } from "../domain/i18n/translator.js";
import {
  DEFAULT_REMINDER_SETTINGS,
  type Lead,
  type QuietWindow,
  type ReminderSettings,
} from "../domain/reminders/reminder-settings.js";
import type { ReplyBlock } from "../domain/reply.js";
import type { CouncilMode } from "../domain/types.js";

/**
 * A council's reminder settings in plain words: on or off, then one line per kind of reminder.
 * The protocol's deadlines only where they apply, or where the secretary has set them.
 */
export function describeReminderSettings(
  settings: ReminderSettings,
  councilName: string,
  t: Translator,
  mode: CouncilMode,
): ReplyBlock[] {
  const { meetingLeads, actionsLead, digestDay } = settings;
  const state = settings.enabled ? "reminders.settings.on" : "reminders.settings.off";
  const deadlines =
    mode === "protocol" ||
    settings.approvalDeadlineDays !== DEFAULT_REMINDER_SETTINGS.approvalDeadlineDays;
  return [
    { type: "text", text: t.t(state, { council: councilName }) },
    {
      type: "list",
      lines: [
        meetingLeads.length === 0
          ? t.t("reminders.settings.meetings-none")
          : t.t("reminders.settings.meetings", {
              leads: joinList(
                meetingLeads.map((lead) => describeLead(lead, t)),
                t,
              ),
            }),
        actionsLead === null
          ? t.t("reminders.settings.actions-none")
          : t.t("reminders.settings.actions", { lead: describeLead(actionsLead, t) }),
        t.t("reminders.settings.at", { time: formatClock(settings.at, t.locale) }),
        digestDay === null
          ? t.t("reminders.settings.digest-none")
          : // The settings count Monday 1 … Sunday 7; the formatter Sunday 0 … Saturday 6.
            t.t("reminders.settings.digest", {
              weekday: formatWeekday(fromIsoWeekday(digestDay), t.locale),
            }),
        describeWindow(settings.window, t),
        ...(deadlines ? describeDeadlines(settings.approvalDeadlineDays, t) : []),
      ],
    },
  ];
}

function describeDeadlines(approvalDays: number, t: Translator): string[] {
  const days = t.t("reminders.settings.approval-days", { count: approvalDays });
  return [t.t("reminders.settings.compile"), t.t("reminders.settings.approval", { days })];
}

function describeLead(lead: Lead, t: Translator): string {
  if (lead.unit === "days") return t.t("reminders.settings.lead-days", { count: lead.amount });
  // Stored in minutes; "2 timmar" reads better than "120 minuter".
  return lead.amount % 60 === 0
    ? t.t("reminders.settings.lead-hours", { count: lead.amount / 60 })
    : t.t("reminders.settings.lead-minutes", { count: lead.amount });
}

function describeWindow(window: QuietWindow | null, t: Translator): string {
  if (window === null) return t.t("reminders.settings.window-none");
  return t.t("reminders.settings.window", {
    from: formatClock(window.from, t.locale),
    to: formatClock(window.to, t.locale),
    days: t.t(window.weekdaysOnly ? "reminders.settings.weekdays" : "reminders.settings.every-day"),
  });
}
