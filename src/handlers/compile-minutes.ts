import { NoteratError } from "../domain/errors.js";
import type { MinutesDocument } from "../domain/minutes/document.js";
import { shortChecksum, thawMinutes } from "../domain/minutes/snapshot.js";
import { assertMayReadDraft, isSecretary, mayApprove } from "../domain/permissions.js";
import { ensureSnapshot } from "./backfill-snapshots.js";
import type { CommandHandler } from "./command-registry.js";
import type { CommandContext } from "./context.js";
import { minutesButtons } from "./minutes-buttons.js";
import { compileLiveMinutes } from "./minutes-document.js";
import { findingsBlocks } from "./personal-data-check.js";
import { meetingOnOrCurrent, requireCouncil } from "./scope.js";
import { showProtocol } from "./show-protocol.js";

/**
 * `protokoll [DATUM]`: the meeting's post, shown only to the caller — a draft compiled as the
 * meeting stands, or, once approved, exactly what was approved — with the next step as a
 * button for whoever may take it: "Justera" for the chair or an approver, "Publicera" for the
 * secretary once it is approved.
 */
export const showMinutesDraft: CommandHandler<"minutes"> = async (context) => {
  const council = requireCouncil(context);
  if (council.mode === "protocol") return showProtocol(context, council);
  assertMayReadDraft(context.roles);
  const { t, roles } = context;
  const meeting = await meetingOnOrCurrent(context, council, context.command.date);
  const status = meeting.minutesStatus;
  const shown = await minutesToShow(context, meeting);
  if (!shown) throw new NoteratError("nothing-to-compile");
  return {
    audience: "caller",
    blocks: [
      { type: "minutes", meetingId: meeting.id, status, document: shown.document },
      { type: "text", text: shown.note },
      ...(status === "published" ? [] : findingsBlocks(shown.document, t)),
      ...minutesButtons(
        council,
        meeting,
        { approve: mayApprove(roles), publish: isSecretary(roles) },
        t,
      ),
    ],
  };
};

/** A draft as it stands now; approved minutes as their snapshot, with its checksum. */
async function minutesToShow(
  context: CommandContext<unknown>,
  meeting: Parameters<typeof compileLiveMinutes>[2],
): Promise<{ document: MinutesDocument; note: string } | null> {
  const { store } = context.deps;
  const council = requireCouncil(context);
  const { t } = context;
  if (meeting.minutesStatus === "draft") {
    const document = await compileLiveMinutes(store, council, meeting, context.now);
    return document ? { document, note: t.t("minutes.draft-next") } : null;
  }
  await ensureSnapshot(store, meeting);
  const snapshot = await store.minutesRecord.approvedSnapshot(meeting.id);
  if (!snapshot) return null;
  const checksum = shortChecksum(snapshot.sha256);
  return {
    document: thawMinutes(snapshot.document),
    note:
      meeting.minutesStatus === "published"
        ? t.t("record.published-view", { checksum })
        : t.t("record.approved-view", { checksum }),
  };
}
