// Issue 3: how fast Noterat acknowledges `/noterat öppna` (a read) and `/noterat noterat …`
// (a write) on the realistic database, against the floor of a bare Bolt app that only acks;
// issue 12: the same on the same data on PostgreSQL, when a server is available.
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
import { ACK_P99, THROUGHPUT_SHARE } from "./targets.js";

const SIGNING_SECRET = "bench-signing-secret-0123456789";
const SEQUENTIAL = { warmup: 100, requests: 1_000 };
const THROUGHPUT = { connections: 32, durationMs: 5_000, warmupMs: 1_000 };
const READ = "öppna";
const FIRST_PER_USER = "first öppna per secretary";
const write = (n: number) => `noterat Rubrik ${n}: Rådet informerades om läget i ärende ${n}.`;

interface ServerRun {
  /** `öppna` once per secretary: Noterat's display-name cache is cold (users.info). */
  firstPerUser: LatencySummary;
  read: LatencySummary;
  write: LatencySummary;
  readThroughput: ThroughputSummary & { serverCpuMsPerRequest: number };
  writeThroughput: ThroughputSummary & { serverCpuMsPerRequest: number };
  started: ProcessStats;
  loaded: ProcessStats;
  /** Web API calls the server made to the fake, by phase. */
  webApiCalls: Record<string, Record<string, number>>;
}

export const slackAckBenchmark: Benchmark = {
  name: "slack-ack",
  title: "Slack slash command: time to the ack, Noterat vs a bare Bolt app",
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
          {
            workspace,
            councils,
            read: replyAck("ephemeral", 2),
            write: replyAck("in_channel", 1),
          },
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
      return {
        figures: [
          ...figures(ours.run, floor, ""),
          ...(onPostgres ? figures(onPostgres.run, floor, " (PostgreSQL)") : []),
        ],
        notes: [
          ...notes(ours.run, floor, ours.itemsWritten),
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
          ours: ours.run,
          floor,
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
  itemsWritten: { items: number; searchable: number };
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
    const throughput = async (work: Workload) => {
      const before = await server.stats();
      const result = await measureThroughput(server.url, work, THROUGHPUT);
      const after = await server.stats();
      return { ...result, serverCpuMsPerRequest: (after.cpuMs - before.cpuMs) / result.sent };
    };

    const firstPerUser = await phase(FIRST_PER_USER, () =>
      measureSequential(server.url, reads(), { warmup: 0, requests: load.councils.all.length }),
    );
    const read = await phase("öppna sequential", () =>
      measureSequential(server.url, reads(), SEQUENTIAL),
    );
    const written = await phase("noterat sequential", () =>
      measureSequential(server.url, writes(), SEQUENTIAL),
    );
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

function notes(
  ours: ServerRun,
  floor: ServerRun,
  written: { items: number; searchable: number },
): string[] {
  const lookups = Object.entries(ours.webApiCalls)
    .filter(([phase]) => phase !== FIRST_PER_USER)
    .reduce((sum, [, calls]) => sum + (calls["users.info"] ?? 0), 0);
  const clientCpu = (run: ServerRun) =>
    Math.max(run.readThroughput.clientCpu, run.writeThroughput.clientCpu).toFixed(2);
  return [
    `each server runs in a process of its own; latency: ${SEQUENTIAL.requests} signed commands one after another on one kept-alive connection, after ${SEQUENTIAL.warmup} unmeasured; throughput: ${THROUGHPUT.connections} connections for ${THROUGHPUT.durationMs / 1000} s after ${THROUGHPUT.warmupMs / 1000} s unmeasured`,
    `"first öppna per user": one öppna per secretary (${ours.firstPerUser.requests}) on a fresh server, so Noterat asks the fake users.info for each name; users.info calls in the later phases: ${lookups}`,
    `each öppna reply: the first message in the ack, ${followUps(ours)} more via response_url after it`,
    `items written by Noterat: ${written.items} (${written.searchable} in ItemSearch)`,
    `throughput latency p50/p99 under load: öppna ${Math.round(ours.readThroughput.p50)}/${Math.round(ours.readThroughput.p99)} ms, noterat ${Math.round(ours.writeThroughput.p50)}/${Math.round(ours.writeThroughput.p99)} ms (floor ${floor.readThroughput.p50.toFixed(1)}/${floor.readThroughput.p99.toFixed(1)} ms)`,
    `load generator CPU during throughput: ours ${clientCpu(ours)}, floor ${clientCpu(floor)} cores (near 1: the floor's throughput is a lower bound)`,
  ];
}

function postgresNotes(onPostgres: NoteratRun, server: string): string[] {
  const { run, itemsWritten } = onPostgres;
  return [
    `(PostgreSQL): the same server and load on ${server}, the seeded data copied there before any benchmark wrote; items written ${itemsWritten.items} (${itemsWritten.searchable} in ItemSearch); throughput latency p50/p99 under load: öppna ${Math.round(run.readThroughput.p50)}/${Math.round(run.readThroughput.p99)} ms, noterat ${Math.round(run.writeThroughput.p50)}/${Math.round(run.writeThroughput.p99)} ms; the floor is the same bare Bolt app`,
  ];
}

function followUps(run: ServerRun): string {
  const sent = run.webApiCalls["öppna sequential"]?.response_url ?? 0;
  return (sent / (SEQUENTIAL.warmup + SEQUENTIAL.requests)).toFixed(1);
}

/** The figures of one Noterat run against the floor, each name followed by `suffix`. */
function figures(ours: ServerRun, floor: ServerRun, suffix: string): Figure[] {
  const latency = (label: string, pick: (run: ServerRun) => LatencySummary): Figure[] =>
    (["p50", "p90", "p99", "max"] as const).map((key) => ({
      figure: `${label} ${key}${suffix}`,
      unit: "ms",
      ours: pick(ours)[key],
      floor: pick(floor)[key],
      ...(key === "p99" ? { target: ACK_P99 } : {}),
    }));
  const both = (
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
  return [
    ...latency("öppna ack", (run) => run.read),
    ...latency("noterat ack", (run) => run.write),
    both(
      "öppna throughput, 32 conn.",
      "req/s",
      (run) => run.readThroughput.perSecond,
      THROUGHPUT_SHARE,
    ),
    both(
      "noterat throughput, 32 conn.",
      "req/s",
      (run) => run.writeThroughput.perSecond,
      THROUGHPUT_SHARE,
    ),
    both("öppna server CPU/request", "ms", (run) => run.readThroughput.serverCpuMsPerRequest),
    both("noterat server CPU/request", "ms", (run) => run.writeThroughput.serverCpuMsPerRequest),
    both("first öppna per user p50", "ms", (run) => run.firstPerUser.p50),
    both("first öppna per user p99", "ms", (run) => run.firstPerUser.p99),
    both("server RSS after start", "MB", (run) => megabytes(run.started.rss)),
    both("server RSS after load", "MB", (run) => megabytes(run.loaded.rss)),
  ];
}
