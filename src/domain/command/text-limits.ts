import { type Rejection, rejected } from "./parse-outcome.js";
import type { CommandId } from "./parsed-command.js";

/** A heading, a council's name, a place: one line in a list or a post title. */
export const HEADING_LIMIT = 200;
/** An item's text, an action, a lede: room for a long paragraph, not a pasted document. */
export const TEXT_LIMIT = 4000;
/** Search words. */
export const QUERY_LIMIT = 200;
/** A documents link: long query strings happen, pages of text do not. */
export const URL_LIMIT = 2000;

/** `too-long` when `text` has more than `limit` characters (code points, as people count them). */
export function overLimit(text: string, limit: number, command: CommandId): Rejection | undefined {
  const length = Array.from(text).length;
  return length > limit ? rejected("too-long", command, { limit, length }) : undefined;
}
