import { createTranslator } from "../../domain/i18n/translator.js";
import type {
  MinutesAction,
  MinutesClosing,
  MinutesDocument,
  MinutesSection,
} from "../../domain/minutes/document.js";
import { checksumLine } from "../checksum-line.js";
import { renderMinutesText } from "../minutes-text.js";
import { webHref } from "../web-link.js";
import { BLOCK_KIT_LIMITS, type SlackMessage } from "./block-kit-types.js";
import { chunkGroups, withUniqueActionIds } from "./message-chunks.js";
import { type Line, markup, type Segment, text } from "./mrkdwn-sections.js";
import { protocolBlockGroups } from "./protocol-messages.js";
import type { BlockGroup } from "./rendered-block.js";
import { escapeSlackText } from "./slack-escape.js";
import { escapeWithin } from "./split-text.js";
import {
  contextBlocks,
  mrkdwn,
  paragraphBlocks,
  sectionBlocks,
  titleBlocks,
} from "./text-blocks.js";

// The "Noterat från …" post (architecture.md §4) in Block Kit. A post too big for one message
// becomes several: the adapter posts the first and the rest as replies in its thread, each
// marked "(forts. 2/3)", so that nothing is ever cut to fit. In protocol mode the protocol
// follows the post in the same way.

export function renderMinutesMessages(doc: MinutesDocument): SlackMessage[] {
  const t = createTranslator(doc.locale);
  // Every message after the first starts with its continuation line, hence one block less.
  const chunks = chunkGroups(minutesBlockGroups(doc), (index) =>
    index === 0 ? BLOCK_KIT_LIMITS.messageBlocks : BLOCK_KIT_LIMITS.messageBlocks - 1,
  );
  const parts = chunks.length;
  return chunks.map((chunk, index) => {
    const blocks = chunk.map(({ block }) => block);
    if (index === 0) {
      const title = doc.title.trim() !== "" ? doc.title : renderMinutesText(doc);
      return {
        text: escapeWithin(title, BLOCK_KIT_LIMITS.fallback),
        blocks: withUniqueActionIds(blocks),
      };
    }
    const continued = t.t("slack.continued", { title: doc.title, part: index + 1, parts });
    // The marker is a label, not content: a title too long for it is shortened here only.
    const marker = escapeWithin(continued, BLOCK_KIT_LIMITS.text);
    return {
      text: escapeWithin(continued, BLOCK_KIT_LIMITS.fallback),
      blocks: withUniqueActionIds([{ type: "context", elements: [mrkdwn(marker)] }, ...blocks]),
    };
  });
}

/** The post's blocks in groups (the title with its stamp, one group per item…), in order. */
export function minutesBlockGroups(doc: MinutesDocument): BlockGroup[] {
  return [
    [
      ...titleBlocks(doc.title),
      ...(doc.stamp ? contextBlocks(doc.stamp) : []),
      ...(doc.corrected ? contextBlocks(doc.corrected) : []),
    ],
    paragraphBlocks(doc.lede),
    ...doc.sections.map((section) => sectionBlocks(sectionLines(section))),
    ...(doc.otherActions
      ? [
          sectionBlocks([
            heading(doc.otherActions.heading),
            ...actionLines(doc.otherActions.actions),
          ]),
        ]
      : []),
    ...(doc.closing ? [sectionBlocks(closingLines(doc.closing))] : []),
    ...(doc.checksum ? [contextBlocks(checksumLine(doc.checksum))] : []),
    ...(doc.protocol ? protocolAfterPost(doc.protocol) : []),
  ].filter((group) => group.length > 0);
}

/** The protocol (architecture.md §12) follows the post it was published with, set off by a divider. */
function protocolAfterPost(protocol: NonNullable<MinutesDocument["protocol"]>): BlockGroup[] {
  const [first = [], ...rest] = protocolBlockGroups(protocol);
  // The divider travels with the protocol's head, so that it never ends a message alone.
  return [[{ block: { type: "divider" }, plain: "" }, ...first], ...rest];
}

function heading(value: string): Line {
  return { segments: [text(value, "bold")] };
}

/** Heading, decision label and text as one section, the way the plain-text post reads. */
function sectionLines(section: MinutesSection): Line[] {
  return [
    heading(section.heading),
    ...(section.decision ? [{ segments: [text(section.decision.label, "italic")] }] : []),
    ...section.paragraphs.map(
      (paragraph, index): Line => ({
        segments: [text(paragraph)],
        gap: index === 0 ? "\n" : "\n\n",
      }),
    ),
    ...actionLines(section.actions),
  ];
}

function actionLines(actions: MinutesAction[]): Line[] {
  return actions.map((action) => ({ segments: [markup("• ", "- "), text(action.line)] }));
}

function closingLines(closing: MinutesClosing): Line[] {
  const { documents } = closing;
  return [
    heading(closing.heading),
    ...(documents
      ? [
          {
            segments: [text(documents.before), documentsLink(documents.url), text(documents.after)],
          },
        ]
      : []),
    ...(closing.nextMeeting ? [{ segments: [text(closing.nextMeeting)] }] : []),
  ];
}

/**
 * A web address becomes `<https://…|as typed>`; anything else (`javascript:`…) stays text.
 * webHref percent-encodes `|`, `<` and `>`, so the link cannot end early; `&` is escaped as
 * everywhere in mrkdwn. A link too long for a section is shown as text instead of being cut.
 */
function documentsLink(url: string): Segment {
  const href = webHref(url);
  if (href === undefined) return text(url);
  const link = `<${escapeSlackText(href)}|${escapeSlackText(url)}>`;
  return link.length <= BLOCK_KIT_LIMITS.text ? markup(link, url) : text(url);
}
