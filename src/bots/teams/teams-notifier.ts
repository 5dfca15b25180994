import {
  type Activity,
  type ChannelAccount,
  type CloudAdapter,
  type ConversationReference,
  TeamsInfo,
  type TurnContext,
} from "botbuilder";
import type { PersonRecord } from "../../domain/records.js";
import type { DeliveryOutcome, Notifier } from "../../handlers/reminder-notice.js";
import type { Logger } from "../../logger.js";
import type { Store } from "../../store/store.js";
import { PartialDeliveries } from "../partial-deliveries.js";
import { inConversation, inPersonalChat } from "./proactive-turns.js";
import { replyActivities } from "./teams-messages.js";
import { teamsErrorCode } from "./teams-publisher.js";

type Reference = Partial<ConversationReference>;
type Failure = DeliveryOutcome & { ok: false };

const NO_REFERENCE: Failure = { ok: false, reason: "no-conversation-reference", retryable: false };

/**
 * Reminders to Teams, proactively: a channel through the reference stored when it became a
 * council's; a person through their personal chat's reference, or, when they never wrote to
 * Noterat in private, through a 1:1 chat opened for them (found in the roster of one of their
 * council's channels), whose reference is then kept for the next time.
 */
export function teamsNotifier(
  adapter: CloudAdapter,
  appId: string,
  store: Store,
  partial: PartialDeliveries,
  logger: Logger,
): Notifier {
  const inChat = <T>(reference: Reference, work: (context: TurnContext) => Promise<T>) =>
    inConversation(adapter, appId, reference, work);

  /** Sends the parts not sent by an earlier attempt; the first part's id is the ref. */
  async function sendParts(
    context: TurnContext,
    key: string,
    activities: Partial<Activity>[],
  ): Promise<string> {
    const ids = await partial.sendRemaining(
      key,
      activities,
      async (activity) => (await context.sendActivity(activity))?.id ?? "",
    );
    return ids[0] ?? "";
  }

  async function toPerson(
    person: PersonRecord,
    councilId: string,
    activities: Partial<Activity>[],
  ) {
    const key = PartialDeliveries.key(
      `teams:${person.workspaceId}:${person.externalId}`,
      activities,
    );
    const stored = await store.people.referenceOf(person);
    if (stored) {
      return inChat(parse(stored), (context) => sendParts(context, key, activities));
    }
    const channel = await channelReferenceIn(store, councilId, person.workspaceId);
    if (!channel?.serviceUrl || !channel.bot) return NO_REFERENCE;
    // The person is known by their Azure AD object id; the roster gives their Teams user id,
    // which opening a chat takes.
    const member: ChannelAccount = await inChat(channel, (context) =>
      TeamsInfo.getMember(context, person.externalId),
    );
    let ref = "";
    await inPersonalChat(
      adapter,
      appId,
      { serviceUrl: channel.serviceUrl, tenantId: person.workspaceId, bot: channel.bot, member },
      async (context) => {
        ref = await sendParts(context, key, activities);
        const reference = { ...referenceOf(context), user: member };
        await store.people.saveReference(person, JSON.stringify(reference)).catch((error) => {
          logger.warn({ err: error }, "a personal chat's reference could not be kept");
        });
      },
    );
    return ref;
  }

  return {
    async deliver({ target, reply }) {
      const activities = replyActivities(reply);
      try {
        if (target.type === "person") {
          const sent = await toPerson(target.person, target.councilId, activities);
          return typeof sent === "string" ? { ok: true, ref: sent } : sent;
        }
        const stored = await store.councils.referenceOf(target.place);
        if (!stored) return NO_REFERENCE;
        const { workspaceId, channelId } = target.place;
        const key = PartialDeliveries.key(`teams:${workspaceId}:${channelId}`, activities);
        const ref = await inChat(parse(stored), (context) => sendParts(context, key, activities));
        return { ok: true, ref };
      } catch (error) {
        const outcome = teamsDeliveryFailure(error);
        logger.warn({ err: error, target: target.type, outcome }, "a Teams reminder failed");
        return outcome;
      }
    },
  };
}

/** A stored reference of one of the council's Teams channels in the person's tenant. */
async function channelReferenceIn(
  store: Store,
  councilId: string,
  tenantId: string,
): Promise<Reference | undefined> {
  const channels = (await store.councils.channelsOf(councilId)).filter(
    (place) => place.platform === "teams" && place.workspaceId === tenantId,
  );
  for (const place of channels) {
    const stored = await store.councils.referenceOf(place);
    if (stored) return parse(stored);
  }
  return undefined;
}

function referenceOf(context: TurnContext): Reference {
  const { activity } = context;
  return {
    channelId: activity.channelId,
    serviceUrl: activity.serviceUrl,
    conversation: activity.conversation,
    bot: activity.recipient,
  };
}

function parse(stored: string): Reference {
  return JSON.parse(stored) as Reference;
}

/**
 * What a connector error means for the outbox: throttled (429, with its Retry-After), a
 * service failure (5xx) or no answer at all is retried later; a refusal (403 the bot is not in
 * the conversation, 404 it is gone) is given up with the connector's code.
 */
function teamsDeliveryFailure(error: unknown): Failure {
  const reason = teamsErrorCode(error);
  const { statusCode, response } = (error ?? {}) as {
    statusCode?: unknown;
    response?: { headers?: { get?: (name: string) => string | undefined } };
  };
  if (typeof statusCode !== "number") return { ok: false, reason, retryable: true };
  if (statusCode === 429) {
    const seconds = Number(response?.headers?.get?.("retry-after"));
    return {
      ok: false,
      reason,
      retryable: true,
      ...(Number.isFinite(seconds) && seconds > 0 ? { retryAfterMs: seconds * 1000 } : {}),
    };
  }
  return { ok: false, reason, retryable: statusCode >= 500 || statusCode === 408 };
}
