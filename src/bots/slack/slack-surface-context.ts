import type { CommandRegistry } from "../../handlers/command-registry.js";
import type { HandlerDeps } from "../../handlers/context.js";
import type { Logger } from "../../logger.js";
import type { SlackPeople } from "./slack-people.js";

/** What every Slack listener works with. */
export interface SlackSurfaceContext {
  deps: HandlerDeps;
  registry: CommandRegistry;
  people: SlackPeople;
  logger: Logger;
}

/** Slack wants an answer within 3 s; the rest of a slower command follows via `respond()`. */
export const ACK_DEADLINE_MS = 2_500;

export const SLASH_COMMAND = "/noterat";
