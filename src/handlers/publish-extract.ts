import { localDateOf } from "../domain/dates/zoned-time.js";
import { NoteratError } from "../domain/errors.js";
import type { Translator } from "../domain/i18n/translator.js";
import { asPublished } from "../domain/minutes/published-minutes.js";
import { thawMinutes } from "../domain/minutes/snapshot.js";
import { missingSigners } from "../domain/protocol/required-signers.js";
import type { CouncilRecord, Place } from "../domain/records.js";
import type { ReplyBody } from "../domain/reply.js";
import type { CommandContext, PublicationReport } from "./context.js";
import { immediateParagraph } from "./immediate-paragraph.js";
import { loadRoster, requiredSigners } from "./meeting-roster.js";
import { checkBeforePublishing, recordPublishedAnyway } from "./personal-data-check.js";
import { requireProtocolMode } from "./scope.js";
import { withSignedProtocol } from "./signed-protocol.js";

/**
 * `publicera ID`: a § approved at the meeting (omedelbart justerad) posted alone, as its
 * signatures froze it, so that it can be acted on before the whole protocol is justerat.
 */
export async function publishExtract(
  context: CommandContext<unknown>,
  council: CouncilRecord,
  ref: number,
  anyway: boolean,
): Promise<ReplyBody> {
  requireProtocolMode(council);
  const { store } = context.deps;
  const { item, meeting } = await immediateParagraph(store, council, ref);
  const [signatures, roster] = await Promise.all([
    store.minutesRecord.signatures(meeting.id, item.id),
    loadRoster(store, meeting),
  ]);
  const signers = new Set(signatures.map((signature) => signature.personId));
  const last = signatures.at(-1);
  const snapshot = last?.snapshotId
    ? await store.minutesRecord.snapshotById(last.snapshotId)
    : null;
  if (!last || !snapshot || missingSigners(requiredSigners(roster), signers).length > 0) {
    throw new NoteratError("immediate-not-approved", { ref });
  }
  const verdict = checkBeforePublishing(thawMinutes(snapshot.document), anyway, context.t);
  if ("refusal" in verdict) return verdict.refusal;
  // Stamped with the moment it was justerad: publishing it again changes nothing in it.
  const document = await withSignedProtocol(
    store,
    council,
    asPublished(
      thawMinutes(snapshot.document),
      { publishedAt: last.at, correctedAt: null, sha256: snapshot.sha256 },
      council.timeZone,
    ),
    signatures,
    false,
  );
  // One publication of the extract at a time, on any instance (a double click edits, not reposts).
  const report = await store.leases.holding(
    `publish:${meeting.id}:${ref}`,
    () => context.deps.clock.now(),
    async () =>
      context.deps.publisher.publish({
        councilId: council.id,
        councilName: council.name,
        meetingId: meeting.id,
        extractRef: ref,
        meetingDate: localDateOf(meeting.startsAt, council.timeZone),
        document,
        channels: await store.councils.channelsOf(council.id),
      }),
  );
  await recordPublishedAnyway(context, meeting, verdict.accepted);
  return publishedReply(context, document.title, report);
}

/**
 * How publishing went: the post's title and its channels, each channel that refused it, and
 * the web files written (or why they could not be).
 */
export function publishedReply(
  context: Pick<CommandContext<unknown>, "t">,
  title: string,
  { outcomes, files, exportFailed }: PublicationReport,
  links: string[] = [],
): ReplyBody {
  const { t } = context;
  const failed = outcomes.filter((outcome) => !outcome.ok);
  const lines = failed.map((outcome) =>
    t.t("minutes.publish-failed", {
      channel: channelName(outcome.place, t),
      reason: outcome.ok ? "" : outcome.reason,
    }),
  );
  return {
    audience: "caller",
    blocks: [
      {
        type: "text",
        text: t.t("minutes.published", {
          title,
          count: outcomes.length - failed.length,
          channels: outcomes.length,
        }),
      },
      ...lines.map((text) => ({ type: "text" as const, text })),
      ...(files.length > 0
        ? [
            {
              type: "text" as const,
              text: t.t("local.published-files", { files: files.join(", ") }),
            },
          ]
        : []),
      ...(exportFailed === undefined
        ? []
        : [{ type: "text" as const, text: t.t("publish.files-failed", { reason: exportFailed }) }]),
      ...links.map((text) => ({ type: "text" as const, text })),
    ],
  };
}

/**
 * A channel as people know it: Slack's `#kanal`, Teams' channel name, as the platform last gave
 * it with a command there (neither names a channel that refused a post). Without one, its
 * platform and id.
 */
function channelName(place: Place & { name?: string }, t: Translator): string {
  const { platform, channelId, name } = place;
  if (name === undefined || name === "" || platform === "local") return `${platform}:${channelId}`;
  return t.t(platform === "slack" ? "publish.channel.slack" : "publish.channel.teams", { name });
}
