import { type Activity, ActivityTypes, type CloudAdapter, type TurnContext } from "botbuilder";
import type { Place } from "../../domain/records.js";
import type { Reply } from "../../domain/reply.js";
import type { CommandRegistry } from "../../handlers/command-registry.js";
import type { HandlerDeps } from "../../handlers/context.js";
import { internalErrorReply } from "../../handlers/error-replies.js";
import { handleCommand } from "../../handlers/handle-command.js";
import { runButtonCommand } from "../../handlers/run-button-command.js";
import type { Logger } from "../../logger.js";
import { RUN_VERB } from "../../render/adaptive-card/card-actions.js";
import { renderReplyCards } from "../../render/adaptive-card/reply-cards.js";
import { renderReplyText } from "../../render/reply-text.js";
import { inPersonalChat } from "./proactive-turns.js";
import { channelReference, commandText, identityOf, placeOf, tenantOf } from "./teams-activity.js";
import { FILE_CONSENT_INVOKE, offerDocuments, onFileConsent } from "./teams-file-consent.js";
import { cardActivity, replyActivities } from "./teams-messages.js";

interface TeamsSurfaceContext {
  adapter: CloudAdapter;
  appId: string;
  /** The tenants allowed to use the bot; undefined: any tenant that installed it. */
  tenants: string[] | undefined;
  /**
   * The references this process has stored, by conversation, and when: a reference changes
   * rarely (a new serviceUrl), so most messages need no write to keep it. Another instance may
   * have stored a different one since, so an entry is trusted for a minute only.
   */
  storedReferences: Map<string, { reference: string; at: number }>;
  deps: HandlerDeps;
  registry: CommandRegistry;
  logger: Logger;
}

/** One Teams turn: a command in a message, a card button, or the bot being installed. */
export function teamsTurn(surface: TeamsSurfaceContext): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const { activity } = context;
    if (!fromAllowedTenant(surface, context)) {
      surface.logger.warn(
        { channelId: activity.channelId, tenant: tenantOf(activity) },
        "Teams activity from a channel or tenant that may not use Noterat: ignored",
      );
      if (activity.type === ActivityTypes.Invoke) await invokeResponse(context, 403, undefined);
      return;
    }
    if (activity.type === ActivityTypes.Message) return onMessage(surface, context);
    if (activity.type === ActivityTypes.Invoke && activity.name === "adaptiveCard/action") {
      return onCardAction(surface, context);
    }
    if (activity.type === ActivityTypes.Invoke && activity.name === FILE_CONSENT_INVOKE) {
      await onFileConsent(surface, context);
      return invokeResponse(context, 200, undefined);
    }
    if (
      activity.type === ActivityTypes.InstallationUpdate ||
      activity.type === ActivityTypes.ConversationUpdate
    ) {
      return onInstall(surface, context);
    }
  };
}

async function onMessage(surface: TeamsSurfaceContext, context: TurnContext): Promise<void> {
  const { activity } = context;
  const place = placeOf(activity);
  const personal = activity.conversation?.conversationType === "personal";
  let reply: Reply;
  // Files for the caller: consent cards, sent after the reply wherever it goes.
  let offers: Partial<Activity>[] = [];
  try {
    const { text, readMention } = await commandText(context);
    const handled = await handleCommand(surface.deps, surface.registry, {
      actor: identityOf(activity),
      place,
      text,
      readMention,
      // Teams redelivers an activity with the same id: it makes nothing twice. The id (a
      // message id) is unique only within its conversation, so the conversation is part of it.
      ...(activity.id ? { deliveryId: `${activity.conversation?.id ?? ""}:${activity.id}` } : {}),
    });
    ({ reply, offers } = await offerDocuments(handled, {
      command: text,
      channelId: place.channelId,
    }));
    await remember(surface, context, place, personal, "only-stored");
  } catch (error) {
    surface.logger.error({ err: error }, "Teams message failed");
    reply = internalErrorReply(surface.deps.defaults.locale);
    offers = [];
  }
  const messages = [...replyActivities(reply), ...offers];
  if (reply.audience === "caller" && !personal) {
    await sendPrivately(surface, context, messages);
    return;
  }
  // The command is done and committed: a reply the connector will not take must not reach
  // onTurnError, whose "nothing was saved, try again" would be false and invite a duplicate.
  try {
    for (const message of messages) await context.sendActivity(message);
  } catch (error) {
    surface.logger.warn({ err: error }, "a Teams reply could not be sent");
  }
}

/**
 * The conversation reference of the channel (once it belongs to a council) and of a person's
 * personal chat, kept for proactive sends: published minutes, reminders.
 */
/** Enough for every channel and member of a large tenant; past it, storing starts afresh. */
const MAX_REMEMBERED = 10_000;
const REFERENCE_TRUSTED_MS = 60_000;

async function remember(
  surface: TeamsSurfaceContext,
  context: TurnContext,
  place: Place,
  personal: boolean,
  who: "also-new" | "only-stored",
): Promise<void> {
  const reference = JSON.stringify(channelReference(context.activity));
  // The channel's name is kept with its reference: a renamed channel is stored anew.
  const remembered = `${reference}\n${place.name ?? ""}`;
  const key = personal
    ? `person:${identityOf(context.activity).externalId}`
    : `channel:${place.channelId}`;
  const stored = surface.storedReferences.get(key);
  const now = surface.deps.clock.now().getTime();
  if (stored?.reference === remembered && now - stored.at < REFERENCE_TRUSTED_MS) return;
  const saved = personal
    ? await surface.deps.store.people.saveReference(identityOf(context.activity), reference, who)
    : await surface.deps.store.councils.saveReference(place, reference);
  // Not a council's channel yet (kept once `råd` or `koppla` binds it), or someone Noterat does
  // not store (a message to the bot stores nobody; installing Noterat for oneself does).
  if (!saved) return;
  if (surface.storedReferences.size >= MAX_REMEMBERED) surface.storedReferences.clear();
  surface.storedReferences.set(key, { reference: remembered, at: now });
}

/**
 * Teams has no messages that only one member of a channel sees: what is for the caller alone
 * (a draft, a list, a refusal) goes to their personal chat with the bot.
 */
async function sendPrivately(
  surface: TeamsSurfaceContext,
  context: TurnContext,
  messages: Partial<Activity>[],
): Promise<void> {
  const { activity } = context;
  try {
    await inPersonalChat(
      surface.adapter,
      surface.appId,
      {
        serviceUrl: activity.serviceUrl,
        tenantId: tenantOf(activity),
        bot: activity.recipient,
        member: activity.from,
      },
      async (personal) => {
        for (const message of messages) await personal.sendActivity(message);
      },
    );
  } catch (error) {
    surface.logger.warn({ err: error }, "a private Teams reply could not be sent");
  }
}

interface RunData {
  councilId?: unknown;
  command?: unknown;
}

/** A card button: runs its command in a channel of its council; the answer replaces the card. */
async function onCardAction(surface: TeamsSurfaceContext, context: TurnContext): Promise<void> {
  const { activity } = context;
  const value = activity.value as { action?: { verb?: string; data?: RunData } } | undefined;
  const data = value?.action?.data;
  let reply: Reply;
  if (value?.action?.verb !== RUN_VERB || typeof data?.command !== "string") {
    await invokeResponse(context, 400, {
      statusCode: 400,
      type: "application/vnd.microsoft.error",
      value: { code: "BadRequest", message: "unknown action" },
    });
    return;
  }
  try {
    ({ reply } = await runButtonCommand(surface.deps, surface.registry, {
      actor: identityOf(activity),
      councilId: String(data.councilId ?? ""),
      command: data.command,
      here: placeOf(activity),
    }));
  } catch (error) {
    surface.logger.error({ err: error }, "Teams card action failed");
    reply = internalErrorReply(surface.deps.defaults.locale);
  }
  // What the caller alone should read (a refusal, a list) is shown to them as a message and
  // leaves the card alone: in a channel that card is everyone's. A change replaces the card.
  const [card, ...more] = reply.audience === "channel" ? renderReplyCards(reply) : [];
  await invokeResponse(
    context,
    200,
    card
      ? { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: card }
      : {
          statusCode: 200,
          type: "application/vnd.microsoft.activity.message",
          value: renderReplyText(reply),
        },
  );
  try {
    // The invoke answer replaces the card for the one who clicked; the update, for everyone.
    const summary = renderReplyText(reply);
    const replyToId = context.activity.replyToId;
    if (card && replyToId)
      await context.updateActivity({ ...cardActivity(card, summary), id: replyToId });
    // A reply too long for one card: the rest follows as messages under it.
    for (const extra of more) await context.sendActivity(cardActivity(extra, summary));
  } catch (error) {
    // The command is done; only showing it to the others failed. Thrown on, onTurnError would
    // post "nothing was saved".
    surface.logger.warn({ err: error }, "updating a Teams card for everyone failed");
  }
}

async function invokeResponse(context: TurnContext, status: number, body: unknown): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status, body } });
}

/** Installed in a personal scope: keep the chat's reference so the person can be reached. */
async function onInstall(surface: TeamsSurfaceContext, context: TurnContext): Promise<void> {
  const { activity } = context;
  const added = (activity.membersAdded ?? []).some(
    (member) => member.id === activity.recipient?.id,
  );
  const installed = activity.type === ActivityTypes.InstallationUpdate && activity.action === "add";
  if (!added && !installed) return;
  const place = placeOf(activity);
  const personal = activity.conversation?.conversationType === "personal";
  await remember(surface, context, place, personal, "also-new");
}

/**
 * Only Microsoft Teams, with a tenant, and one of the allowed tenants when a list is set: the
 * same bot registration may also be reachable through Web Chat or Direct Line, where the
 * tenant and the user are whatever the client says.
 */
function fromAllowedTenant(surface: TeamsSurfaceContext, context: TurnContext): boolean {
  const { activity } = context;
  const tenant = tenantOf(activity).toLowerCase();
  if (activity.channelId !== "msteams" || tenant === "") return false;
  return surface.tenants === undefined || surface.tenants.includes(tenant);
}
