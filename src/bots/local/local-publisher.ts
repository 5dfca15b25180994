import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isoDate } from "../../domain/dates/local-date.js";
import { createTranslator } from "../../domain/i18n/translator.js";
import type { Publication } from "../../handlers/context.js";
import type { ChannelPublisher } from "../../handlers/publisher-fan-out.js";
import type { Logger } from "../../logger.js";
import { renderMinutesHtml } from "../../render/minutes-html.js";
import { renderMinutesMarkdown } from "../../render/minutes-markdown.js";
import { renderMinutesText } from "../../render/minutes-text.js";
import { renderProtocolHtml } from "../../render/protocol-html.js";
import { renderProtocolMarkdown } from "../../render/protocol-markdown.js";

/**
 * The console's channel: prints the post, and writes it for the web site as Markdown and HTML
 * named by council and meeting date, so that publishing again overwrites that meeting's files;
 * in protocol mode the protocol too, as `…-protokoll.md` and `…-protokoll.html`.
 */
export function localPublisher(
  output: NodeJS.WritableStream,
  exportDir: string,
  logger: Logger,
): ChannelPublisher {
  return {
    async publish(publication, place) {
      const { t } = createTranslator(publication.document.locale);
      try {
        const files = await writePublishedFiles(exportDir, publication);
        output.write(`${renderMinutesText(publication.document)}\n\n`);
        output.write(`${t("local.published-files", { files: files.join(", ") })}\n\n`);
        return { place, ok: true };
      } catch (error) {
        logger.error({ err: error, exportDir }, "writing the published post failed");
        return { place, ok: false, reason: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

async function writePublishedFiles(directory: string, publication: Publication): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  // The extract of one § approved at the meeting has files of its own ("-p8" for item #8).
  const extract = publication.extractRef === undefined ? "" : `-p${publication.extractRef}`;
  const base = join(
    directory,
    `${slug(publication.councilName)}-${isoDate(publication.meetingDate)}${extract}`,
  );
  const markdown = `${base}.md`;
  const html = `${base}.html`;
  await writeFile(markdown, renderMinutesMarkdown(publication.document), "utf8");
  await writeFile(html, renderMinutesHtml(publication.document), "utf8");
  const { protocol } = publication.document;
  if (!protocol) return [markdown, html];
  // Protocol mode (DESIGN.md §12): the protocol is published beside the post, as its own files.
  const protocolMarkdown = `${base}-protokoll.md`;
  const protocolHtml = `${base}-protokoll.html`;
  await writeFile(protocolMarkdown, renderProtocolMarkdown(protocol), "utf8");
  await writeFile(protocolHtml, renderProtocolHtml(protocol), "utf8");
  return [markdown, html, protocolMarkdown, protocolHtml];
}

/** "Regionala samverkansrådet" → "regionala-samverkansradet" */
function slug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
