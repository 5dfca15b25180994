import type {
  ProtocolDocument,
  ProtocolParagraph,
  ProtocolRow,
} from "../domain/protocol/protocol-document.js";
import { escapeHtml } from "./escape-html.js";
import { htmlText, htmlTime, renderHtmlPage } from "./html-page.js";

// The protocol (architecture.md §12) as a complete web page: in the frame's one <main>, the header,
// signatures and notice as tables with row headers, each § a section. Every string escaped, no
// script and nothing loaded from elsewhere; it prints on paper as a protocol would.

const STYLE = `
main { max-width: 46rem; }
.body { font-weight: 700; font-size: 1.25rem; margin: 0; }
h1 { font-size: 1.6rem; margin: 0 0 1.5rem; }
h1 .date { display: block; font-size: 1rem; font-weight: 400; color: #595959; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.5rem; }
h3 { font-size: 1rem; font-style: italic; margin: 0.75rem 0 0; }
h3 + p { margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: 0.375rem 0.5rem; border-bottom: 1px solid #d0d0d0; }
th { width: 14rem; font-weight: 600; }
.quorum { border-left: 4px solid #b3261e; padding-left: 0.75rem; font-weight: 600; }
.immediate { font-style: italic; }
@media (max-width: 30rem) { th, td { display: block; width: auto; border: 0; padding: 0; } td { margin-bottom: 0.75rem; } }
@media print { .signatures, .notice { break-inside: avoid; } }
`;

export function renderProtocolHtml(doc: ProtocolDocument): string {
  const title = [doc.title, doc.body, doc.dateLine].join(" – ");
  return renderHtmlPage({
    locale: doc.locale,
    title,
    style: STYLE,
    main: [
      "<header>",
      `<p class="body">${htmlText(doc.body)}</p>`,
      `<h1>${htmlText(doc.title)} <span class="date">${dateLine(doc)}</span></h1>`,
      table(doc.header),
      "</header>",
      ...(doc.quorumNote ? [`<p class="quorum">${htmlText(doc.quorumNote)}</p>`] : []),
      ...doc.paragraphs.map(paragraphSection),
      ...(doc.signatures
        ? [
            [
              '<section class="signatures">',
              `<h2>${htmlText(doc.signatures.heading)}</h2>`,
              table(doc.signatures.rows),
              "</section>",
            ].join("\n"),
          ]
        : []),
      ...(doc.notice
        ? [
            [
              '<section class="notice">',
              `<h2>${htmlText(doc.notice.heading)}</h2>`,
              `<p>${htmlText(doc.notice.text)}</p>`,
              table(doc.notice.rows),
              "</section>",
            ].join("\n"),
          ]
        : []),
    ],
  });
}

/** "Sammanträdesdatum 2027-02-08" with the date marked up as a <time>. */
function dateLine(doc: ProtocolDocument): string {
  const line = htmlText(doc.dateLine);
  if (!doc.meetingDate) return line;
  const date = escapeHtml(doc.meetingDate);
  const at = line.lastIndexOf(date);
  if (at < 0) return line;
  const time = htmlTime(doc.meetingDate, doc.meetingDate);
  return `${line.slice(0, at)}${time}${line.slice(at + date.length)}`;
}

function table(rows: ProtocolRow[]): string {
  if (rows.length === 0) return "";
  const cells = rows.map(
    (row) => `<tr><th scope="row">${htmlText(row.label)}</th><td>${htmlText(row.value)}</td></tr>`,
  );
  return ["<table>", "<tbody>", ...cells, "</tbody>", "</table>"].join("\n");
}

function paragraphSection(paragraph: ProtocolParagraph): string {
  return [
    '<section class="paragraph">',
    `<h2>${htmlText(`${paragraph.number} ${paragraph.heading}`)}</h2>`,
    ...paragraph.paragraphs.map((value) => `<p>${htmlText(value)}</p>`),
    ...paragraph.parts.flatMap((part) => [
      `<h3>${htmlText(part.label)}</h3>`,
      ...part.lines.map((line) => `<p>${htmlText(line)}</p>`),
    ]),
    ...(paragraph.immediate ? [`<p class="immediate">${htmlText(paragraph.immediate)}</p>`] : []),
    "</section>",
  ].join("\n");
}
