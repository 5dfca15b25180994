import type {
  MinutesAction,
  MinutesClosing,
  MinutesDocument,
  MinutesSection,
} from "../domain/minutes/document.js";
import { checksumLine } from "./checksum-line.js";
import { escapeHtml } from "./escape-html.js";
import { htmlText, renderHtmlPage } from "./html-page.js";
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
    `<h1>${htmlText(doc.title)}</h1>`,
    ...(doc.stamp ? [`<p class="stamp"><time>${htmlText(doc.stamp)}</time></p>`] : []),
    ...(doc.corrected ? [`<p class="stamp corrected">${htmlText(doc.corrected)}</p>`] : []),
    `<p class="lede">${htmlText(doc.lede)}</p>`,
    ...doc.sections.map(section),
    ...(doc.otherActions
      ? [
          `<section class="other-actions">\n<h2>${htmlText(doc.otherActions.heading)}</h2>\n${actionList(doc.otherActions.actions)}\n</section>`,
        ]
      : []),
    ...(doc.closing ? [closing(doc.closing)] : []),
  ];
  return renderHtmlPage({
    locale: doc.locale,
    title: doc.title,
    style: STYLE,
    meta: doc.checksum
      ? [`<meta name="noterat-sha256" content="${escapeHtml(doc.checksum.sha256)}">`]
      : [],
    body: [
      "<article>",
      ...body,
      ...(doc.checksum
        ? [`<footer class="checksum"><p>${htmlText(checksumLine(doc.checksum))}</p></footer>`]
        : []),
      "</article>",
    ],
  });
}

function section(item: MinutesSection): string {
  return [
    `<section class="item item-${item.kind}">`,
    `<h2>${htmlText(item.heading)}</h2>`,
    ...(item.decision
      ? [`<p class="decision"><strong>${htmlText(item.decision.label)}</strong></p>`]
      : []),
    ...item.paragraphs.map((paragraph) => `<p>${htmlText(paragraph)}</p>`),
    ...(item.actions.length > 0 ? [actionList(item.actions)] : []),
    "</section>",
  ].join("\n");
}

function actionList(actions: MinutesAction[]): string {
  const items = actions.map((action) => `<li>${htmlText(action.line)}</li>`);
  return ['<ul class="actions">', ...items, "</ul>"].join("\n");
}

function closing(part: MinutesClosing): string {
  const { documents } = part;
  return [
    '<section class="closing">',
    `<h2>${htmlText(part.heading)}</h2>`,
    ...(documents
      ? [`<p>${htmlText(documents.before)}${link(documents.url)}${htmlText(documents.after)}</p>`]
      : []),
    ...(part.nextMeeting ? [`<p>${htmlText(part.nextMeeting)}</p>`] : []),
    "</section>",
  ].join("\n");
}

/** Web addresses become links; anything else is shown as text. */
function link(url: string): string {
  const href = webHref(url);
  return href === undefined ? htmlText(url) : `<a href="${escapeHtml(href)}">${htmlText(url)}</a>`;
}
