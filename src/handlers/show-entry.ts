import { NoteratError } from "../domain/errors.js";
import { formatDayMonth, formatEventStamp } from "../domain/i18n/format-date.js";
import { joinList } from "../domain/i18n/join-list.js";
import type { ActionRecord, ItemRecord } from "../domain/records.js";
import type { ReplyBlock, ReplyBody } from "../domain/reply.js";
import type { AuditRecord } from "../store/audit-repository.js";
import { startOfToday } from "./action-entries.js";
import type { CommandHandler } from "./command-registry.js";
import type { CommandContext, ReplyContext } from "./context.js";
import { describeOrigin } from "./follow-up-actions.js";
import { describeMeeting } from "./meeting-description.js";
import { requireCouncil } from "./scope.js";

/**
 * `visa ID` (architecture.md §11): one item or action in full with its history from the audit trail,
 * oldest first, removed ones too. Anyone in the council may read it.
 */
export const showEntry: CommandHandler<"show"> = async (context) => {
  const council = requireCouncil(context);
  const { store } = context.deps;
  const { ref } = context.command;
  const item = await store.items.byRef(council.id, ref);
  if (item) return showItem(context, item);
  const action = await store.actions.byRef(council.id, ref);
  if (action) return showAction(context, action);
  throw new NoteratError("not-found", { ref });
};

async function showItem(context: CommandContext<unknown>, item: ItemRecord): Promise<ReplyBody> {
  const { store } = context.deps;
  const { t } = context;
  const meeting = await store.meetings.byId(item.meetingId);
  const history = await store.audit.entriesOf("item", item.id);
  const lines = [
    ...(item.text === "" ? [] : [item.text]),
    ...(meeting ? [t.t("show.item.meeting", { meeting: describeMeeting(meeting, context) })] : []),
    ...(item.removedAt ? [t.t("show.item.removed")] : []),
  ];
  return {
    audience: "caller",
    blocks: [
      {
        type: "list",
        title: t.t(`show.item.${item.kind}` as const, {
          ref: item.ref,
          heading: item.heading,
          paragraph: item.paragraph ?? "",
        }),
        lines,
      },
      ...historyBlocks(history, (entry) => [itemEvent(entry, item, context)], context),
    ],
  };
}

function itemEvent(entry: AuditRecord, item: ItemRecord, context: ReplyContext): string {
  const { t } = context;
  const who = { name: entry.actorName, at: formatEventStamp(entry.at, context.dates) };
  switch (entry.action) {
    case "created":
      return t.t(item.kind === "agenda" ? "history.agenda.created" : "history.item.created", who);
    case "changed":
      return t.t("history.item.changed", { ...who, before: headingAndText(entry.before) });
    case "removed":
      return t.t("history.item.removed", who);
    default:
      return t.t("history.item.other", who);
  }
}

async function showAction(
  context: CommandContext<unknown>,
  action: ActionRecord,
): Promise<ReplyBody> {
  const { t, dates } = context;
  const history = await context.deps.store.audit.entriesOf("action", action.id);
  const origin = describeOrigin(action.origin, context);
  const lines = [
    t.t("show.action.assignees", {
      names: joinList(
        action.assignees.map((person) => person.displayName),
        t,
      ),
    }),
    action.itemRef === null
      ? t.t("show.action.origin", { origin })
      : t.t("show.action.origin-item", { origin, ref: action.itemRef }),
    ...(action.dueAt
      ? [t.t("show.action.due", { date: formatDayMonth(action.dueAt, dates) })]
      : []),
    t.t(statusKey(action, context)),
  ];
  return {
    audience: "caller",
    blocks: [
      { type: "list", title: t.t("show.action", { ref: action.ref, text: action.text }), lines },
      ...historyBlocks(history, (entry) => actionEvents(entry, context), context),
    ],
  };
}

function statusKey(action: ActionRecord, context: ReplyContext) {
  if (action.removedAt || action.status === "cancelled") return "show.action.removed" as const;
  if (action.status === "done") return "show.action.done" as const;
  const overdue =
    action.dueAt !== null && action.dueAt < startOfToday(context.now, context.dates.timeZone);
  return overdue ? ("show.action.overdue" as const) : ("show.action.open" as const);
}

/**
 * What one audit entry says happened to an action. A due-date change is any entry whose `after`
 * names `dueAt` ("rescheduled" by `skjut upp`, or "changed" with a corrected text), the old
 * date in `before.dueAt`.
 */
function actionEvents(entry: AuditRecord, context: ReplyContext): string[] {
  const { t } = context;
  const who = { name: entry.actorName, at: formatEventStamp(entry.at, context.dates) };
  const { before, after } = entry;
  switch (entry.action) {
    case "created": {
      const due = dueOf(after, context);
      return [
        due
          ? t.t("history.action.created-due", { ...who, due })
          : t.t("history.action.created", who),
      ];
    }
    case "completed":
      return [t.t("history.action.completed", who)];
    case "removed":
      return [t.t("history.action.removed", who)];
  }
  const events: string[] = [];
  if (after && "text" in after) {
    events.push(t.t("history.action.text", { ...who, before: String(before?.text ?? "") }));
  }
  if (after && "dueAt" in after) {
    const from = dueOf(before, context);
    const to = dueOf(after, context);
    if (from !== to) {
      events.push(
        from && to
          ? t.t("history.action.due", { ...who, from, to })
          : to
            ? t.t("history.action.due-set", { ...who, to })
            : t.t("history.action.due-cleared", { ...who, from: from ?? "" }),
      );
    }
  }
  return events.length > 0 ? events : [t.t("history.action.other", who)];
}

/** "Historik" with a line per event; nothing for an entry older than the audit trail. */
function historyBlocks(
  history: AuditRecord[],
  events: (entry: AuditRecord) => string[],
  context: ReplyContext,
): ReplyBlock[] {
  const lines = history.flatMap(events);
  return lines.length === 0 ? [] : [{ type: "list", title: context.t.t("show.history"), lines }];
}

/** The due date an audit entry's JSON holds (an ISO instant of local midnight), as a date. */
function dueOf(json: Record<string, unknown> | null, context: ReplyContext): string | null {
  const value = json?.dueAt;
  return typeof value === "string" ? formatDayMonth(new Date(value), context.dates) : null;
}

/** An item as it read before a change: "Rubrik: text", or the heading alone. */
function headingAndText(json: Record<string, unknown> | null): string {
  const heading = String(json?.heading ?? "");
  const text = String(json?.text ?? "");
  return text === "" ? heading : `${heading}: ${text}`;
}
