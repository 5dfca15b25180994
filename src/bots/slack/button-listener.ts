import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { isButtonCommand } from "../../domain/command/button-commands.js";
import type { Place } from "../../domain/records.js";
import type { Reply } from "../../domain/reply.js";
import { internalErrorReply } from "../../handlers/error-replies.js";
import { runButtonCommand } from "../../handlers/run-button-command.js";
import { RUN_ACTION_PREFIX } from "../../render/block-kit/action-buttons.js";
import { publishHome } from "./home-tab.js";
import { slackResponses } from "./slack-responses.js";
import type { SlackSurfaceContext } from "./slack-surface-context.js";

const RUN_ACTION = new RegExp(`^${RUN_ACTION_PREFIX.replaceAll(".", "\\.")}`);

/**
 * "Klar", "Skjut upp", "Justera", "Publicera": a button carries `councilId|command`, and runs
 * the command in a channel of that council — the council the button was shown for, also when
 * it is pressed on the App Home page, far from any channel.
 */
export function listenToButtons(app: App, surface: SlackSurfaceContext): void {
  app.action<BlockAction<ButtonAction>>(
    RUN_ACTION,
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const teamId = body.team?.id ?? body.user.team_id ?? "";
      const separator = action.value?.indexOf("|") ?? -1;
      const councilId = action.value?.slice(0, separator) ?? "";
      const command = action.value?.slice(separator + 1) ?? "";
      const fromHome = body.container.type === "view";
      let reply: Reply;
      let place: Place | undefined;
      try {
        const actor = await surface.people.identity(client, teamId, body.user.id);
        ({ reply, place } = await runButtonCommand(surface.deps, surface.registry, {
          actor,
          councilId,
          command,
          here: { platform: "slack", workspaceId: teamId, channelId: body.channel?.id ?? "" },
        }));
      } catch (error) {
        // The command's verb (`done`, `publish`), not the value the client sent back.
        const verb = isButtonCommand(command) ? command.trim().split(" ")[0] : "not-a-button";
        surface.logger.error({ err: error, councilId, verb }, "button failed");
        reply = internalErrorReply(surface.deps.defaults.locale);
      }
      if (!fromHome) {
        for (const message of slackResponses(reply)) await respond(message);
        return;
      }
      await publishHome(surface, client, teamId, body.user.id).catch((error: unknown) =>
        surface.logger.error({ err: error }, "refreshing App Home failed"),
      );
      // From the Home page, what the council should see goes to its channel, the rest to a DM.
      await post(
        client,
        reply.audience === "channel" && place ? place.channelId : body.user.id,
        reply,
      );
    },
  );
}

async function post(client: WebClient, channel: string, reply: Reply): Promise<void> {
  for (const { text, blocks } of slackResponses(reply)) {
    await client.chat.postMessage({ channel, text, blocks });
  }
}
