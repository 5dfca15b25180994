import { NoteratError } from "../domain/errors.js";
import { formatDayMonth, formatEventStamp } from "../domain/i18n/format-date.js";
import { joinList } from "../domain/i18n/join-list.js";
import { sha256Hex, shortChecksum } from "../domain/minutes/snapshot.js";
import type { MeetingRecord } from "../domain/records.js";
import { textReply } from "../domain/reply.js";
import { ensureSnapshot } from "./backfill-snapshots.js";
import type { CommandHandler } from "./command-registry.js";
import type { CommandContext } from "./context.js";
import { meetingOn, requireCouncil } from "./scope.js";

/**
 * `verifiera [DATUM]`: anyone may check that the published minutes (the latest, or that day's)
 * are what was approved — the checksum of the stored text is computed anew and compared with the
 * one each approver approved — and see who approved them and when.
 */
export const verifyMinutes: CommandHandler<"verify"> = async (context) => {
  const { store } = context.deps;
  const { t, dates } = context;
  const meeting = await publishedMeeting(context, context.command.date);
  const date = formatDayMonth(meeting.startsAt, dates);
  await ensureSnapshot(store, meeting);
  const record = await store.minutesRecord.published(meeting.id);
  if (!record) throw new NoteratError("not-published", { date });
  const actual = await sha256Hex(record.snapshot.document);
  const approved = record.approvals[0]?.sha256 ?? record.snapshot.sha256;
  const matches =
    actual === record.snapshot.sha256 &&
    record.approvals.every((approval) => approval.sha256 === actual);
  const stamp = (at: Date) => formatEventStamp(at, dates);
  const lines = [
    matches
      ? t.t("record.verify-match", { date, checksum: shortChecksum(actual) })
      : t.t("record.verify-mismatch", {
          date,
          approved: shortChecksum(approved),
          actual: shortChecksum(actual),
        }),
  ];
  if (record.approvals.length > 0) {
    const approvals = record.approvals.map((approval) =>
      t.t("record.verify-approval", { name: approval.personName, at: stamp(approval.at) }),
    );
    lines.push(t.t("record.verify-approved-by", { approvals: joinList(approvals, t) }));
  }
  lines.push(
    record.correctedAt
      ? t.t("record.verify-corrected", {
          published: stamp(record.publishedAt),
          corrected: stamp(record.correctedAt),
        })
      : t.t("record.verify-published", { published: stamp(record.publishedAt) }),
  );
  if (meeting.minutesStatus === "draft") lines.push(t.t("record.verify-reopened"));
  return textReply("caller", lines.join("\n"));
};

async function publishedMeeting(
  context: CommandContext<unknown>,
  date: Parameters<typeof meetingOn>[2] | undefined,
): Promise<MeetingRecord> {
  const council = requireCouncil(context);
  if (date) return meetingOn(context, council, date);
  const latest = await context.deps.store.minutesRecord.latestPublishedMeeting(council.id);
  if (!latest) throw new NoteratError("nothing-published");
  return latest;
}
