import { readLocalMention } from "../../src/bots/local/local-mentions.js";
import type { Reply } from "../../src/domain/reply.js";
import type { Locale } from "../../src/domain/types.js";
import type { HandlerDeps } from "../../src/handlers/context.js";
import { handleCommand } from "../../src/handlers/handle-command.js";
import { createCommandRegistry } from "../../src/handlers/registry.js";
import { renderReplyText } from "../../src/render/reply-text.js";
import type { Store } from "../../src/store/store.js";
import type { FixedClock } from "./console-harness.js";

export interface Said {
  reply: Reply;
  text: string;
}

/** People typing commands in one channel, through the same path every surface takes. */
export class ChatSession {
  private readonly deps: HandlerDeps;
  private readonly registry = createCommandRegistry();

  constructor(
    store: Store,
    readonly clock: FixedClock,
    private readonly channel = "konsol",
    locale: Locale = "sv",
  ) {
    this.deps = { store, clock, defaults: { locale, timeZone: "Europe/Stockholm" } };
  }

  async say(user: string, text: string, deliveryId?: string): Promise<Said> {
    const reply = await handleCommand(this.deps, this.registry, {
      actor: {
        platform: "local",
        workspaceId: "local",
        externalId: user.toLowerCase(),
        displayName: user,
      },
      place: { platform: "local", workspaceId: "local", channelId: this.channel },
      text,
      readMention: readLocalMention,
      ...(deliveryId === undefined ? {} : { deliveryId }),
    });
    return { reply, text: renderReplyText(reply) };
  }
}
