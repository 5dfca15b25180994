import type {
  MinutesAction,
  MinutesClosing,
  MinutesDocument,
  MinutesSection,
} from "../domain/minutes/document.js";
import { checksumLine } from "./checksum-line.js";
import { escapeMarkdown, escapeMarkdownLine } from "./escape-markdown.js";
import { webHref } from "./web-link.js";

// The post as CommonMark, for a web site or a repository: every string of the document is
// escaped, since the model does not say which parts a user typed.

export function renderMinutesMarkdown(doc: MinutesDocument): string {
  const blocks = [
    `# ${escapeMarkdownLine(doc.title)}`,
    ...(doc.stamp ? [escapeMarkdown(doc.stamp)] : []),
    ...(doc.corrected ? [`*${escapeMarkdownLine(doc.corrected)}*`] : []),
    escapeMarkdown(doc.lede),
    ...doc.sections.flatMap(sectionBlocks),
    ...(doc.otherActions
      ? [heading(doc.otherActions.heading), actionList(doc.otherActions.actions)]
      : []),
    ...(doc.closing ? closingBlocks(doc.closing) : []),
    ...(doc.checksum ? [escapeMarkdown(checksumLine(doc.checksum))] : []),
  ];
  return `${blocks.filter((block) => block !== "").join("\n\n")}\n`;
}

function heading(text: string): string {
  return `## ${escapeMarkdownLine(text)}`;
}

function sectionBlocks(section: MinutesSection): string[] {
  return [
    heading(section.heading),
    ...(section.decision ? [`**${escapeMarkdownLine(section.decision.label)}**`] : []),
    ...section.paragraphs.map(escapeMarkdown),
    actionList(section.actions),
  ];
}

/** A bullet per action; a line break inside one stays in its item by indentation. */
function actionList(actions: MinutesAction[]): string {
  return actions
    .map((action) => `- ${escapeMarkdown(action.line).replaceAll("\n", "\n  ")}`)
    .join("\n");
}

function closingBlocks(closing: MinutesClosing): string[] {
  const { documents } = closing;
  return [
    heading(closing.heading),
    ...(documents
      ? [
          `${escapeMarkdownLine(documents.before)}${link(documents.url)}${escapeMarkdownLine(documents.after)}`,
        ]
      : []),
    ...(closing.nextMeeting ? [escapeMarkdown(closing.nextMeeting)] : []),
  ];
}

/** Web addresses become links in the `<…>` form; anything else is shown as text. */
function link(url: string): string {
  const text = escapeMarkdownLine(url);
  const href = webHref(url);
  return href === undefined ? text : `[${text}](<${href}>)`;
}
