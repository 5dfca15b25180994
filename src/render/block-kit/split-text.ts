import { escapedUnitLength, escapeSlackText } from "./slack-escape.js";

// Slack's limits count escaped text, but pieces are cut from the raw text: so an entity
// (`&amp;`) is never cut in two, and every piece can be escaped on its own.

/** Where a piece may end, best first: after a blank line, a sentence, any whitespace. */
const BREAKS: readonly RegExp[] = [/\n[^\S\n]*\n\s*/g, /[.!?…]["'”’»)\]]*\s+/g, /\s+/g];

const ELLIPSIS = "…";

/**
 * The end of the next piece of `text` from `start` whose escaped length is at most `budget`:
 * the whole rest when it fits; else after the last blank line, sentence end or whitespace in
 * the second half of what fits (so that a piece is never a stray word); else as much as
 * fits, never inside a surrogate pair. `start` when not even one character fits.
 */
export function pieceEnd(text: string, start: number, budget: number): number {
  const hard = fittingEnd(text, start, budget);
  if (hard === text.length || hard === start) return hard;
  const window = text.slice(start, hard);
  const half = Math.floor(window.length / 2);
  for (const pattern of BREAKS) {
    const end = lastMatchEnd(window, pattern);
    if (end > half) return start + end;
  }
  return hard;
}

/** `text` in pieces whose escaped length is at most `limit`; joined they are `text` again. */
export function splitText(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    const end = pieceEnd(text, start, limit);
    if (end === start) throw new RangeError(`A limit of ${limit} holds no character`);
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

/**
 * `text` escaped; when that is longer than `limit`, its beginning cut at a word boundary
 * with "…". Only for previews (a message's notification text) and labels, never for content.
 */
export function escapeWithin(text: string, limit: number): string {
  const escaped = escapeSlackText(text);
  if (escaped.length <= limit) return escaped;
  const hard = fittingEnd(text, 0, limit - ELLIPSIS.length);
  const atWord = /\s/.test(text.charAt(hard)) ? hard : lastWhitespace(text, hard);
  const kept = text.slice(0, atWord > 0 ? atWord : hard).trimEnd();
  return `${escapeSlackText(kept === "" ? text.slice(0, hard) : kept)}${ELLIPSIS}`;
}

/** The furthest end from `start` whose escaped length fits `budget`. */
function fittingEnd(text: string, start: number, budget: number): number {
  let used = 0;
  let end = start;
  while (end < text.length) {
    const step = isSurrogatePairAt(text, end) ? 2 : 1;
    const cost = step === 2 ? 2 : escapedUnitLength(text.charAt(end));
    if (used + cost > budget) break;
    used += cost;
    end += step;
  }
  return end;
}

function isSurrogatePairAt(text: string, index: number): boolean {
  const high = text.charCodeAt(index);
  const low = text.charCodeAt(index + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

function lastMatchEnd(window: string, pattern: RegExp): number {
  let end = 0;
  for (const match of window.matchAll(pattern)) end = match.index + match[0].length;
  return end;
}

function lastWhitespace(text: string, before: number): number {
  for (let index = before - 1; index > 0; index--) {
    if (/\s/.test(text.charAt(index))) return index;
  }
  return 0;
}
