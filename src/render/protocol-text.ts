import type {
  ProtocolDocument,
  ProtocolParagraph,
  ProtocolPart,
  ProtocolRow,
} from "../domain/protocol/protocol-document.js";

// The protocol (architecture.md §12) as plain text: the console's output and the notification
// fallback, laid out like the paper original (../shared/examples/protokoll.md).

export function renderProtocolText(doc: ProtocolDocument): string {
  const blocks = [
    [doc.body, `${doc.title} · ${doc.dateLine}`].join("\n"),
    rows(doc.header),
    ...(doc.quorumNote ? [doc.quorumNote] : []),
    ...doc.paragraphs.map(paragraph),
    ...(doc.signatures ? [[doc.signatures.heading, rows(doc.signatures.rows)].join("\n")] : []),
    ...(doc.notice
      ? [[doc.notice.heading, doc.notice.text, rows(doc.notice.rows)].join("\n")]
      : []),
  ];
  return blocks.filter((block) => block !== "").join("\n\n");
}

function rows(list: ProtocolRow[]): string {
  return list.map((row) => `${row.label}: ${row.value}`).join("\n");
}

/** "§ 6 Heading" directly above its text; parts and the immediate line follow. */
function paragraph(item: ProtocolParagraph): string {
  const head = `${item.number} ${item.heading}`;
  const [first, ...rest] = item.paragraphs;
  const body = [first === undefined ? head : `${head}\n${first}`, ...rest].join("\n\n");
  return [body, ...item.parts.map(part), ...(item.immediate ? [item.immediate] : [])].join("\n");
}

function part(item: ProtocolPart): string {
  return [item.label, ...item.lines].join("\n");
}
