import { escapeHtml } from "./escape-html.js";

// The frame every published web page shares: language, charset, viewport, title and its own
// style sheet inline; no script and nothing loaded from elsewhere.

export interface HtmlPage {
  locale: string;
  title: string;
  style: string;
  /** Extra `<meta>` elements, already escaped. */
  meta?: string[];
  /** The page's body elements, already escaped. */
  body: string[];
}

export function renderHtmlPage(page: HtmlPage): string {
  return [
    "<!doctype html>",
    `<html lang="${escapeHtml(page.locale)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...(page.meta ?? []),
    `<title>${htmlText(page.title)}</title>`,
    `<style>${page.style}</style>`,
    "</head>",
    "<body>",
    ...page.body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** Escaped text whose line breaks stay visible. */
export function htmlText(value: string): string {
  return escapeHtml(value).replace(/\r?\n/g, "<br>\n");
}
