import type { RequestListener } from "node:http";
import type { TeamsConfig } from "../../config.js";
import { createTranslator } from "../../domain/i18n/translator.js";
import type { CommandRegistry } from "../../handlers/command-registry.js";
import type { HandlerDeps } from "../../handlers/context.js";
import type { ChannelPublisher } from "../../handlers/publisher-fan-out.js";
import type { Notifier } from "../../handlers/reminder-notice.js";
import type { Logger } from "../../logger.js";
import { PartialDeliveries } from "../partial-deliveries.js";
import { createCloudAdapter } from "./teams-adapter.js";
import { botRequest, botResponse } from "./teams-http.js";
import { teamsNotifier } from "./teams-notifier.js";
import { teamsPublisher } from "./teams-publisher.js";
import { teamsTurn } from "./teams-turn.js";

export interface TeamsSurface {
  /** The HTTP entry for `/api/messages`. */
  listener: RequestListener;
  publisher: ChannelPublisher;
  /** Sends reminders proactively, to channels and to people's personal chats. */
  notifier: Notifier;
}

/**
 * The Teams bot (architecture.md §7) on botbuilder's CloudAdapter: it verifies the Bot Framework
 * token on every request when an app id is configured (401 otherwise), and answers through
 * the connector at the activity's serviceUrl.
 */
export function createTeamsSurface(options: {
  config: TeamsConfig;
  deps: HandlerDeps;
  registry: CommandRegistry;
  logger: Logger;
}): TeamsSurface {
  const { config, deps, registry } = options;
  const logger = options.logger.child({ component: "teams" });
  const adapter = createCloudAdapter(config);
  const appId = config.authenticated ? config.appId : "";
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error }, "Teams turn failed");
    const text = createTranslator(deps.defaults.locale).t("reply.internal-error");
    await context.sendActivity(text).catch(() => undefined);
  };
  const turn = teamsTurn({
    adapter,
    appId,
    tenants: config.tenants,
    storedReferences: new Map(),
    deps,
    registry,
    logger,
  });
  return {
    listener: (request, response) => {
      void (async () => {
        const parsed = request.method === "POST" ? await botRequest(request) : undefined;
        if (!parsed) {
          response.writeHead(request.method === "POST" ? 400 : 405).end();
          return;
        }
        await adapter.process(parsed, botResponse(response), turn);
      })().catch((error: unknown) => {
        logger.error({ err: error }, "Teams request failed");
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
    },
    publisher: teamsPublisher(adapter, appId, deps.store, logger),
    notifier: teamsNotifier(
      adapter,
      appId,
      deps.store,
      new PartialDeliveries(deps.store.partialDeliveries, deps.clock),
      logger,
    ),
  };
}
