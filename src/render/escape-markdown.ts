// User text in CommonMark (and GitHub's extensions) that stays text: no heading, list, quote,
// code, emphasis, link, image, table, autolink or HTML can start from it. Escaping every
// punctuation mark would litter a published post with "\." and "\-", so a mark is escaped
// everywhere when it means something anywhere in a line, and only at the start of a line
// when that is the only place it means something ("- ", "1. ", "=").

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
/** Entities for `& < >`, so that no HTML passes even a renderer that ignores backslashes. */
const ANYWHERE = /[&<>\\`*_~[\]|#{}$^@]/g;
/** List items, setext underlines and thematic breaks start with these. */
const LINE_START_MARK = /^( ?)([-+=])/;
/** "1." or "1)" opens an ordered list. */
const LINE_START_ORDINAL = /^( ?\d{1,9})([.)])/;
/** What GitHub turns into links without brackets: "www.x.se", "https://x.se". */
const WWW_DOT = /(www)\./gi;
const SCHEME_COLON = /:(?=\/\/)/g;

/**
 * Text that must stay on one line (a heading, a link, the words around a link): runs of
 * white space become one space, kept at the ends so that fragments can be joined.
 */
export function escapeMarkdownLine(text: string): string {
  return escapeLine(text.replace(/\s+/g, " "));
}

/** Text whose line breaks are kept as hard breaks inside one paragraph or list item. */
export function escapeMarkdown(text: string): string {
  return (
    text
      .split("\n")
      // Trimmed, since four leading spaces would make an indented code block.
      .map((line) => escapeLine(line.trim()))
      .filter((line) => line !== "")
      .join("\\\n")
  );
}

function escapeLine(line: string): string {
  return line
    .replace(ANYWHERE, (char) => ENTITIES[char] ?? `\\${char}`)
    .replace(WWW_DOT, "$1\\.")
    .replace(SCHEME_COLON, "\\:")
    .replace(LINE_START_MARK, "$1\\$2")
    .replace(LINE_START_ORDINAL, "$1\\$2");
}
