/** One word of a command line, with where it sits so that free text can be cut out as typed. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/**
 * Whitespace separates words, except inside Slack's `<@U123|Anna Berg>` and
 * `<https://rvn.se|Handlingar 2026>`: a label may hold spaces, and splitting it would turn a
 * mention or a link into noise.
 */
const WORD = /<(?:[@#!]|https?:\/\/)[^<>\n]*>\S*|\S+/giu;

export function tokenize(source: string): Token[] {
  return Array.from(source.matchAll(WORD), (match) => ({
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** The words from `from` up to (not including) `to`, joined by single spaces. */
export function joinWords(tokens: readonly Token[], from = 0, to = tokens.length): string {
  return tokens
    .slice(from, to)
    .map((token) => token.text)
    .join(" ");
}

/**
 * The text of `tokens[from…to)` exactly as typed, newlines kept; only line endings are made
 * uniform. Empty when the range is.
 */
export function typedText(
  source: string,
  tokens: readonly Token[],
  from = 0,
  to = tokens.length,
): string {
  const first = tokens[from];
  const last = tokens[to - 1];
  if (first === undefined || last === undefined || to <= from) return "";
  return source.slice(first.start, last.end).replace(/\r\n?/g, "\n");
}

/** Runs of whitespace, newlines included, as one space: for names, headings and places. */
export function foldSpace(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/**
 * `word` without the punctuation a sentence leaves after it ("30 maj," "@anna,"). A loop, not
 * `/[,.]+$/`: that regex is quadratic on a long run of commas that does not end the word.
 */
export function withoutTrailing(word: string, characters: string): string {
  let end = word.length;
  while (end > 0 && characters.includes(word.charAt(end - 1))) end--;
  return word.slice(0, end);
}
