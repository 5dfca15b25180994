import { toLocal } from "../domain/dates/zoned-time.js";
import { NoteratError } from "../domain/errors.js";
import { assertSecretary } from "../domain/permissions.js";
import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import { editEntry } from "./edit-entry.js";
import { requireCouncil } from "./scope.js";

/**
 * `ändra ID beslut|diskussion|noterat [TEXT]`: the item's kind, and its text when given; an
 * agenda point becomes a minuted item of its meeting without being typed again. Reopens the
 * minutes as `ändra` does; § numbers follow ItemsRepository.changeKind.
 */
export const changeItemKind: CommandHandler<"item-kind"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  const { command, deps, actor, now, t } = context;
  const item = await deps.store.items.byRef(council.id, command.ref);
  // An action (or a withdrawn item) reads the words as `ändra ID TEXT` always did.
  if (!item || item.removedAt) {
    return editEntry({ ...context, command: { id: "edit", ref: command.ref, body: command.edit } });
  }
  const meeting = await deps.store.meetings.byId(item.meetingId);
  if (!meeting) throw new NoteratError("not-found", { ref: command.ref });
  const { heading, text } = command;
  const changed = await deps.store.items.changeKind(
    item,
    {
      kind: command.kind,
      ...(heading === undefined ? {} : { heading }),
      ...(text === undefined ? {} : { text }),
      // A protocol numbers every § when it is justerat.
      ...(council.mode === "protocol"
        ? {}
        : { paragraphYear: toLocal(meeting.startsAt, council.timeZone).year }),
    },
    actor.id,
    now,
  );
  const { ref, paragraph } = changed.item;
  const lines = [
    command.kind !== "decision"
      ? t.t(`item.kind.${command.kind}`, { ref })
      : paragraph === null
        ? t.t("item.kind.decision-unnumbered", { ref })
        : t.t("item.kind.decision", { ref, paragraph }),
  ];
  if (changed.keptParagraph && paragraph !== null) {
    lines.push(t.t("item.kind.kept-paragraph", { paragraph }));
  }
  if (changed.renumbered > 0) {
    lines.push(t.t("item.kind.renumbered", { count: changed.renumbered }));
  }
  return textReply("channel", ...lines);
};
