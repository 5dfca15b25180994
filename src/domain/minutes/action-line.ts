import { type DateContext, formatDayMonth } from "../i18n/format-date.js";
import { joinList } from "../i18n/join-list.js";
import type { Translator } from "../i18n/translator.js";
import type { MinutesSourceAction } from "./compile-minutes.js";

/**
 * "Anna Berg och Per Ek: Ta fram ett förslag (senast 30 maj)": what was decided. Whether it is
 * done, or postponed since, is the action's live state, not part of the record (architecture.md §11).
 */
export function actionLine(action: MinutesSourceAction, t: Translator, ctx: DateContext): string {
  const text = action.text.trim();
  const assignees = action.assignees.map((name) => name.trim()).filter((name) => name !== "");
  const what =
    assignees.length > 0
      ? t.t("minutes.action", { assignees: joinList(assignees, t), text })
      : text;
  const due = action.due
    ? t.t("minutes.action.due", { date: formatDayMonth(action.due, ctx) })
    : "";
  return `${what}${due}`;
}
