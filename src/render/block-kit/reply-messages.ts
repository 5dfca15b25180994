import { createTranslator, type Translator } from "../../domain/i18n/translator.js";
import type { Reply, ReplyBlock } from "../../domain/reply.js";
import { actionEntryGroup, buttonRows } from "./action-buttons.js";
import { BLOCK_KIT_LIMITS, type SlackMessage } from "./block-kit-types.js";
import { chunkGroups, fallbackText, withUniqueActionIds } from "./message-chunks.js";
import { minutesBlockGroups } from "./minutes-messages.js";
import { type Line, text } from "./mrkdwn-sections.js";
import { protocolBlockGroups } from "./protocol-messages.js";
import type { BlockGroup } from "./rendered-block.js";
import { contextBlocks, paragraphBlocks, sectionBlocks } from "./text-blocks.js";

// A command's reply in Block Kit: usually one message; a reply too big for one (a long list,
// a compiled post) becomes several, each with the fallback text of what it shows. A reply
// with nothing to show gives no message.

export function renderReplyMessages(reply: Reply): SlackMessage[] {
  const t = createTranslator(reply.locale);
  const groups = reply.blocks.flatMap((block) => blockGroups(block, t));
  return chunkGroups(groups, () => BLOCK_KIT_LIMITS.messageBlocks).map((chunk) => ({
    text: fallbackText(chunk),
    blocks: withUniqueActionIds(chunk.map(({ block }) => block)),
  }));
}

function blockGroups(block: ReplyBlock, t: Translator): BlockGroup[] {
  switch (block.type) {
    case "text":
      return [paragraphBlocks(block.text)];
    case "list":
      return [sectionBlocks([...titleLine(block.title), ...block.lines.map(plainLine)])];
    case "actions": {
      const title = sectionBlocks(titleLine(block.title));
      const entries = block.actions.map((entry) => actionEntryGroup(entry, t));
      const [first = [], ...rest] = entries;
      // The title travels with the first action, so that it never ends a message alone.
      return [[...title, ...first], ...rest, ...(block.more ? [contextBlocks(block.more)] : [])];
    }
    case "minutes":
      return minutesBlockGroups(block.document);
    case "protocol":
      return protocolBlockGroups(block.document);
    case "document":
      // The Slack surface uploads the file itself; where it does not, the note stands.
      return [paragraphBlocks(block.note)];
    case "buttons":
      return [buttonRows(block.buttons)];
  }
}

function titleLine(title: string | undefined): Line[] {
  return title ? [{ segments: [text(title, "bold")] }] : [];
}

function plainLine(line: string): Line {
  return { segments: [text(line)] };
}
