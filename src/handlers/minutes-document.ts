import { localDateOf } from "../domain/dates/zoned-time.js";
import { compileMinutes } from "../domain/minutes/compile-minutes.js";
import type { MinutesDocument } from "../domain/minutes/document.js";
import type { CouncilRecord, MeetingRecord } from "../domain/records.js";
import type { MinutedItemKind } from "../domain/types.js";
import type { Store } from "../store/store.js";

/**
 * Gathers a meeting's items, the actions given at it and the following meeting, and compiles
 * the post as it stands now: the draft that `justera` freezes. Returns null when the meeting
 * has nothing to minute.
 */
export async function compileLiveMinutes(
  store: Store,
  council: CouncilRecord,
  meeting: MeetingRecord,
  now: Date,
  /**
   * Protocol mode: the post goes with the protocol even when only procedural §§ were kept, and
   * its decisions carry the §§ the protocol gives them (by item id).
   */
  protocol?: { paragraphs: ReadonlyMap<string, number> },
): Promise<MinutesDocument | null> {
  const items = (await store.items.ofMeeting(meeting.id)).flatMap((item) =>
    item.kind === "agenda" ? [] : [{ ...item, kind: item.kind as MinutedItemKind }],
  );
  if (items.length === 0 && !protocol) return null;
  const [actions, following] = await Promise.all([
    store.actions.minutedOf(meeting.id),
    store.meetings.next(council.id, meeting.startsAt),
  ]);
  return compileMinutes({
    locale: council.locale,
    timeZone: council.timeZone,
    now,
    council: { name: council.name },
    meeting: {
      startsAt: meeting.startsAt,
      lede: meeting.lede,
      documentsUrl: meeting.documentsUrl,
      publishedAt: null,
    },
    items: items.map(({ id, ref, kind, heading, text, paragraph }) => ({
      ref,
      kind,
      heading,
      text,
      paragraph: protocol ? (protocol.paragraphs.get(id) ?? null) : paragraph,
    })),
    actions: actions.map((action) => ({
      ref: action.ref,
      itemRef: action.itemRef,
      text: action.text,
      assignees: action.assignees,
      due: action.decidedDueAt ? localDateOf(action.decidedDueAt, council.timeZone) : null,
    })),
    nextMeeting: following ? { startsAt: following.startsAt } : null,
  });
}
