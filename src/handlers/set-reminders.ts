import { applyReminderChange } from "../domain/command/reminder-arguments.js";
import { NoteratError } from "../domain/errors.js";
import { formatClock } from "../domain/i18n/format-date.js";
import { assertSecretary } from "../domain/permissions.js";
import { minutesOf, type ReminderSettings } from "../domain/reminders/reminder-settings.js";
import type { Locale } from "../domain/types.js";
import type { CommandHandler } from "./command-registry.js";
import { describeReminderSettings } from "./reminder-settings-description.js";
import { requireCouncil } from "./scope.js";

/** `påminnelser …`: the secretary changes the settings named; the channel sees the result. */
export const setReminders: CommandHandler<"reminders-set"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  const { reminders } = context.deps.store;
  const settings = applyReminderChange(
    await reminders.settingsOf(council.id),
    context.command.change,
  );
  assertTimeWithinHours(settings, context.t.locale);
  await reminders.saveSettings(council.id, settings, {
    actorId: context.actor.id,
    at: context.now,
  });
  const { t } = context;
  return {
    audience: "channel",
    blocks: [
      { type: "text", text: t.t("reminders.settings.changed") },
      ...describeReminderSettings(settings, council.name, t, council.mode),
    ],
  };
};

/**
 * A reminder time outside the council's hours would move every due reminder to the next
 * morning, after its due date: refused, so that nothing is silently never sent.
 */
function assertTimeWithinHours(settings: ReminderSettings, locale: Locale): void {
  const { at, window } = settings;
  if (!window) return;
  if (minutesOf(at) >= minutesOf(window.from) && minutesOf(at) < minutesOf(window.to)) return;
  throw new NoteratError("reminder-time-outside-hours", {
    at: formatClock(at, locale),
    from: formatClock(window.from, locale),
    to: formatClock(window.to, locale),
  });
}
