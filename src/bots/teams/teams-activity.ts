import { type Activity, type ConversationReference, TeamsInfo, TurnContext } from "botbuilder";
import { displayNameOf } from "../../domain/display-name.js";
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
  // A team's channel has a name in channelData (its General channel none); a chat has none.
  const name = (activity.channelData as { channel?: { name?: unknown } } | undefined)?.channel
    ?.name;
  return {
    platform: "teams",
    workspaceId: tenantOf(activity),
    channelId: (activity.conversation?.id ?? "").split(";")[0] ?? "",
    ...(typeof name === "string" && name !== "" ? { name } : {}),
  };
}

/** People are known by their Azure AD object id, the same in every team and chat of the tenant. */
export function identityOf(activity: Activity): Identity {
  const externalId = activity.from?.aadObjectId ?? activity.from?.id ?? "";
  return {
    platform: "teams",
    workspaceId: tenantOf(activity),
    externalId,
    // Without a name the person is shown by id rather than as nobody.
    displayName: displayNameOf(activity.from?.name ?? "") || externalId,
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
 * Azure AD object id and roster name (asked of the roster, since mention entities carry only the
 * chat id, and the writer may shorten the name: `<at>Anna</at>` for Anna Berg).
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
    const shown = displayNameOf(decodeEntities(name));
    mentions.push({ externalId: chatId, ...(shown === "" ? {} : { displayName: shown }) });
    return ` <at:${mentions.length - 1}> `;
  });
  const text = decodeEntities(tokenized);
  for (const mention of mentions) {
    const member = await rosterMember(context, mention.externalId);
    mention.externalId = member.externalId;
    if (member.displayName) mention.displayName = member.displayName;
  }
  return {
    text: text.replace(/\s+/g, " ").trim(),
    readMention: (token) => {
      const index = MENTION_TOKEN.exec(token)?.[1];
      return index === undefined ? undefined : mentions[Number(index)];
    },
  };
}

async function rosterMember(
  context: TurnContext,
  chatId: string,
): Promise<{ externalId: string; displayName?: string }> {
  try {
    const member = await TeamsInfo.getMember(context, chatId);
    return {
      externalId: member.aadObjectId ?? chatId,
      displayName: displayNameOf(member.name ?? ""),
    };
  } catch {
    // Outside the roster (a guest, a deleted account): known by the chat id instead.
    return { externalId: chatId };
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
