// The targets for these 2-core machines, in one place so that every table states them
// the same way.
import type { Target } from "./benchmark.js";

const atMost = (value: number): Target => ({ of: "ours", bound: "atMost", value });

/** p99 to the acknowledgement (Slack) or the reply (Teams), reads and writes alike. */
export const ACK_P99 = atMost(25);
/** Throughput under 32 concurrent connections: at least 60 % of the bare app's. */
export const THROUGHPUT_SHARE: Target = { of: "ratio", bound: "atLeast", value: 0.6 };
/** A store query: at most 3× the same SQL on better-sqlite3 directly. */
export const STORE_QUERY_RATIO: Target = { of: "ratio", bound: "atMost", value: 3 };
/** Compiling and rendering 200-item minutes, with every renderer. */
export const MINUTES_MS = atMost(50);
/** From starting the process to a ready /healthz. */
export const STARTUP_MS = atMost(2_000);
/** Resident memory of the idle server. */
export const IDLE_RSS_MB = atMost(150);
/** One reminder tick's planning and claiming, for the whole database. */
export const TICK_MS = atMost(1_000);
