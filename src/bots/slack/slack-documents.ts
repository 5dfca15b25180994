import type { WebClient } from "@slack/web-api";
import { createTranslator } from "../../domain/i18n/translator.js";
import type { Reply } from "../../domain/reply.js";
import type { Logger } from "../../logger.js";
import { documentBytes, withDocumentsDelivered } from "../document-delivery.js";

/**
 * A reply's documents (`protokoll pdf`) uploaded to the caller in their direct messages with the
 * app (files.uploadV2); where the upload fails, the reply keeps the document's own note.
 */
export function uploadDocuments(
  client: WebClient,
  userId: string,
  reply: Reply,
  logger: Logger,
): Promise<Reply> {
  const { t } = createTranslator(reply.locale);
  return withDocumentsDelivered(reply, async (block) => {
    try {
      const opened = await client.conversations.open({ users: userId });
      const channel = opened.channel?.id;
      if (!channel) return null;
      await client.files.uploadV2({
        channel_id: channel,
        file: await documentBytes(block),
        filename: block.filename,
        title: block.filename,
      });
      return t(block.kind === "protocol-pdf" ? "pdf.sent" : "my-data.sent");
    } catch (error) {
      logger.warn({ err: error }, "uploading a document to Slack failed");
      return null;
    }
  });
}
