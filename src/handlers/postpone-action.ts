import { addDays, compareLocalDates } from "../domain/dates/local-date.js";
import { localDateOf } from "../domain/dates/zoned-time.js";
import type { LocalDate } from "../domain/types.js";
import { actionEntry } from "./action-entries.js";
import type { CommandHandler } from "./command-registry.js";
import { ownOpenAction } from "./own-open-action.js";
import { requireCouncil, startOfDay } from "./scope.js";

const WEEK = 7;

/** `skjut upp ID [till DATUM]`: by an assignee or the secretary, like marking it done. */
export const postponeAction: CommandHandler<"postpone"> = async (context) => {
  const council = requireCouncil(context);
  const { deps, command, actor, t } = context;
  const action = await ownOpenAction(context, council, command.ref);
  const today = localDateOf(context.now, council.timeZone);
  const until =
    command.until ?? addDays(laterOf(dueDate(action.dueAt, council.timeZone), today), WEEK);
  const postponed = await deps.store.actions.change(
    action,
    { dueAt: startOfDay(until, council.timeZone) },
    actor.id,
    context.now,
  );
  return {
    audience: "channel",
    blocks: [
      {
        type: "actions",
        title: t.t("action.postponed", { name: actor.displayName }),
        actions: [actionEntry(postponed, context)],
      },
    ],
  };
};

function dueDate(dueAt: Date | null, timeZone: string): LocalDate | null {
  return dueAt ? localDateOf(dueAt, timeZone) : null;
}

function laterOf(due: LocalDate | null, today: LocalDate): LocalDate {
  return due !== null && compareLocalDates(due, today) > 0 ? due : today;
}
