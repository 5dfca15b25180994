// Wiring: configuration → store → handlers → the surfaces the environment asks for.
import { type HttpRoute, startHttpServer } from "./bots/http-server.js";
import { runConsole } from "./bots/local/console-session.js";
import { localNotifier } from "./bots/local/local-notifier.js";
import { localPublisher } from "./bots/local/local-publisher.js";
import { type Config, DEFAULT_EXPORT_DIR, loadConfig } from "./config.js";
import type { Platform } from "./domain/types.js";
import { backfillMinutesSnapshots } from "./handlers/backfill-snapshots.js";
import type { Clock, HandlerDeps } from "./handlers/context.js";
import {
  type ChannelPublisher,
  fanOutPublisher,
  type WebExport,
} from "./handlers/publisher-fan-out.js";
import { createCommandRegistry } from "./handlers/registry.js";
import type { Notifier } from "./handlers/reminder-notice.js";
import { createLogger, type Logger } from "./logger.js";
import { fanOutNotifier } from "./scheduler/notifier-fan-out.js";
import { type ReminderClock, startReminderClock } from "./scheduler/reminder-clock.js";
import { createReminderTick } from "./scheduler/reminder-tick.js";
import { openDatabase } from "./store/database.js";
import { createStore } from "./store/store.js";
import { archiveListener } from "./web/archive-listener.js";
import { exportWebFiles } from "./web/export-files.js";

const systemClock: Clock = { now: () => new Date() };

async function main(): Promise<number> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    for (const problem of loaded.problems)
      process.stderr.write(`Configuration error: ${problem}\n`);
    return 1;
  }
  const { config } = loaded;
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config.databaseUrl);
  // Surfaces add their publishers as they start; publishing reads the map when it runs.
  const publishers: Partial<Record<Platform, ChannelPublisher>> = {};
  const deps: HandlerDeps = {
    store: createStore(database),
    clock: systemClock,
    defaults: { locale: config.locale, timeZone: config.timeZone },
    publisher: fanOutPublisher(publishers, webExport(config.exportDir)),
    ...(config.publicUrl === null ? {} : { publicUrl: config.publicUrl }),
  };
  // The surfaces' reminder notifiers, as they start; the clock starts once they are in.
  const notifiers: Partial<Record<Platform, Notifier>> = {};
  const surfaces: Surfaces = { publishers, notifiers };
  let backfill: Promise<void> = Promise.resolve();
  // What can wait until the surfaces answer, so that it does not hold up being ready.
  const startBackground = (): ReminderClock | null => {
    // After an upgrade thousands of meetings take minutes, and a command that needs one of
    // them makes its snapshot itself.
    backfill = backfillMinutesSnapshots(deps.store).then(
      (meetings) => {
        if (meetings > 0) logger.info({ meetings }, "approved minutes given their snapshot");
      },
      (error: unknown) =>
        logger.error({ err: error }, "giving approved minutes their snapshot failed"),
    );
    return config.reminderSchedule === null
      ? null
      : startReminderClock(
          createReminderTick({
            deps,
            notifier: fanOutNotifier(notifiers),
            platforms: Object.keys(notifiers) as Platform[],
            logger,
            retention: { days: config.reminderRetentionDays },
          }),
          { expression: config.reminderSchedule, clock: deps.clock, logger },
        );
  };
  try {
    if (config.slack || config.teams) await serve(config, deps, surfaces, startBackground, logger);
    else await converse(config, deps, surfaces, startBackground, logger);
    return 0;
  } finally {
    await backfill;
    await database.close();
  }
}

/** Where publishing writes the web files, if anywhere. */
function webExport(directory: string | null): WebExport | undefined {
  return directory === null ? undefined : (publication) => exportWebFiles(directory, publication);
}

/** What each running surface adds: how it publishes minutes and sends reminders. */
interface Surfaces {
  publishers: Partial<Record<Platform, ChannelPublisher>>;
  notifiers: Partial<Record<Platform, Notifier>>;
}

/** The embedded default: a council meeting in the terminal, or from a script on stdin. */
async function converse(
  config: Config,
  deps: HandlerDeps,
  surfaces: Surfaces,
  startBackground: () => ReminderClock | null,
  logger: Logger,
): Promise<void> {
  surfaces.publishers.local = localPublisher(process.stdout);
  surfaces.notifiers.local = localNotifier(process.stdout);
  // With PORT set, the console's councils have their web archive too (architecture.md §13).
  const server = config.portGiven
    ? await startHttpServer({
        host: config.host,
        port: config.port,
        routes: [archiveRoute(config, deps, logger)],
        logger,
      })
    : null;
  if (server) logger.info({ url: server.url }, "the web archive is listening");
  const reminders = startBackground();
  await runConsole({
    input: process.stdin,
    output: process.stdout,
    interactive: process.stdin.isTTY === true,
    deps,
    registry: createCommandRegistry(),
    logger,
    user: config.localUser,
    channel: config.localChannel,
    exportDir: config.exportDir ?? DEFAULT_EXPORT_DIR,
  });
  await reminders?.stop();
  await server?.close();
}

/** The read-only web archive's route (architecture.md §13), beside the surfaces'. */
function archiveRoute(config: Config, deps: HandlerDeps, logger: Logger): HttpRoute {
  return {
    prefix: "/arkiv/",
    listener: archiveListener({
      store: deps.store,
      clock: deps.clock,
      publicUrl: config.publicUrl,
      logger,
    }),
  };
}

/** The chat platforms on one HTTP port, until SIGINT or SIGTERM. */
async function serve(
  config: Config,
  deps: HandlerDeps,
  { publishers, notifiers }: Surfaces,
  startBackground: () => ReminderClock | null,
  logger: Logger,
): Promise<void> {
  const registry = createCommandRegistry();
  const routes: HttpRoute[] = [archiveRoute(config, deps, logger)];
  const stops: Array<() => Promise<void>> = [];
  if (config.slack) {
    // Each platform's SDK is loaded only when it is configured: Bolt and botbuilder are a
    // third of the idle memory, and local mode needs neither.
    const { createSlackSurface } = await import("./bots/slack/slack-surface.js");
    const slack = await createSlackSurface({ config: config.slack, deps, registry, logger });
    publishers.slack = slack.publisher;
    notifiers.slack = slack.notifier;
    if (slack.listener) routes.push({ prefix: "/slack/", listener: slack.listener });
    await slack.start();
    stops.push(slack.stop);
    logger.info({ mode: config.slack.mode }, "Slack surface started");
  }
  if (config.teams) {
    if (!config.teams.authenticated) {
      logger.warn(
        "TEAMS WITHOUT AUTHENTICATION: anyone who can reach /api/messages can act as any Teams user. " +
          "This is for tests against a fake connector only; set MICROSOFT_APP_ID and its password for real use.",
      );
    }
    const { createTeamsSurface } = await import("./bots/teams/teams-surface.js");
    const teams = createTeamsSurface({ config: config.teams, deps, registry, logger });
    publishers.teams = teams.publisher;
    notifiers.teams = teams.notifier;
    routes.push({ prefix: "/api/messages", listener: teams.listener });
    logger.info({ authenticated: config.teams.authenticated }, "Teams surface started");
  }
  const server = await startHttpServer({ host: config.host, port: config.port, routes, logger });
  logger.info({ url: server.url }, "Noterat is listening");
  const reminders = startBackground();
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  logger.info("stopping");
  await reminders?.stop();
  await server.close();
  for (const stop of stops) await stop();
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `Noterat stopped: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
