import type { RequestListener } from "node:http";
import { App, type Authorize, ErrorCode, HTTPReceiver, SocketModeReceiver } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import type { SlackConfig } from "../../config.js";
import type { CommandRegistry } from "../../handlers/command-registry.js";
import type { HandlerDeps } from "../../handlers/context.js";
import type { ChannelPublisher } from "../../handlers/publisher-fan-out.js";
import type { Notifier } from "../../handlers/reminder-notice.js";
import type { Logger } from "../../logger.js";
import { PartialDeliveries } from "../partial-deliveries.js";
import { boltLogger } from "./bolt-logger.js";
import { listenToButtons } from "./button-listener.js";
import { listenToForms } from "./form-listeners.js";
import { listenToHomeTab } from "./home-tab.js";
import { listenToUninstall } from "./install-events.js";
import { refuseOrgWideInstalls } from "./org-wide-install.js";
import { SLACK_CALL_TIMEOUT_MS, SLACK_RETRIES, SlackClients } from "./slack-clients.js";
import { slackInstallationStore } from "./slack-installation-store.js";
import { SLACK_NOTIFIER_OPTIONS, slackNotifier } from "./slack-notifier.js";
import { SlackPeople } from "./slack-people.js";
import { slackPublisher } from "./slack-publisher.js";
import { listenToSlashCommand } from "./slash-command-listener.js";

/** The bot scopes Noterat asks for when a workspace installs it (slack/manifest.yml too). */
export const SLACK_SCOPES = ["chat:write", "commands", "users:read", "files:write", "im:write"];

export interface SlackSurface {
  /** The HTTP entry for `/slack/…` (events, interactivity, OAuth); absent in Socket Mode. */
  listener?: RequestListener;
  publisher: ChannelPublisher;
  /** Sends reminders: one attempt each, the outbox retries. */
  notifier: Notifier;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The Slack app (architecture.md §7): HTTP on the shared port or Socket Mode, one workspace by bot
 * token or many by OAuth with installations in the database. A request from a workspace that
 * has not installed Noterat fails authorization and is refused with 401 before any listener.
 */
export async function createSlackSurface(options: {
  config: SlackConfig;
  deps: HandlerDeps;
  registry: CommandRegistry;
  logger: Logger;
  /** Tests shorten the Web API's retries; production uses SLACK_RETRIES. */
  retryConfig?: typeof SLACK_RETRIES;
}): Promise<SlackSurface> {
  const { config, deps, registry, logger } = options;
  const log = boltLogger(logger);
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: options.retryConfig ?? SLACK_RETRIES,
    // A call that never answers must fail (and be retried), not hold a command forever.
    timeout: SLACK_CALL_TIMEOUT_MS,
    logger: log,
  };
  let receiver: HTTPReceiver | SocketModeReceiver;
  let authorize: Authorize<boolean> | undefined;
  let clients: SlackClients;
  let fixed: { teamId: string; botToken: string } | undefined;

  if (config.mode === "oauth") {
    receiver = new HTTPReceiver({
      signingSecret: config.signingSecret,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      stateSecret: config.stateSecret,
      scopes: SLACK_SCOPES,
      installationStore: slackInstallationStore(deps.store),
      installerOptions: {
        clientOptions,
        directInstall: true,
        callbackOptions: refuseOrgWideInstalls({
          locale: deps.defaults.locale,
          clientOptions,
          logger,
        }),
      },
      logger: log,
    });
    clients = new SlackClients(deps.store, clientOptions);
  } else {
    // One workspace: learn whose token it is once, then refuse every other workspace.
    const auth = await new WebClient(config.botToken, clientOptions).auth.test();
    const team = { teamId: auth.team_id ?? "", botToken: config.botToken };
    authorize = async ({ teamId }) => {
      if (teamId !== team.teamId)
        throw new Error(`workspace ${teamId ?? "?"} has not installed Noterat`);
      return {
        botToken: config.botToken,
        botId: auth.bot_id ?? "",
        botUserId: auth.user_id ?? "",
        teamId: team.teamId,
      };
    };
    receiver =
      config.mode === "socket"
        ? new SocketModeReceiver({ appToken: config.appToken, logger: log })
        : new HTTPReceiver({ signingSecret: config.signingSecret, logger: log });
    clients = new SlackClients(deps.store, clientOptions, team);
    fixed = team;
  }
  // Reminders get clients of their own: a 429 must come back to the outbox at once, not
  // pause the clients that answer people's commands.
  const reminderClients = new SlackClients(
    deps.store,
    { ...clientOptions, ...SLACK_NOTIFIER_OPTIONS },
    fixed,
  );

  const app = new App({
    receiver,
    ...(authorize ? { authorize } : {}),
    clientOptions,
    logger: log,
  });
  // Who typed a command or pressed a button is named as the store knows them, at once.
  const people = new SlackPeople(
    (workspaceId, externalId) =>
      deps.store.people.storedName({ platform: "slack", workspaceId, externalId }),
    (workspaceId, externalId, name) =>
      deps.store.people.rename({ platform: "slack", workspaceId, externalId }, name),
  );
  const surface = { deps, registry, people, logger };
  listenToSlashCommand(app, surface);
  listenToButtons(app, surface);
  listenToForms(app, surface);
  listenToHomeTab(app, surface);
  listenToUninstall(app, surface);
  app.error(async (error) => {
    // Rethrown, an authorization failure reaches the receiver, which answers 401.
    if (error.code === ErrorCode.AuthorizationError) throw error;
    logger.error({ err: error }, "Slack listener failed");
  });

  return {
    ...(receiver instanceof HTTPReceiver ? { listener: receiver.requestListener } : {}),
    publisher: slackPublisher(clients, deps.store, logger),
    notifier: slackNotifier(
      reminderClients,
      new PartialDeliveries(deps.store.partialDeliveries, deps.clock),
      logger,
    ),
    start: async () => {
      if (receiver instanceof SocketModeReceiver) await receiver.start();
    },
    stop: async () => {
      if (receiver instanceof SocketModeReceiver) await receiver.stop();
    },
  };
}
