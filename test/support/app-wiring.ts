/**
 * What `src/main.ts` `serve()` hands every chat surface, for the end-to-end harnesses: the
 * handlers' dependencies on a clock the test moves, a logger, and the fan-out map each
 * surface adds its publisher to; with `exportDir` and `publicUrl`, the web side as well.
 */
import { type Logger, pino } from "pino";
import type { Locale, Platform } from "../../src/domain/types.js";
import type { HandlerDeps } from "../../src/handlers/context.js";
import { type ChannelPublisher, fanOutPublisher } from "../../src/handlers/publisher-fan-out.js";
import type { Store } from "../../src/store/store.js";
import { exportWebFiles } from "../../src/web/export-files.js";
import { FixedClock } from "./console-harness.js";

export interface AppWiring {
  clock: FixedClock;
  /** Silent unless NOTERAT_TEST_LOG names a level. */
  logger: Logger;
  /** Surfaces add their publishers here; publishing reads the map when it runs. */
  publishers: Partial<Record<Platform, ChannelPublisher>>;
  deps: HandlerDeps;
}

/** The web side of the wiring, as NOTERAT_EXPORT_DIR and NOTERAT_PUBLIC_URL give it. */
export interface WebWiring {
  /** Publishing writes the post's web files here (none: nothing is written). */
  exportDir?: string;
  /** The archive's public base address, without a trailing slash: replies link it. */
  publicUrl?: string;
}

/** The fan-out map behind each wired app's deps, so that the web side can be added later. */
const publishersOf = new WeakMap<HandlerDeps, Partial<Record<Platform, ChannelPublisher>>>();

export function wireApp(
  store: Store,
  options: { now: string; locale?: Locale } & WebWiring,
): AppWiring {
  const clock = new FixedClock(options.now);
  const logger = pino({ level: process.env.NOTERAT_TEST_LOG ?? "silent" });
  const publishers: Partial<Record<Platform, ChannelPublisher>> = {};
  const deps: HandlerDeps = {
    store,
    clock,
    defaults: { locale: options.locale ?? "sv", timeZone: "Europe/Stockholm" },
    publisher: fanOutPublisher(publishers),
  };
  publishersOf.set(deps, publishers);
  wireWeb(deps, options);
  return { clock, logger, publishers, deps };
}

/**
 * Gives a wired app its web side as main.ts does: publishing also writes the web files to
 * `exportDir`, replies link `publicUrl`. Harnesses expose their deps, which the surfaces read
 * at every command, so a test may call this on a running app.
 */
export function wireWeb(deps: HandlerDeps, { exportDir, publicUrl }: WebWiring): void {
  const publishers = publishersOf.get(deps);
  if (publishers === undefined) throw new Error("wireWeb: these deps were not made by wireApp");
  deps.publisher = fanOutPublisher(
    publishers,
    exportDir === undefined ? undefined : (publication) => exportWebFiles(exportDir, publication),
  );
  if (publicUrl !== undefined) deps.publicUrl = publicUrl;
}
