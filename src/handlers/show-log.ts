import { NoteratError } from "../domain/errors.js";
import { isSecretary, mayApprove } from "../domain/permissions.js";
import type { CouncilRecord } from "../domain/records.js";
import type { ReplyBlock } from "../domain/reply.js";
import type { AuditLogEntry } from "../store/audit-repository.js";
import { auditLogLine } from "./audit-log-lines.js";
import type { CommandHandler } from "./command-registry.js";
import type { CommandContext } from "./context.js";
import { requireCouncil } from "./scope.js";

/** A chat-sized page of the council's log; one item's or action's is asked for by its number. */
const PAGE = 20;
/** One item's or action's log is a handful of lines; this only bounds an extraordinary one. */
const ENTRY_PAGE = 100;

/**
 * `logg [ID]`: the audit trail, newest first, for those who keep and approve the record: the
 * council's latest entries, or everything that happened to one item or action.
 */
export const showLog: CommandHandler<"log"> = async (context) => {
  const council = requireCouncil(context);
  if (!isSecretary(context.roles) && !mayApprove(context.roles)) {
    throw new NoteratError("forbidden-log");
  }
  const { ref } = context.command;
  const { audit } = context.deps.store;
  const { t } = context;
  if (ref !== undefined) {
    const entity = await entityOf(context, council, ref);
    const entries = await audit.latestOf(council.id, ENTRY_PAGE, entity);
    return {
      audience: "caller",
      blocks: logBlocks(t.t("log.title-entry", { ref }), entries, context),
    };
  }
  // One more than shown: whether older entries exist.
  const entries = await audit.latestOf(council.id, PAGE + 1);
  const blocks = logBlocks(
    t.t("log.title", { council: council.name }),
    entries.slice(0, PAGE),
    context,
  );
  if (entries.length > PAGE) blocks.push({ type: "text", text: t.t("log.older") });
  return { audience: "caller", blocks };
};

async function entityOf(
  context: CommandContext<unknown>,
  council: CouncilRecord,
  ref: number,
): Promise<{ type: "item" | "action"; id: string }> {
  const { store } = context.deps;
  const item = await store.items.byRef(council.id, ref);
  if (item) return { type: "item", id: item.id };
  const action = await store.actions.byRef(council.id, ref);
  if (action) return { type: "action", id: action.id };
  throw new NoteratError("not-found", { ref });
}

function logBlocks(
  title: string,
  entries: AuditLogEntry[],
  context: CommandContext<unknown>,
): ReplyBlock[] {
  if (entries.length === 0) {
    return [{ type: "list", title, lines: [context.t.t("log.empty")] }];
  }
  return [{ type: "list", title, lines: entries.map((entry) => auditLogLine(entry, context)) }];
}
