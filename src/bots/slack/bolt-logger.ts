import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../logger.js";

type Level = "debug" | "info" | "warn" | "error";

/**
 * Bolt and the Web API client log through our pino logger, as JSON on stderr like the rest,
 * and by the same rules (src/logger.ts). Their lines are a fixed sentence with details
 * pasted in after a colon or a parenthesis — a request or response body, an error's message,
 * a URL — so only the sentence before those is kept; an error among the parts goes through
 * the error serializer, and any other part (a second message, a body) is left out.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: "slack" });
  const write =
    (level: Level) =>
    (...parts: unknown[]) => {
      const [first] = parts;
      const sentence = typeof first === "string" ? fixedPart(first) : "";
      const err = parts.find((part) => part instanceof Error);
      child[level](err === undefined ? {} : { err }, sentence || "Slack SDK (details left out)");
    };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    // The level is pino's, set once from LOG_LEVEL; Bolt's own calls to change it are ignored.
    setLevel: () => undefined,
    getLevel: () => LogLevel.DEBUG,
    setName: () => undefined,
  };
}

/** "http request body: {…}" → "http request body"; "ack() response sent (body: …)" → "ack() response sent". */
function fixedPart(line: string): string {
  return line.split(/:|\s\(|[{[]/, 1)[0]?.trim() ?? "";
}
