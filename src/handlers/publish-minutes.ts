import { NoteratError } from "../domain/errors.js";
import { assertSecretary } from "../domain/permissions.js";
import type { CommandHandler } from "./command-registry.js";
import { loadMinutes } from "./minutes-document.js";
import { currentMeeting, requireCouncil } from "./scope.js";

/**
 * `publicera`: the approved minutes go to the channel with today's stamp. Minutes published
 * before carry `republished`, so that a surface edits what it posted instead of posting again.
 */
export const publishMinutes: CommandHandler<"publish"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.role);
  const meeting = await currentMeeting(context, council);
  if (meeting.minutesStatus !== "approved") throw new NoteratError("not-approved");
  const document = await loadMinutes(context, council, { ...meeting, publishedAt: context.now });
  if (!document) throw new NoteratError("nothing-to-compile");
  await context.deps.store.meetings.change(
    meeting,
    { minutesStatus: "published", publishedAt: context.now, publishedById: context.actor.id },
    { action: "published", actorId: context.actor.id, at: context.now },
  );
  return {
    audience: "channel",
    blocks: [
      {
        type: "minutes",
        meetingId: meeting.id,
        status: "published",
        document,
        republished: meeting.publishedAt !== null,
      },
    ],
  };
};
