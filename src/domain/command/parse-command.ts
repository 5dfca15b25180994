import type { ParseContext } from "./command-input.js";
import { matchCommandWord } from "./command-words.js";
import { rejected } from "./parse-outcome.js";
import type { ParseResult } from "./parsed-command.js";
import { joinWords, tokenize } from "./tokens.js";
import { VERB_PARSERS } from "./verb-parsers.js";

export type { ParseContext } from "./command-input.js";

/** Slack's slash command and a console line may both start with the command's own name. */
const PREFIX = /^\/noterat(?=\s|$)/iu;
/**
 * Control characters other than tab and line breaks, and the bidirectional overrides that can
 * make stored minutes read differently from what they say.
 */
const HIDDEN_CHARACTER =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/u;

/**
 * One line of the command language (DESIGN.md §3) as a command, or what was wrong with it.
 * Never throws: whatever a user types gets a reply.
 */
export function parseCommand(text: string, context: ParseContext): ParseResult {
  // NFC so that an "ö" typed as o + combining diaeresis (macOS, some phones) still matches `öppna`.
  const source = text.normalize("NFC").trim().replace(PREFIX, "").trim();
  const hidden = HIDDEN_CHARACTER.exec(source)?.[0];
  if (hidden !== undefined) {
    const code = hidden.codePointAt(0) ?? 0;
    return rejected("bad-character", undefined, {
      code: `U+${code.toString(16).toUpperCase().padStart(4, "0")}`,
    });
  }
  const tokens = tokenize(source);
  const [first] = tokens;
  if (first === undefined) return rejected("empty");
  const match = matchCommandWord(tokens);
  if (match === undefined) return rejected("unknown-command", undefined, { word: first.text });
  return VERB_PARSERS[match.verb]({
    word: joinWords(tokens, 0, match.length),
    args: tokens.slice(match.length),
    source,
    context,
  });
}
