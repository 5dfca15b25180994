// The floor: a bare Bolt 5.1 App that only acknowledges `/noterat`, with the same receiver,
// signing secret and mounting as Noterat's, and no Web API call (a static `authorize`).
import { App, HTTPReceiver, type Middleware, type SlackCommandMiddlewareArgs } from "@slack/bolt";
import { startHttpServer } from "../src/bots/http-server.js";
import { boltLogger } from "../src/bots/slack/bolt-logger.js";
import { createLogger } from "../src/logger.js";
import type { BenchServer } from "./bench-server.js";

export interface SlackFloorSpec {
  kind: "slack-floor";
  signingSecret: string;
  botToken: string;
  teamId: string;
}

export async function startSlackFloor(spec: SlackFloorSpec): Promise<BenchServer> {
  return startBoltFloor(spec, async ({ ack }) => {
    await ack();
  });
}

/**
 * A Bolt app set up as the floors set it up (Noterat's receiver and mounting, a static
 * `authorize`) answering `/noterat` with `onCommand`; `onClose` runs after its server closes.
 */
export async function startBoltFloor(
  spec: { signingSecret: string; botToken: string; teamId: string },
  onCommand: Middleware<SlackCommandMiddlewareArgs>,
  onClose: () => void = () => undefined,
): Promise<BenchServer> {
  const logger = createLogger("silent");
  const log = boltLogger(logger);
  const receiver = new HTTPReceiver({ signingSecret: spec.signingSecret, logger: log });
  const app = new App({
    receiver,
    authorize: async () => ({
      botToken: spec.botToken,
      botId: "B0FLOOR001",
      botUserId: "U0FLOOR001",
      teamId: spec.teamId,
    }),
    logger: log,
  });
  app.command("/noterat", onCommand);
  const server = await startHttpServer({
    host: "127.0.0.1",
    port: 0,
    routes: [{ prefix: "/slack/", listener: receiver.requestListener }],
    logger,
  });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      onClose();
    },
  };
}
