import { freezeMinutes } from "../domain/minutes/snapshot.js";
import type { Store } from "../store/store.js";
import { compileLiveMinutes } from "./minutes-document.js";

/**
 * Minutes approved or published before approvals froze a snapshot get one, once, at start-up:
 * compiled as they stand, as of when they were approved (or published), so that publishing
 * them again posts that and nothing newer. Returns how many were recorded.
 */
export async function backfillMinutesSnapshots(store: Store): Promise<number> {
  let recorded = 0;
  for (const { meeting, approvedById } of await store.minutesRecord.withoutSnapshot()) {
    const council = await store.councils.byId(meeting.councilId);
    if (!council) continue;
    const asOf = meeting.publishedAt ?? meeting.approvedAt ?? meeting.startsAt;
    const document = await compileLiveMinutes(store, council, meeting, asOf);
    if (!document) continue;
    await store.minutesRecord.backfill(meeting, await freezeMinutes(document), approvedById);
    recorded++;
  }
  return recorded;
}
