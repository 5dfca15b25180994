import { NO_SUCH_DATE } from "../dates/parse-date.js";
import type { LocalDate } from "../types.js";
import type { ParseContext } from "./command-input.js";
import { readDateWords } from "./date-words.js";
import { joinWords, type Token } from "./tokens.js";

const DUE_WORDS = new Set(["senast", "by"]);

export interface DueSuffix {
  /** Where the text before the due date ends: an index into the words. */
  end: number;
  due?: LocalDate;
  /**
   * The words after `senast` when they are a date whose day does not exist ("31 juni"): a
   * mistake to refuse, never text (architecture.md §11). `end` is where the text ends then too.
   */
  noSuchDate?: string;
}

/**
 * `… senast DATUM` / `… by DATE`. Only the last `senast`/`by` can start the due date, and only
 * when everything after it is a date: "ring den som var senast på plats" stays text.
 */
export function splitDue(words: readonly Token[], from: number, context: ParseContext): DueSuffix {
  for (let index = words.length - 1; index >= from; index--) {
    const word = words[index];
    if (word === undefined || !DUE_WORDS.has(word.text.toLowerCase())) continue;
    const due = readDateWords(words, context, index + 1);
    if (due === undefined) return { end: words.length };
    return due === NO_SUCH_DATE
      ? { end: index, noSuchDate: joinWords(words, index + 1) }
      : { end: index, due };
  }
  return { end: words.length };
}
