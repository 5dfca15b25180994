import { NoteratError } from "../domain/errors.js";
import type { MinutesDocument } from "../domain/minutes/document.js";
import { shortChecksum, thawMinutes } from "../domain/minutes/snapshot.js";
import { assertMayReadDraft, isSecretary } from "../domain/permissions.js";
import type { CouncilRecord } from "../domain/records.js";
import type { ReplyBody } from "../domain/reply.js";
import type { SignatureRecord } from "../store/minutes-record-repository.js";
import type { CommandContext } from "./context.js";
import { compileLiveRecord } from "./live-protocol.js";
import { isSigner, loadRoster } from "./meeting-roster.js";
import { minutesButtons } from "./minutes-buttons.js";
import { findingsBlocks } from "./personal-data-check.js";
import { meetingOnOrCurrent } from "./scope.js";
import { withSignedProtocol } from "./signed-protocol.js";

/**
 * `protokoll` in protocol mode: the protocol, shown only to the caller — the draft as it
 * stands, with the signatures given so far, or what was justerat — and "Justera" for each
 * signer who has yet to sign. The secretary compiling it is what the deadlines wait for.
 */
export async function showProtocol(
  context: CommandContext<{ id: "minutes"; date?: { year: number; month: number; day: number } }>,
  council: CouncilRecord,
): Promise<ReplyBody> {
  const { store } = context.deps;
  const { t } = context;
  const meeting = await meetingOnOrCurrent(context, council, context.command.date);
  const roster = await loadRoster(store, meeting);
  const signer = isSigner(roster, context.actor.id);
  assertMayReadDraft(context.roles, signer);
  let document: MinutesDocument;
  let note: string;
  let signatures: SignatureRecord[];
  if (meeting.minutesStatus === "draft") {
    const live = await compileLiveRecord(context, council, meeting, roster);
    if (!live) throw new NoteratError("nothing-to-compile");
    document = live.document;
    note = t.t("protocol.draft-next");
    signatures = await store.minutesRecord.signatures(meeting.id);
    if (isSecretary(context.roles)) await store.minutesRecord.markCompiled(meeting.id, context.now);
  } else {
    const snapshot = await store.minutesRecord.approvedSnapshot(meeting.id);
    if (!snapshot) throw new NoteratError("nothing-to-compile");
    document = thawMinutes(snapshot.document);
    note = t.t("protocol.justerad-view", { checksum: shortChecksum(snapshot.sha256) });
    signatures = await store.minutesRecord.signaturesOf(snapshot.id);
  }
  const justerat = meeting.minutesStatus !== "draft";
  const signed = await withSignedProtocol(store, council, document, signatures, justerat);
  if (!signed.protocol) throw new NoteratError("nothing-to-compile");
  return {
    audience: "caller",
    blocks: [
      {
        type: "protocol",
        meetingId: meeting.id,
        status: meeting.minutesStatus,
        document: signed.protocol,
      },
      { type: "text", text: note },
      ...(meeting.minutesStatus === "published" ? [] : findingsBlocks(signed, t)),
      ...minutesButtons(
        council,
        meeting,
        {
          approve:
            signer && !signatures.some((signature) => signature.personId === context.actor.id),
          publish: isSecretary(context.roles),
        },
        t,
      ),
    ],
  };
}
