// User text in a TextBlock, which Teams reads as a subset of Markdown (bold, italic, lists,
// links) and, in some clients, more of CommonMark. The backslash escape is the one way to
// make a mark literal in all of them; HTML is never rendered in a card, so `&lt;` would show
// as typed. Some mobile clients have shown escapes as a visible backslash
// (MicrosoftDocs/msteams-docs#5793), so a mark is escaped only where it can mean something:
// emphasis, code, link and mention marks everywhere, list and heading marks at a line start.
//
// Every line break becomes a paragraph break ("\n\n", the break Teams documents for a
// TextBlock). Each line is then a paragraph of its own, so no construct that needs two
// adjacent lines (a table, a setext heading) can form from typed text.

/** Marks that format, link or mention anywhere in a line: `<at>Anna</at>`, `[x](y)`, `**x**`. */
const ANYWHERE = /[\\*_~`[\]<>]/g;
/** `{{DATE(…)}}` and `{{TIME(…)}}` are rewritten by the card renderer: the second brace is escaped. */
const DOUBLE_BRACE = /(?<=\{)\{/g;
/** An entity (`&amp;`, `&#60;`) would show as the character it names. */
const ENTITY_AMPERSAND = /&(?=(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});)/g;
/**
 * A heading ("# ", "## " — not "#12"), a list item ("- ", "+ ", "1. ", "1) ") or a thematic
 * break ("---"); `*` is escaped everywhere already.
 */
const LINE_START = /^(?:#(?=#{0,5}(?:\s|$))|[-+](?=\s|$|-)|\d{1,9}[.)](?=\s|$))/;

/**
 * Text that fills a TextBlock by itself: lines become paragraphs, trimmed (indentation would
 * make a code block), and blank lines, which show nothing, are left out.
 */
export function escapeTeamsText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => escapeLine(line, true))
    .join("\n\n");
}

/**
 * Text that must stay on one line (the words around a link, a link's label): runs of white
 * space become one space, kept at the ends so that fragments can be joined. `atLineStart`:
 * whether it begins the line, where list and heading marks count.
 */
export function escapeTeamsLine(text: string, atLineStart: boolean): string {
  const line = text.replace(/\s+/g, " ");
  return escapeLine(atLineStart ? line.trimStart() : line, atLineStart);
}

function escapeLine(line: string, atLineStart: boolean): string {
  const escaped = line
    .replace(ANYWHERE, "\\$&")
    .replace(DOUBLE_BRACE, "\\{")
    .replace(ENTITY_AMPERSAND, "\\&");
  return atLineStart ? escaped.replace(LINE_START, escapeLastMark) : escaped;
}

/** "-" → "\-", "12." → "12\.": the mark is the last character of the match. */
function escapeLastMark(mark: string): string {
  return `${mark.slice(0, -1)}\\${mark.slice(-1)}`;
}
