import type { DateParseContext } from "../dates/parse-date.js";
import type { MentionReader } from "../types.js";
import type { Token } from "./tokens.js";

/** What parsing needs besides the words: the clock and zone for relative dates, and the surface's mention syntax. */
export interface ParseContext extends DateParseContext {
  readMention: MentionReader;
}

/** A recognised command word and what followed it, handed to that verb's argument parser. */
export interface CommandInput {
  /** The command word as the user typed it, quoted back when its arguments are missing. */
  word: string;
  /** The words after the command word. */
  args: Token[];
  /** The whole (trimmed) line that `args` point into. */
  source: string;
  context: ParseContext;
}
