import type {
  MinutesAction,
  MinutesClosing,
  MinutesDocument,
  MinutesSection,
} from "../domain/minutes/document.js";
import { checksumLine } from "./checksum-line.js";
import { renderProtocolText } from "./protocol-text.js";

// The post as plain text: the console's output and the notification fallback on every platform.

const RULE = "-".repeat(40);

export function renderMinutesText(doc: MinutesDocument): string {
  const blocks = [
    [doc.title, ...(doc.stamp ? [doc.stamp] : []), ...(doc.corrected ? [doc.corrected] : [])].join(
      "\n",
    ),
    doc.lede,
    ...doc.sections.map(section),
    ...(doc.otherActions
      ? [[doc.otherActions.heading, ...actionLines(doc.otherActions.actions)].join("\n")]
      : []),
    ...(doc.closing ? [closing(doc.closing)] : []),
    ...(doc.checksum ? [checksumLine(doc.checksum)] : []),
    // In protocol mode the protocol follows the post, set off by a rule.
    ...(doc.protocol ? [RULE, renderProtocolText(doc.protocol)] : []),
  ];
  return blocks.join("\n\n");
}

/** Heading (and decision label) directly above the text; paragraphs apart; actions below. */
function section(item: MinutesSection): string {
  const head = [item.heading, ...(item.decision ? [item.decision.label] : [])].join("\n");
  const [first, ...rest] = item.paragraphs;
  const body = [first === undefined ? head : `${head}\n${first}`, ...rest].join("\n\n");
  return [body, ...actionLines(item.actions)].join("\n");
}

function actionLines(actions: MinutesAction[]): string[] {
  return actions.map((action) => `- ${action.line}`);
}

function closing(closing: MinutesClosing): string {
  const { documents } = closing;
  return [
    closing.heading,
    ...(documents ? [`${documents.before}${documents.url}${documents.after}`] : []),
    ...(closing.nextMeeting ? [closing.nextMeeting] : []),
  ].join("\n");
}
