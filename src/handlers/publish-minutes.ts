import { localDateOf } from "../domain/dates/zoned-time.js";
import { NoteratError } from "../domain/errors.js";
import { assertSecretary } from "../domain/permissions.js";
import type { CommandHandler } from "./command-registry.js";
import { loadMinutes } from "./minutes-document.js";
import { meetingOnOrCurrent, requireCouncil } from "./scope.js";

/**
 * `publicera`: the approved minutes go to every channel of the council with today's stamp.
 * Minutes already published may be published again: that edits the posts, and it is how a
 * secretary retries after a channel refused the post.
 */
export const publishMinutes: CommandHandler<"publish"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.role);
  const { deps, t } = context;
  const meeting = await meetingOnOrCurrent(context, council, context.command.date);
  if (meeting.minutesStatus === "draft") throw new NoteratError("not-approved");
  const document = await loadMinutes(context, council, { ...meeting, publishedAt: context.now });
  if (!document) throw new NoteratError("nothing-to-compile");
  await deps.store.meetings.change(
    meeting,
    { minutesStatus: "published", publishedAt: context.now, publishedById: context.actor.id },
    { action: "published", actorId: context.actor.id, at: context.now },
  );
  const outcomes = await deps.publisher.publish({
    councilId: council.id,
    councilName: council.name,
    meetingId: meeting.id,
    meetingDate: localDateOf(meeting.startsAt, council.timeZone),
    document,
    channels: await deps.store.councils.channelsOf(council.id),
  });
  const failed = outcomes.filter((outcome) => !outcome.ok);
  const lines = failed.map((outcome) =>
    t.t("minutes.publish-failed", {
      channel: `${outcome.place.platform}:${outcome.place.channelId}`,
      reason: outcome.ok ? "" : outcome.reason,
    }),
  );
  return {
    audience: "caller",
    blocks: [
      {
        type: "text",
        text: t.t("minutes.published", {
          title: document.title,
          count: outcomes.length - failed.length,
          channels: outcomes.length,
        }),
      },
      ...lines.map((text) => ({ type: "text" as const, text })),
    ],
  };
};
