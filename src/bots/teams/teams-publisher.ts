import type { CloudAdapter, ConversationReference } from "botbuilder";
import type { ChannelPublisher } from "../../handlers/publisher-fan-out.js";
import type { Logger } from "../../logger.js";
import { renderMinutesCards } from "../../render/adaptive-card/minutes-cards.js";
import { renderMinutesText } from "../../render/minutes-text.js";
import type { Store } from "../../store/store.js";
import { inConversation } from "./proactive-turns.js";
import { cardActivity } from "./teams-messages.js";

/**
 * Posts minutes to a Teams channel through its stored conversation reference (a proactive
 * message); publishing again updates the cards that were posted, and adds or deletes cards
 * when the post grew or shrank.
 */
export function teamsPublisher(
  adapter: CloudAdapter,
  appId: string,
  store: Store,
  logger: Logger,
): ChannelPublisher {
  return {
    async publish(publication, place) {
      const stored = await store.councils.referenceOf(place);
      if (!stored) return { place, ok: false, reason: "no-conversation-reference" };
      const reference = JSON.parse(stored) as Partial<ConversationReference>;
      const summary = renderMinutesText(publication.document);
      const cards = renderMinutesCards(publication.document).map((card) =>
        cardActivity(card, summary),
      );
      const posted = await store.publishedMessages.of(publication, place);
      const ids: string[] = [];
      try {
        await inConversation(adapter, appId, reference, async (context) => {
          for (const [part, card] of cards.entries()) {
            const existing = posted[part];
            if (existing !== undefined) {
              await context.updateActivity({
                ...card,
                id: existing,
                conversation: context.activity.conversation,
              });
              ids.push(existing);
              continue;
            }
            const sent = await context.sendActivity(card);
            ids.push(sent?.id ?? "");
          }
          for (const surplus of posted.slice(cards.length)) {
            await context.deleteActivity(surplus).catch(() => undefined);
          }
        });
        await store.publishedMessages.record(publication, place, ids);
        return { place, ok: true };
      } catch (error) {
        await store.publishedMessages.record(publication, place, [
          ...ids,
          ...posted.slice(ids.length),
        ]);
        const reason = teamsErrorCode(error);
        logger.warn({ err: error, place, reason }, "publishing to Teams failed");
        return { place, ok: false, reason };
      }
    },
  };
}

/** The connector's error code ("BotNotInConversationRoster"), else the HTTP status. */
export function teamsErrorCode(error: unknown): string {
  if (typeof error !== "object" || error === null) return "unknown";
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  if (typeof code === "string") return code;
  return typeof statusCode === "number" ? `http-${statusCode}` : "unknown";
}
