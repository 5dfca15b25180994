// Servers under test run in a process of their own, as in production: the load generator,
// the fake Slack Web API and the server then share two cores, not one event loop.
// The parent starts one with a spec, asks for its memory and CPU time, and stops it, over IPC.
import { type ChildProcess, fork } from "node:child_process";
import { bundledEntry } from "./bundled-entry.js";
import type { SlackFloorSpec } from "./slack-floor-server.js";
import type { NoteratSlackSpec } from "./slack-noterat-server.js";
import type { SlackWorkFloorSpec } from "./slack-work-floor-server.js";

/** What a server process runs; later benchmarks (Teams, …) add their spec here. */
export type ServerSpec = NoteratSlackSpec | SlackFloorSpec | SlackWorkFloorSpec;

export interface BenchServer {
  /** "http://127.0.0.1:PORT" */
  url: string;
  close(): Promise<void>;
}

/** The server process's memory (bytes, as process.memoryUsage()) and CPU time so far (ms). */
export interface ProcessStats {
  rss: number;
  heapUsed: number;
  /** Memory of C++ objects bound to JS, WebAssembly memories and array buffers included. */
  external: number;
  cpuMs: number;
}

export type ToServer = { type: "start"; spec: ServerSpec } | { type: "stats" } | { type: "stop" };

export type FromServer =
  | { type: "ready"; url: string; stats: ProcessStats }
  | { type: "stats"; stats: ProcessStats }
  | { type: "failed"; message: string }
  | { type: "stopped" };

export interface ServerProcess {
  url: URL;
  pid: number;
  stats(): Promise<ProcessStats>;
  stop(): Promise<void>;
}

const REPLY_TIMEOUT_MS = 60_000;

/**
 * Forks the server process (bundled, under plain Node: bench/bundled-entry.ts) and waits until
 * it listens. With BENCH_CPU_PROF_DIR set, the server writes a V8 CPU profile to
 * BENCH_CPU_PROF_DIR/<kind>/ when it stops.
 */
export async function startServerProcess(spec: ServerSpec): Promise<ServerProcess> {
  const profileDir = process.env.BENCH_CPU_PROF_DIR;
  const execArgv = profileDir
    ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}/${spec.kind}`, "--cpu-prof-interval=250"]
    : [];
  const child = fork(bundledEntry("bench/server-process.ts", "servers"), [], {
    execArgv,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = await ask(child, { type: "start", spec });
  if (ready.type !== "ready") {
    child.kill();
    throw new Error(`server ${spec.kind} did not start: ${describe(ready)}`);
  }
  return {
    url: new URL(ready.url),
    pid: child.pid ?? 0,
    stats: async () => {
      const answer = await ask(child, { type: "stats" });
      if (answer.type !== "stats") throw new Error(`stats: ${describe(answer)}`);
      return answer.stats;
    },
    stop: async () => {
      if (child.exitCode === null) {
        await ask(child, { type: "stop" });
        await Promise.race([exited, sleep(10_000)]);
        if (child.exitCode === null) child.kill();
      }
    },
  };
}

function ask(child: ChildProcess, message: ToServer): Promise<FromServer> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`server process: no answer to ${message.type}`));
    }, REPLY_TIMEOUT_MS);
    const onMessage = (answer: unknown) => {
      if (!isFromServer(answer)) return;
      cleanup();
      resolve(answer);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`server process exited (${String(code)}) before answering ${message.type}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
    child.send(message);
  });
}

function isFromServer(value: unknown): value is FromServer {
  return (
    typeof value === "object" &&
    value !== null &&
    "type" in value &&
    typeof value.type === "string" &&
    ["ready", "stats", "failed", "stopped"].includes(value.type)
  );
}

function describe(answer: FromServer): string {
  return answer.type === "failed" ? answer.message : answer.type;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
