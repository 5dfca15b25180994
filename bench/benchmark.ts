// What a benchmark is, for run.ts: a name, and a run that returns figures to compare.
import type { PostgresCopy } from "./postgres-copy.js";
import type { SeededDatabase } from "./seed-database.js";

export interface BenchContext {
  /** The seeded database, built on first use and shared by the benchmarks of one run. */
  database(): Promise<SeededDatabase>;
  /**
   * The same data on PostgreSQL, copied before any benchmark wrote to either (for those that
   * ask, see Benchmark.postgres); undefined when no PostgreSQL server is available.
   */
  postgres(): Promise<PostgresCopy | undefined>;
  /** A progress line on stderr (the table goes to stdout). */
  log(line: string): void;
}

/**
 * An issue's target for a figure: a bound on the figure itself ("p99 ≤ 25 ms") or on its
 * ratio to the floor ("≤ 3× the raw-SQL floor", "≥ 0.6× the bare app's throughput").
 */
export interface Target {
  of: "ours" | "ratio";
  bound: "atMost" | "atLeast";
  value: number;
}

/** One row of the table: our figure, and the floor's when there is one to compare with. */
export interface Figure {
  figure: string;
  unit: "ms" | "req/s" | "MB";
  ours: number;
  floor?: number;
  target?: Target;
}

export interface BenchResult {
  figures: Figure[];
  /** Lines printed under the table: what to keep in mind reading it. */
  notes: string[];
  /** Everything measured, for the JSON file. */
  details: Record<string, unknown>;
}

export interface Benchmark {
  /** Also the name of its results file: bench/results/<name>.json. */
  name: string;
  title: string;
  /** Runs on PostgreSQL too when a server is available. */
  postgres?: boolean;
  run(context: BenchContext): Promise<BenchResult>;
}
