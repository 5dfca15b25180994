// Issue 3: how fast Noterat acknowledges `/noterat öppna` (a read) and `/noterat noterat …`
// (a write) on the realistic database; issue 12: the same on the same data on PostgreSQL, when a
// server is available. Issue 16: two floors. The work floor does the same work with the least
// machinery (the same SQL on prepared better-sqlite3 statements, the same rendering, Bolt): the
// latency and CPU rows compare with it, so that their ratio is our overhead over the work. The
// bare Bolt app that only acks stays the floor of the throughput rows.
import type { FakeSlackApi } from "../test/support/fake-slack-api.js";
import type { ProcessStats, ServerSpec } from "./bench-server.js";
import { startServerProcess } from "./bench-server.js";
import type { BenchContext, Benchmark, BenchResult, Figure, Target } from "./benchmark.js";
import { countWrittenItems } from "./database-checks.js";
import {
  type LatencySummary,
  measureSequential,
  measureThroughput,
  type ThroughputSummary,
  type Workload,
} from "./latency.js";
import { megabytes } from "./report.js";
import type { SeededCouncil } from "./seed-database.js";
import {
  type AckCheck,
  emptyAck,
  replyAck,
  type SlackWorkspace,
  slashCommandWorkload,
  startFakeSlackApi,
} from "./slack-workloads.js";
import { ACK_P99, COMMAND_CPU_MS, THROUGHPUT_SHARE } from "./targets.js";

const SIGNING_SECRET = "bench-signing-secret-0123456789";
const SEQUENTIAL = { warmup: 100, requests: 1_000 };
const THROUGHPUT = { connections: 32, durationMs: 5_000, warmupMs: 1_000 };
const READ = "öppna";
const FIRST_PER_USER = "first öppna per secretary";
const write = (n: number) => `noterat Rubrik ${n}: Rådet informerades om läget i ärende ${n}.`;

/** The server's CPU time (ms) per request of a phase, the replies after the ack included. */
type WithServerCpu<T> = T & { serverCpuMsPerRequest: number };

interface ServerRun {
  /** `öppna` once per secretary: Noterat's display-name cache is cold (users.info). */
  firstPerUser: LatencySummary;
  read: WithServerCpu<LatencySummary>;
  write: WithServerCpu<LatencySummary>;
  readThroughput: WithServerCpu<ThroughputSummary>;
  writeThroughput: WithServerCpu<ThroughputSummary>;
  started: ProcessStats;
  loaded: ProcessStats;
  /** Web API calls the server made to the fake, by phase. */
  webApiCalls: Record<string, Record<string, number>>;
}

export const slackAckBenchmark: Benchmark = {
  name: "slack-ack",
  title: "Slack slash command: time to the ack, Noterat vs the same work on prepared statements",
  postgres: true,
  async run(context: BenchContext): Promise<BenchResult> {
    const seeded = await context.database();
    const postgres = await context.postgres();
    const fake = await startFakeSlackApi(seeded.people);
    try {
      const workspace: SlackWorkspace = {
        teamId: fake.team.id,
        signingSecret: SIGNING_SECRET,
        responseUrl: fake.responseUrl("bench"),
      };
      const councils = {
        all: seeded.councils,
        meetingToday: seeded.councils.filter((council) => council.meetsToday),
      };
      const answers = {
        workspace,
        councils,
        read: replyAck("ephemeral", 2),
        write: replyAck("in_channel", 1),
      };
      const noterat = async (databaseUrl: string): Promise<NoteratRun> => {
        const run = await measureServer(
          context,
          fake,
          {
            kind: "noterat-slack",
            databaseUrl,
            slackApiUrl: fake.url,
            signingSecret: SIGNING_SECRET,
            botToken: fake.team.botToken,
          },
          answers,
        );
        return { run, itemsWritten: await countWrittenItems(databaseUrl) };
      };
      context.log("slack-ack: Noterat");
      const ours = await noterat(seeded.url);
      let onPostgres: NoteratRun | undefined;
      if (postgres) {
        context.log(`slack-ack: Noterat on ${postgres.server}`);
        onPostgres = await noterat(postgres.url);
      }
      context.log("slack-ack: floor (bare Bolt app)");
      const floor = await measureServer(
        context,
        fake,
        {
          kind: "slack-floor",
          signingSecret: SIGNING_SECRET,
          botToken: fake.team.botToken,
          teamId: fake.team.id,
        },
        { workspace, councils, read: emptyAck, write: emptyAck },
      );
      // Last: it writes to the SQLite file after Noterat's run, as Noterat's run wrote.
      context.log("slack-ack: work floor (the same work on prepared statements)");
      const work = await measureServer(
        context,
        fake,
        {
          kind: "slack-work-floor",
          databaseUrl: seeded.url,
          signingSecret: SIGNING_SECRET,
          botToken: fake.team.botToken,
          teamId: fake.team.id,
        },
        answers,
      );
      const written = await countWrittenItems(seeded.url);
      const workWritten = {
        items: written.items - ours.itemsWritten.items,
        searchable: written.searchable - ours.itemsWritten.searchable,
      };
      const floors = { bare: floor, work };
      return {
        figures: [
          ...figures(ours.run, floors, ""),
          ...(onPostgres ? figures(onPostgres.run, floors, " (PostgreSQL)") : []),
        ],
        notes: [
          ...notes(ours.run, floors, ours.itemsWritten, workWritten),
          ...(onPostgres && postgres ? postgresNotes(onPostgres, postgres.server) : []),
        ],
        details: {
          settings: {
            sequential: SEQUENTIAL,
            throughput: THROUGHPUT,
            councilsRead: councils.all.length,
            councilsWritten: councils.meetingToday.length,
          },
          database: {
            rows: seeded.rows,
            fileMB: megabytes(seeded.fileBytes),
            seedingMs: seeded.timings,
            seederRssMB: megabytes(seeded.rssAfterSeeding),
          },
          itemsWrittenByNoterat: ours.itemsWritten,
          itemsWrittenByWorkFloor: workWritten,
          ours: ours.run,
          floor,
          workFloor: work,
          ...(onPostgres ? { postgres: { server: postgres?.server, ...onPostgres } } : {}),
        },
      };
    } finally {
      await fake.stop();
    }
  },
};

interface NoteratRun {
  run: ServerRun;
  itemsWritten: Written;
}

async function measureServer(
  context: BenchContext,
  fake: FakeSlackApi,
  spec: ServerSpec,
  load: {
    workspace: SlackWorkspace;
    councils: { all: SeededCouncil[]; meetingToday: SeededCouncil[] };
    read: AckCheck;
    write: AckCheck;
  },
): Promise<ServerRun> {
  const server = await startServerProcess(spec);
  try {
    const started = await server.stats();
    const workload = (councils: SeededCouncil[], text: (n: number) => string, accepts: AckCheck) =>
      slashCommandWorkload({ workspace: load.workspace, councils, text, accepts });
    const reads = () => workload(load.councils.all, () => READ, load.read);
    const writes = () => workload(load.councils.meetingToday, write, load.write);
    const webApiCalls: Record<string, Record<string, number>> = {};
    const phase = async <T>(name: string, measure: () => Promise<T>): Promise<T> => {
      context.log(`  ${name}`);
      fake.clear();
      const result = await measure();
      await settle(fake);
      const failed = failuresOf(result);
      if (failed) context.log(`  ${name}: ${failed}`);
      webApiCalls[name] = callCounts(fake);
      return result;
    };
    /** The server's CPU per request over `measure`, until the replies after the ack are sent. */
    const withServerCpu = async <T>(
      measure: () => Promise<T>,
      requests: (result: T) => number,
    ): Promise<WithServerCpu<T>> => {
      const before = await server.stats();
      const result = await measure();
      await settle(fake);
      const after = await server.stats();
      return { ...result, serverCpuMsPerRequest: (after.cpuMs - before.cpuMs) / requests(result) };
    };
    const throughput = (work: Workload) =>
      withServerCpu(
        () => measureThroughput(server.url, work, THROUGHPUT),
        (result) => result.sent,
      );
    // The warm-up is a run of its own, so that the CPU counted is the measured requests'.
    const sequential = async (work: Workload) => {
      const warm = await measureSequential(server.url, work, {
        warmup: 0,
        requests: SEQUENTIAL.warmup,
      });
      const measured = await withServerCpu(
        () => measureSequential(server.url, work, { warmup: 0, requests: SEQUENTIAL.requests }),
        (result) => result.requests,
      );
      const firstFailure = warm.firstFailure ?? measured.firstFailure;
      return {
        ...measured,
        failures: warm.failures + measured.failures,
        ...(firstFailure === undefined ? {} : { firstFailure }),
      };
    };

    const firstPerUser = await phase(FIRST_PER_USER, () =>
      measureSequential(server.url, reads(), { warmup: 0, requests: load.councils.all.length }),
    );
    const read = await phase("öppna sequential", () => sequential(reads()));
    const written = await phase("noterat sequential", () => sequential(writes()));
    const readThroughput = await phase("öppna throughput", () => throughput(reads()));
    const writeThroughput = await phase("noterat throughput", () => throughput(writes()));
    const loaded = await server.stats();
    return {
      firstPerUser,
      read,
      write: written,
      readThroughput,
      writeThroughput,
      started,
      loaded,
      webApiCalls,
    };
  } finally {
    await server.stop();
  }
}

/** Waits until the replies Bolt sends after the ack (respond()) have stopped arriving. */
async function settle(fake: FakeSlackApi): Promise<void> {
  let seen = -1;
  while (fake.responses.length + fake.calls.length !== seen) {
    seen = fake.responses.length + fake.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

function failuresOf(result: unknown): string | undefined {
  if (typeof result !== "object" || result === null || !("failures" in result)) return undefined;
  if (result.failures === 0) return undefined;
  const first = "firstFailure" in result ? String(result.firstFailure) : "";
  return `${String(result.failures)} unexpected answers, first: ${first}`;
}

function callCounts(fake: FakeSlackApi): Record<string, number> {
  const counts: Record<string, number> = { response_url: fake.responses.length };
  for (const call of fake.calls) counts[call.method] = (counts[call.method] ?? 0) + 1;
  return counts;
}

/** The bare Bolt app (throughput rows) and the same work on prepared statements (the rest). */
interface Floors {
  bare: ServerRun;
  work: ServerRun;
}

type Written = { items: number; searchable: number };

function notes(ours: ServerRun, floors: Floors, written: Written, workWritten: Written): string[] {
  const { bare, work } = floors;
  const lookups = Object.entries(ours.webApiCalls)
    .filter(([phase]) => phase !== FIRST_PER_USER)
    .reduce((sum, [, calls]) => sum + (calls["users.info"] ?? 0), 0);
  const clientCpu = (run: ServerRun) =>
    Math.max(run.readThroughput.clientCpu, run.writeThroughput.clientCpu).toFixed(2);
  const underLoad = (run: ServerRun) =>
    `öppna ${run.readThroughput.p50.toFixed(1)}/${run.readThroughput.p99.toFixed(1)} ms, noterat ${run.writeThroughput.p50.toFixed(1)}/${run.writeThroughput.p99.toFixed(1)} ms`;
  return [
    `each server runs in a process of its own; latency: ${SEQUENTIAL.requests} signed commands one after another on one kept-alive connection, after ${SEQUENTIAL.warmup} unmeasured; throughput: ${THROUGHPUT.connections} connections for ${THROUGHPUT.durationMs / 1000} s after ${THROUGHPUT.warmupMs / 1000} s unmeasured`,
    "floors: the throughput rows compare with a bare Bolt app that only acks; every other row with the work floor: the same Bolt app doing Noterat's work for these two commands with the store's own statements (its exported builders: the very same SQL) prepared once on one better-sqlite3 connection of its own on the same SQLite file, the same Reply rendered by the same Block Kit renderer, answered as Noterat answers; it parses only these two commands and looks up no names. The (PostgreSQL) rows compare with the same work floor on SQLite",
    `server CPU/request: the server process's CPU time over a phase divided by its requests, the replies sent after the ack included; "sequential" (targeted) over the ${SEQUENTIAL.requests} measured sequential commands, "32 conn." over the throughput phase (contention included)`,
    `"first öppna per user": one öppna per secretary (${ours.firstPerUser.requests}) on a fresh server, so Noterat asks the fake users.info for each name (the work floor asks nothing); users.info calls in the later phases: ${lookups}`,
    `each öppna reply: the first message in the ack, ${followUps(ours)} more via response_url after it (work floor: ${followUps(work)})`,
    `items written by Noterat: ${written.items} (${written.searchable} in ItemSearch); by the work floor: ${workWritten.items} (${workWritten.searchable})`,
    `work floor throughput, ${THROUGHPUT.connections} conn.: öppna ${Math.round(work.readThroughput.perSecond)}, noterat ${Math.round(work.writeThroughput.perSecond)} req/s`,
    `throughput latency p50/p99 under load: ours ${underLoad(ours)}; work floor ${underLoad(work)}; bare Bolt ${bare.readThroughput.p50.toFixed(1)}/${bare.readThroughput.p99.toFixed(1)} ms`,
    `load generator CPU during throughput: ours ${clientCpu(ours)}, work floor ${clientCpu(work)}, bare Bolt ${clientCpu(bare)} cores (near 1: that throughput is a lower bound)`,
  ];
}

function postgresNotes(onPostgres: NoteratRun, server: string): string[] {
  const { run, itemsWritten } = onPostgres;
  return [
    `(PostgreSQL): the same server and load on ${server}, the seeded data copied there before any benchmark wrote; items written ${itemsWritten.items} (${itemsWritten.searchable} in ItemSearch); throughput latency p50/p99 under load: öppna ${Math.round(run.readThroughput.p50)}/${Math.round(run.readThroughput.p99)} ms, noterat ${Math.round(run.writeThroughput.p50)}/${Math.round(run.writeThroughput.p99)} ms; the floors are the same as above (the work floor on SQLite)`,
  ];
}

function followUps(run: ServerRun): string {
  const sent = run.webApiCalls["öppna sequential"]?.response_url ?? 0;
  return (sent / (SEQUENTIAL.warmup + SEQUENTIAL.requests)).toFixed(1);
}

/** The figures of one Noterat run against the floors, each name followed by `suffix`. */
function figures(ours: ServerRun, floors: Floors, suffix: string): Figure[] {
  const compared = (
    floor: ServerRun,
    figure: string,
    unit: Figure["unit"],
    value: (run: ServerRun) => number,
    target?: Target,
  ): Figure => ({
    figure: `${figure}${suffix}`,
    unit,
    ours: value(ours),
    floor: value(floor),
    ...(target ? { target } : {}),
  });
  const work = (
    figure: string,
    unit: Figure["unit"],
    value: (run: ServerRun) => number,
    target?: Target,
  ) => compared(floors.work, figure, unit, value, target);
  const latency = (label: string, pick: (run: ServerRun) => LatencySummary): Figure[] =>
    (["p50", "p90", "p99", "max"] as const).map((key) =>
      work(`${label} ${key}`, "ms", (run) => pick(run)[key], key === "p99" ? ACK_P99 : undefined),
    );
  return [
    ...latency("öppna ack", (run) => run.read),
    ...latency("noterat ack", (run) => run.write),
    work(
      "öppna server CPU/request, sequential",
      "ms",
      (run) => run.read.serverCpuMsPerRequest,
      COMMAND_CPU_MS,
    ),
    work(
      "noterat server CPU/request, sequential",
      "ms",
      (run) => run.write.serverCpuMsPerRequest,
      COMMAND_CPU_MS,
    ),
    work(
      "öppna server CPU/request, 32 conn.",
      "ms",
      (run) => run.readThroughput.serverCpuMsPerRequest,
    ),
    work(
      "noterat server CPU/request, 32 conn.",
      "ms",
      (run) => run.writeThroughput.serverCpuMsPerRequest,
    ),
    compared(
      floors.bare,
      "öppna throughput, 32 conn.",
      "req/s",
      (run) => run.readThroughput.perSecond,
      THROUGHPUT_SHARE,
    ),
    compared(
      floors.bare,
      "noterat throughput, 32 conn.",
      "req/s",
      (run) => run.writeThroughput.perSecond,
      THROUGHPUT_SHARE,
    ),
    work("first öppna per user p50", "ms", (run) => run.firstPerUser.p50),
    work("first öppna per user p99", "ms", (run) => run.firstPerUser.p99),
    work("server RSS after start", "MB", (run) => megabytes(run.started.rss)),
    work("server RSS after load", "MB", (run) => megabytes(run.loaded.rss)),
  ];
}
