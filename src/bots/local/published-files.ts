import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { MinutesDocument } from "../../domain/minutes/document.js";
import { renderMinutesHtml } from "../../render/minutes-html.js";
import { renderMinutesMarkdown } from "../../render/minutes-markdown.js";

/** Writes the post for the web site as Markdown and HTML; a republished post overwrites its files. */
export async function writePublishedFiles(
  directory: string,
  document: MinutesDocument,
): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const base = join(directory, slug(document.title));
  const markdown = `${base}.md`;
  const html = `${base}.html`;
  await writeFile(markdown, renderMinutesMarkdown(document), "utf8");
  await writeFile(html, renderMinutesHtml(document), "utf8");
  return [markdown, html];
}

/** "Noterat från Regionala samverkansrådet 11 april" → "noterat-fran-regionala-samverkansradet-11-april" */
function slug(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
