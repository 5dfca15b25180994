import { NO_SUCH_DATE, type NoSuchDate, parseDate, parseTime } from "../dates/parse-date.js";
import type { LocalDate, LocalTime } from "../types.js";
import type { CommandInput, ParseContext } from "./command-input.js";
import { missingArgument, type Rejection, rejected } from "./parse-outcome.js";
import type { CommandId } from "./parsed-command.js";
import { joinWords, type Token, withoutTrailing } from "./tokens.js";

/** The longest date people write is about "tisdag den 30 maj 2026". */
const MAX_DATE_WORDS = 5;
export const TIME_MARKERS = new Set(["kl", "kl.", "klockan", "at"]);
/** A time written without `kl` still reads as one when it has minutes: "13:00", "13.00". */
const BARE_TIME = /^\d{1,2}[:.]\d{2}[,;.]?$/u;
/** parseDate reads "den 30 maj" and "on tuesday"; "on May 30" is English too. */
const LEADING_ON = /^on\s+/iu;

export interface DateAndTime {
  ok: true;
  date: LocalDate;
  time?: LocalTime;
  /** The index of the first word after the date and time. */
  next: number;
}

/**
 * The whole text as one date; a leading "on" and a trailing comma are allowed around it.
 * NO_SUCH_DATE only when no way of reading it gives a day that exists.
 */
function readDate(text: string, context: ParseContext): LocalDate | NoSuchDate | undefined {
  let noSuchDate: NoSuchDate | undefined;
  for (const candidate of variants(text)) {
    const withoutOn = candidate.replace(LEADING_ON, "");
    for (const form of withoutOn === candidate ? [candidate] : [candidate, withoutOn]) {
      const date = parseDate(form, context);
      if (date === NO_SUCH_DATE) noSuchDate = date;
      else if (date !== undefined) return date;
    }
  }
  return noSuchDate;
}

/**
 * `words[from…to)` as one date (NO_SUCH_DATE for "31 juni"), or undefined when they are no
 * date or too many words to be one.
 */
export function readDateWords(
  words: readonly Token[],
  context: ParseContext,
  from = 0,
  to = words.length,
): LocalDate | NoSuchDate | undefined {
  const count = to - from;
  if (count < 1 || count > MAX_DATE_WORDS) return undefined;
  return readDate(joinWords(words, from, to), context);
}

/** `words[from…to)` as the date `command` needs, or why not: `no-such-date` or `bad-date`. */
export function readDateArgument(
  words: readonly Token[],
  context: ParseContext,
  command: CommandId,
  from = 0,
  to = words.length,
): { ok: true; date: LocalDate } | Rejection {
  const date = readDateWords(words, context, from, to);
  const word = joinWords(words, from, to);
  if (date === undefined) return rejected("bad-date", command, { word });
  return date === NO_SUCH_DATE ? rejected("no-such-date", command, { word }) : { ok: true, date };
}

/**
 * `DATUM [kl HH:MM]` at `input.args[from]`: the date is the longest run of words (stopping at
 * `kl`/`at`) that reads as one, so that what follows can be a place.
 */
export function readDateAndTime(
  input: CommandInput,
  from: number,
  command: CommandId,
): DateAndTime | Rejection {
  const words = input.args;
  const marker = words.findIndex((word, index) => index >= from && isTimeMarker(word));
  const longest = Math.min(marker === -1 ? words.length : marker, from + MAX_DATE_WORDS);
  if (longest <= from) return missingArgument(input, command);
  for (let to = longest; to > from; to--) {
    const text = joinWords(words, from, to);
    const date = readDate(text, input.context);
    if (date === undefined) continue;
    if (date === NO_SUCH_DATE) return rejected("no-such-date", command, { word: text });
    // "tisdag 27 maj" when the 27th is no Tuesday: "tisdag" alone reads as a date, but the words
    // after it are another one. Guessing which was meant would schedule the wrong day.
    if (startsWithDate(words, to, longest, input.context)) break;
    const time = readTime(words, to, command);
    return time.ok ? { ...time, date } : time;
  }
  return rejected("bad-date", command, { word: joinWords(words, from, longest) });
}

function startsWithDate(
  words: readonly Token[],
  at: number,
  end: number,
  context: ParseContext,
): boolean {
  for (let to = at + 1; to <= end; to++) {
    if (readDate(joinWords(words, at, to), context) !== undefined) return true;
  }
  return false;
}

type TimeRead = { ok: true; time?: LocalTime; next: number } | Rejection;

/** An optional `kl HH:MM` (or a bare `13:00`) at `words[at]`. */
function readTime(words: readonly Token[], at: number, command: CommandId): TimeRead {
  const first = words[at];
  if (first === undefined) return { ok: true, next: at };
  if (isTimeMarker(first)) {
    // "at 1 pm" is two words, "kl 13" one; the longer reading wins.
    for (const count of [2, 1]) {
      if (at + 1 + count > words.length) continue;
      const time = readTimeText(joinWords(words, at + 1, at + 1 + count));
      if (time !== undefined) return { ok: true, time, next: at + 1 + count };
    }
    const after = words[at + 1]?.text;
    // English puts places after "at" too: "meeting May 30 at City Hall".
    if (first.text.toLowerCase() === "at" && after !== undefined && !/^\d/u.test(after)) {
      return { ok: true, next: at + 1 };
    }
    return rejected("bad-time", command, { word: after ?? first.text });
  }
  if (!BARE_TIME.test(first.text)) return { ok: true, next: at };
  const time = readTimeText(first.text);
  return time === undefined
    ? rejected("bad-time", command, { word: first.text })
    : { ok: true, time, next: at + 1 };
}

function readTimeText(text: string): LocalTime | undefined {
  for (const candidate of variants(text)) {
    const time = parseTime(candidate);
    if (time !== undefined) return time;
  }
  return undefined;
}

function isTimeMarker(word: Token): boolean {
  return TIME_MARKERS.has(word.text.toLowerCase());
}

/** The text as typed, then without the comma or full stop a sentence may leave on it. */
function variants(text: string): string[] {
  const trimmed = withoutTrailing(text, ",;.");
  return trimmed === text || trimmed === "" ? [text] : [text, trimmed];
}
