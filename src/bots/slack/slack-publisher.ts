import { ErrorCode, type WebAPIPlatformError, type WebClient } from "@slack/web-api";
import type { ChannelPublisher } from "../../handlers/publisher-fan-out.js";
import type { Logger } from "../../logger.js";
import type { SlackMessage } from "../../render/block-kit/block-kit-types.js";
import { renderMinutesMessages } from "../../render/block-kit/minutes-messages.js";
import type { Store } from "../../store/store.js";
import type { SlackClients } from "./slack-clients.js";

/**
 * Posts minutes to a Slack channel: the first message in the channel, continuations of a long
 * post in its thread. Publishing again edits those messages (and adds or deletes continuations),
 * so the channel keeps one post per meeting.
 */
export function slackPublisher(
  clients: SlackClients,
  store: Store,
  logger: Logger,
): ChannelPublisher {
  return {
    async publish(publication, place) {
      const client = await clients.forWorkspace(place.workspaceId);
      if (!client) return { place, ok: false, reason: "not-installed" };
      const channel = place.channelId;
      const messages = renderMinutesMessages(publication.document);
      const posted = await store.publishedMessages.of(publication, place);
      const refs: string[] = [];
      try {
        for (const [part, message] of messages.entries()) {
          // Continuations live in the first message's thread: when it was posted anew (the old
          // one is gone), they follow it there instead of being edited under the old one.
          const existing = part === 0 || refs[0] === posted[0] ? posted[part] : undefined;
          if (existing !== undefined && (await updated(client, channel, existing, message))) {
            refs.push(existing);
            continue;
          }
          const thread = part > 0 ? refs[0] : undefined;
          const result = await client.chat.postMessage({
            channel,
            text: message.text,
            blocks: message.blocks,
            unfurl_links: false,
            unfurl_media: false,
            ...(thread ? { thread_ts: thread } : {}),
          });
          refs.push(result.ts ?? "");
        }
        for (const surplus of posted.filter((ts) => !refs.includes(ts))) {
          await client.chat.delete({ channel, ts: surplus }).catch(() => undefined);
        }
        await store.publishedMessages.record(publication, place, refs);
        return { place, ok: true };
      } catch (error) {
        // Keep what was posted before the failure, so that the retry edits instead of repeating.
        await store.publishedMessages.record(publication, place, [
          ...refs,
          ...posted.slice(refs.length),
        ]);
        const reason = slackErrorCode(error);
        logger.warn({ err: error, place, reason }, "publishing to Slack failed");
        return { place, ok: false, reason };
      }
    },
  };
}

/** Edits a posted message; false when it is gone (deleted by someone) and must be posted anew. */
async function updated(
  client: WebClient,
  channel: string,
  ts: string,
  message: SlackMessage,
): Promise<boolean> {
  try {
    await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
    return true;
  } catch (error) {
    if (slackErrorCode(error) === "message_not_found") return false;
    throw error;
  }
}

/** Slack's own error code ("not_in_channel"), or the client's ("slack_webapi_rate_limited_error"). */
export function slackErrorCode(error: unknown): string {
  if (typeof error !== "object" || error === null || !("code" in error)) return "unknown";
  if (error.code === ErrorCode.PlatformError) return (error as WebAPIPlatformError).data.error;
  return String(error.code);
}
