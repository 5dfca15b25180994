import type { Reply, ReplyBlock } from "../domain/reply.js";
import { renderMinutesText } from "./minutes-text.js";

/** A reply as plain text: the console's output and every platform's notification fallback. */
export function renderReplyText(reply: Reply): string {
  return reply.blocks.map(renderBlock).join("\n\n");
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
  }
}

function withTitle(title: string | undefined, lines: string[]): string {
  const body = lines.map((line) => `  ${line}`).join("\n");
  return title ? `${title}\n${body}` : body;
}
