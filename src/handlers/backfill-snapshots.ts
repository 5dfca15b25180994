import { freezeMinutes } from "../domain/minutes/snapshot.js";
import type { MeetingRecord } from "../domain/records.js";
import type { Store } from "../store/store.js";
import { compileLiveMinutes } from "./minutes-document.js";

/**
 * Minutes approved or published before approvals froze a snapshot get one, once: compiled as
 * they stand, as of when they were approved (or published), so that publishing them again
 * posts that and nothing newer. After an upgrade the start-up sweeps them all in the
 * background (thousands take minutes); a command that needs one first makes it at once.
 * Returns how many were recorded.
 */
export async function backfillMinutesSnapshots(store: Store, meetingId?: string): Promise<number> {
  let recorded = 0;
  for (const { meeting, approvedById } of await store.minutesRecord.withoutSnapshot(meetingId)) {
    const council = await store.councils.byId(meeting.councilId);
    if (!council) continue;
    const asOf = meeting.publishedAt ?? meeting.approvedAt ?? meeting.startsAt;
    const document = await compileLiveMinutes(store, council, meeting, asOf);
    if (!document) continue;
    const frozen = await freezeMinutes(document);
    if (await store.minutesRecord.backfill(meeting, frozen, approvedById)) recorded++;
  }
  return recorded;
}

/** Before `protokoll`, `publicera` or `verifiera` reads approved minutes: their snapshot. */
export async function ensureSnapshot(store: Store, meeting: MeetingRecord): Promise<void> {
  if (meeting.minutesStatus !== "draft") await backfillMinutesSnapshots(store, meeting.id);
}
