// How `logg` reads the audit trail: one line per entry, in the council's zone and language.
// The entries' before/after JSON is never shown as such: only a new setting, role or date.

import type { MessageKey } from "../domain/i18n/catalog.js";
import { formatDayMonth, formatEventStamp } from "../domain/i18n/format-date.js";
import { isMessageKey, type MessageParams } from "../domain/i18n/translator.js";
import { LOCALES } from "../domain/types.js";
import type { AuditLogEntry } from "../store/audit-repository.js";
import type { ReplyContext } from "./context.js";

type Json = Record<string, unknown> | null;

/** "2026-12-03 09.15 Eva Berg ändrade #12" */
export function auditLogLine(entry: AuditLogEntry, context: ReplyContext): string {
  return context.t.t("log.line", {
    at: formatEventStamp(entry.at, context.dates),
    who: entry.actorName,
    event: auditEvent(entry, context),
  });
}

/**
 * The most telling line the catalogue has: one with the entry's detail, else one for its action
 * on that kind of entity, else one for the action, else its code.
 */
function auditEvent(entry: AuditLogEntry, context: ReplyContext): string {
  const { t } = context;
  const detail = detailOf(entry, context);
  const params = { action: entry.action, entity: entityName(entry, context), ...detail?.params };
  const keys = [
    detail?.key,
    `log.event.${entry.action}.${entry.entityType}`,
    `log.event.${entry.action}`,
  ];
  const key = keys.find((each): each is MessageKey => each !== undefined && isMessageKey(each));
  return t.t(key ?? "log.event.other", params);
}

/** What an entry's JSON says that is easy to read: a new setting or name, a role, a move. */
function detailOf(
  entry: AuditLogEntry,
  context: ReplyContext,
): { key: MessageKey; params: MessageParams } | undefined {
  const { t } = context;
  const { before, after } = entry;
  switch (entry.action) {
    case "changed": {
      if (entry.entityType !== "council" || after === null || Object.keys(after).length !== 1) {
        return undefined;
      }
      const locale = LOCALES.find((each) => each === after.locale);
      if (locale) {
        return {
          key: "log.event.changed.council.locale",
          params: { value: t.t(`settings.language.${locale}`) },
        };
      }
      return typeof after.timeZone === "string"
        ? { key: "log.event.changed.council.timeZone", params: { value: after.timeZone } }
        : undefined;
    }
    case "renamed":
      return typeof after?.name === "string"
        ? { key: "log.event.renamed.name", params: { value: after.name } }
        : undefined;
    case "moved": {
      const from = instantOf(before?.startsAt);
      const to = instantOf(after?.startsAt);
      return from && to
        ? {
            key: "log.event.moved.dates",
            params: {
              from: formatDayMonth(from, context.dates),
              to: formatDayMonth(to, context.dates),
            },
          }
        : undefined;
    }
    case "role-set": {
      const role = `role.${String(after?.role)}`;
      return isMessageKey(role)
        ? { key: "log.event.role-set.role", params: { role: t.t(role) } }
        : undefined;
    }
  }
  return undefined;
}

/** "#12", a meeting's day (as the entry left it), a person, a platform, "rådet". */
function entityName(entry: AuditLogEntry, context: ReplyContext): string {
  const { t } = context;
  const unknown = t.t("log.entity.unknown");
  switch (entry.entityType) {
    case "item":
    case "action":
      return entry.ref === null ? unknown : t.t("log.entity.ref", { ref: entry.ref });
    case "meeting": {
      const startsAt = instantOf(entry.after?.startsAt) ?? entry.meeting?.startsAt;
      return startsAt ? formatDayMonth(startsAt, context.dates) : unknown;
    }
    case "membership":
    case "person":
      return entry.personName ?? unknown;
    case "binding": {
      const key = `log.platform.${platformOf(entry.before) ?? platformOf(entry.after)}`;
      return isMessageKey(key) ? t.t(key) : unknown;
    }
    case "council":
      return t.t("log.entity.council");
  }
  return unknown;
}

/** A binding's entry holds the place, or `{ place, linkedBy }` when a link code bound it. */
function platformOf(json: Json): string | undefined {
  const place = json?.place ?? json;
  const platform = (place as Json)?.platform;
  return typeof platform === "string" ? platform : undefined;
}

/** An instant as JSON.stringify wrote it. */
function instantOf(value: unknown): Date | undefined {
  if (typeof value !== "string") return undefined;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}
