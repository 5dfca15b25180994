import type pdfmake from "pdfmake";
import type {
  Content,
  ContentTable,
  CustomTableLayout,
  StyleDictionary,
  TDocumentDefinitions,
} from "pdfmake/interfaces.js";
import { createTranslator } from "../domain/i18n/translator.js";
import type {
  ProtocolDocument,
  ProtocolParagraph,
  ProtocolRow,
} from "../domain/protocol/protocol-document.js";
import type { Locale } from "../domain/types.js";

// The protocol (architecture.md §12) as an A4 PDF for the archive (§13), in the order of the HTML
// page: body, PROTOKOLL and date, header table, quorum note, the §§, Underskrifter, ANSLAG/BEVIS.
// PDF/A-2b: Roboto from pdfmake's own files, embedded; nothing is fetched, nothing else is read.

/** pdfkit reads fonts by path; render may not import node:url, and Noterat runs on POSIX paths. */
function robotoFile(name: string): string {
  const url = new URL(`Roboto/${name}`, import.meta.resolve("pdfmake/fonts/Roboto.js"));
  return decodeURIComponent(url.pathname);
}

const ROBOTO = {
  normal: robotoFile("Roboto-Regular.ttf"),
  bold: robotoFile("Roboto-Medium.ttf"),
  italics: robotoFile("Roboto-Italic.ttf"),
  bolditalics: robotoFile("Roboto-MediumItalic.ttf"),
};
const FONT_FILES = new Set(Object.values(ROBOTO));

let configured: Promise<typeof pdfmake> | undefined;

/**
 * pdfmake, loaded with the first PDF: it costs 15 MB and 0.1–0.2 s at start, and most processes
 * never make a PDF. One configured instance per process; this renderer is its only user.
 */
function configuredPdfmake(): Promise<typeof pdfmake> {
  configured ??= import("pdfmake").then(({ default: loaded }) => {
    loaded.setFonts({ Roboto: ROBOTO });
    loaded.setUrlAccessPolicy(() => false);
    loaded.setLocalAccessPolicy((path) => FONT_FILES.has(path));
    return loaded;
  });
  return configured;
}

const LANGUAGE: Record<Locale, string> = { sv: "sv-SE", en: "en-GB" };

/** 2 cm at the sides; room above for the running header and below for the page number. */
const SIDE = 57;
const MARGINS: [number, number, number, number] = [SIDE, 72, SIDE, 64];

const TEXT = "#1d1d1f";
const MUTED = "#595959";
const RULE = "#d0d0d0";
const ALERT = "#b3261e";

const STYLES: StyleDictionary = {
  body: { fontSize: 14, bold: true },
  title: { fontSize: 20, bold: true, margin: [0, 4, 0, 0] },
  date: { fontSize: 11, color: MUTED, margin: [0, 0, 0, 14] },
  heading: { fontSize: 12.5, bold: true, margin: [0, 16, 0, 4] },
  label: { bold: true, italics: true, margin: [0, 6, 0, 1] },
  text: { margin: [0, 0, 0, 4] },
  immediate: { italics: true, margin: [0, 4, 0, 0] },
  running: { fontSize: 9, color: MUTED },
};

/** A line under each row, as on the HTML page; no vertical lines. */
const ROW_RULES: CustomTableLayout = {
  hLineWidth: (line) => (line === 0 ? 0 : 0.5),
  vLineWidth: () => 0,
  hLineColor: () => RULE,
  paddingLeft: (column) => (column === 0 ? 0 : 8),
  paddingRight: () => 0,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/** The bar to the left of the note that the meeting was not quorate. */
const ALERT_BAR: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: (line) => (line === 0 ? 3 : 0),
  vLineColor: () => ALERT,
  paddingLeft: () => 8,
};

export async function renderProtocolPdf(doc: ProtocolDocument): Promise<Buffer> {
  const { t } = createTranslator(doc.locale);
  const definition: TDocumentDefinitions = {
    pageSize: "A4",
    pageMargins: MARGINS,
    version: "1.7",
    subset: "PDF/A-2b",
    tagged: true,
    displayTitle: true,
    language: LANGUAGE[doc.locale],
    info: {
      title: metadataText([doc.title, doc.body, doc.dateLine].join(" – ")),
      author: "Noterat",
      creator: "Noterat",
    },
    defaultStyle: { font: "Roboto", fontSize: 10.5, lineHeight: 1.25, color: TEXT },
    styles: STYLES,
    header: (page) => (page === 1 ? null : runningHeader(doc)),
    footer: (page, pages) => ({
      text: t("protocol.pdf.page", { page, pages }),
      style: "running",
      alignment: "right",
      margin: [SIDE, 28, SIDE, 0],
    }),
    content: [
      { text: doc.body, style: "body" },
      { text: doc.title, style: "title" },
      { text: doc.dateLine, style: "date" },
      rowsTable(doc.header),
      ...(doc.quorumNote ? [quorumNote(doc.quorumNote)] : []),
      ...doc.paragraphs.flatMap(paragraphContent),
      ...(doc.signatures ? [heading(doc.signatures.heading), rowsTable(doc.signatures.rows)] : []),
      ...(doc.notice
        ? [
            heading(doc.notice.heading),
            { text: doc.notice.text, style: "text" },
            rowsTable(doc.notice.rows),
          ]
        : []),
    ],
  };
  return (await configuredPdfmake()).createPdf(definition).getBuffer();
}

/** From the second page on: whose protocol, and of which meeting. */
function runningHeader(doc: ProtocolDocument): Content {
  return {
    columns: [
      { text: doc.body, bold: true },
      { text: `${doc.title} · ${doc.dateLine}`, alignment: "right" },
    ],
    style: "running",
    margin: [SIDE, 36, SIDE, 0],
  };
}

/** Room kept under a part's label for two lines of text, and under a § heading for a label too. */
const LABEL_ROOM = 28;
const HEADING_ROOM = 50;

/**
 * The heading in an unbreakable block with room under it, so that it only stays on a page
 * where some of its text fits too; the negative margin gives that room back to the text.
 * (pdfmake's pageBreakBefore would lay the whole document out again for every heading moved.)
 */
function keptWithText(content: Content, room: number): Content {
  return {
    stack: [{ stack: [content], margin: [0, 0, 0, room] }],
    unbreakable: true,
    margin: [0, 0, 0, -room],
  };
}

function heading(text: string): Content {
  return keptWithText({ text, style: "heading" }, HEADING_ROOM);
}

function rowsTable(rows: ProtocolRow[]): ContentTable {
  return {
    table: {
      widths: [150, "*"],
      body: rows.map((row) => [{ text: row.label, bold: true }, { text: row.value }]),
    },
    layout: ROW_RULES,
    margin: [0, 0, 0, 8],
  };
}

function quorumNote(text: string): Content {
  return {
    table: { widths: ["*"], body: [[{ text, bold: true }]] },
    layout: ALERT_BAR,
    margin: [0, 4, 0, 8],
  };
}

function paragraphContent(paragraph: ProtocolParagraph): Content[] {
  return [
    heading(`${paragraph.number} ${paragraph.heading}`),
    ...paragraph.paragraphs.map((text): Content => ({ text, style: "text" })),
    ...paragraph.parts.flatMap((part): Content[] => [
      keptWithText({ text: part.label, style: "label" }, LABEL_ROOM),
      ...part.lines.map((text): Content => ({ text, style: "text" })),
    ]),
    ...(paragraph.immediate ? [{ text: paragraph.immediate, style: "immediate" }] : []),
  ];
}

/**
 * pdfkit copies the document info into the XMP packet without escaping it, and PDF/A wants the
 * two to agree: the characters XML would read as markup become their full-width twins, and
 * control characters spaces.
 */
function metadataText(text: string): string {
  return text
    .replace(/[&<>]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0))
    .replace(/\p{Cc}/gu, " ");
}
