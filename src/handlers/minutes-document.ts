import { localDateOf } from "../domain/dates/zoned-time.js";
import { compileMinutes } from "../domain/minutes/compile-minutes.js";
import type { MinutesDocument } from "../domain/minutes/document.js";
import type { CouncilRecord, MeetingRecord } from "../domain/records.js";
import type { MinutedItemKind } from "../domain/types.js";
import type { CommandContext } from "./context.js";

/**
 * Gathers a meeting's items, actions and the following meeting, and compiles the post.
 * Returns null when the meeting has nothing to minute.
 */
export async function loadMinutes(
  context: CommandContext<unknown>,
  council: CouncilRecord,
  meeting: MeetingRecord,
): Promise<MinutesDocument | null> {
  const { store } = context.deps;
  const items = (await store.items.ofMeeting(meeting.id)).flatMap((item) =>
    item.kind === "agenda" ? [] : [{ ...item, kind: item.kind as MinutedItemKind }],
  );
  if (items.length === 0) return null;
  const actions = await store.actions.ofMeeting(meeting.id);
  const following = await store.meetings.next(council.id, meeting.startsAt);
  return compileMinutes({
    locale: council.locale,
    timeZone: council.timeZone,
    now: context.now,
    council: { name: council.name },
    meeting: {
      startsAt: meeting.startsAt,
      lede: meeting.lede,
      documentsUrl: meeting.documentsUrl,
      publishedAt: meeting.publishedAt,
    },
    items: items.map(({ ref, kind, heading, text, paragraph }) => ({
      ref,
      kind,
      heading,
      text,
      paragraph,
    })),
    actions: actions.map((action) => ({
      ref: action.ref,
      itemRef: action.itemRef,
      text: action.text,
      assignees: action.assignees.map((person) => person.displayName),
      due: action.dueAt ? localDateOf(action.dueAt, council.timeZone) : null,
      status: action.status,
    })),
    nextMeeting: following ? { startsAt: following.startsAt } : null,
  });
}
