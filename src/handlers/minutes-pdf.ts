import { isoDate } from "../domain/dates/local-date.js";
import { localDateOf } from "../domain/dates/zoned-time.js";
import { NoteratError } from "../domain/errors.js";
import { formatDayMonth } from "../domain/i18n/format-date.js";
import { thawMinutes } from "../domain/minutes/snapshot.js";
import { assertMayReadDraft } from "../domain/permissions.js";
import { archivePaths } from "../domain/web/archive-paths.js";
import { slugOf } from "../domain/web/slug.js";
import { ensureSnapshot } from "./backfill-snapshots.js";
import type { CommandHandler } from "./command-registry.js";
import { isSigner, loadRoster } from "./meeting-roster.js";
import { meetingOnOrCurrent, requireCouncil, requireProtocolMode } from "./scope.js";
import { withSignedProtocol } from "./signed-protocol.js";
import { archiveBase } from "./web-links.js";

/**
 * `protokoll pdf [DATUM]`: the justerat protocol, signed, as a PDF for the caller. Published,
 * it is public; before that, it is for those who may read drafts.
 */
export const minutesPdf: CommandHandler<"minutes-pdf"> = async (context) => {
  const council = requireCouncil(context);
  requireProtocolMode(council);
  const { store } = context.deps;
  const { t } = context;
  const meeting = await meetingOnOrCurrent(context, council, context.command.date);
  if (meeting.minutesStatus !== "published") {
    // Those who sign it read it before it is published, as `protokoll` shows it to them.
    const roster = await loadRoster(store, meeting);
    assertMayReadDraft(context.roles, isSigner(roster, context.actor.id));
  }
  if (meeting.minutesStatus === "draft") {
    throw new NoteratError("not-justerat-pdf", {
      date: formatDayMonth(meeting.startsAt, context.dates),
    });
  }
  await ensureSnapshot(store, meeting);
  const snapshot = await store.minutesRecord.approvedSnapshot(meeting.id);
  if (!snapshot) throw new NoteratError("nothing-to-compile");
  const document = await withSignedProtocol(
    store,
    council,
    thawMinutes(snapshot.document),
    await store.minutesRecord.signaturesOf(snapshot.id),
    true,
  );
  if (!document.protocol) throw new NoteratError("nothing-to-compile");
  const date = isoDate(localDateOf(meeting.startsAt, council.timeZone));
  const base = meeting.minutesStatus === "published" ? await archiveBase(context, council) : null;
  return {
    audience: "caller",
    blocks: [
      {
        type: "document",
        kind: "protocol-pdf",
        protocol: document.protocol,
        filename: `${slugOf(council.name)}-${date}-protokoll.pdf`,
        note: base
          ? t.t("pdf.link", { url: `${base.url}${archivePaths(base.slug).protocolPdf(date)}` })
          : t.t("pdf.no-link"),
      },
    ],
  };
};
