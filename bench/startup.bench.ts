// Start-up and memory of the real program: `node dist/main.js` as `npm start` runs it (built
// first when stale, by npm start's own prestart script), serving Slack (against the fake Web API)
// and Teams on the seeded database, timed from spawning the process to the first 200 from
// /healthz; then its resident memory idle and after a burst of load. Then the same build in
// local mode (the console, no platform settings) on the same database: its idle memory.
// Floor: plain Node running a bare server that only answers /healthz, bundled the same way.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { buildIfStale } from "../test/support/build-if-stale.js";
import type { FakeSlackApi } from "../test/support/fake-slack-api.js";
import { sleep } from "./bench-server.js";
import type { BenchContext, Benchmark, Figure } from "./benchmark.js";
import { bundledEntry } from "./bundled-entry.js";
import { measureThroughput, summarize } from "./latency.js";
import type { SeededDatabase } from "./seed-database.js";
import { replyAck, slashCommandWorkload, startFakeSlackApi } from "./slack-workloads.js";
import { LOCAL_IDLE_RSS_MB, SERVER_IDLE_RSS_MB, STARTUP_MS } from "./targets.js";

const MAIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));
const SIGNING_SECRET = "bench-signing-secret-0123456789";
const STARTS = 3;
/** How long the started program is left alone before its idle memory is read. */
const IDLE_MS = 3_000;
const LOAD = { connections: 32, durationMs: 3_000, warmupMs: 500 };
const START_TIMEOUT_MS = 30_000;

interface Started {
  child: ChildProcess;
  url: string;
  ms: number;
}

export const startupBenchmark: Benchmark = {
  name: "startup",
  title: "Start-up to a ready /healthz, and resident memory idle and under load",
  async run(context) {
    context.log("startup: building dist/ if src/ changed (scripts/build-if-stale.mjs)");
    buildIfStale();
    const seeded = await context.database();
    const fake = await startFakeSlackApi(seeded.people);
    const exportDir = mkdtempSync(join(tmpdir(), "noterat-bench-export-"));
    const bare = bundledEntry("bench/bare-health-server.ts", "floor");
    try {
      const env = noteratEnv(seeded, fake, exportDir);
      context.log("startup: Noterat with Slack and Teams (node dist/main.js)");
      const ours = await startRepeatedly(MAIN, env);
      context.log("startup: floor (bare /healthz server)");
      const floor = await startRepeatedly(bare, {});
      context.log("startup: Noterat in local mode");
      const local = await localIdle(localEnv(seeded, exportDir));
      context.log("startup: Noterat under load");
      const loaded = await underLoad(context, seeded, fake, env);
      const mb = (kb: number) => kb / 1024;
      const figures: Figure[] = [
        {
          figure: "start to ready /healthz p50",
          unit: "ms",
          ours: ours.startMs.p50,
          floor: floor.startMs.p50,
          target: STARTUP_MS,
        },
        {
          figure: "start to ready /healthz max",
          unit: "ms",
          ours: ours.startMs.max,
          floor: floor.startMs.max,
        },
        {
          figure: `RSS idle (Slack and Teams), ${IDLE_MS / 1000} s after start`,
          unit: "MB",
          ours: mb(ours.idleRssKb),
          floor: mb(floor.idleRssKb),
          target: SERVER_IDLE_RSS_MB,
        },
        {
          figure: "local mode: start to first answer",
          unit: "ms",
          ours: local.firstAnswerMs,
        },
        {
          figure: `local mode: RSS idle, ${IDLE_MS / 1000} s after its first answer`,
          unit: "MB",
          ours: mb(local.idleRssKb),
          floor: mb(floor.idleRssKb),
          target: LOCAL_IDLE_RSS_MB,
        },
        { figure: "RSS after load", unit: "MB", ours: mb(loaded.rssKb) },
      ];
      return {
        figures,
        notes: [
          `${STARTS} starts each, plain \`node dist/main.js\` as \`npm start\` runs it (built first by scripts/build-if-stale.mjs when src/ is newer); the program serves Slack (single workspace, the fake Web API on 127.0.0.1) and Teams on the seeded database, with REMINDER_SCHEDULE=off (the reminder tick has a benchmark of its own); the floor is plain Node serving only /healthz with the project's own HTTP server, bundled the same way (bench/bare-health-server.ts)`,
          `local mode: the same build with no Slack or Teams settings on the seeded database, its stdin a pipe kept open; "ready" is its answer to a first line (\`hjälp\`), and its memory is read ${IDLE_MS / 1000} s after that answer`,
          `under load: ${LOAD.connections} connections of signed /noterat öppna and noterat for ${LOAD.durationMs / 1000} s each; ${loaded.requests} answered (${loaded.failures} unexpected)`,
          "RSS as the operating system reports it for the server process (/proc, or ps)",
        ],
        details: { ours, floor, local, loaded },
      };
    } finally {
      await fake.stop();
      rmSync(exportDir, { recursive: true, force: true });
    }
  },
};

function noteratEnv(seeded: SeededDatabase, fake: FakeSlackApi, exportDir: string) {
  return {
    DATABASE_URL: seeded.url,
    HOST: "127.0.0.1",
    PORT: "0",
    LOG_LEVEL: "info",
    NOTERAT_EXPORT_DIR: exportDir,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: fake.team.botToken,
    SLACK_API_URL: fake.url,
    TEAMS_ALLOW_UNAUTHENTICATED: "true",
    // The seeded database has never sent a reminder: with the clock on, the first minute after
    // start is a catch-up tick over 1 000 councils (bench/reminder-tick.bench.ts measures it),
    // neither idle nor command load.
    REMINDER_SCHEDULE: "off",
  };
}

/** The local console as `npm start` runs it with no platform settings. */
function localEnv(seeded: SeededDatabase, exportDir: string) {
  return {
    DATABASE_URL: seeded.url,
    LOG_LEVEL: "info",
    NOTERAT_EXPORT_DIR: exportDir,
    REMINDER_SCHEDULE: "off",
  };
}

async function startRepeatedly(entry: string, env: Record<string, string>) {
  const times: number[] = [];
  let idleRssKb = 0;
  for (let index = 0; index < STARTS; index += 1) {
    const started = await start(entry, env);
    try {
      times.push(started.ms);
      if (index === STARTS - 1) {
        await sleep(IDLE_MS);
        idleRssKb = rssKb(started.child);
      }
    } finally {
      await stop(started.child);
    }
  }
  return { startMs: summarize(times, { count: 0, first: undefined }), idleRssKb };
}

async function underLoad(
  context: BenchContext,
  seeded: SeededDatabase,
  fake: FakeSlackApi,
  env: Record<string, string>,
) {
  const started = await start(MAIN, env);
  try {
    const workspace = {
      teamId: fake.team.id,
      signingSecret: SIGNING_SECRET,
      responseUrl: fake.responseUrl("startup"),
    };
    let requests = 0;
    let failures = 0;
    for (const [councils, text, accepts] of [
      [seeded.councils, () => "öppna", replyAck("ephemeral", 2)],
      [
        seeded.councils.filter((council) => council.meetsToday),
        (n: number) => `noterat Last ${n}: under last`,
        replyAck("in_channel", 1),
      ],
    ] as const) {
      const workload = slashCommandWorkload({ workspace, councils, text, accepts });
      const result = await measureThroughput(new URL(started.url), workload, LOAD);
      requests += result.requests;
      failures += result.failures;
      if (result.firstFailure) context.log(`  unexpected answer: ${result.firstFailure}`);
    }
    return { rssKb: rssKb(started.child), requests, failures };
  } finally {
    await stop(started.child);
  }
}

/**
 * The console in local mode, started as often as the server: the time to its first answer, and
 * its resident memory IDLE_MS after the last start's answer while its input stays open.
 */
async function localIdle(env: Record<string, string>) {
  const times: number[] = [];
  let idleRssKb = 0;
  for (let index = 0; index < STARTS; index += 1) {
    const began = performance.now();
    // Plain Node: this process runs under tsx, whose loader the compiled program must not get.
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    try {
      await firstAnswer(child, "hjälp");
      times.push(performance.now() - began);
      if (index === STARTS - 1) {
        await sleep(IDLE_MS);
        idleRssKb = rssKb(child);
      }
    } finally {
      await endInput(child);
    }
  }
  return { firstAnswerMs: summarize(times, { count: 0, first: undefined }).p50, idleRssKb };
}

/** Writes one line and resolves at the end of its answer (the console ends each with a blank line). */
function firstAnswer(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => fail("no answer in time"), START_TIMEOUT_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(
        new Error(
          `local mode: ${why}; stdout:\n${stdout.slice(-500)}\nstderr:\n${stderr.slice(-2_000)}`,
        ),
      );
    };
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      if (stdout.endsWith("\n\n")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => fail(`exited with ${String(code)}`));
    child.stdin?.write(`${line}\n`);
  });
}

/** Ends the console's input, as the end of a script does; killed if it does not exit. */
async function endInput(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.stdin?.end();
  await Promise.race([exited, sleep(10_000)]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

/** Spawns the entry with plain Node and waits for the URL it logs, then /healthz. */
async function start(entry: string, env: Record<string, string>): Promise<Started> {
  const began = performance.now();
  // Plain Node: this process runs under tsx, whose loader the compiled program must not get.
  const child = spawn(process.execPath, [entry], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  try {
    const url = await listeningUrl(child);
    for (;;) {
      const healthy = await fetch(`${url}/healthz`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (healthy) return { child, url, ms: performance.now() - began };
      if (performance.now() - began > START_TIMEOUT_MS) throw new Error(`${entry}: no /healthz`);
      await sleep(5);
    }
  } catch (error) {
    child.kill();
    throw error;
  }
}

/** The URL from the "… is listening" log line (JSON on stderr, as pino writes it). */
function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = "";
    let log = "";
    const timer = setTimeout(
      () => fail(new Error("did not log its URL in time")),
      START_TIMEOUT_MS,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(new Error(`${error.message}; its log:\n${log.slice(-2_000)}`));
    };
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      log += chunk;
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        const url = urlOf(line);
        if (url) {
          clearTimeout(timer);
          resolve(url);
        }
      }
    });
    child.once("exit", (code) => fail(new Error(`exited with ${String(code)} before listening`)));
  });
}

function urlOf(line: string): string | undefined {
  try {
    const entry: unknown = JSON.parse(line);
    if (typeof entry !== "object" || entry === null) return undefined;
    const { msg, url } = entry as { msg?: unknown; url?: unknown };
    return typeof msg === "string" && msg.includes("listening") && typeof url === "string"
      ? url
      : undefined;
  } catch {
    return undefined;
  }
}

/** Resident memory of the process in kB, as the operating system counts it. */
function rssKb(child: ChildProcess): number {
  const status = `/proc/${String(child.pid)}/status`;
  // Linux without procps (a slim container) has no ps; elsewhere there is no /proc.
  if (existsSync(status)) {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(status, "utf8"))?.[1];
    if (kb !== undefined) return Number(kb);
  }
  return Number(execFileSync("ps", ["-o", "rss=", "-p", String(child.pid)], { encoding: "utf8" }));
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  await Promise.race([exited, sleep(10_000)]);
  if (child.exitCode === null) child.kill("SIGKILL");
}
