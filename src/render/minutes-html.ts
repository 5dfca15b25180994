import type {
  MinutesAction,
  MinutesClosing,
  MinutesDocument,
  MinutesSection,
} from "../domain/minutes/document.js";
import { checksumLine } from "./checksum-line.js";
import { escapeHtml } from "./escape-html.js";
import { htmlText, htmlTime, renderHtmlPage } from "./html-page.js";
import { webHref } from "./web-link.js";

// The post as a complete web page for the region's site: every string escaped, links only to
// http(s) addresses, no script and nothing loaded from elsewhere. The frame gives the one <main>;
// the post is its <article>, with the title and stamps as its header and the checksum as its
// footer.

const STYLE = `
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; }
.stamp { color: #595959; font-size: 0.9375rem; margin: 0; }
header { margin: 0 0 1.5rem; }
.lede { font-size: 1.1875rem; font-weight: 600; hyphens: auto; }
.actions { padding-left: 1.25rem; }
.checksum { margin-top: 3rem; color: #595959; font-size: 0.8125rem; }
@media print { .checksum { margin-top: 1.5rem; } }
`;

export function renderMinutesHtml(doc: MinutesDocument): string {
  return renderHtmlPage({
    locale: doc.locale,
    title: doc.title,
    style: STYLE,
    head: doc.checksum
      ? [`<meta name="noterat-sha256" content="${escapeHtml(doc.checksum.sha256)}">`]
      : [],
    main: [renderMinutesArticle(doc)],
  });
}

/** The post as an <article> alone: the page's content, and an Atom entry's (architecture.md §13). */
export function renderMinutesArticle(doc: MinutesDocument): string {
  return [
    "<article>",
    header(doc),
    `<p class="lede">${htmlText(doc.lede)}</p>`,
    ...doc.sections.map(section),
    ...(doc.otherActions
      ? [
          `<section class="other-actions">\n<h2>${htmlText(doc.otherActions.heading)}</h2>\n${actionList(doc.otherActions.actions)}\n</section>`,
        ]
      : []),
    ...(doc.closing ? [closing(doc.closing)] : []),
    ...(doc.checksum
      ? [`<footer class="checksum"><p>${htmlText(checksumLine(doc.checksum))}</p></footer>`]
      : []),
    "</article>",
  ].join("\n");
}

/** The title and the publish stamp, machine-readable when the post carries its instant. */
function header(doc: MinutesDocument): string {
  const { stamp, stampIso, corrected } = doc;
  const time =
    stamp === undefined
      ? undefined
      : stampIso === undefined
        ? `<time>${htmlText(stamp)}</time>`
        : htmlTime(stamp, stampIso);
  return [
    "<header>",
    `<h1>${htmlText(doc.title)}</h1>`,
    ...(time ? [`<p class="stamp">${time}</p>`] : []),
    ...(corrected ? [`<p class="stamp corrected">${htmlText(corrected)}</p>`] : []),
    "</header>",
  ].join("\n");
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
