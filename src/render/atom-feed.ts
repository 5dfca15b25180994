import { escapeHtml } from "./escape-html.js";

// The council's published posts as an Atom feed (RFC 4287), for the region's web CMS.

export interface AtomEntry {
  id: string;
  title: string;
  url: string;
  published: Date;
  updated: Date;
  contentHtml: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  updated: Date;
  selfUrl: string;
  siteUrl: string;
  locale: string;
  entries: AtomEntry[];
}

export function renderAtomFeed(feed: AtomFeed): string {
  // Atom requires an author on the feed or on every entry; the council speaks for its posts.
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlEscape(feed.locale)}">`,
    element("id", feed.id),
    element("title", feed.title),
    element("updated", rfc3339(latestUpdate(feed))),
    link("self", "application/atom+xml", feed.selfUrl),
    link("alternate", "text/html", feed.siteUrl),
    `<author>${element("name", feed.title)}</author>`,
    ...feed.entries.map(renderEntry),
    "</feed>",
    "",
  ].join("\n");
}

function renderEntry(entry: AtomEntry): string {
  return [
    "<entry>",
    element("id", entry.id),
    element("title", entry.title),
    link("alternate", "text/html", entry.url),
    element("published", rfc3339(entry.published)),
    element("updated", rfc3339(entry.updated)),
    `<content type="html">${xmlEscape(entry.contentHtml)}</content>`,
    "</entry>",
  ].join("\n");
}

/** A feed has changed when any of its entries has, whatever the caller's own date says. */
function latestUpdate(feed: AtomFeed): Date {
  const times = [feed.updated, ...feed.entries.map((entry) => entry.updated)].map((date) =>
    date.getTime(),
  );
  return new Date(Math.max(...times));
}

function element(name: string, text: string): string {
  return `<${name}>${xmlEscape(text)}</${name}>`;
}

function link(rel: string, type: string, href: string): string {
  return `<link rel="${rel}" type="${type}" href="${xmlEscape(href)}"/>`;
}

/** "2026-03-30T11:00:00Z": whole seconds in UTC. */
function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Anything outside XML 1.0's Char production: it cannot be carried, escaped or not. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text or a quoted attribute value. HTML's escaping is XML's too, once the forbidden are gone. */
function xmlEscape(text: string): string {
  return escapeHtml(text.replace(NOT_XML, ""));
}
