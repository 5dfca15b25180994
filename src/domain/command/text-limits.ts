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

/**
 * Control characters other than tab and line breaks, the bidirectional overrides that can
 * make stored minutes read differently from what they say, and lone UTF-16 surrogates (half
 * a character, which only a broken client sends and no database can store as text). With the
 * `u` flag a surrogate pair is one code point and does not match.
 */
export const HIDDEN_CHARACTER =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/u;

/** `bad-character` naming the first hidden character, as U+XXXX. */
export function hiddenCharacter(text: string, command?: CommandId): Rejection | undefined {
  const hidden = HIDDEN_CHARACTER.exec(text)?.[0];
  if (hidden === undefined) return undefined;
  const code = (hidden.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
  return rejected("bad-character", command, { code: `U+${code}` });
}

/** What a form field must pass that a typed command's text passes in the parser. */
export function checkFieldText(
  text: string,
  limit: number,
  command: CommandId,
): Rejection | undefined {
  return hiddenCharacter(text, command) ?? overLimit(text, limit, command);
}
