// Noterat's Slack surface started as src/main.ts serve() starts it (single workspace, HTTP on
// one port), against a Web API at `slackApiUrl`. Runs in a server process of its own.
import { startHttpServer } from "../src/bots/http-server.js";
import { createSlackSurface } from "../src/bots/slack/slack-surface.js";
import type { Platform } from "../src/domain/types.js";
import type { HandlerDeps } from "../src/handlers/context.js";
import { type ChannelPublisher, fanOutPublisher } from "../src/handlers/publisher-fan-out.js";
import { createCommandRegistry } from "../src/handlers/registry.js";
import { createLogger } from "../src/logger.js";
import { openDatabase } from "../src/store/database.js";
import { createStore } from "../src/store/store.js";
import type { BenchServer } from "./bench-server.js";

export interface NoteratSlackSpec {
  kind: "noterat-slack";
  databaseUrl: string;
  slackApiUrl: string;
  signingSecret: string;
  botToken: string;
}

export async function startNoteratSlack(spec: NoteratSlackSpec): Promise<BenchServer> {
  const logger = createLogger("silent");
  const database = await openDatabase(spec.databaseUrl);
  const publishers: Partial<Record<Platform, ChannelPublisher>> = {};
  const deps: HandlerDeps = {
    store: createStore(database),
    clock: { now: () => new Date() },
    defaults: { locale: "sv", timeZone: "Europe/Stockholm" },
    publisher: fanOutPublisher(publishers),
  };
  const slack = await createSlackSurface({
    config: {
      mode: "single",
      signingSecret: spec.signingSecret,
      botToken: spec.botToken,
      apiUrl: spec.slackApiUrl,
    },
    deps,
    registry: createCommandRegistry(),
    logger,
    retryConfig: { retries: 0 },
  });
  publishers.slack = slack.publisher;
  if (!slack.listener) throw new Error("the Slack surface has no HTTP listener");
  await slack.start();
  const server = await startHttpServer({
    host: "127.0.0.1",
    port: 0,
    routes: [{ prefix: "/slack/", listener: slack.listener }],
    logger,
  });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      await slack.stop();
      await database.close();
    },
  };
}
