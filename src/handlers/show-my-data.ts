import { isoDate } from "../domain/dates/local-date.js";
import { localDateOf } from "../domain/dates/zoned-time.js";
import { isMessageKey } from "../domain/i18n/translator.js";
import { textReply } from "../domain/reply.js";
import type { PersonalDataRecord } from "../store/personal-data-repository.js";
import type { CommandHandler } from "./command-registry.js";
import type { CommandContext } from "./context.js";

/**
 * `mina uppgifter` (architecture.md §15): everything held about the caller in every council — the
 * register extract — as a summary and as a JSON file with all of it. Someone never stored gets
 * a reply and stays unstored.
 */
export const showMyData: CommandHandler<"my-data"> = async (context) => {
  const { deps, t, now } = context;
  const data =
    context.actor.id === "" ? null : await deps.store.personalData.extract(context.actor);
  if (!data) return textReply("caller", t.t("my-data.none"));
  const day = isoDate(localDateOf(now, context.dates.timeZone));
  return {
    audience: "caller",
    blocks: [
      {
        type: "list",
        title: t.t("my-data.title", { name: data.person.displayName }),
        lines: summary(data, context),
      },
      { type: "text", text: t.t("my-data.footer") },
      {
        type: "document",
        kind: "personal-data",
        filename: `noterat-${context.t.locale === "sv" ? "mina-uppgifter" : "my-data"}-${day}.json`,
        json: JSON.stringify({ exportedAt: now, ...data }, null, 2),
        note: t.t("my-data.file-note"),
      },
    ],
  };
};

function summary(data: PersonalDataRecord, { t }: CommandContext<unknown>): string[] {
  const roles = data.roles.map((row) => {
    const key = `role.${row.role}`;
    return t.t("my-data.role", {
      role: isMessageKey(key) ? t.t(key) : row.role,
      council: row.council,
    });
  });
  const open = data.actionsAssigned.filter((action) => action.status === "open" && !action.removed);
  return [
    roles.length > 0 ? t.t("my-data.roles", { roles: roles.join("; ") }) : t.t("my-data.no-roles"),
    t.t("my-data.items", { count: data.itemsAuthored.length }),
    t.t("my-data.actions", {
      assigned: data.actionsAssigned.length,
      open: open.length,
      given: data.actionsGiven.length,
      completed: data.actionsCompleted.length,
    }),
    t.t("my-data.approvals", { count: data.approvals.length }),
    t.t("my-data.attendance", {
      count: data.attendance.length,
      chosen: data.chosenApprover.length,
    }),
    t.t("my-data.notes", { count: data.protocolNotes.length }),
    t.t("my-data.reminders", { count: data.reminders.length }),
    t.t("my-data.audit", { count: data.auditEntries.length }),
    ...(data.person.personalChatKept ? [t.t("my-data.chat-kept")] : []),
  ];
}
