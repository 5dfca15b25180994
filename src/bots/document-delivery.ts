import type { Reply, ReplyBlock } from "../domain/reply.js";
import { renderProtocolPdf } from "../render/protocol-pdf.js";

/** A document block of a reply: a file a surface hands over its own way (architecture.md §13). */
export type DocumentBlock = Extract<ReplyBlock, { type: "document" }>;

/** The file's bytes: the protocol rendered as a PDF, or the JSON as UTF-8. */
export async function documentBytes(block: DocumentBlock): Promise<Buffer> {
  return block.kind === "protocol-pdf"
    ? renderProtocolPdf(block.protocol)
    : Buffer.from(block.json, "utf8");
}

/**
 * The reply with each document handed over by `deliver`, which returns what to say in its place
 * (or null to keep the block's own note, where it could not be handed over).
 */
export async function withDocumentsDelivered(
  reply: Reply,
  deliver: (block: DocumentBlock) => Promise<string | null>,
): Promise<Reply> {
  if (!reply.blocks.some((block) => block.type === "document")) return reply;
  const blocks: ReplyBlock[] = [];
  for (const block of reply.blocks) {
    if (block.type !== "document") {
      blocks.push(block);
      continue;
    }
    const said = await deliver(block);
    blocks.push(said === null ? block : { type: "text", text: said });
  }
  return { ...reply, blocks };
}
