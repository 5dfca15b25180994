import { type Activity, type ConversationReference, TeamsInfo, TurnContext } from "botbuilder";
import type { Identity, Place } from "../../domain/records.js";
import type { Mention, MentionReader } from "../../domain/types.js";

/** The tenant a Teams activity comes from. */
export function tenantOf(activity: Activity): string {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return channelData?.tenant?.id ?? activity.conversation?.tenantId ?? "";
}

/**
 * The channel a message belongs to: replies in a channel thread carry `;messageid=…` after the
 * channel's conversation id, and are the same channel.
 */
export function placeOf(activity: Activity): Place {
  return {
    platform: "teams",
    workspaceId: tenantOf(activity),
    channelId: (activity.conversation?.id ?? "").split(";")[0] ?? "",
  };
}

/** People are known by their Azure AD object id, the same in every team and chat of the tenant. */
export function identityOf(activity: Activity): Identity {
  return {
    platform: "teams",
    workspaceId: tenantOf(activity),
    externalId: activity.from?.aadObjectId ?? activity.from?.id ?? "",
    displayName: activity.from?.name ?? "",
  };
}

/** The reference a proactive send needs later, for the channel (not the thread) it came from. */
export function channelReference(activity: Activity): Partial<ConversationReference> {
  const reference = TurnContext.getConversationReference(activity);
  const conversation = reference.conversation;
  return conversation
    ? { ...reference, conversation: { ...conversation, id: placeOf(activity).channelId } }
    : reference;
}

const MENTION_TAG = /<at>(.*?)<\/at>/g;
const MENTION_TOKEN = /^<at:(\d+)>$/;

/**
 * The message's command text: the bot's own @mention removed, Teams' HTML entities decoded, and
 * every other `<at>Name</at>` replaced by a token the mention reader resolves to that person's
 * Azure AD object id (asked of the roster, since mention entities carry only the chat id).
 */
export async function commandText(
  context: TurnContext,
): Promise<{ text: string; readMention: MentionReader }> {
  const { activity } = context;
  const withoutBot = TurnContext.removeRecipientMention(activity) ?? activity.text ?? "";
  const entities = (activity.entities ?? []).filter(
    (entity) => entity.type === "mention" && entity.mentioned?.id !== activity.recipient?.id,
  );
  const mentions: Mention[] = [];
  // Mentions first, entities after: a typed "&lt;at&gt;" must not become a mention.
  const tokenized = withoutBot.replace(MENTION_TAG, (_tag, name: string) => {
    const entity = entities.find((candidate) => candidate.text === `<at>${name}</at>`);
    const chatId = (entity?.mentioned as { id?: string } | undefined)?.id ?? name;
    mentions.push({ externalId: chatId, displayName: name });
    return ` <at:${mentions.length - 1}> `;
  });
  const text = decodeEntities(tokenized);
  for (const mention of mentions) {
    mention.externalId = await aadObjectId(context, mention.externalId);
  }
  return {
    text: text.replace(/\s+/g, " ").trim(),
    readMention: (token) => {
      const index = MENTION_TOKEN.exec(token)?.[1];
      return index === undefined ? undefined : mentions[Number(index)];
    },
  };
}

async function aadObjectId(context: TurnContext, chatId: string): Promise<string> {
  try {
    const member = await TeamsInfo.getMember(context, chatId);
    return member.aadObjectId ?? chatId;
  } catch {
    // Outside the roster (a guest, a deleted account): known by the chat id instead.
    return chatId;
  }
}

function decodeEntities(text: string): string {
  return text
    .replaceAll("&nbsp;", " ")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&");
}
