import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { readArchivePath } from "../domain/web/archive-paths.js";
import type { Clock } from "../handlers/context.js";
import type { Logger } from "../logger.js";
import type { Store } from "../store/store.js";
import { type ArchiveResource, archiveResource } from "./archive-resources.js";
import { PdfCache } from "./pdf-cache.js";

// The web archive (architecture.md §13) over HTTP: GET and HEAD only, validators with 304, the same
// 404 for anything not published (an unknown council, one with the web off, a draft, a path
// that is not an archive address), and headers that let nothing run or be sniffed.

const SECURITY_HEADERS = {
  // The pages carry their own style sheet and nothing else: no script, no frames, no forms.
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

export interface ArchiveListenerOptions {
  store: Store;
  clock: Clock;
  /** NOTERAT_PUBLIC_URL: the base of the feeds' absolute links; else the request's own host. */
  publicUrl: string | null;
  logger: Logger;
}

export function archiveListener(options: ArchiveListenerOptions): RequestListener {
  const pdfs = new PdfCache();
  return (request, response) => {
    serve(request, response, options, pdfs).catch((error: unknown) => {
      // The kind of page, not its address: an address carries a council's name.
      const resource = readArchivePath(pathOf(request))?.kind ?? "other";
      options.logger.error({ err: error, resource }, "archive request failed");
      if (!response.headersSent) response.writeHead(500, SECURITY_HEADERS);
      response.end();
    });
  };
}

async function serve(
  request: IncomingMessage,
  response: ServerResponse,
  options: ArchiveListenerOptions,
  pdfs: PdfCache,
): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { ...SECURITY_HEADERS, allow: "GET, HEAD" }).end();
    return;
  }
  const path = readArchivePath(pathOf(request));
  const resource: ArchiveResource = path
    ? await archiveResource(path, {
        store: options.store,
        now: options.clock.now(),
        base: options.publicUrl ?? `http://${request.headers.host ?? "localhost"}`,
      })
    : { kind: "not-found" };
  if (resource.kind === "not-found") {
    const body = "Not found\n";
    response
      .writeHead(404, {
        ...SECURITY_HEADERS,
        "content-type": "text/plain; charset=utf-8",
        "content-length": Buffer.byteLength(body),
        "cache-control": "no-cache",
      })
      .end(request.method === "HEAD" ? undefined : body);
    return;
  }
  if (resource.kind === "redirect") {
    // Found, not moved for good: a council renamed back takes its old addresses again, and a
    // browser that had kept a permanent redirect would go round in a loop.
    response
      .writeHead(302, {
        ...SECURITY_HEADERS,
        location: resource.location,
        "content-length": 0,
        "cache-control": "no-cache",
      })
      .end();
    return;
  }
  const headers = {
    ...SECURITY_HEADERS,
    "content-type": resource.type,
    etag: resource.etag,
    // Revalidate each time: a corrected post must reach readers at once.
    "cache-control": "no-cache",
    ...(resource.lastModified
      ? { "last-modified": wholeSeconds(resource.lastModified).toUTCString() }
      : {}),
  };
  if (notModified(request, resource)) {
    response.writeHead(304, headers).end();
    return;
  }
  const body =
    typeof resource.body === "string"
      ? Buffer.from(resource.body, "utf8")
      : await pdfs.get(resource.etag, resource.body);
  response.writeHead(200, { ...headers, "content-length": body.length });
  response.end(request.method === "HEAD" ? undefined : body);
}

/** RFC 9110: If-None-Match wins over If-Modified-Since. */
function notModified(
  request: IncomingMessage,
  resource: Extract<ArchiveResource, { kind: "content" }>,
): boolean {
  const match = request.headers["if-none-match"];
  if (match !== undefined) {
    return match
      .split(",")
      .map((tag) => tag.trim().replace(/^W\//, ""))
      .some((tag) => tag === "*" || tag === resource.etag.replace(/^W\//, ""));
  }
  const since = request.headers["if-modified-since"];
  if (since === undefined || !resource.lastModified) return false;
  const date = Date.parse(since);
  return !Number.isNaN(date) && wholeSeconds(resource.lastModified).getTime() <= date;
}

function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** The path as sent, undecoded: "%2e%2e" is not "..", and matches no archive address. */
function pathOf(request: IncomingMessage): string {
  return (request.url ?? "/").split("?")[0] ?? "/";
}
