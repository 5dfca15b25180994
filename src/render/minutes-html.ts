import type {
  MinutesAction,
  MinutesClosing,
  MinutesDocument,
  MinutesSection,
} from "../domain/minutes/document.js";
import { checksumLine } from "./checksum-line.js";
import { escapeHtml } from "./escape-html.js";
import { webHref } from "./web-link.js";

// The post as a complete web page for the region's site: every string escaped, links only to
// http(s) addresses, no script and nothing loaded from elsewhere.

const STYLE = `
body { margin: 0; padding: 2rem 1rem; background: #fff; color: #1d1d1f; }
article { max-width: 42rem; margin: 0 auto; font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 0.25rem; }
h2 { font-size: 1.25rem; line-height: 1.3; margin: 2rem 0 0.5rem; }
.stamp { color: #595959; font-size: 0.9375rem; margin: 0 0 1.5rem; }
.lede { font-size: 1.1875rem; font-weight: 600; }
.actions { padding-left: 1.25rem; }
.checksum { margin-top: 3rem; color: #595959; font-size: 0.8125rem; overflow-wrap: anywhere; }
a { color: #0b57d0; }
`;

export function renderMinutesHtml(doc: MinutesDocument): string {
  const body = [
    `<h1>${text(doc.title)}</h1>`,
    ...(doc.stamp ? [`<p class="stamp"><time>${text(doc.stamp)}</time></p>`] : []),
    ...(doc.corrected ? [`<p class="stamp corrected">${text(doc.corrected)}</p>`] : []),
    `<p class="lede">${text(doc.lede)}</p>`,
    ...doc.sections.map(section),
    ...(doc.otherActions
      ? [
          `<section class="other-actions">\n<h2>${text(doc.otherActions.heading)}</h2>\n${actionList(doc.otherActions.actions)}\n</section>`,
        ]
      : []),
    ...(doc.closing ? [closing(doc.closing)] : []),
  ];
  return [
    "<!doctype html>",
    `<html lang="${escapeHtml(doc.locale)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...(doc.checksum
      ? [`<meta name="noterat-sha256" content="${escapeHtml(doc.checksum.sha256)}">`]
      : []),
    `<title>${text(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    "<article>",
    ...body,
    ...(doc.checksum
      ? [`<footer class="checksum"><p>${text(checksumLine(doc.checksum))}</p></footer>`]
      : []),
    "</article>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** Escaped text whose line breaks stay visible. */
function text(value: string): string {
  return escapeHtml(value).replace(/\r?\n/g, "<br>\n");
}

function section(item: MinutesSection): string {
  return [
    `<section class="item item-${item.kind}">`,
    `<h2>${text(item.heading)}</h2>`,
    ...(item.decision
      ? [`<p class="decision"><strong>${text(item.decision.label)}</strong></p>`]
      : []),
    ...item.paragraphs.map((paragraph) => `<p>${text(paragraph)}</p>`),
    ...(item.actions.length > 0 ? [actionList(item.actions)] : []),
    "</section>",
  ].join("\n");
}

function actionList(actions: MinutesAction[]): string {
  const items = actions.map((action) => `<li>${text(action.line)}</li>`);
  return ['<ul class="actions">', ...items, "</ul>"].join("\n");
}

function closing(part: MinutesClosing): string {
  const { documents } = part;
  return [
    '<section class="closing">',
    `<h2>${text(part.heading)}</h2>`,
    ...(documents
      ? [`<p>${text(documents.before)}${link(documents.url)}${text(documents.after)}</p>`]
      : []),
    ...(part.nextMeeting ? [`<p>${text(part.nextMeeting)}</p>`] : []),
    "</section>",
  ].join("\n");
}

/** Web addresses become links; anything else is shown as text. */
function link(url: string): string {
  const href = webHref(url);
  return href === undefined ? text(url) : `<a href="${escapeHtml(href)}">${text(url)}</a>`;
}
