// The web archive (architecture.md §13) over HTTP: one council's post page, Atom feed and index, and
// a 304 revalidation of the post, over one kept-alive connection. Floor: the very same bytes
// with the same headers, served from memory by another route of the same server (a static
// file). The council is built through commands, as people build one, on a temporary SQLite
// database; the server runs in this process.
import type { IncomingHttpHeaders, OutgoingHttpHeaders, RequestListener } from "node:http";
import { type Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import { pino } from "pino";
import { startHttpServer } from "../src/bots/http-server.js";
import { fromIsoDate } from "../src/domain/dates/local-date.js";
import { sha256Hex } from "../src/domain/minutes/snapshot.js";
import { archivePaths, readArchivePath } from "../src/domain/web/archive-paths.js";
import { archiveCouncil, archivedPosts } from "../src/handlers/web-archive.js";
import { renderMinutesHtml } from "../src/render/minutes-html.js";
import type { Store } from "../src/store/store.js";
import { archiveListener } from "../src/web/archive-listener.js";
import { archiveResource } from "../src/web/archive-resources.js";
import { ChatSession } from "../test/support/chat-session.js";
import { FixedClock } from "../test/support/console-harness.js";
import { seededRandom } from "../test/support/seeded-random.js";
import { openTempDatabase } from "../test/support/temp-database.js";
import type { Benchmark, Figure } from "./benchmark.js";
import { keepAliveAgent } from "./http-client.js";
import { type LatencySummary, summarize } from "./latency.js";
import { formatNumber } from "./report.js";
import { HEADINGS, itemText, pick } from "./seed-data.js";

const MEETINGS = 50;
const ITEMS = 20;
const WARMUP = 50;
const REQUESTS = 1_000;
/** The steps of a request, measured apart in this process. */
const PHASE_WARMUP = 20;
const PHASE_RUNS = 200;
/** Every other week from the first Monday of 2025: two years in the index. */
const FIRST_MEETING = Date.parse("2025-01-06T00:00:00Z");
const FORTNIGHT_MS = 14 * 86_400_000;
const SECRETARY = "Anna";
const CHAIR = "Per";
const COUNCIL = "Regionala samverkansrådet";
/** What the floor route is mounted at: /static/arkiv/… serves a copy of /arkiv/…. */
const STATIC = "/static";

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  ms: number;
}

/** One kind of request, and the status a right answer has. */
interface Probe {
  path: string;
  headers: Record<string, string>;
  status: number;
}

export const webArchiveBenchmark: Benchmark = {
  name: "web",
  title: `Web archive: a council with ${MEETINGS} published meetings of ${ITEMS} items, against a static file`,
  async run(context) {
    const temp = await openTempDatabase();
    const logger = pino({ level: "silent" });
    const clock = new FixedClock("2025-01-06T08:00:00Z");
    const copies = new Map<string, Answer>();
    const server = await startHttpServer({
      host: "127.0.0.1",
      port: 0,
      logger,
      routes: [
        {
          prefix: "/arkiv/",
          listener: archiveListener({ store: temp.store, clock, publicUrl: null, logger }),
        },
        { prefix: `${STATIC}/`, listener: staticListener(copies) },
      ],
    });
    try {
      const setupStarted = performance.now();
      const slug = await publishMeetings(temp.store, clock);
      const setupMs = performance.now() - setupStarted;
      context.log(`  ${MEETINGS} meetings published in ${formatNumber(setupMs / 1000)} s`);
      const paths = archivePaths(slug);
      const newest = isoDateOf(MEETINGS - 1);
      const origin = new URL(server.url);
      const agent = keepAliveAgent(1);
      try {
        // The floor's copies: exactly what the archive answered, headers and all.
        const copy = async (path: string) => {
          const answer = await get(origin, agent, path, {});
          if (answer.status !== 200) throw new Error(`${path}: ${answer.status}`);
          copies.set(`${STATIC}${path}`, answer);
          return answer;
        };
        const post = await copy(paths.post(newest));
        const feed = await copy(paths.feed);
        const index = await copy(paths.index);
        const feedXml = feed.body.toString("utf8");
        const entries = feedXml.match(/<entry>/g)?.length ?? 0;
        if (entries !== MEETINGS) {
          throw new Error(`the feed has ${entries} entries, not ${MEETINGS}`);
        }
        const etag = String(post.headers.etag);
        const probes: Array<[string, Probe]> = [
          ["post", { path: paths.post(newest), headers: {}, status: 200 }],
          ["feed (flode.xml)", { path: paths.feed, headers: {}, status: 200 }],
          ["index", { path: paths.index, headers: {}, status: 200 }],
          [
            "post revalidated (304)",
            { path: paths.post(newest), headers: { "if-none-match": etag }, status: 304 },
          ],
        ];
        const measured = [];
        for (const [name, probe] of probes) {
          context.log(`  ${name} …`);
          const ours = await measureGets(origin, agent, probe);
          const floor = await measureGets(origin, agent, {
            ...probe,
            path: `${STATIC}${probe.path}`,
          });
          measured.push({ name, ours, floor });
        }
        const phases = await measurePhases(temp.store, slug, newest, feedXml);
        const figures: Figure[] = measured.flatMap(({ name, ours, floor }) => [
          { figure: `${name} p50`, unit: "ms" as const, ours: ours.p50, floor: floor.p50 },
          { figure: `${name} p99`, unit: "ms" as const, ours: ours.p99, floor: floor.p99 },
        ]);
        const size = (answer: Answer) => formatNumber(answer.body.length / 1024);
        return {
          figures,
          notes: [
            `${MEETINGS} meetings every other week over two years, each of ${ITEMS} items (information, discussion, decisions with §), noted, approved and published through commands; built in ${formatNumber(setupMs / 1000)} s`,
            `sizes: post ${size(post)} KB, feed ${size(feed)} KB, index ${size(index)} KB; ${REQUESTS} sequential GETs each over one kept-alive connection after ${WARMUP} unmeasured`,
            `floor: the same bytes and headers from memory, by a route on the same server (a static file), which answers If-None-Match with 304 too`,
            `the post in the process (p50): ${ms(phases.post)}, of which finding the council ${ms(phases.council)}, loading its day's post ${ms(phases.load)}, rendering it ${ms(phases.render)}, hashing it for the ETag ${ms(phases.etag)}`,
            `the feed and the index in the process (p50): ${ms(phases.feed)} and ${ms(phases.index)}, of which loading all ${MEETINGS} published posts ${ms(phases.loadAll)} and hashing the feed ${ms(phases.feedEtag)}; the rest is rendering (the feed carries every post in full)`,
            "a 304 costs what a 200 does but for the body's bytes: the ETag is the hash of the page, rendered for every request",
          ],
          details: { meetings: MEETINGS, items: ITEMS, setupMs, measured, phases },
        };
      } finally {
        agent.destroy();
      }
    } finally {
      await server.close();
      await temp.cleanup();
    }
  },
};

function isoDateOf(meeting: number): string {
  return new Date(FIRST_MEETING + meeting * FORTNIGHT_MS).toISOString().slice(0, 10);
}

/**
 * The council, its web on, and its meetings held, approved and published one after another.
 * Returns the council's slug, as `webb på` gave it.
 */
async function publishMeetings(store: Store, clock: FixedClock): Promise<string> {
  const chat = new ChatSession(store, clock, "samverkan");
  const random = seededRandom(11);
  const say = async (who: string, text: string, expected: string) => {
    const { text: answer } = await chat.say(who, text);
    if (!answer.includes(expected)) throw new Error(`"${text}" answered: ${answer}`);
    return answer;
  };
  await say(SECRETARY, `råd ${COUNCIL}`, "skapat");
  await say(SECRETARY, `roll @${CHAIR} ordförande`, "ordförande");
  const slug = /\/arkiv\/([a-z0-9-]+)\//.exec(await say(SECRETARY, "webb på", "/arkiv/"))?.[1];
  if (!slug) throw new Error("webb på gave no address");
  const words = ["noterat", "diskussion", "beslut"];
  for (let meeting = 0; meeting < MEETINGS; meeting += 1) {
    const day = isoDateOf(meeting);
    clock.set(`${day}T12:00:00Z`);
    await say(SECRETARY, "möte idag kl 13", "Möte planerat");
    for (let item = 0; item < ITEMS; item += 1) {
      const text = `${pick(random, words)} ${pick(random, HEADINGS)}: ${itemText(random)}`;
      await say(SECRETARY, text, "#");
    }
    clock.set(`${day}T15:00:00Z`);
    await say(CHAIR, "justera", "justerade");
    await say(SECRETARY, "publicera", "publicerad");
  }
  return slug;
}

/** Serves its copies as they were answered, and 304 to a matching If-None-Match. */
function staticListener(copies: Map<string, Answer>): RequestListener {
  return (request, response) => {
    const copy = copies.get(request.url ?? "");
    if (!copy) {
      response.writeHead(404).end();
      return;
    }
    // Node writes Date and the connection's own headers for every response.
    const {
      date: _date,
      connection: _connection,
      "keep-alive": _keepAlive,
      ...headers
    } = copy.headers;
    if (request.headers["if-none-match"] === copy.headers.etag) {
      const { "content-length": _length, ...unchanged } = headers;
      response.writeHead(304, unchanged as OutgoingHttpHeaders).end();
      return;
    }
    response.writeHead(200, headers as OutgoingHttpHeaders).end(copy.body);
  };
}

/**
 * A GET over the agent's connection, timed from sending to the last byte. (http-client.ts's
 * `post` sends POST only, and the archive answers nothing but GET and HEAD.)
 */
function get(
  origin: URL,
  agent: Agent,
  path: string,
  headers: Record<string, string>,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const sent = request(
      { host: origin.hostname, port: origin.port, path, method: "GET", agent, headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
            ms: performance.now() - started,
          }),
        );
      },
    );
    sent.on("error", reject);
    sent.end();
  });
}

/** `WARMUP` requests unmeasured, then `REQUESTS` one after another; any other status fails the run. */
async function measureGets(origin: URL, agent: Agent, probe: Probe): Promise<LatencySummary> {
  const samples: number[] = [];
  for (let index = 0; index < WARMUP + REQUESTS; index += 1) {
    const answer = await get(origin, agent, probe.path, probe.headers);
    if (answer.status !== probe.status) {
      throw new Error(`${probe.path}: ${answer.status} where ${probe.status} was expected`);
    }
    if (index >= WARMUP) samples.push(answer.ms);
  }
  return summarize(samples, { count: 0, first: undefined });
}

/** Where a request's time goes, step by step, in this process (no HTTP). */
async function measurePhases(store: Store, slug: string, date: string, feedXml: string) {
  const found = await archiveCouncil(store, slug);
  if (found.kind !== "council") throw new Error(`no archive at ${slug}`);
  const { council } = found;
  const day = fromIsoDate(date);
  const post = (await archivedPosts(store, council, day))[0];
  if (!post) throw new Error(`no post on ${date}`);
  const page = renderMinutesHtml(post.document);
  const context = { store, now: new Date(), base: "http://127.0.0.1" };
  const paths = archivePaths(slug);
  const resource = (path: string) => {
    const read = readArchivePath(path);
    if (!read) throw new Error(`${path} does not read back`);
    return () => archiveResource(read, context);
  };
  return {
    council: await timed(() => archiveCouncil(store, slug)),
    load: await timed(() => archivedPosts(store, council, day)),
    render: await timed(async () => renderMinutesHtml(post.document)),
    etag: await timed(() => sha256Hex(page)),
    post: await timed(resource(paths.post(date))),
    loadAll: await timed(() => archivedPosts(store, council)),
    feed: await timed(resource(paths.feed)),
    feedEtag: await timed(() => sha256Hex(feedXml)),
    index: await timed(resource(paths.index)),
  };
}

async function timed(run: () => Promise<unknown>): Promise<LatencySummary> {
  const samples: number[] = [];
  for (let index = 0; index < PHASE_WARMUP + PHASE_RUNS; index += 1) {
    const started = performance.now();
    await run();
    if (index >= PHASE_WARMUP) samples.push(performance.now() - started);
  }
  return summarize(samples, { count: 0, first: undefined });
}

function ms(summary: LatencySummary): string {
  return `${formatNumber(summary.p50)} ms`;
}
