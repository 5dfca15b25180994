import type {
  ProtocolDocument,
  ProtocolParagraph,
  ProtocolPart,
  ProtocolRow,
} from "../../domain/protocol/protocol-document.js";
import { type Line, text } from "./mrkdwn-sections.js";
import type { BlockGroup } from "./rendered-block.js";
import { paragraphBlocks, sectionBlocks, titleBlocks } from "./text-blocks.js";

// The protocol (architecture.md §12) in Block Kit groups: the head, the header rows, one group per §,
// the signatures and the notice. The caller chunks them into messages (message-chunks.ts),
// so that a long protocol continues in further messages instead of being cut.

export function protocolBlockGroups(doc: ProtocolDocument): BlockGroup[] {
  return [
    [...titleBlocks(doc.body), ...sectionBlocks([heading(`${doc.title} · ${doc.dateLine}`)])],
    sectionBlocks(doc.header.map(rowLine)),
    ...(doc.quorumNote ? [paragraphBlocks(doc.quorumNote)] : []),
    ...doc.paragraphs.map((paragraph) => sectionBlocks(paragraphLines(paragraph))),
    ...(doc.signatures
      ? [sectionBlocks([heading(doc.signatures.heading), ...doc.signatures.rows.map(rowLine)])]
      : []),
    ...(doc.notice
      ? [
          sectionBlocks([
            heading(doc.notice.heading),
            { segments: [text(doc.notice.text)] },
            ...doc.notice.rows.map(rowLine),
          ]),
        ]
      : []),
  ].filter((group) => group.length > 0);
}

function heading(value: string): Line {
  return { segments: [text(value, "bold")] };
}

function rowLine(row: ProtocolRow): Line {
  return { segments: [text(row.label, "bold"), text(`: ${row.value}`)] };
}

/** "§ 6 Heading", the text, then each labelled part, the way the paper protocol reads. */
function paragraphLines(paragraph: ProtocolParagraph): Line[] {
  return [
    heading(`${paragraph.number} ${paragraph.heading}`),
    ...paragraph.paragraphs.map(
      (value, index): Line => ({ segments: [text(value)], gap: index === 0 ? "\n" : "\n\n" }),
    ),
    ...paragraph.parts.flatMap(partLines),
    ...(paragraph.immediate ? [{ segments: [text(paragraph.immediate, "italic")] }] : []),
  ];
}

function partLines(part: ProtocolPart): Line[] {
  return [
    { segments: [text(part.label, "italic")] },
    ...part.lines.map((line): Line => ({ segments: [text(line)] })),
  ];
}
