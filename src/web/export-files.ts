import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isoDate } from "../domain/dates/local-date.js";
import { slugOf } from "../domain/web/slug.js";
import type { Publication } from "../handlers/context.js";
import { renderMinutesHtml } from "../render/minutes-html.js";
import { renderMinutesMarkdown } from "../render/minutes-markdown.js";
import { renderProtocolHtml } from "../render/protocol-html.js";
import { renderProtocolMarkdown } from "../render/protocol-markdown.js";

/**
 * The web version of a publication, for a site that takes files (architecture.md §13): Markdown and
 * HTML named by council and meeting date, so that publishing again overwrites that meeting's
 * files; in protocol mode the protocol too (`…-protokoll.md`, `…-protokoll.html`); an extract
 * of one § has files of its own (`…-p8…` for item #8). Returns the paths written.
 */
export async function exportWebFiles(
  directory: string,
  publication: Publication,
): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const extract = publication.extractRef === undefined ? "" : `-p${publication.extractRef}`;
  const base = join(
    directory,
    `${slugOf(publication.councilName)}-${isoDate(publication.meetingDate)}${extract}`,
  );
  const { document } = publication;
  const files: Array<[string, string]> = [
    [`${base}.md`, renderMinutesMarkdown(document)],
    [`${base}.html`, renderMinutesHtml(document)],
    ...(document.protocol
      ? ([
          [`${base}-protokoll.md`, renderProtocolMarkdown(document.protocol)],
          [`${base}-protokoll.html`, renderProtocolHtml(document.protocol)],
        ] as Array<[string, string]>)
      : []),
  ];
  for (const [path, content] of files) await writeFile(path, content, "utf8");
  return files.map(([path]) => path);
}
