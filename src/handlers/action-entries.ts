import { localDateOf } from "../domain/dates/zoned-time.js";
import { formatDayMonth } from "../domain/i18n/format-date.js";
import { joinList } from "../domain/i18n/join-list.js";
import type { ActionRecord } from "../domain/records.js";
import type { ActionEntry } from "../domain/reply.js";
import type { ReplyContext } from "./context.js";
import { dayBounds } from "./scope.js";

/** The start of today in the zone: an action due before it is overdue. */
export function startOfToday(now: Date, timeZone: string): Date {
  return dayBounds(localDateOf(now, timeZone), timeZone).from;
}

/** Many action lines at once: "today" is worked out once, not per line (it is zone arithmetic). */
export function actionEntries(
  actions: ActionRecord[],
  context: ReplyContext,
  options: { withCouncil?: boolean } = {},
): ActionEntry[] {
  const today = startOfToday(context.now, context.dates.timeZone);
  return actions.map((action) => actionEntry(action, context, { ...options, today }));
}

/** "#12 Anna Berg och Per Ek: Skicka förslaget – senast 30 maj (försenat)" */
export function actionEntry(
  action: ActionRecord,
  context: ReplyContext,
  options: { withCouncil?: boolean; today?: Date } = {},
): ActionEntry {
  const { t } = context;
  const today = options.today ?? startOfToday(context.now, context.dates.timeZone);
  const overdue = action.status === "open" && action.dueAt !== null && action.dueAt < today;
  let line = t.t("action.line", {
    ref: action.ref,
    assignees: joinList(
      action.assignees.map((person) => person.displayName),
      t,
    ),
    text: action.text,
  });
  if (action.dueAt)
    line += t.t("action.due", { date: formatDayMonth(action.dueAt, context.dates) });
  if (overdue) line += t.t("action.overdue");
  if (action.status === "done") line += t.t("action.done");
  if (options.withCouncil) line = t.t("action.in-council", { council: action.councilName, line });
  return {
    actionId: action.id,
    councilId: action.councilId,
    ref: action.ref,
    line,
    status: action.status,
    overdue,
  };
}
