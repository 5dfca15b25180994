import { compareLocalDates, isoDate } from "../domain/dates/local-date.js";
import { createTranslator, type Translator } from "../domain/i18n/translator.js";
import type { LocalDate, Locale } from "../domain/types.js";
import { escapeHtml } from "./escape-html.js";
import { htmlText, htmlTime, renderHtmlPage } from "./html-page.js";

// A council's web archive (architecture.md §13, `/arkiv/{slug}/`): its published posts, newest year
// first and newest first within a year, each with its protocol in protocol mode, and the links
// to the Atom feed (also in the head, for feed readers) and the meeting calendar.

export interface ArchiveIndex {
  locale: Locale;
  councilName: string;
  years: Array<{ year: number; entries: ArchiveEntry[] }>;
  /** The Atom feed's address (`flode.xml`). */
  feedPath: string;
  /** The iCalendar feed's address (`moten.ics`). */
  calendarPath: string;
}

export interface ArchiveEntry {
  /** The meeting's date. */
  date: LocalDate;
  /** The post's title, "Noterat från Regionala samverkansrådet 11 april". */
  title: string;
  path: string;
  /** Protocol mode: the protocol as a page and as a PDF. */
  protocolPath?: string;
  pdfPath?: string;
  /** The post's "Rättad …" mark when it was corrected, shown as given. */
  corrected?: string;
}

const STYLE = `
h2 { font-size: 1.4rem; margin: 2rem 0 0.75rem; }
.follow, .entries { list-style: none; padding: 0; }
.follow { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; margin: 1rem 0 0; }
.entries li { margin: 0 0 1.25rem; }
.entries p { margin: 0; }
.entry { font-weight: 600; }
.meta { color: #595959; font-size: 0.9375rem; }
.more { display: flex; flex-wrap: wrap; gap: 0 1.25rem; font-size: 0.9375rem; }
`;

export function renderArchiveIndexHtml(index: ArchiveIndex): string {
  const { t } = createTranslator(index.locale);
  const title = t("web.archive.title", { council: index.councilName });
  const years = [...index.years]
    .filter((year) => year.entries.length > 0)
    .sort((a, b) => b.year - a.year);
  return renderHtmlPage({
    locale: index.locale,
    title,
    style: STYLE,
    head: [
      `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(
        t("web.archive.feed-title", { council: index.councilName }),
      )}" href="${escapeHtml(index.feedPath)}">`,
    ],
    main: [
      "<header>",
      `<h1>${htmlText(title)}</h1>`,
      `<p>${htmlText(t("web.archive.intro"))}</p>`,
      '<ul class="follow">',
      `<li>${link(index.feedPath, t("web.archive.feed"), "application/atom+xml")}</li>`,
      `<li>${link(index.calendarPath, t("web.archive.calendar"), "text/calendar")}</li>`,
      "</ul>",
      "</header>",
      ...(years.length === 0
        ? [`<p>${htmlText(t("web.archive.empty"))}</p>`]
        : years.map((year) =>
            [
              '<section class="year">',
              `<h2>${year.year}</h2>`,
              '<ul class="entries">',
              ...[...year.entries]
                .sort((a, b) => compareLocalDates(b.date, a.date))
                .map((entry) => entryItem(entry, t)),
              "</ul>",
              "</section>",
            ].join("\n"),
          )),
    ],
  });
}

function entryItem(entry: ArchiveEntry, t: Translator["t"]): string {
  const date = isoDate(entry.date);
  const more = [
    ...(entry.protocolPath ? [link(entry.protocolPath, t("web.archive.protocol"))] : []),
    ...(entry.pdfPath
      ? [link(entry.pdfPath, t("web.archive.protocol-pdf"), "application/pdf")]
      : []),
  ];
  return [
    "<li>",
    `<p class="entry">${link(entry.path, entry.title)}</p>`,
    `<p class="meta">${htmlTime(date, date)}${
      entry.corrected ? ` – ${htmlText(entry.corrected)}` : ""
    }</p>`,
    ...(more.length > 0 ? [`<p class="more">${more.join(" ")}</p>`] : []),
    "</li>",
  ].join("\n");
}

/** A link to one of the archive's own addresses, with the kind of file when it is not a page. */
function link(path: string, text: string, type?: string): string {
  const typeAttribute = type === undefined ? "" : ` type="${type}"`;
  return `<a href="${escapeHtml(path)}"${typeAttribute}>${htmlText(text)}</a>`;
}
