import { localDateOf } from "../domain/dates/zoned-time.js";
import { NoteratError } from "../domain/errors.js";
import { asPublished } from "../domain/minutes/published-minutes.js";
import { canonicalJson, thawMinutes } from "../domain/minutes/snapshot.js";
import { assertSecretary } from "../domain/permissions.js";
import { ensureSnapshot } from "./backfill-snapshots.js";
import type { CommandHandler } from "./command-registry.js";
import { checkBeforePublishing, recordPublishedAnyway } from "./personal-data-check.js";
import { publishExtract, publishedReply } from "./publish-extract.js";
import { meetingOnOrCurrent, requireCouncil } from "./scope.js";
import { withSignedProtocol } from "./signed-protocol.js";
import { postLinks } from "./web-links.js";

/**
 * `publicera`: the approved snapshot, never a fresh compile, goes to every channel of the
 * council. Publishing the same snapshot again changes nothing in it (and is how a secretary
 * retries after a channel refused the post); a new snapshot after a reopen replaces the posts
 * and says "Rättad".
 */
export const publishMinutes: CommandHandler<"publish"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  const anyway = context.command.anyway === true;
  if (context.command.ref !== undefined)
    return publishExtract(context, council, context.command.ref, anyway);
  const { deps } = context;
  const meeting = await meetingOnOrCurrent(context, council, context.command.date);
  if (meeting.minutesStatus === "draft") throw new NoteratError("not-approved");
  await ensureSnapshot(deps.store, meeting);
  const approved = await deps.store.minutesRecord.approvedSnapshot(meeting.id);
  if (!approved) throw new NoteratError("not-approved");
  const verdict = checkBeforePublishing(thawMinutes(approved.document), anyway, context.t);
  if ("refusal" in verdict) return verdict.refusal;
  // One publication of a meeting at a time, on any instance: the second of two at once (a
  // double click on "Publicera") sees what the first posted, and edits it rather than post again.
  const { document, report } = await deps.store.leases.holding(
    `publish:${meeting.id}`,
    () => deps.clock.now(),
    async () => {
      // Exactly the snapshot that was checked: a new approval in between is checked anew.
      const publication = await deps.store.minutesRecord.publish(
        meeting,
        context.actor.id,
        context.now,
        approved.id,
      );
      if (!publication) throw new NoteratError("busy");
      await recordPublishedAnyway(context, meeting, verdict.accepted);
      const document = await withSignedProtocol(
        deps.store,
        council,
        asPublished(
          thawMinutes(publication.snapshot.document),
          { ...publication, sha256: publication.snapshot.sha256 },
          council.timeZone,
        ),
        await deps.store.minutesRecord.signaturesOf(publication.snapshot.id),
        true,
      );
      await deps.store.minutesRecord.recordPublishedDocument(
        meeting.id,
        publication.snapshot.id,
        canonicalJson(document),
      );
      const report = await deps.publisher.publish({
        councilId: council.id,
        councilName: council.name,
        meetingId: meeting.id,
        meetingDate: localDateOf(meeting.startsAt, council.timeZone),
        document,
        channels: await deps.store.councils.channelsOf(council.id),
      });
      return { document, report };
    },
  );
  const date = localDateOf(meeting.startsAt, council.timeZone);
  return publishedReply(context, document.title, report, await postLinks(context, council, date));
};
