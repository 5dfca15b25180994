import { isoDate } from "../domain/dates/local-date.js";
import type { CouncilRecord } from "../domain/records.js";
import type { LocalDate } from "../domain/types.js";
import { archivePaths } from "../domain/web/archive-paths.js";
import type { CommandContext } from "./context.js";

/**
 * Where the council's archive is on the web, when NOTERAT_PUBLIC_URL is set and the council's
 * web is on; null otherwise.
 */
export async function archiveBase(
  context: CommandContext<unknown>,
  council: CouncilRecord,
): Promise<{ url: string; slug: string } | null> {
  const { publicUrl, store } = context.deps;
  if (publicUrl === undefined) return null;
  const web = await store.web.settings(council.id);
  return web.enabled && web.slug !== null ? { url: publicUrl, slug: web.slug } : null;
}

/** After `publicera`: the post's address (and the protocol's, in protocol mode). */
export async function postLinks(
  context: CommandContext<unknown>,
  council: CouncilRecord,
  date: LocalDate,
): Promise<string[]> {
  const base = await archiveBase(context, council);
  if (!base) return [];
  const paths = archivePaths(base.slug);
  const links = [context.t.t("web.link-post", { url: `${base.url}${paths.post(isoDate(date))}` })];
  if (council.mode === "protocol") {
    links.push(
      context.t.t("web.link-protocol", { url: `${base.url}${paths.protocolPdf(isoDate(date))}` }),
    );
  }
  return links;
}

/** Under `nästa` and `hjälp`: the archive and the calendar to subscribe to. */
export async function archiveLinks(
  context: CommandContext<unknown>,
  council: CouncilRecord,
): Promise<string[]> {
  const base = await archiveBase(context, council);
  if (!base) return [];
  const paths = archivePaths(base.slug);
  return [
    context.t.t("web.link-archive", {
      url: `${base.url}${paths.index}`,
      calendar: `${base.url}${paths.calendar}`,
    }),
  ];
}
