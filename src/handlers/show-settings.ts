import type { CommandHandler } from "./command-registry.js";
import { describeReminderSettings } from "./reminder-settings-description.js";
import { requireCouncil } from "./scope.js";

/** `inställningar`: every setting of the council in plain words. */
export const showSettings: CommandHandler<"settings"> = async (context) => {
  const council = requireCouncil(context);
  const { store } = context.deps;
  const { t } = context;
  const [settings, reminders, web] = await Promise.all([
    store.protocol.settings(council.id),
    store.reminders.settingsOf(council.id),
    store.web.settings(council.id),
  ]);
  return {
    audience: "caller",
    blocks: [
      {
        type: "list",
        title: t.t("settings.title", { council: council.name }),
        lines: [
          t.t("settings.language", { language: t.t(`settings.language.${council.locale}`) }),
          t.t("settings.time-zone", { zone: council.timeZone }),
          t.t("settings.mode", { mode: t.t(`mode.${settings.mode}`) }),
          t.t(settings.noticeEnabled ? "settings.notice-on" : "settings.notice-off"),
          web.enabled && web.slug !== null
            ? t.t("settings.web-on", { slug: web.slug })
            : t.t("settings.web-off"),
        ],
      },
      ...describeReminderSettings(reminders, council.name, t, settings.mode),
    ],
  };
};
