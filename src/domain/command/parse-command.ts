import type { ParseContext } from "./command-input.js";
import { matchCommandWord } from "./command-words.js";
import { rejected } from "./parse-outcome.js";
import type { ParseResult } from "./parsed-command.js";
import { hiddenCharacter } from "./text-limits.js";
import { joinWords, tokenize } from "./tokens.js";
import { VERB_PARSERS } from "./verb-parsers.js";

export type { ParseContext } from "./command-input.js";

/** Slack's slash command and a console line may both start with the command's own name. */
const PREFIX = /^\/noterat(?=\s|$)/iu;

/**
 * One line of the command language (architecture.md §3) as a command, or what was wrong with it.
 * Never throws: whatever a user types gets a reply.
 */
export function parseCommand(text: string, context: ParseContext): ParseResult {
  // NFC so that an "ö" typed as o + combining diaeresis (macOS, some phones) still matches `öppna`.
  const source = text.normalize("NFC").trim().replace(PREFIX, "").trim();
  const hidden = hiddenCharacter(source);
  if (hidden) return hidden;
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
