import type { App } from "@slack/bolt";
import type { Reply } from "../../domain/reply.js";
import { internalErrorReply } from "../../handlers/error-replies.js";
import { handleCommand } from "../../handlers/handle-command.js";
import { unescapeSlackText } from "../../render/block-kit/slack-escape.js";
import { uploadDocuments } from "./slack-documents.js";
import { slackResponses, within } from "./slack-responses.js";
import {
  ACK_DEADLINE_MS,
  SLASH_COMMAND,
  type SlackSurfaceContext,
} from "./slack-surface-context.js";

/**
 * `/noterat …`: the answer goes back in the acknowledgement when the command is done within
 * Slack's deadline — its writes are then committed before Slack hears back — and otherwise
 * follows through `response_url`.
 */
export function listenToSlashCommand(app: App, surface: SlackSurfaceContext): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    const work = (async (): Promise<Reply> => {
      try {
        const [actor, readMention] = await Promise.all([
          surface.people.identity(client, command.team_id, command.user_id),
          surface.people.mentionReader(client, command.team_id, command.text),
        ]);
        const reply = await handleCommand(surface.deps, surface.registry, {
          actor,
          place: {
            platform: "slack",
            workspaceId: command.team_id,
            channelId: command.channel_id,
            ...channelNameOf(command.channel_name),
          },
          text: unescapeSlackText(command.text),
          readMention,
          // Slack does not retry slash commands, but a trigger id names this one invocation.
          deliveryId: command.trigger_id,
        });
        return await uploadDocuments(client, command.user_id, reply, surface.logger);
      } catch (error) {
        // What was typed stays out of the log (architecture.md §15): where, and its length only.
        surface.logger.error(
          {
            err: error,
            teamId: command.team_id,
            channelId: command.channel_id,
            length: command.text.length,
          },
          "slash command failed",
        );
        return internalErrorReply(surface.deps.defaults.locale);
      }
    })();
    const reply = await within(work, ACK_DEADLINE_MS);
    if (reply) {
      const [first, ...rest] = slackResponses(reply);
      await ack(first);
      for (const message of rest) await respond(message);
      return;
    }
    await ack();
    for (const message of slackResponses(await work)) await respond(message);
  });
}

/** A channel's name as Slack gives it with a slash command; none for direct messages. */
function channelNameOf(name: string | undefined): { name?: string } {
  return name && name !== "directmessage" && name !== "privategroup" ? { name } : {};
}
