import { type Activity, ActivityTypes, CardFactory } from "botbuilder";
import type { Reply } from "../../domain/reply.js";
import type { AdaptiveCard } from "../../render/adaptive-card/adaptive-card-types.js";
import { renderReplyCards } from "../../render/adaptive-card/reply-cards.js";
import { renderReplyText } from "../../render/reply-text.js";

/** A reply as Teams messages: one Adaptive Card each, with the plain text as the notification. */
export function replyActivities(reply: Reply): Partial<Activity>[] {
  const summary = renderReplyText(reply);
  return renderReplyCards(reply).map((card) => cardActivity(card, summary));
}

export function cardActivity(card: AdaptiveCard, summary: string): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    summary: summary.slice(0, 200),
    attachments: [CardFactory.adaptiveCard(card)],
  };
}
