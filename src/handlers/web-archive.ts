import { isoDate } from "../domain/dates/local-date.js";
import { localDateOf } from "../domain/dates/zoned-time.js";
import type { MinutesDocument } from "../domain/minutes/document.js";
import { asPublished } from "../domain/minutes/published-minutes.js";
import { thawMinutes } from "../domain/minutes/snapshot.js";
import type { CouncilRecord } from "../domain/records.js";
import type { LocalDate } from "../domain/types.js";
import type { Store } from "../store/store.js";
import type { ArchivedMeeting, CalendarMeeting } from "../store/web-archive-repository.js";
import { dayBounds } from "./scope.js";
import { withSignedProtocol } from "./signed-protocol.js";

// What the web archive shows (architecture.md §13), for the read-only web surface: the published
// minutes of councils whose web is on, exactly as published, and their planned meetings.

/** A published post as the archive shows it. */
export interface ArchivedPost {
  meetingId: string;
  date: LocalDate;
  /** yyyy-mm-dd: the post's address. */
  iso: string;
  /** As published: stamp, "Rättad", checksum, and in protocol mode the signed protocol. */
  document: MinutesDocument;
  publishedAt: Date;
  /** When it last changed: its correction, or its first publication. */
  updatedAt: Date;
}

export type ArchiveLookup =
  | { kind: "council"; council: CouncilRecord }
  | { kind: "moved"; slug: string }
  | { kind: "none" };

/** The council a slug names in the archive; a slug it had before a rename says where it went. */
export async function archiveCouncil(store: Store, slug: string): Promise<ArchiveLookup> {
  return store.web.bySlug(slug);
}

/**
 * The council's published posts, newest first (only that day's, when given), each as it went
 * out. Minutes published before the archive kept what went out are made again, as publishing
 * them made them.
 */
export async function archivedPosts(
  store: Store,
  council: CouncilRecord,
  day?: LocalDate,
): Promise<ArchivedPost[]> {
  const range = day ? dayBounds(day, council.timeZone) : undefined;
  const published = await store.web.published(council.id, range);
  return Promise.all(
    published.map(async (meeting) => {
      const date = localDateOf(meeting.startsAt, council.timeZone);
      return {
        meetingId: meeting.meetingId,
        date,
        iso: isoDate(date),
        document:
          meeting.document !== null
            ? thawMinutes(meeting.document)
            : await republished(store, council, meeting),
        publishedAt: meeting.publishedAt,
        updatedAt: meeting.correctedAt ?? meeting.publishedAt,
      };
    }),
  );
}

async function republished(
  store: Store,
  council: CouncilRecord,
  meeting: ArchivedMeeting,
): Promise<MinutesDocument> {
  const snapshot = meeting.snapshot;
  if (!snapshot) throw new Error(`archive: meeting ${meeting.meetingId} has no snapshot`);
  return withSignedProtocol(
    store,
    council,
    asPublished(
      thawMinutes(snapshot.document),
      { ...meeting, sha256: snapshot.sha256 },
      council.timeZone,
    ),
    await store.minutesRecord.signaturesOf(snapshot.id),
    true,
  );
}

/** How far back the calendar feed reaches: a year of past meetings, and every coming one. */
const CALENDAR_PAST_DAYS = 366;

/** The council's meetings for its calendar feed, cancelled ones too (STATUS:CANCELLED). */
export async function calendarMeetings(
  store: Store,
  council: CouncilRecord,
  now: Date,
): Promise<CalendarMeeting[]> {
  return store.web.calendar(council.id, new Date(now.getTime() - CALENDAR_PAST_DAYS * 86_400_000));
}
