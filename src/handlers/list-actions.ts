import type { ActionRecord } from "../domain/records.js";
import type { ReplyBody } from "../domain/reply.js";
import type { ActionFilter } from "../store/actions-repository.js";
import { actionEntries, startOfToday } from "./action-entries.js";
import { listedAssignee } from "./assignees.js";
import type { CommandHandler } from "./command-registry.js";
import type { CommandContext } from "./context.js";
import { requireCouncil } from "./scope.js";

/** A list in chat stays readable; the rest is counted, not shown. */
export const LIST_LIMIT = 50;

/** `öppna`: every open action of this council. */
export const listOpen: CommandHandler<"list-open"> = async (context) => {
  const council = requireCouncil(context);
  return listed(context, { councilIds: [council.id] }, "actions.open-title", false);
};

/** `försenade`: this council's open actions whose due date has passed. */
export const listOverdue: CommandHandler<"list-overdue"> = async (context) => {
  const council = requireCouncil(context);
  return listed(
    context,
    { councilIds: [council.id], dueBefore: startOfToday(context.now, council.timeZone) },
    "actions.overdue-title",
    false,
  );
};

/** `mina`: the caller's open actions in all their councils, wherever it is asked. */
export const listMine: CommandHandler<"list-mine"> = async (context) =>
  listed(context, { assigneeId: context.actor.id }, "actions.mine-title", true);

/** `uppdrag @PERSON`: one person's open actions in this council. */
export const listPerson: CommandHandler<"list-person"> = async (context) => {
  const council = requireCouncil(context);
  const { command, t } = context;
  const person = await listedAssignee(context, council, command.person);
  if (!person) {
    return { audience: "caller", blocks: [{ type: "text", text: t.t("actions.none") }] };
  }
  return listed(
    context,
    { councilIds: [council.id], assigneeId: person.id },
    "actions.person-title",
    false,
    { name: person.displayName },
  );
};

async function listed(
  context: CommandContext<unknown>,
  filter: Omit<ActionFilter, "limit">,
  titleKey:
    | "actions.open-title"
    | "actions.overdue-title"
    | "actions.mine-title"
    | "actions.person-title",
  withCouncil: boolean,
  titleParams: Record<string, string> = {},
): Promise<ReplyBody> {
  const { actions } = context.deps.store;
  const { t } = context;
  const found: ActionRecord[] = await actions.open({ ...filter, limit: LIST_LIMIT });
  if (found.length === 0) {
    return { audience: "caller", blocks: [{ type: "text", text: t.t("actions.none") }] };
  }
  const total = found.length < LIST_LIMIT ? found.length : await actions.countOpen(filter);
  return {
    audience: "caller",
    blocks: [
      {
        type: "actions",
        title: t.t(titleKey, { ...titleParams, count: total }),
        actions: actionEntries(found, context, { withCouncil }),
        ...(total > found.length
          ? { more: t.t("actions.more", { count: total - found.length }) }
          : {}),
      },
    ],
  };
}
