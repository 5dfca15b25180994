import type { TextBlock, TextStyle } from "./adaptive-card-types.js";
import { jsonBytes } from "./card-size.js";
import { escapeTeamsText } from "./teams-escape.js";

// TextBlocks of user text, and the pieces a text too long for the room left in a card is
// split into: measured as the bytes of the escaped, serialised block, so that a piece always
// fits; cut at a line, sentence or word break when there is one, never inside a character.

export function textBlock(text: string, style: TextStyle = {}): TextBlock {
  return { type: "TextBlock", text: escapeTeamsText(text), wrap: true, ...style };
}

/** Where a piece may end, best first: after a line break, a sentence, any white space. */
const BREAKS: readonly RegExp[] = [/\n\s*/g, /[.!?…]["'”’»)\]]*\s+/g, /\s+/g];

/**
 * The end of the next piece of `text` from `start` whose TextBlock takes at most `budget`
 * bytes: the whole rest when it fits; else after the last break in the second half of what
 * fits, so that a piece is never a stray word; else as much as fits. `start` when not one
 * character fits.
 */
export function textPieceEnd(
  text: string,
  start: number,
  budget: number,
  style: TextStyle,
): number {
  const fits = (end: number) => jsonBytes(textBlock(text.slice(start, end), style)) <= budget;
  if (fits(text.length)) return text.length;
  const hard = longestFit(text, start, fits);
  if (hard === start) return start;
  const window = text.slice(start, hard);
  for (const pattern of BREAKS) {
    const end = lastMatchEnd(window, pattern);
    // Escapes are contextual ("1." escaped only at a line start), hence the check.
    if (end > window.length / 2 && fits(start + end)) return start + end;
  }
  return hard;
}

/** Binary search: the escaped size grows with the piece, give or take a contextual escape. */
function longestFit(text: string, start: number, fits: (end: number) => boolean): number {
  let low = start;
  let high = text.length;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle;
  }
  let end = low;
  while (end > start && (splitsSurrogatePair(text, end) || !fits(end))) end--;
  return end;
}

function splitsSurrogatePair(text: string, index: number): boolean {
  const high = text.charCodeAt(index - 1);
  const low = text.charCodeAt(index);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

function lastMatchEnd(window: string, pattern: RegExp): number {
  let end = 0;
  for (const match of window.matchAll(pattern)) end = match.index + match[0].length;
  return end;
}
