import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../logger.js";

/** Bolt and the Web API client log through our pino logger, as JSON on stderr like the rest. */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: "slack" });
  const line = (parts: unknown[]) => parts.map((part) => String(part)).join(" ");
  return {
    debug: (...parts: unknown[]) => child.debug(line(parts)),
    info: (...parts: unknown[]) => child.info(line(parts)),
    warn: (...parts: unknown[]) => child.warn(line(parts)),
    error: (...parts: unknown[]) => child.error(line(parts)),
    // The level is pino's, set once from LOG_LEVEL; Bolt's own calls to change it are ignored.
    setLevel: () => undefined,
    getLevel: () => LogLevel.DEBUG,
    setName: () => undefined,
  };
}
