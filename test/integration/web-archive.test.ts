import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import fc from "fast-check";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import ICAL from "ical.js";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type RunningServer, startHttpServer } from "../../src/bots/http-server.js";
import { isoDate } from "../../src/domain/dates/local-date.js";
import type { Publication } from "../../src/handlers/context.js";
import { renderMinutesHtml } from "../../src/render/minutes-html.js";
import { renderMinutesMarkdown } from "../../src/render/minutes-markdown.js";
import { renderProtocolHtml } from "../../src/render/protocol-html.js";
import { archiveListener } from "../../src/web/archive-listener.js";
import { ChatSession } from "../support/chat-session.js";
import { FixedClock } from "../support/console-harness.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

// The web archive (architecture.md §13) as a reader, a feed reader and a calendar get it: councils set
// up through commands on a real database (SQLite, or PostgreSQL with
// NOTERAT_TEST_DATABASE=postgresql), the archive route on the real HTTP server, requests over
// 127.0.0.1.
//
// Reglab (notes mode) publishes 10 November 2025, 2 and 16 March 2026; 23 March is justerad but
// not published, 30 March a draft. Samverkansrådet Norr (protocol mode) publishes 9 March 2026.

let temp: TempDatabase;
let clock: FixedClock;
let server: RunningServer;

beforeEach(async () => {
  temp = await openTempDatabase();
  clock = new FixedClock("2025-11-10T08:00:00Z");
  const logger = pino({ level: process.env.NOTERAT_TEST_LOG ?? "silent" });
  server = await startHttpServer({
    host: "127.0.0.1",
    port: 0,
    logger,
    routes: [
      {
        prefix: "/arkiv/",
        listener: archiveListener({ store: temp.store, clock, publicUrl: null, logger }),
      },
    ],
  });
});
afterEach(async () => {
  await server.close();
  await temp.cleanup();
});

/** One channel's people typing commands; `say` gives the reply's text. */
function channel(name: string) {
  const chat = new ChatSession(temp.store, clock, name);
  return {
    chat,
    say: async (user: string, text: string) => (await chat.say(user, text)).text,
  };
}

type Channel = ReturnType<typeof channel>;

/** The item's short number in a `noterat`/`beslut` acknowledgement ("Noterat #3: …"). */
function refIn(reply: string): number {
  const ref = /#(\d+)/.exec(reply)?.[1];
  if (ref === undefined) throw new Error(`no item number in: ${reply}`);
  return Number(ref);
}

/**
 * A notes-mode meeting at 13:00 on `day` with one item, logged at 09:00 (10:00 in summer), and
 * how far its minutes get. Returns the item's number.
 */
async function notesMeeting(
  room: Channel,
  day: string,
  heading: string,
  until: "draft" | "approved" | "published",
): Promise<number> {
  clock.set(`${day}T08:00:00Z`);
  await room.say("Eva", "möte idag kl 13");
  const ref = refIn(await room.say("Eva", `noterat ${heading}: Rådet informerades om ${heading}.`));
  if (until === "draft") return ref;
  expect(await room.say("Ordf", "justera")).toContain("justerade av Ordf");
  if (until === "published") expect(await room.say("Eva", "publicera")).toContain("publicerad");
  return ref;
}

/** Reglab with its web on: three posts published over two years, one justerad, one draft. */
async function reglab(): Promise<{ room: Channel; refs: Record<string, number> }> {
  const room = channel("reglab");
  await room.say("Eva", "råd Reglab");
  await room.say("Eva", "roll @Ordf ordförande");
  expect(await room.say("Eva", "webb på")).toContain("/arkiv/reglab/");
  const refs = {
    "2025-11-10": await notesMeeting(room, "2025-11-10", "Budget", "published"),
    "2026-03-02": await notesMeeting(room, "2026-03-02", "Kollektivtrafik", "published"),
    "2026-03-16": await notesMeeting(room, "2026-03-16", "Bredband", "published"),
    "2026-03-23": await notesMeeting(room, "2026-03-23", "Justerat", "approved"),
    "2026-03-30": await notesMeeting(room, "2026-03-30", "Utkast", "draft"),
  };
  return { room, refs };
}

/** Samverkansrådet Norr in protocol mode, its web on, one protocol published on 9 March 2026. */
async function norr(): Promise<Channel> {
  const room = channel("norr");
  clock.set("2026-03-02T08:00:00Z");
  await room.say("Sara", "råd Samverkansrådet Norr");
  await room.say("Sara", "läge protokoll");
  await room.say("Sara", "roll @Maria ordförande");
  await room.say("Sara", "ledamot @Maria @Anna @Bertil @Cecilia");
  expect(await room.say("Sara", "webb på")).toContain("/arkiv/samverkansradet-norr/");
  clock.set("2026-03-09T08:00:00Z");
  await room.say("Sara", "möte idag kl 13");
  await room.say("Sara", "närvarande @Maria @Anna @Bertil");
  await room.say("Sara", "justerare @Anna");
  await room.say("Sara", "beslut Budget 2026: Rådet fastställer budgeten.");
  await room.say("Maria", "justera");
  expect(await room.say("Anna", "justera")).toContain("är justerat");
  expect(await room.say("Sara", "publicera")).toContain("publicerad");
  return room;
}

/** The publication of the meeting on `day` (the last one, when it was published again). */
function publicationOf(room: Channel, day: string): Publication {
  const found = room.chat.publications.findLast(({ meetingDate }) => isoDate(meetingDate) === day);
  if (!found) throw new Error(`nothing was published for ${day}`);
  return found;
}

function get(path: string, init?: RequestInit): Promise<Response> {
  return fetch(`${server.url}${path}`, { redirect: "manual", ...init });
}

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A request with the path exactly as given. fetch (WHATWG URL) would resolve `..` and `%2e%2e`
 * before sending, and the server must be seen refusing them itself.
 */
function raw(path: string, method = "GET"): Promise<RawAnswer> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const sent = httpRequest(
      { host: "127.0.0.1", port, path, method, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    sent.on("error", reject);
    sent.end();
  });
}

/** The index's years and its posts' addresses, in page order. */
function indexOutline(html: string): { years: number[]; posts: string[] } {
  return {
    years: [...html.matchAll(/<h2>(\d{4})<\/h2>/g)].map((match) => Number(match[1])),
    posts: [...html.matchAll(/<p class="entry"><a href="([^"]+)"/g)].map((match) => match[1] ?? ""),
  };
}

const atomParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  isArray: (name) => name === "entry" || name === "link",
});

interface AtomLink {
  "@_rel": string;
  "@_href": string;
}
interface AtomEntry {
  id: string;
  title: string;
  link: AtomLink[];
  published: string;
  updated: string;
}
interface AtomFeed {
  id: string;
  updated: string;
  link: AtomLink[];
  entry?: AtomEntry[];
}

/** The council's Atom feed as a feed reader reads it, after checking that it is well-formed. */
async function atomFeed(slug: string): Promise<AtomFeed> {
  const response = await get(`/arkiv/${slug}/flode.xml`);
  expect(response.status).toBe(200);
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  return (atomParser.parse(xml) as { feed: AtomFeed }).feed;
}

function alternate(links: AtomLink[]): string {
  const found = links.find((link) => link["@_rel"] === "alternate");
  if (!found) throw new Error("no alternate link");
  return found["@_href"];
}

/** The council's calendar as ical.js reads it: each event by UID. */
async function calendar(slug: string): Promise<Map<string, ICAL.Event>> {
  const response = await get(`/arkiv/${slug}/moten.ics`);
  expect(response.status).toBe(200);
  const root = new ICAL.Component(ICAL.parse(await response.text()));
  return new Map(
    root
      .getAllSubcomponents("vevent")
      .map((component) => new ICAL.Event(component))
      .map((event) => [event.uid, event]),
  );
}

/** An event's start in UTC and on Stockholm's wall clock, and its SEQUENCE and STATUS. */
function eventTimes(event: ICAL.Event | undefined) {
  if (!event) throw new Error("no such event");
  const start = event.startDate.toJSDate();
  return {
    utc: start.toISOString(),
    stockholm: new Intl.DateTimeFormat("sv-SE", {
      timeZone: "Europe/Stockholm",
      dateStyle: "short",
      timeStyle: "short",
    }).format(start),
    sequence: event.sequence,
    status: event.component.getFirstPropertyValue("status"),
  };
}

describe("the archive's pages", () => {
  it("lists the published posts newest first under their years, never a draft or unpublished minutes", async () => {
    await reglab();
    const response = await get("/arkiv/reglab/");
    expect(response.status).toBe(200);
    expect(indexOutline(await response.text())).toEqual({
      years: [2026, 2025],
      posts: ["/arkiv/reglab/2026-03-16", "/arkiv/reglab/2026-03-02", "/arkiv/reglab/2025-11-10"],
    });
  });

  it("serves each post, as HTML and Markdown, exactly as it was published, with its checksum", async () => {
    const { room } = await reglab();
    for (const day of ["2025-11-10", "2026-03-02", "2026-03-16"]) {
      const { document, meetingId } = publicationOf(room, day);
      const meeting = await temp.database.prisma.meeting.findUniqueOrThrow({
        where: { id: meetingId },
        include: { snapshots: true },
      });
      const snapshot = meeting.snapshots.find((each) => each.id === meeting.publishedSnapshotId);

      const page = await get(`/arkiv/reglab/${day}`);
      expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
      const html = await page.text();
      expect(html).toBe(renderMinutesHtml(document));
      expect(html).toContain(`<meta name="noterat-sha256" content="${snapshot?.sha256}">`);

      const markdown = await get(`/arkiv/reglab/${day}.md`);
      expect(markdown.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
      expect(await markdown.text()).toBe(renderMinutesMarkdown(document));
    }
  });

  it("serves a protocol-mode meeting's protocol as a page and as a PDF, and links both from the index", async () => {
    const room = await norr();
    const { document } = publicationOf(room, "2026-03-09");
    if (!document.protocol) throw new Error("published without its protocol");
    const base = "/arkiv/samverkansradet-norr";

    const page = await get(`${base}/2026-03-09/protokoll.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await page.text()).toBe(renderProtocolHtml(document.protocol));

    const pdf = await get(`${base}/2026-03-09/protokoll.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(Number(pdf.headers.get("content-length"))).toBe(bytes.length);
    // Made once: the same protocol gives the same validator and the same bytes.
    const again = await get(`${base}/2026-03-09/protokoll.pdf`);
    expect(again.headers.get("etag")).toBe(pdf.headers.get("etag"));
    expect(Buffer.from(await again.arrayBuffer()).equals(bytes)).toBe(true);

    const index = await (await get(`${base}/`)).text();
    expect(index).toContain(`href="${base}/2026-03-09/protokoll.html"`);
    expect(index).toContain(`href="${base}/2026-03-09/protokoll.pdf"`);
    expect(await (await get(`${base}/2026-03-09`)).text()).toBe(renderMinutesHtml(document));
  });

  it("sends every kind of answer with its type and charset, and headers that let nothing run or be sniffed", async () => {
    await reglab();
    await norr();
    const answers: Array<[string, string, number, string | null]> = [
      ["GET", "/arkiv/reglab/", 200, "text/html; charset=utf-8"],
      ["GET", "/arkiv/reglab/2026-03-02", 200, "text/html; charset=utf-8"],
      ["GET", "/arkiv/reglab/2026-03-02.md", 200, "text/markdown; charset=utf-8"],
      ["GET", "/arkiv/reglab/flode.xml", 200, "application/atom+xml; charset=utf-8"],
      ["GET", "/arkiv/reglab/moten.ics", 200, "text/calendar; charset=utf-8"],
      ["GET", "/arkiv/samverkansradet-norr/2026-03-09/protokoll.pdf", 200, "application/pdf"],
      ["GET", "/arkiv/reglab/2026-03-30", 404, "text/plain; charset=utf-8"],
      ["GET", "/arkiv/reglab", 302, null],
      ["POST", "/arkiv/reglab/", 405, null],
    ];
    for (const [method, path, status, type] of answers) {
      const response = await get(path, { method });
      expect([path, response.status]).toEqual([path, status]);
      expect([path, response.headers.get("content-type")]).toEqual([path, type]);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
      const policy = new Map(
        (response.headers.get("content-security-policy") ?? "")
          .split(";")
          .map((directive) => directive.trim().split(/\s+/))
          .map(([name, ...values]) => [name ?? "", values]),
      );
      // No script at all: default-src 'none' covers it, and no directive lets any back in.
      expect(policy.get("default-src")).toEqual(["'none'"]);
      expect([...policy.keys()].filter((name) => name.startsWith("script-src"))).toEqual([]);
      expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    }
  });
});

describe("HTTP semantics", () => {
  it("answers If-None-Match with its ETag, weak or strong, by 304 without a body", async () => {
    await reglab();
    for (const path of ["/arkiv/reglab/", "/arkiv/reglab/2026-03-02", "/arkiv/reglab/flode.xml"]) {
      const first = await get(path);
      const etag = first.headers.get("etag");
      expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
      for (const tag of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
        const revalidated = await get(path, { headers: { "if-none-match": tag ?? "" } });
        expect([path, tag, revalidated.status]).toEqual([path, tag, 304]);
        expect(revalidated.headers.get("etag")).toBe(etag);
        expect(await revalidated.text()).toBe("");
      }
      const changed = await get(path, { headers: { "if-none-match": '"0000"' } });
      expect(changed.status).toBe(200);
    }
  });

  it("answers If-Modified-Since from Last-Modified, and lets If-None-Match win over it", async () => {
    await reglab();
    const first = await get("/arkiv/reglab/2026-03-02");
    const lastModified = first.headers.get("last-modified") ?? "";
    // Published at 09:00 in Stockholm on 2 March.
    expect(lastModified).toBe("Mon, 02 Mar 2026 08:00:00 GMT");
    const since = (date: string, etag?: string) =>
      get("/arkiv/reglab/2026-03-02", {
        headers: { "if-modified-since": date, ...(etag ? { "if-none-match": etag } : {}) },
      });
    const notModified = await since(lastModified);
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
    expect((await since("Mon, 02 Mar 2026 07:59:59 GMT")).status).toBe(200);
    expect((await since("not a date")).status).toBe(200);
    expect((await since(lastModified, '"0000"')).status).toBe(200);
  });

  it("answers HEAD with GET's headers and length and no body, and other methods with 405 and Allow", async () => {
    await reglab();
    for (const path of [
      "/arkiv/reglab/",
      "/arkiv/reglab/2026-03-16.md",
      "/arkiv/reglab/moten.ics",
    ]) {
      const got = await get(path);
      const body = Buffer.from(await got.arrayBuffer());
      const head = await raw(path, "HEAD");
      expect(head.status).toBe(200);
      expect(head.body).toBe("");
      expect(Number(head.headers["content-length"])).toBe(body.length);
      for (const name of ["content-type", "etag", "last-modified", "content-security-policy"]) {
        expect([path, name, head.headers[name] ?? null]).toEqual([
          path,
          name,
          got.headers.get(name),
        ]);
      }
    }
    for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]) {
      const refused = await raw("/arkiv/reglab/2026-03-02", method);
      expect([method, refused.status]).toEqual([method, 405]);
      expect(refused.headers.allow).toBe("GET, HEAD");
      expect(refused.body).toBe("");
    }
  });
});

describe("what is not published is not there", () => {
  it("gives the same 404 for an unknown council, a council with its web off, a draft and any malformed path", async () => {
    const { room } = await reglab();
    // A council whose web was never turned on, with minutes published in its channel.
    const hidden = channel("dolda");
    clock.set("2026-03-02T08:00:00Z");
    await hidden.say("Eva", "råd Dolda rådet");
    await hidden.say("Eva", "roll @Ordf ordförande");
    await notesMeeting(hidden, "2026-03-02", "Hemligt", "published");

    const unknown = await raw("/arkiv/finns-inte/");
    expect(unknown.status).toBe(404);
    const sameAsUnknown = async (path: string) => {
      const answer = await raw(path);
      expect({
        path,
        status: answer.status,
        type: answer.headers["content-type"],
        cache: answer.headers["cache-control"],
        body: answer.body,
      }).toEqual({
        path,
        status: 404,
        type: unknown.headers["content-type"],
        cache: unknown.headers["cache-control"],
        body: unknown.body,
      });
    };

    const notFound = [
      "/arkiv/finns-inte/2026-03-02",
      "/arkiv/dolda-radet/",
      "/arkiv/dolda-radet/2026-03-02",
      "/arkiv/dolda-radet/flode.xml",
      // Reglab's minutes justerade but not published, a draft, a day without a meeting.
      "/arkiv/reglab/2026-03-23",
      "/arkiv/reglab/2026-03-23.md",
      "/arkiv/reglab/2026-03-30",
      "/arkiv/reglab/2026-03-31",
      // A notes-mode council has no protocol.
      "/arkiv/reglab/2026-03-02/protokoll.html",
      "/arkiv/reglab/2026-03-02/protokoll.pdf",
      // Dates that are not dates, or not written as the archive writes them.
      "/arkiv/reglab/2026-02-30",
      "/arkiv/reglab/2026-13-02",
      "/arkiv/reglab/2026-3-2",
      "/arkiv/reglab/20260302",
      // Ways around the path's shape.
      "/arkiv/x/../reglab/",
      "/arkiv/reglab/../reglab/2026-03-02",
      "/arkiv/reglab/./2026-03-02",
      "/arkiv/%2e%2e/reglab/",
      "/arkiv/reglab/%2e%2e/reglab/2026-03-02",
      "/arkiv/reglab%2F2026-03-02",
      "/arkiv/reglab/2026-03-02%2fprotokoll.html",
      "/arkiv/reglab%2f",
      "/arkiv/%72eglab/",
      "/arkiv/reglab//2026-03-02",
      // A slug as it is not written.
      "/arkiv/Reglab/",
      "/arkiv/REGLAB/2026-03-02",
      // Trailing junk.
      "/arkiv/reglab/2026-03-02x",
      "/arkiv/reglab/2026-03-02/",
      "/arkiv/reglab/2026-03-02.md.html",
      "/arkiv/reglab/2026-03-02.html",
      "/arkiv/reglab/flode.xml.bak",
      "/arkiv/reglab/flode.xml/",
      "/arkiv/reglab/moten.ics%00",
      "/arkiv/reglab/index.html",
    ];
    for (const path of notFound) await sameAsUnknown(path);

    // Turned off, Reglab's archive is gone, every address of it alike; on again, it is back.
    const addresses = [
      "/arkiv/reglab/",
      "/arkiv/reglab/2026-03-02",
      "/arkiv/reglab/2026-03-02.md",
      "/arkiv/reglab/flode.xml",
      "/arkiv/reglab/moten.ics",
    ];
    expect(await room.say("Eva", "webb av")).not.toContain("/arkiv/");
    for (const path of addresses) await sameAsUnknown(path);
    expect((await raw("/arkiv/reglab")).status).toBe(404);
    await room.say("Eva", "webb på");
    for (const path of addresses) expect([path, (await raw(path)).status]).toEqual([path, 200]);
  });

  it("answers 200 random paths with 200, 302 or 404, never an error", async () => {
    await reglab();
    await norr();
    const segments = [
      "arkiv",
      "reglab",
      "Reglab",
      "samverkansradet-norr",
      "2026-03-02",
      "2026-03-09",
      "2026-03-30",
      "2026-02-30",
      "2026-03-02.md",
      "protokoll.html",
      "protokoll.pdf",
      "flode.xml",
      "moten.ics",
      "..",
      ".",
      "%2e%2e",
      "%2F",
      "%00",
      "",
    ];
    const percentBytes = fc
      .uint8Array({ minLength: 1, maxLength: 4 })
      .map((bytes) => [...bytes].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join(""));
    const segment = fc.oneof(
      fc.constantFrom(...segments),
      fc.string({ maxLength: 12 }).map(encodeURIComponent),
      fc.string({ unit: "grapheme", maxLength: 6 }).map(encodeURIComponent),
      percentBytes,
    );
    const path = fc
      .tuple(
        fc.constantFrom("/arkiv/", "/arkiv", "/arkiv/reglab/", "/", "//arkiv/"),
        fc.array(segment, { maxLength: 5 }),
        fc.constantFrom("", "/", "?x=1", "#top", ".md"),
      )
      .map(([head, parts, tail]) => `${head}${parts.join("/")}${tail}`);
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(path, fc.constantFrom("GET", "HEAD"), async (sent, method) => {
        const answer = await raw(sent, method);
        statuses.add(answer.status);
        expect([sent, [200, 302, 404].includes(answer.status)]).toEqual([sent, true]);
      }),
      {
        numRuns: 200,
        // Real addresses among the random ones, so that every kind of answer is seen.
        examples: [
          ["/arkiv/reglab/", "GET"],
          ["/arkiv/reglab", "HEAD"],
          ["/arkiv/samverkansradet-norr/2026-03-09/protokoll.pdf", "GET"],
        ],
      },
    );
    expect([...statuses].sort()).toEqual([200, 302, 404]);
    expect((await get("/arkiv/reglab/")).status).toBe(200);
  });
});

describe("slugs", () => {
  it("are unique in the installation, and stay with the council across a rename", async () => {
    const { room } = await reglab();
    // Another council whose name gives the same slug.
    const other = channel("reglab-syd");
    clock.set("2026-03-31T08:00:00Z");
    await other.say("Olle", "råd RegLab");
    await other.say("Olle", "roll @Stina ordförande");
    expect(await other.say("Olle", "webb på")).toContain("/arkiv/reglab-2/");
    clock.set("2026-04-06T08:00:00Z");
    await other.say("Olle", "möte idag kl 13");
    await other.say("Olle", "noterat Syd: Rådet informerades.");
    await other.say("Stina", "justera");
    await other.say("Olle", "publicera");
    expect(indexOutline(await (await get("/arkiv/reglab-2/")).text()).posts).toEqual([
      "/arkiv/reglab-2/2026-04-06",
    ]);
    expect(indexOutline(await (await get("/arkiv/reglab/")).text()).posts).toHaveLength(3);

    const before = await atomFeed("reglab");
    clock.set("2026-04-07T08:00:00Z");
    await room.say("Eva", "byt namn Reglab Väst");

    const moved: Array<[string, string]> = [
      ["/arkiv/reglab", "/arkiv/reglab-vast/"],
      ["/arkiv/reglab/", "/arkiv/reglab-vast/"],
      ["/arkiv/reglab/2026-03-02", "/arkiv/reglab-vast/2026-03-02"],
      ["/arkiv/reglab/2026-03-02.md", "/arkiv/reglab-vast/2026-03-02.md"],
      ["/arkiv/reglab/flode.xml", "/arkiv/reglab-vast/flode.xml"],
      ["/arkiv/reglab/moten.ics", "/arkiv/reglab-vast/moten.ics"],
    ];
    for (const [from, to] of moved) {
      const response = await get(from);
      expect([from, response.status, response.headers.get("location")]).toEqual([from, 302, to]);
      expect((await get(to)).status).toBe(200);
    }
    // The old slug's drafts stay as hidden as before.
    expect((await raw("/arkiv/reglab/2026-03-30")).status).toBe(302);
    expect((await get("/arkiv/reglab-vast/2026-03-30")).status).toBe(404);
    expect(indexOutline(await (await get("/arkiv/reglab-2/")).text()).posts).toEqual([
      "/arkiv/reglab-2/2026-04-06",
    ]);

    // The name is on the index and in the feeds: a client that revalidates by date alone must
    // not be told they are unchanged (they carry no Last-Modified, only their ETag).
    for (const path of ["/", "/flode.xml", "/moten.ics"]) {
      const since = await get(`/arkiv/reglab-vast${path}`, {
        headers: { "if-modified-since": "Tue, 07 Apr 2026 08:00:00 GMT" },
      });
      expect([path, since.status, since.headers.get("last-modified")]).toEqual([path, 200, null]);
      expect(await since.text()).toContain("Reglab Väst");
    }

    const after = await atomFeed("reglab-vast");
    expect(after.id).toBe(before.id);
    expect(after.entry?.map((entry) => entry.id)).toEqual(before.entry?.map((entry) => entry.id));
    expect(after.entry?.map((entry) => alternate(entry.link))).toEqual(
      ["2026-03-16", "2026-03-02", "2025-11-10"].map(
        (day) => `${server.url}/arkiv/reglab-vast/${day}`,
      ),
    );

    // A third council named so takes neither the current slug nor the one Reglab had.
    const third = channel("reglab-nord");
    await third.say("Per", "råd REGLAB");
    expect(await third.say("Per", "webb på")).toContain("/arkiv/reglab-3/");
    expect((await get("/arkiv/reglab/")).headers.get("location")).toBe("/arkiv/reglab-vast/");

    // Renamed back, Reglab takes its first slug again, and the second one leads there.
    await room.say("Eva", "byt namn Reglab");
    expect((await get("/arkiv/reglab/2026-03-02")).status).toBe(200);
    expect((await get("/arkiv/reglab-vast/2026-03-02")).headers.get("location")).toBe(
      "/arkiv/reglab/2026-03-02",
    );
    expect((await atomFeed("reglab")).id).toBe(before.id);
  });
});

describe("what was published stays as it went out", () => {
  it("keeps the protocol's signatures as published when the chair changes, and a renamed council keeps its numbered slug", async () => {
    const room = await norr();
    const path = "/arkiv/samverkansradet-norr/2026-03-09/protokoll.html";
    const before = await (await get(path)).text();
    expect(before).toContain("Ordförande");
    // A new chair later does not make Maria's signature a justerare's on the public record.
    await room.say("Sara", "roll @Maria ledamot");
    await room.say("Sara", "roll @Bertil ordförande");
    expect(await (await get(path)).text()).toBe(before);

    const other = channel("norr-2");
    await other.say("Olle", "råd Samverkansrådet Norr!");
    expect(await other.say("Olle", "webb på")).toContain("/arkiv/samverkansradet-norr-2/");
    // The same name again (spelled otherwise): the slug stays, nothing redirects.
    await other.say("Olle", "byt namn SAMVERKANSRÅDET NORR!!");
    expect((await get("/arkiv/samverkansradet-norr-2/")).status).toBe(200);
    expect((await get("/arkiv/samverkansradet-norr-3/")).status).toBe(404);
  });
});

describe("a corrected post", () => {
  it("gets a new ETag and Last-Modified, says Rättad, and keeps its Atom id while its updated moves", async () => {
    const { room, refs } = await reglab();
    const path = "/arkiv/reglab/2026-03-16";
    const first = await get(path);
    const etag = first.headers.get("etag") ?? "";
    expect(first.headers.get("last-modified")).toBe("Mon, 16 Mar 2026 08:00:00 GMT");
    expect(await first.text()).not.toContain("Rättad");
    const entryOf = (feed: AtomFeed) =>
      feed.entry?.find((entry) => alternate(entry.link).endsWith(path));
    const firstEntry = entryOf(await atomFeed("reglab"));

    // Reopened by a correction: the web keeps what was published until it is published again.
    clock.set("2026-03-31T09:30:00Z");
    await room.say(
      "Eva",
      `ändra ${refs["2026-03-16"]} Bredband: Rådet informerades om bredbandet i länet.`,
    );
    expect((await get(path, { headers: { "if-none-match": etag } })).status).toBe(304);
    await room.say("Ordf", "justera 16 mars");
    expect((await get(path, { headers: { "if-none-match": etag } })).status).toBe(304);
    expect(await room.say("Eva", "publicera 16 mars")).toContain("publicerad");

    const corrected = await get(path, { headers: { "if-none-match": etag } });
    expect(corrected.status).toBe(200);
    expect(corrected.headers.get("etag")).not.toBe(etag);
    expect(corrected.headers.get("last-modified")).toBe("Tue, 31 Mar 2026 09:30:00 GMT");
    const html = await corrected.text();
    expect(html).toBe(renderMinutesHtml(publicationOf(room, "2026-03-16").document));
    expect(html).toContain("Rättad 2026-03-31 11.30");
    expect(html).toContain("bredbandet i länet");
    expect(await (await get("/arkiv/reglab/")).text()).toContain("Rättad 2026-03-31 11.30");
    const since = await get(path, {
      headers: { "if-modified-since": first.headers.get("last-modified") ?? "" },
    });
    expect(since.status).toBe(200);

    const entry = entryOf(await atomFeed("reglab"));
    expect(entry?.id).toBe(firstEntry?.id);
    expect(entry?.published).toBe(firstEntry?.published);
    expect([firstEntry?.updated, entry?.updated]).toEqual([
      "2026-03-16T08:00:00Z",
      "2026-03-31T09:30:00Z",
    ]);
  });
});

describe("the feeds", () => {
  it("gives an Atom feed that parses, newest first, whose every link the server answers", async () => {
    await reglab();
    await norr();
    for (const [slug, days] of [
      ["reglab", ["2026-03-16", "2026-03-02", "2025-11-10"]],
      ["samverkansradet-norr", ["2026-03-09"]],
    ] as const) {
      const feed = await atomFeed(slug);
      expect(alternate(feed.link)).toBe(`${server.url}/arkiv/${slug}/`);
      const self = feed.link.find((link) => link["@_rel"] === "self")?.["@_href"];
      expect(self).toBe(`${server.url}/arkiv/${slug}/flode.xml`);
      const entries = feed.entry ?? [];
      expect(entries.map((entry) => alternate(entry.link))).toEqual(
        days.map((day) => `${server.url}/arkiv/${slug}/${day}`),
      );
      expect(new Set(entries.map((entry) => entry.id)).size).toBe(days.length);
      for (const url of [...entries.map((entry) => alternate(entry.link)), self ?? ""]) {
        expect([url, (await fetch(url, { redirect: "manual" })).status]).toEqual([url, 200]);
      }
    }
  });

  it("gives a calendar whose moved meeting has a higher SEQUENCE, whose cancelled one says so, right across DST", async () => {
    const room = channel("kalender");
    clock.set("2026-03-02T08:00:00Z");
    await room.say("Eva", "råd Reglab");
    await room.say("Eva", "webb på");
    await room.say("Eva", "möte 2026-03-26 kl 13");
    await room.say("Eva", "möte 2026-10-22 kl 13 Regionens hus, sal 1");
    await room.say("Eva", "möte 2026-10-29 kl 13");

    const planned = await calendar("reglab");
    const uids = [...planned.keys()];
    expect(uids).toHaveLength(3);
    const [march, october, late] = uids.map((uid) => eventTimes(planned.get(uid)));
    // Standard time (UTC+1) before 29 March and after 25 October, summer time (UTC+2) between.
    expect([march, october, late]).toEqual([
      {
        utc: "2026-03-26T12:00:00.000Z",
        stockholm: "2026-03-26 13:00",
        sequence: 0,
        status: "CONFIRMED",
      },
      {
        utc: "2026-10-22T11:00:00.000Z",
        stockholm: "2026-10-22 13:00",
        sequence: 0,
        status: "CONFIRMED",
      },
      {
        utc: "2026-10-29T12:00:00.000Z",
        stockholm: "2026-10-29 13:00",
        sequence: 0,
        status: "CONFIRMED",
      },
    ]);
    expect(planned.get(uids[1] ?? "")?.location).toBe("Regionens hus, sal 1");

    clock.set("2026-03-03T08:00:00Z");
    await room.say("Eva", "flytta 2026-03-26 till 2026-03-30");
    await room.say("Eva", "ställ in 2026-10-29");
    const changed = await calendar("reglab");
    expect([...changed.keys()]).toEqual(uids);
    const [moved, kept, cancelled] = uids.map((uid) => eventTimes(changed.get(uid)));
    expect(moved).toEqual({
      utc: "2026-03-30T11:00:00.000Z",
      stockholm: "2026-03-30 13:00",
      sequence: 1,
      status: "CONFIRMED",
    });
    expect(kept).toEqual(october);
    expect(cancelled?.status).toBe("CANCELLED");
    expect(cancelled?.sequence).toBeGreaterThan(late?.sequence ?? 0);
    expect(cancelled?.utc).toBe(late?.utc);
    // Stamped by the commands' clock, not the machine's: when it was moved or cancelled.
    const stamps = (await (await get("/arkiv/reglab/moten.ics")).text()).match(/DTSTAMP:\S+/g);
    expect(stamps).toContain("DTSTAMP:20260303T080000Z");
    expect(stamps?.every((stamp) => stamp.startsWith("DTSTAMP:2026"))).toBe(true);
  });

  it("keeps a published post where it was: its meeting cannot be moved", async () => {
    const { room } = await reglab();
    expect(await room.say("Eva", "flytta 2026-03-02 till 2026-03-04")).toBe(
      "Mötet 2 mars har justerade anteckningar, som bär dess datum: det kan inte flyttas.",
    );
    expect((await get("/arkiv/reglab/2026-03-02")).status).toBe(200);
    expect((await get("/arkiv/reglab/2026-03-04")).status).toBe(404);
  });
});
