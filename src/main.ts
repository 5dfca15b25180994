// Wiring: configuration → store → handlers → the surface the environment asks for.
import { runConsole } from "./bots/local/console-session.js";
import { localPublisher } from "./bots/local/local-publisher.js";
import { loadConfig } from "./config.js";
import type { Clock } from "./handlers/context.js";
import { fanOutPublisher } from "./handlers/publisher-fan-out.js";
import { createCommandRegistry } from "./handlers/registry.js";
import { createLogger } from "./logger.js";
import { openDatabase } from "./store/database.js";
import { createStore } from "./store/store.js";

const systemClock: Clock = { now: () => new Date() };

async function main(): Promise<number> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    for (const problem of loaded.problems)
      process.stderr.write(`Configuration error: ${problem}\n`);
    return 1;
  }
  const { config } = loaded;
  const logger = createLogger(config.LOG_LEVEL);
  const database = await openDatabase(config.DATABASE_URL);
  try {
    await runConsole({
      input: process.stdin,
      output: process.stdout,
      interactive: process.stdin.isTTY === true,
      deps: {
        store: createStore(database),
        clock: systemClock,
        defaults: { locale: config.NOTERAT_LOCALE, timeZone: config.NOTERAT_TIME_ZONE },
        publisher: fanOutPublisher({
          local: localPublisher(process.stdout, config.NOTERAT_EXPORT_DIR, logger),
        }),
      },
      registry: createCommandRegistry(),
      logger,
      user: config.LOCAL_USER,
      channel: config.LOCAL_CHANNEL,
    });
    return 0;
  } finally {
    await database.close();
  }
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
