import { readLocalMention } from "../../src/bots/local/local-mentions.js";
import type { Reply } from "../../src/domain/reply.js";
import type { Locale } from "../../src/domain/types.js";
import type { HandlerDeps, Publication } from "../../src/handlers/context.js";
import { handleCommand } from "../../src/handlers/handle-command.js";
import { type ChannelPublisher, fanOutPublisher } from "../../src/handlers/publisher-fan-out.js";
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
  readonly deps: HandlerDeps;
  private readonly registry = createCommandRegistry();
  /** What was published in the console channels, in order. */
  readonly publications: Publication[] = [];
  private readonly published: ChannelPublisher = {
    publish: async (publication, place) => {
      this.publications.push(publication);
      return { place, ok: true };
    },
  };

  constructor(
    store: Store,
    readonly clock: FixedClock,
    private readonly channel = "konsol",
    locale: Locale = "sv",
  ) {
    this.deps = {
      store,
      clock,
      defaults: { locale, timeZone: "Europe/Stockholm" },
      publisher: fanOutPublisher({ local: this.published }),
    };
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
