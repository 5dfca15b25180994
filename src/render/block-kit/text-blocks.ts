import { BLOCK_KIT_LIMITS, type MrkdwnObject } from "./block-kit-types.js";
import { type Line, packSections, text } from "./mrkdwn-sections.js";
import type { RenderedBlock } from "./rendered-block.js";
import { escapeSlackText } from "./slack-escape.js";
import { splitText } from "./split-text.js";

// Blocks that show text: sections, a header (or a bold section when the title is too long
// for one), context lines. Every string is escaped on the way in.

/** verbatim: Slack would otherwise turn a typed "@channel" or "#kanal" into a live mention or link. */
export function mrkdwn(value: string): MrkdwnObject {
  return { type: "mrkdwn", text: value, verbatim: true };
}

export function sectionBlocks(lines: Line[]): RenderedBlock[] {
  return packSections(lines).map(({ mrkdwn: value, plain }) => ({
    block: { type: "section", text: mrkdwn(value) },
    plain,
  }));
}

export function paragraphBlocks(value: string): RenderedBlock[] {
  return sectionBlocks([{ segments: [text(value)] }]);
}

/**
 * A header when the title fits one (150 characters, one line); else the whole title in bold
 * sections, since a header is never cut.
 */
export function titleBlocks(title: string): RenderedBlock[] {
  const escaped = escapeSlackText(title);
  if (title.trim() !== "" && escaped.length <= BLOCK_KIT_LIMITS.header && !/[\r\n]/.test(title)) {
    return [
      {
        block: { type: "header", text: { type: "plain_text", text: escaped, emoji: true } },
        plain: title,
      },
    ];
  }
  return sectionBlocks([{ segments: [text(title, "bold")] }]);
}

/** Small print (a stamp, "… and 3 more"): context elements of at most 3000 characters each. */
export function contextBlocks(value: string): RenderedBlock[] {
  const pieces = splitText(value, BLOCK_KIT_LIMITS.text).filter((piece) => piece.trim() !== "");
  const blocks: RenderedBlock[] = [];
  for (let index = 0; index < pieces.length; index += BLOCK_KIT_LIMITS.contextElements) {
    const chunk = pieces.slice(index, index + BLOCK_KIT_LIMITS.contextElements);
    blocks.push({
      block: { type: "context", elements: chunk.map((piece) => mrkdwn(escapeSlackText(piece))) },
      plain: chunk.join(""),
    });
  }
  return blocks;
}
