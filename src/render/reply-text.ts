import type { ReplyBlock, ReplyBody } from "../domain/reply.js";
import { renderMinutesText } from "./minutes-text.js";
import { renderProtocolText } from "./protocol-text.js";

/** A reply as plain text: the console's output and every platform's notification fallback. */
export function renderReplyText(reply: ReplyBody): string {
  return reply.blocks
    .map(renderBlock)
    .filter((text) => text !== "")
    .join("\n\n");
}

function renderBlock(block: ReplyBlock): string {
  switch (block.type) {
    case "text":
      return block.text;
    case "list":
      return withTitle(block.title, block.lines);
    case "actions":
      return withTitle(block.title, [
        ...block.actions.map((action) => action.line),
        ...(block.more ? [block.more] : []),
      ]);
    case "minutes":
      return renderMinutesText(block.document);
    case "protocol":
      return renderProtocolText(block.document);
    case "document":
      return block.note;
    case "buttons":
      // The text form is a fallback: what the buttons do is typed as commands.
      return "";
  }
}

function withTitle(title: string | undefined, lines: string[]): string {
  const body = lines.map((line) => `  ${line}`).join("\n");
  return title ? `${title}\n${body}` : body;
}
