import {
  ErrorCode,
  type WebAPIHTTPError,
  type WebAPIRateLimitedError,
  type WebClientOptions,
} from "@slack/web-api";
import type { DeliveryOutcome, Notifier } from "../../handlers/reminder-notice.js";
import type { Logger } from "../../logger.js";
import { renderReplyMessages } from "../../render/block-kit/reply-messages.js";
import { PartialDeliveries } from "../partial-deliveries.js";
import type { SlackClients } from "./slack-clients.js";
import { slackErrorCode } from "./slack-publisher.js";

/**
 * The reminder clients' policy: one attempt per tick. A 429 comes back at once with Slack's
 * Retry-After instead of pausing the client (and every other send of the tick) for it; a 5xx
 * or a lost connection likewise; the outbox retries later with back-off. The timeout keeps a
 * hung request from holding the tick.
 */
export const SLACK_NOTIFIER_OPTIONS = {
  retryConfig: { retries: 0 },
  rejectRateLimitedCalls: true,
  timeout: 15_000,
} satisfies WebClientOptions;

/** Slack codes that say "try again later" rather than "this cannot work". */
const TRANSIENT_CODES = new Set([
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
  "ratelimited",
]);

/**
 * Reminders to Slack: a channel by its id, a person by their user id, which opens the app's
 * DM with them (chat:write is enough). A reminder long enough for several messages is posted
 * as consecutive messages rather than in a thread: each part holds "Klar" and "Skjut upp"
 * buttons the reader should see, and a reminder is never edited later as minutes are.
 */
export function slackNotifier(
  clients: SlackClients,
  partial: PartialDeliveries,
  logger: Logger,
): Notifier {
  return {
    async deliver({ target, reply }) {
      const workspaceId =
        target.type === "channel" ? target.place.workspaceId : target.person.workspaceId;
      const channel = target.type === "channel" ? target.place.channelId : target.person.externalId;
      const client = await clients.forWorkspace(workspaceId);
      if (!client) return { ok: false, reason: "not-installed", retryable: false };
      const messages = renderReplyMessages(reply);
      const key = PartialDeliveries.key(`slack:${workspaceId}:${channel}`, messages);
      let refs: string[];
      try {
        refs = await partial.sendRemaining(key, messages, async (message) => {
          const result = await client.chat.postMessage({
            channel,
            text: message.text,
            blocks: message.blocks,
            unfurl_links: false,
            unfurl_media: false,
          });
          // A DM answers with its D… channel: the ref names where the message really is.
          return `${result.channel ?? channel}:${result.ts ?? ""}`;
        });
      } catch (error) {
        const outcome = slackDeliveryFailure(error);
        logger.warn({ err: error, workspaceId, channel, outcome }, "a Slack reminder failed");
        return outcome;
      }
      return { ok: true, ref: refs[0] ?? "" };
    },
  };
}

/** What a Web API error means for the outbox: wait and retry, or give up with Slack's code. */
function slackDeliveryFailure(error: unknown): DeliveryOutcome & { ok: false } {
  const reason = slackErrorCode(error);
  const code = typeof error === "object" && error !== null && "code" in error ? error.code : "";
  switch (code) {
    case ErrorCode.RateLimitedError:
      return {
        ok: false,
        reason,
        retryable: true,
        retryAfterMs: (error as WebAPIRateLimitedError).retryAfter * 1000,
      };
    case ErrorCode.HTTPError: {
      const status = (error as WebAPIHTTPError).statusCode;
      return { ok: false, reason: `http-${status}`, retryable: status >= 500 || status === 408 };
    }
    case ErrorCode.RequestError:
      return { ok: false, reason, retryable: true };
    case ErrorCode.PlatformError:
      return { ok: false, reason, retryable: TRANSIENT_CODES.has(reason) };
    default:
      // Not the Web API's: treated as the tick treats a notifier that throws.
      return { ok: false, reason, retryable: true };
  }
}
