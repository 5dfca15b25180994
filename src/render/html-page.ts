import { escapeHtml } from "./escape-html.js";

// The frame every published web page shares (architecture.md §13): language, charset, viewport, title,
// exactly one <main>, and the style sheet inline, with the rules that keep the pages WCAG 2.1 AA
// (contrast, visible focus, reflow at 320 px, print). No script and nothing loaded from
// elsewhere, so that a Content-Security-Policy without scripts serves them.

export interface HtmlPage {
  locale: string;
  title: string;
  /** The page's own style rules: after (and so over) the shared ones, before the print ones. */
  style: string;
  /** Extra `<head>` elements (`<meta>`, `<link>`), already escaped. */
  head?: string[];
  /** What the page's one `<main>` holds, already escaped. */
  main: string[];
}

// Contrast on white: text #1d1d1f 16.8:1, muted #595959 7:1, links #0b57d0 6.3:1; the focus
// ring is the link colour (≥ 3:1 against the page). Long words and addresses wrap anywhere
// rather than push the page sideways; large headings are hyphenated where the browser can.
const SHARED_STYLE = `
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; padding: 2rem 1rem; background: #fff; color: #1d1d1f; font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; overflow-wrap: anywhere; }
main { max-width: 42rem; margin: 0 auto; }
h1, h2, h3 { line-height: 1.3; hyphens: auto; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 0.25rem; }
@media (max-width: 30rem) { h1 { font-size: 1.5rem; } }
a { color: #0b57d0; text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
a:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; border-radius: 2px; }
`;

// After the page's own rules, so that paper always gets the full width and plain links.
const PRINT_STYLE = `
@media print {
  body { padding: 0; font-size: 11pt; color: #000; }
  main { max-width: none; }
  a { color: inherit; }
  h1, h2, h3 { break-after: avoid; }
  p, li, tr { break-inside: avoid; }
}
`;

export function renderHtmlPage(page: HtmlPage): string {
  return [
    "<!doctype html>",
    `<html lang="${escapeHtml(page.locale)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...(page.head ?? []),
    `<title>${htmlText(page.title)}</title>`,
    `<style>${SHARED_STYLE}${page.style}${PRINT_STYLE}</style>`,
    "</head>",
    "<body>",
    "<main>",
    ...page.main,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** Escaped text whose line breaks stay visible. */
export function htmlText(value: string): string {
  return escapeHtml(value).replace(/\r?\n/g, "<br>\n");
}

/** A `<time>` whose text is shown as given and whose `datetime` is machine-readable ISO 8601. */
export function htmlTime(text: string, datetime: string): string {
  return `<time datetime="${escapeHtml(datetime)}">${htmlText(text)}</time>`;
}
