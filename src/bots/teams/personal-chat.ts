import type { ChannelAccount, CloudAdapter, ConversationParameters, TurnContext } from "botbuilder";

/** What opening a 1:1 chat with someone needs: where the tenant's connector is, who is who. */
export interface PersonalChatParties {
  serviceUrl: string;
  tenantId: string;
  bot: ChannelAccount;
  /** The person, by their Teams user id ("29:…"). */
  member: ChannelAccount;
}

/**
 * Opens (or reopens: Teams keeps one per person and bot) the person's 1:1 chat with the bot and
 * runs `send` in it. A failure inside that turn would go to the adapter's onTurnError, which
 * logs it and answers "something went wrong" as if nothing happened; it is thrown to the
 * caller instead.
 */
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
  const failures: unknown[] = [];
  await adapter.createConversationAsync(
    appId,
    "msteams",
    parties.serviceUrl,
    "https://api.botframework.com",
    parameters,
    async (context) => {
      try {
        await send(context);
      } catch (error) {
        failures.push(error);
      }
    },
  );
  if (failures.length > 0) throw failures[0];
}
