import { fromIsoDate, isValidLocalDate } from "../domain/dates/local-date.js";
import { localDateOf } from "../domain/dates/zoned-time.js";
import { createTranslator } from "../domain/i18n/translator.js";
import { canonicalJson, sha256Hex } from "../domain/minutes/snapshot.js";
import type { CouncilRecord } from "../domain/records.js";
import { type ArchivePath, archivePaths } from "../domain/web/archive-paths.js";
import {
  type ArchivedPost,
  archiveCouncil,
  archivedPosts,
  calendarMeetings,
} from "../handlers/web-archive.js";
import { renderArchiveIndexHtml } from "../render/archive-index-html.js";
import { renderAtomFeed } from "../render/atom-feed.js";
import { renderICalendar } from "../render/icalendar.js";
import { renderMinutesArticle, renderMinutesHtml } from "../render/minutes-html.js";
import { renderMinutesMarkdown } from "../render/minutes-markdown.js";
import { renderProtocolHtml } from "../render/protocol-html.js";
import { renderProtocolPdf } from "../render/protocol-pdf.js";
import type { Store } from "../store/store.js";

// What each address of the archive (architecture.md §13) is: found in the store through the
// handlers, rendered, and described for HTTP (type, validator, last change).

export type ArchiveResource =
  | {
      kind: "content";
      type: string;
      /** The body, or how to make it: a PDF is made only when it is not already cached. */
      body: string | (() => Promise<Buffer>);
      /** Strong validator: the same content always has the same tag. */
      etag: string;
      lastModified: Date | null;
    }
  | { kind: "redirect"; location: string }
  | { kind: "not-found" };

const NOT_FOUND: ArchiveResource = { kind: "not-found" };
const HTML = "text/html; charset=utf-8";

export interface ArchiveContext {
  store: Store;
  now: Date;
  /** The archive's absolute base ("https://noterat.example.se"): feeds need absolute links. */
  base: string;
}

export async function archiveResource(
  path: ArchivePath,
  context: ArchiveContext,
): Promise<ArchiveResource> {
  const found = await archiveCouncil(context.store, path.slug);
  if (found.kind === "moved") {
    return { kind: "redirect", location: movedPath(path, found.slug) };
  }
  if (found.kind === "none") return NOT_FOUND;
  const { council } = found;
  if (path.kind === "slash") {
    return { kind: "redirect", location: archivePaths(path.slug).index };
  }
  if (path.kind === "calendar") return calendar(council, context);
  if (path.kind === "index") {
    return index(council, path.slug, await archivedPosts(context.store, council));
  }
  if (path.kind === "feed") {
    return feed(council, path.slug, await archivedPosts(context.store, council), context);
  }
  if (!("date" in path)) return NOT_FOUND;
  // "2026-02-30" has the shape of a date and names none: no such post.
  const day = fromIsoDate(path.date);
  if (!isValidLocalDate(day)) return NOT_FOUND;
  return postResource(path, await archivedPosts(context.store, council, day));
}

/** One post's addresses: the page, its Markdown, and in protocol mode the protocol. */
async function postResource(
  path: Extract<ArchivePath, { date: string }>,
  posts: ArchivedPost[],
): Promise<ArchiveResource> {
  const post = posts.find((candidate) => candidate.iso === path.date);
  if (!post) return NOT_FOUND;
  const { protocol } = post.document;
  switch (path.kind) {
    case "post":
      return content(HTML, renderMinutesHtml(post.document), post.updatedAt);
    case "markdown":
      return content(
        "text/markdown; charset=utf-8",
        renderMinutesMarkdown(post.document),
        post.updatedAt,
      );
    case "protocol-html":
      return protocol ? content(HTML, renderProtocolHtml(protocol), post.updatedAt) : NOT_FOUND;
    case "protocol-pdf":
      return protocol
        ? {
            kind: "content",
            type: "application/pdf",
            body: () => renderProtocolPdf(protocol),
            // Weak: the same protocol, but each PDF made of it differs in its creation date.
            etag: `W/${await tagOf(canonicalJson(protocol))}`,
            lastModified: post.updatedAt,
          }
        : NOT_FOUND;
  }
}

async function index(
  council: CouncilRecord,
  slug: string,
  posts: ArchivedPost[],
): Promise<ArchiveResource> {
  const paths = archivePaths(slug);
  const years = new Map<number, ArchivedPost[]>();
  for (const post of posts) {
    const year = years.get(post.date.year) ?? [];
    year.push(post);
    years.set(post.date.year, year);
  }
  const html = renderArchiveIndexHtml({
    locale: council.locale,
    councilName: council.name,
    years: [...years.entries()].map(([year, entries]) => ({
      year,
      entries: entries.map((post) => ({
        date: post.date,
        title: post.document.title,
        path: paths.post(post.iso),
        ...(post.document.protocol
          ? { protocolPath: paths.protocolHtml(post.iso), pdfPath: paths.protocolPdf(post.iso) }
          : {}),
        ...(post.document.corrected ? { corrected: post.document.corrected } : {}),
      })),
    })),
    feedPath: paths.feed,
    calendarPath: paths.calendar,
  });
  // The council's name is on the page, and a rename is no post's change: the ETag alone.
  return content(HTML, html, null);
}

async function feed(
  council: CouncilRecord,
  slug: string,
  posts: ArchivedPost[],
  context: ArchiveContext,
): Promise<ArchiveResource> {
  const { t } = createTranslator(council.locale);
  const paths = archivePaths(slug);
  const updated = latest(posts) ?? new Date(0);
  // Ids that outlive a rename of the council and a move of the server: tag URIs (RFC 4151).
  const id = `tag:noterat,2026:arkiv/${council.id}`;
  const xml = renderAtomFeed({
    id,
    title: t("feeds.atom.title", { council: council.name }),
    updated,
    selfUrl: `${context.base}${paths.feed}`,
    siteUrl: `${context.base}${paths.index}`,
    locale: council.locale,
    entries: posts.map((post) => ({
      id: `${id}/${post.meetingId}`,
      title: post.document.title,
      url: `${context.base}${paths.post(post.iso)}`,
      published: post.publishedAt,
      updated: post.updatedAt,
      contentHtml: renderMinutesArticle(post.document),
    })),
  });
  return content("application/atom+xml; charset=utf-8", xml, null);
}

async function calendar(council: CouncilRecord, context: ArchiveContext): Promise<ArchiveResource> {
  const { t } = createTranslator(council.locale);
  const meetings = await calendarMeetings(context.store, council, context.now);
  const text = renderICalendar({
    name: t("feeds.calendar.name", { council: council.name }),
    events: meetings.map((meeting) => ({
      uid: `${meeting.id}@noterat`,
      start: meeting.startsAt,
      date: localDateOf(meeting.startsAt, council.timeZone),
      allDay: !meeting.hasTime,
      summary: t("feeds.calendar.event", { council: council.name }),
      location: meeting.place,
      sequence: meeting.sequence,
      status: meeting.cancelled ? "CANCELLED" : "CONFIRMED",
      updated: meeting.scheduledAt,
    })),
  });
  // The council's name is in it too, and a rename is no meeting's change: the ETag alone.
  return content("text/calendar; charset=utf-8", text, null);
}

async function content(
  type: string,
  body: string,
  lastModified: Date | null,
): Promise<ArchiveResource> {
  return { kind: "content", type, body, etag: await tagOf(body), lastModified };
}

async function tagOf(text: string): Promise<string> {
  return `"${(await sha256Hex(text)).slice(0, 32)}"`;
}

function latest(posts: ArchivedPost[]): Date | null {
  return posts.reduce<Date | null>(
    (last, post) => (last && last > post.updatedAt ? last : post.updatedAt),
    null,
  );
}

/** The same resource under the council's current slug. */
function movedPath(path: ArchivePath, slug: string): string {
  const paths = archivePaths(slug);
  switch (path.kind) {
    case "slash":
    case "index":
      return paths.index;
    case "feed":
      return paths.feed;
    case "calendar":
      return paths.calendar;
    case "post":
      return paths.post(path.date);
    case "markdown":
      return paths.markdown(path.date);
    case "protocol-html":
      return paths.protocolHtml(path.date);
    case "protocol-pdf":
      return paths.protocolPdf(path.date);
  }
}
