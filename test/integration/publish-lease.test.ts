import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readLocalMention } from "../../src/bots/local/local-mentions.js";
import type { HandlerDeps } from "../../src/handlers/context.js";
import { handleCommand } from "../../src/handlers/handle-command.js";
import type { ChannelPublisher } from "../../src/handlers/publisher-fan-out.js";
import { fanOutPublisher } from "../../src/handlers/publisher-fan-out.js";
import { createCommandRegistry } from "../../src/handlers/registry.js";
import { renderReplyText } from "../../src/render/reply-text.js";
import { type Database, openDatabase } from "../../src/store/database.js";
import { createStore, type Store } from "../../src/store/store.js";
import { FixedClock } from "../support/console-harness.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

// Publishing is serialised by a lease in the database, not in one process: two instances (two
// connections to one database) that get "publicera" for the same meeting at once post once,
// and the second edits what the first posted.

const PLACE = { platform: "local", workspaceId: "local", channelId: "rådet" } as const;

/** A channel that posts unless the store says the meeting is already posted there: then edits. */
function channel(store: Store, log: string[]): ChannelPublisher {
  return {
    async publish(publication, place) {
      const posted = await store.publishedMessages.of(publication, place);
      // The platform takes a while: long enough for a second publisher to interleave.
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (posted.length > 0) log.push(`edit ${posted[0]}`);
      else {
        const ref = `message-${log.length + 1}`;
        log.push(`post ${ref}`);
        await store.publishedMessages.record(publication, place, [ref]);
      }
      return { place, ok: true };
    },
  };
}

describe("publishing on two instances at once", () => {
  let temp: TempDatabase;
  let second: Database;
  const clock = new FixedClock("2026-12-03T14:00:00Z");
  const log: string[] = [];
  const instance = (store: Store) => {
    const deps: HandlerDeps = {
      store,
      clock,
      defaults: { locale: "sv", timeZone: "Europe/Stockholm" },
      publisher: fanOutPublisher({ local: channel(store, log) }),
    };
    const registry = createCommandRegistry();
    return async (user: string, text: string) =>
      renderReplyText(
        await handleCommand(deps, registry, {
          actor: { ...PLACE, externalId: user.toLowerCase(), displayName: user },
          place: PLACE,
          text,
          readMention: readLocalMention,
        }),
      );
  };

  beforeEach(async () => {
    temp = await openTempDatabase();
    second = await openDatabase(temp.url);
  });
  afterEach(async () => {
    await second.close();
    await temp.cleanup();
  });

  it("posts once and edits once when both get publicera together", async () => {
    const one = instance(temp.store);
    const two = instance(createStore(second));
    await one("Eva", "råd Rådet");
    await one("Eva", "roll @Ordf ordförande");
    await one("Eva", "möte idag kl 13");
    await one("Eva", "beslut Lokal: Rådet hyr Stadshuset.");
    await one("Ordf", "justera");
    const replies = await Promise.all([one("Eva", "publicera"), two("Eva", "publicera")]);
    for (const reply of replies) expect(reply).toContain("är publicerad i 1 av 1 kanal");
    expect(log).toEqual(["post message-1", "edit message-1"]);
    expect(await temp.database.prisma.lease.count()).toBe(0);
  });
});
