// The targets for these 2-core machines, in one place so that every table states them
// the same way.
import type { Target } from "./benchmark.js";

const atMost = (value: number): Target => ({ of: "ours", bound: "atMost", value });

/** Slack: sequential p99 to the acknowledgement, `öppna` and `noterat` alike (issue 16). */
export const ACK_P99 = atMost(10);
/** Teams: p99 to the reply, reads and writes alike (issue 3). */
export const REPLY_P99 = atMost(25);
/** Slack: the server's CPU time per `öppna` and per `noterat`, sequentially (issue 16). */
export const COMMAND_CPU_MS = atMost(1.5);
/** Throughput under 32 concurrent connections: at least 60 % of the bare app's. */
export const THROUGHPUT_SHARE: Target = { of: "ratio", bound: "atLeast", value: 0.6 };
/** A store query: at most 3× the same SQL on better-sqlite3 directly. */
export const STORE_QUERY_RATIO: Target = { of: "ratio", bound: "atMost", value: 3 };
/** Compiling and rendering 200-item minutes, with every renderer. */
export const MINUTES_MS = atMost(50);
/** From starting the process (`node dist/main.js`, Slack and Teams) to a ready /healthz, p50. */
export const STARTUP_MS = atMost(1_000);
/** Resident memory of the idle server with Slack and Teams. */
export const SERVER_IDLE_RSS_MB = atMost(150);
/** Resident memory of the idle console in local mode (no platform settings). */
export const LOCAL_IDLE_RSS_MB = atMost(120);
/** One reminder tick's planning and claiming, for the whole database. */
export const TICK_MS = atMost(1_000);
