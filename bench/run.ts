// `npm run bench [name…]`: runs the benchmarks (all, or those named), prints each one's table
// and writes bench/results/<name>.json. Benchmarks share one seeded database per run, and those
// that run on PostgreSQL too share its copy there (see postgres-copy.ts).
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { DEFAULT_TEAM } from "../test/support/fake-slack-api.js";
import type { BenchContext, Benchmark, Figure } from "./benchmark.js";
import { minutesBenchmark } from "./minutes.bench.js";
import { copyToPostgres, type PostgresCopy } from "./postgres-copy.js";
import { reminderTickBenchmark } from "./reminder-tick.bench.js";
import { formatNumber, formatTable, meetsTarget, megabytes, writeResult } from "./report.js";
import { scaleBenchmark } from "./scale.bench.js";
import { REALISTIC_SIZES, type SeededDatabase, seedDatabase } from "./seed-database.js";
import { slackAckBenchmark } from "./slack-ack.bench.js";
import { startupBenchmark } from "./startup.bench.js";
import { storeBenchmark } from "./store.bench.js";
import { teamsReplyBenchmark } from "./teams-reply.bench.js";
import { webArchiveBenchmark } from "./web-archive.bench.js";

/** Every benchmark, in the order they run; add new ones here. */
const BENCHMARKS: Benchmark[] = [
  storeBenchmark,
  minutesBenchmark,
  startupBenchmark,
  slackAckBenchmark,
  teamsReplyBenchmark,
  reminderTickBenchmark,
  webArchiveBenchmark,
  scaleBenchmark,
];

/**
 * The whole run must end by itself: a stuck server must not keep it (or CI) waiting. With
 * PostgreSQL and the scale curve it takes about 5 minutes on a quiet machine, twice that on a
 * busy one.
 */
const WATCHDOG_MS = 20 * 60_000;

const out = (line: string) => process.stdout.write(`${line}\n`);
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(names: string[]): Promise<number> {
  const unknown = names.filter((name) => !BENCHMARKS.some((bench) => bench.name === name));
  if (unknown.length > 0) {
    log(
      `unknown benchmark(s): ${unknown.join(", ")}; known: ${BENCHMARKS.map((b) => b.name).join(", ")}`,
    );
    return 2;
  }
  const selected =
    names.length === 0 ? BENCHMARKS : BENCHMARKS.filter((b) => names.includes(b.name));
  const load = loadavg()[0] ?? 0;
  out(`Node ${process.version}, ${cpus().length} cores, load average ${formatNumber(load)}`);
  if (load > 0.5) out("  (other work is running on this machine: expect noisier figures)");
  let seeded: Promise<Seeded> | undefined;
  const databases = () => {
    seeded ??= seedAll(selected.some((bench) => bench.postgres));
    return seeded;
  };
  const context: BenchContext = {
    database: async () => (await databases()).sqlite,
    postgres: async () => (await databases()).postgres,
    log,
  };
  const targeted: Figure[] = [];
  try {
    for (const bench of selected) {
      const started = performance.now();
      log(`== ${bench.name}: ${bench.title}`);
      const result = await bench.run(context);
      out(`\n${bench.title}\n`);
      out(formatTable(result.figures));
      for (const note of result.notes) out(`- ${note}`);
      out(`\nwritten to ${writeResult(bench.name, bench.title, result)}`);
      log(`== ${bench.name} took ${formatNumber((performance.now() - started) / 1000)} s`);
      targeted.push(
        ...result.figures
          .filter((figure) => figure.target)
          .map((figure) => ({ ...figure, figure: `${bench.name}: ${figure.figure}` })),
      );
    }
    if (targeted.length > 0) {
      const missed = targeted.filter((figure) => meetsTarget(figure) === false).length;
      out(`\nTargets: ${targeted.length - missed} met, ${missed} missed\n`);
      out(formatTable(targeted));
    }
    return 0;
  } finally {
    if (seeded) {
      const { sqlite, postgres } = await seeded;
      sqlite.cleanup();
      await postgres?.cleanup();
    }
  }
}

interface Seeded {
  sqlite: SeededDatabase;
  postgres: PostgresCopy | undefined;
}

/** The seeded SQLite database and, when a benchmark asks for it, its copy on PostgreSQL. */
async function seedAll(onPostgres: boolean): Promise<Seeded> {
  const sqlite = await seed();
  if (!onPostgres) return { sqlite, postgres: undefined };
  try {
    const postgres = await copyToPostgres(sqlite, log);
    if (postgres) {
      out(
        `Copied to ${postgres.server} in ${formatNumber(postgres.copyMs / 1000)} s (db:copy's copy, every table's count compared)`,
      );
    }
    return { sqlite, postgres };
  } catch (error) {
    sqlite.cleanup();
    throw error;
  }
}

async function seed(): Promise<SeededDatabase> {
  log("seeding the database …");
  const database = await seedDatabase({
    sizes: REALISTIC_SIZES,
    councilsMeetingToday: 250,
    // People belong to the Slack workspace of the fake Web API's default team.
    workspaceId: DEFAULT_TEAM.id,
    timeZone: "Europe/Stockholm",
    now: new Date(),
    seed: 3,
  });
  const rows = Object.entries(database.rows)
    .map(([table, count]) => `${table} ${count}`)
    .join(", ");
  const steps = Object.entries(database.timings)
    .filter(([step]) => step !== "total")
    .map(([step, ms]) => `${step} ${formatNumber(ms)}`)
    .join(", ");
  out(`Seeded ${rows}`);
  out(`  in ${formatNumber(database.timings.total ?? Number.NaN)} ms (${steps} ms)`);
  out(
    `  file ${formatNumber(megabytes(database.fileBytes))} MB; this process's RSS after seeding ${formatNumber(megabytes(database.rssAfterSeeding))} MB`,
  );
  return database;
}

setTimeout(() => {
  log(`benchmark run exceeded ${WATCHDOG_MS / 60_000} minutes: stopping`);
  process.exit(3);
}, WATCHDOG_MS).unref();

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(
      `benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exit(1);
  },
);
