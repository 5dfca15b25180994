import { NoteratError } from "../domain/errors.js";
import { formatDayMonth } from "../domain/i18n/format-date.js";
import { freezeMinutes, shortChecksum } from "../domain/minutes/snapshot.js";
import { assertApprover } from "../domain/permissions.js";
import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import { compileLiveMinutes } from "./minutes-document.js";
import { meetingOnOrCurrent, requireCouncil } from "./scope.js";
import { signProtocol } from "./sign-protocol.js";

/**
 * `justera`: the chair or an approver approves the minutes as they stand. What they approved is
 * frozen with its checksum: publishing posts exactly that, and only a change to the meeting's
 * own content opens it again.
 */
export const approveMinutes: CommandHandler<"approve"> = async (context) => {
  const council = requireCouncil(context);
  if (council.mode === "protocol") return signProtocol(context, council);
  if (context.command.ref !== undefined) throw new NoteratError("not-protocol-mode");
  assertApprover(context.roles);
  const meeting = await meetingOnOrCurrent(context, council, context.command.date);
  if (meeting.minutesStatus === "approved") throw new NoteratError("already-approved");
  if (meeting.minutesStatus === "published") throw new NoteratError("already-published");
  const { store } = context.deps;
  const document = await compileLiveMinutes(store, council, meeting, context.now);
  if (!document) throw new NoteratError("nothing-to-compile");
  const frozen = await freezeMinutes(document);
  const approved = await store.minutesRecord.approve(
    meeting,
    frozen,
    context.actor.id,
    context.now,
  );
  if (!approved) throw new NoteratError("already-approved");
  // An edit on another instance can land between the compile and the approval: it must not be
  // left out of approved minutes silently. Compiled again, they must be what was approved.
  const after = await compileLiveMinutes(store, council, meeting, context.now);
  if (!after || (await freezeMinutes(after)).sha256 !== frozen.sha256) {
    await store.minutesRecord.reopen(meeting, context.actor.id, context.now, {
      entityType: "meeting",
      entityId: meeting.id,
      change: "changed-while-approved",
    });
    throw new NoteratError("changed-while-approved");
  }
  return textReply(
    "channel",
    context.t.t("minutes.approved", {
      date: formatDayMonth(meeting.startsAt, context.dates),
      name: context.actor.displayName,
      checksum: shortChecksum(frozen.sha256),
    }),
  );
};
