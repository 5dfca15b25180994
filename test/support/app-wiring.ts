/**
 * What `src/main.ts` `serve()` hands every chat surface, for the end-to-end harnesses: the
 * handlers' dependencies on a clock the test moves, a logger, and the fan-out map each
 * surface adds its publisher to.
 */
import { type Logger, pino } from "pino";
import type { Locale, Platform } from "../../src/domain/types.js";
import type { HandlerDeps } from "../../src/handlers/context.js";
import { type ChannelPublisher, fanOutPublisher } from "../../src/handlers/publisher-fan-out.js";
import type { Store } from "../../src/store/store.js";
import { FixedClock } from "./console-harness.js";

export interface AppWiring {
  clock: FixedClock;
  /** Silent unless NOTERAT_TEST_LOG names a level. */
  logger: Logger;
  /** Surfaces add their publishers here; publishing reads the map when it runs. */
  publishers: Partial<Record<Platform, ChannelPublisher>>;
  deps: HandlerDeps;
}

export function wireApp(store: Store, options: { now: string; locale?: Locale }): AppWiring {
  const clock = new FixedClock(options.now);
  const logger = pino({ level: process.env.NOTERAT_TEST_LOG ?? "silent" });
  const publishers: Partial<Record<Platform, ChannelPublisher>> = {};
  const deps: HandlerDeps = {
    store,
    clock,
    defaults: { locale: options.locale ?? "sv", timeZone: "Europe/Stockholm" },
    publisher: fanOutPublisher(publishers),
  };
  return { clock, logger, publishers, deps };
}
