import type {
  ChannelAccount,
  CloudAdapter,
  ConversationParameters,
  ConversationReference,
  TurnContext,
} from "botbuilder";

// Turns Noterat starts itself (published minutes, reminders, private replies). A failure inside
// such a turn would go to the adapter's onTurnError, which logs it and answers "something went
// wrong" as if nothing happened; these carry it out of the turn to the caller instead.

/** Runs `work` in a turn that `start` opens, and returns its result or throws its failure. */
async function throughTurn<T>(
  start: (logic: (context: TurnContext) => Promise<void>) => Promise<void>,
  work: (context: TurnContext) => Promise<T>,
): Promise<T> {
  const failures: unknown[] = [];
  let result: T | undefined;
  await start(async (context) => {
    try {
      result = await work(context);
    } catch (error) {
      failures.push(error);
    }
  });
  if (failures.length > 0) throw failures[0];
  return result as T;
}

/** Runs `work` in a conversation the bot has a stored reference of (a channel, a personal chat). */
export function inConversation<T>(
  adapter: CloudAdapter,
  appId: string,
  reference: Partial<ConversationReference>,
  work: (context: TurnContext) => Promise<T>,
): Promise<T> {
  return throughTurn((logic) => adapter.continueConversationAsync(appId, reference, logic), work);
}

/** What opening a 1:1 chat with someone needs: where the tenant's connector is, who is who. */
interface PersonalChatParties {
  serviceUrl: string;
  tenantId: string;
  bot: ChannelAccount;
  /** The person, by their Teams user id ("29:…"). */
  member: ChannelAccount;
}

/** Opens (or reopens: Teams keeps one per person and bot) the person's 1:1 chat and runs `send` in it. */
export async function inPersonalChat(
  adapter: CloudAdapter,
  appId: string,
  parties: PersonalChatParties,
  send: (context: TurnContext) => Promise<void>,
): Promise<void> {
  // The schema types `activity` as required; it is the optional first message, which `send`
  // sends instead.
  const parameters = {
    isGroup: false,
    bot: parties.bot,
    members: [parties.member],
    tenantId: parties.tenantId,
    channelData: { tenant: { id: parties.tenantId } },
  } as ConversationParameters;
  await throughTurn(
    (logic) =>
      adapter.createConversationAsync(
        appId,
        "msteams",
        parties.serviceUrl,
        "https://api.botframework.com",
        parameters,
        logic,
      ),
    send,
  );
}
