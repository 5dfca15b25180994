// The web archive's addresses (architecture.md §13), relative to the server's root; `date` is ISO
// (yyyy-mm-dd). The router reads them back with readArchivePath.

export function archivePaths(slug: string) {
  const root = `/arkiv/${slug}/`;
  return {
    index: root,
    post: (date: string) => `${root}${date}`,
    markdown: (date: string) => `${root}${date}.md`,
    protocolHtml: (date: string) => `${root}${date}/protokoll.html`,
    protocolPdf: (date: string) => `${root}${date}/protokoll.pdf`,
    feed: `${root}flode.xml`,
    calendar: `${root}moten.ics`,
  };
}

export type ArchivePath =
  | { kind: "index"; slug: string }
  | { kind: "post" | "markdown" | "protocol-html" | "protocol-pdf"; slug: string; date: string }
  | { kind: "feed" | "calendar"; slug: string }
  /** `/arkiv/{slug}` without its slash: the index's address with one. */
  | { kind: "slash"; slug: string };

const SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*";
const DATE = "\\d{4}-\\d{2}-\\d{2}";
const PATTERNS: Array<[RegExp, ArchivePath["kind"]]> = [
  [new RegExp(`^/arkiv/(${SLUG})$`), "slash"],
  [new RegExp(`^/arkiv/(${SLUG})/$`), "index"],
  [new RegExp(`^/arkiv/(${SLUG})/flode\\.xml$`), "feed"],
  [new RegExp(`^/arkiv/(${SLUG})/moten\\.ics$`), "calendar"],
  [new RegExp(`^/arkiv/(${SLUG})/(${DATE})$`), "post"],
  [new RegExp(`^/arkiv/(${SLUG})/(${DATE})\\.md$`), "markdown"],
  [new RegExp(`^/arkiv/(${SLUG})/(${DATE})/protokoll\\.html$`), "protocol-html"],
  [new RegExp(`^/arkiv/(${SLUG})/(${DATE})/protokoll\\.pdf$`), "protocol-pdf"],
];

/**
 * What an address in the archive names; undefined for anything else (a dot-dot, an encoded
 * slash, a slug in capitals: nothing but these exact shapes is ever served).
 */
export function readArchivePath(path: string): ArchivePath | undefined {
  for (const [pattern, kind] of PATTERNS) {
    const match = pattern.exec(path);
    if (!match) continue;
    const slug = match[1] ?? "";
    const date = match[2];
    if (kind === "index" || kind === "feed" || kind === "calendar" || kind === "slash") {
      return { kind, slug };
    }
    return date === undefined ? undefined : { kind, slug, date };
  }
  return undefined;
}
