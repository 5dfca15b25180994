import type {
  ProtocolDocument,
  ProtocolParagraph,
  ProtocolRow,
} from "../../domain/protocol/protocol-document.js";
import type { ContainerLayout, TextStyle } from "./adaptive-card-types.js";
import { type BodyGroup, type BodyPart, textPart } from "./card-packing.js";

// The protocol (architecture.md §12) as Adaptive Card body groups: the head, the header rows, one
// group per §, the signatures and the notice. The caller packs them into cards
// (card-packing.ts), so that a long protocol continues on further cards instead of being cut.

const BODY: TextStyle = { style: "heading", size: "Large", weight: "Bolder" };
const SUBTITLE: TextStyle = { weight: "Bolder", spacing: "None" };
const HEADING: TextStyle = { weight: "Bolder" };
const LABEL: TextStyle = { weight: "Bolder", color: "Accent", spacing: "Small" };
/** Rows and part lines sit tight under what they belong to. */
const LINE: TextStyle = { spacing: "None" };
const NOTE: TextStyle = { color: "Attention" };
const IMMEDIATE: TextStyle = { isSubtle: true, spacing: "Small" };
/** One per §, set off from the one before by a line, as the post's items are. */
const SECTION: ContainerLayout = { separator: true, spacing: "Medium" };

export function protocolGroups(doc: ProtocolDocument): BodyGroup[] {
  return [
    {
      parts: [
        textPart(doc.body, BODY, true),
        textPart(`${doc.title} · ${doc.dateLine}`, SUBTITLE, true),
        ...rowParts(doc.header),
      ],
    },
    ...(doc.quorumNote ? [{ parts: [textPart(doc.quorumNote, NOTE)] }] : []),
    ...doc.paragraphs.map(paragraphGroup),
    ...(doc.signatures
      ? [
          {
            container: SECTION,
            parts: [heading(doc.signatures.heading), ...rowParts(doc.signatures.rows)],
          },
        ]
      : []),
    ...(doc.notice
      ? [
          {
            container: SECTION,
            parts: [
              heading(doc.notice.heading),
              textPart(doc.notice.text),
              ...rowParts(doc.notice.rows),
            ],
          },
        ]
      : []),
  ];
}

function heading(text: string): BodyPart {
  return textPart(text, HEADING, true);
}

function rowParts(rows: ProtocolRow[]): BodyPart[] {
  return rows.map((row) => textPart(`${row.label}: ${row.value}`, LINE));
}

function paragraphGroup(paragraph: ProtocolParagraph): BodyGroup {
  return {
    container: SECTION,
    parts: [
      heading(`${paragraph.number} ${paragraph.heading}`),
      ...paragraph.paragraphs.map((value) => textPart(value)),
      ...paragraph.parts.flatMap((part) => [
        textPart(part.label, LABEL, true),
        ...part.lines.map((line) => textPart(line, LINE)),
      ]),
      ...(paragraph.immediate ? [textPart(paragraph.immediate, IMMEDIATE)] : []),
    ],
  };
}
