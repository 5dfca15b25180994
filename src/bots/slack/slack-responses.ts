import type { Reply } from "../../domain/reply.js";
import type { SlackMessage } from "../../render/block-kit/block-kit-types.js";
import { renderReplyMessages } from "../../render/block-kit/reply-messages.js";

/** A message for `ack()` or `respond()`: shown to the caller only, or to the whole channel. */
interface SlackResponse extends SlackMessage {
  response_type: "ephemeral" | "in_channel";
}

export function slackResponses(reply: Reply): SlackResponse[] {
  const response_type = reply.audience === "channel" ? "in_channel" : "ephemeral";
  return renderReplyMessages(reply).map((message) => ({ ...message, response_type }));
}

/** The reply when `work` is done within `ms`, else undefined (the work goes on). */
export async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
