import { NoteratError } from "../domain/errors.js";
import type { CouncilRecord, ItemRecord, MeetingRecord } from "../domain/records.js";
import type { Store } from "../store/store.js";

/**
 * The § named by `justera ID` or `publicera ID`: an item of this council, declared omedelbart
 * justerad (`omedelbar ID`), with its meeting.
 */
export async function immediateParagraph(
  store: Store,
  council: CouncilRecord,
  ref: number,
): Promise<{ item: ItemRecord; meeting: MeetingRecord }> {
  const item = await store.items.byRef(council.id, ref);
  if (!item || item.removedAt) throw new NoteratError("not-found", { ref });
  if (!item.immediate) throw new NoteratError("not-immediate", { ref });
  const meeting = await store.meetings.byId(item.meetingId);
  if (!meeting) throw new NoteratError("not-found", { ref });
  return { item, meeting };
}
