import type { ParseContext } from "../../../src/domain/command/parse-command.js";
import type { MentionReader } from "../../../src/domain/types.js";

/** Wednesday 20 May 2026, noon in Stockholm: every relative date in the tests counts from here. */
export const NOW = new Date("2026-05-20T10:00:00Z");
export const TIME_ZONE = "Europe/Stockholm";

const LOCAL_MENTION = /^@([\p{L}\p{N}._-]+)$/u;
const SLACK_MENTION = /^<@([A-Z0-9]+)(?:\|([^<>]+))?>$/u;

/** The console's syntax: `@anna`, whose id is the lower-cased name. */
export const readLocal: MentionReader = (token) => {
  const name = LOCAL_MENTION.exec(token)?.[1];
  return name === undefined ? undefined : { externalId: name.toLowerCase(), displayName: name };
};

/** Slack's escaped syntax: `<@U123ABC|anna>` or `<@U123ABC>`. */
export const readSlack: MentionReader = (token) => {
  const match = SLACK_MENTION.exec(token);
  const id = match?.[1];
  if (id === undefined) return undefined;
  const name = match?.[2];
  return name === undefined ? { externalId: id } : { externalId: id, displayName: name };
};

export const localContext: ParseContext = { now: NOW, timeZone: TIME_ZONE, readMention: readLocal };
export const slackContext: ParseContext = { now: NOW, timeZone: TIME_ZONE, readMention: readSlack };

export const anna = { externalId: "anna", displayName: "anna" };
export const per = { externalId: "per", displayName: "Per" };
