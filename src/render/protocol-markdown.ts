import type {
  ProtocolDocument,
  ProtocolParagraph,
  ProtocolRow,
} from "../domain/protocol/protocol-document.js";
import { escapeMarkdown, escapeMarkdownLine } from "./escape-markdown.js";

// The protocol (architecture.md §12) as CommonMark with GitHub tables, laid out like the paper
// original (../shared/examples/protokoll.md). Every string is escaped: the model does not say
// which parts a user typed.

export function renderProtocolMarkdown(doc: ProtocolDocument): string {
  const blocks = [
    `# ${escapeMarkdownLine(doc.body)}`,
    `**${escapeMarkdownLine(doc.title)}** · ${escapeMarkdownLine(doc.dateLine)}`,
    table(doc.header),
    ...(doc.quorumNote ? [`**${escapeMarkdownLine(doc.quorumNote)}**`] : []),
    ...doc.paragraphs.flatMap(paragraphBlocks),
    ...(doc.signatures ? [heading(doc.signatures.heading), table(doc.signatures.rows)] : []),
    ...(doc.notice
      ? [heading(doc.notice.heading), escapeMarkdown(doc.notice.text), table(doc.notice.rows)]
      : []),
  ];
  return `${blocks.filter((block) => block !== "").join("\n\n")}\n`;
}

function heading(text: string): string {
  return `## ${escapeMarkdownLine(text)}`;
}

/** A two-column table with an empty head, as the example has it; `|` is escaped in cells. */
function table(rows: ProtocolRow[]): string {
  if (rows.length === 0) return "";
  const cells = rows.map(
    (row) =>
      `| ${escapeMarkdownLine(row.label).trim()} | ${escapeMarkdownLine(row.value).trim()} |`,
  );
  return ["| | |", "|---|---|", ...cells].join("\n");
}

function paragraphBlocks(paragraph: ProtocolParagraph): string[] {
  return [
    heading(`${paragraph.number} ${paragraph.heading}`),
    ...paragraph.paragraphs.map(escapeMarkdown),
    ...paragraph.parts.flatMap((part) => [
      `*${escapeMarkdownLine(part.label).trim()}*`,
      ...part.lines.map(escapeMarkdown),
    ]),
    ...(paragraph.immediate ? [`*${escapeMarkdownLine(paragraph.immediate).trim()}*`] : []),
  ];
}
