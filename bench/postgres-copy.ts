// The seeded database on PostgreSQL, for the benchmarks that run on both: a new database on the
// server NOTERAT_BENCH_PG_URL names (an admin URL), or else on a throw-away cluster that
// scripts/with-postgres.sh starts when PostgreSQL's server is installed, filled by db:copy's
// own copy from the seeded SQLite file before any benchmark writes to it.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { copyDatabase } from "../src/store/copy-database.js";
import { maskedUrl } from "../src/store/database-url.js";
import type { SeededDatabase } from "./seed-database.js";

export interface PostgresCopy {
  url: string;
  /** "PostgreSQL 15.18 (NOTERAT_BENCH_PG_URL)" or "… (throw-away cluster)". */
  server: string;
  /** Milliseconds for the copy, its counts compared. */
  copyMs: number;
  cleanup(): Promise<void>;
}

const WITH_POSTGRES = fileURLToPath(new URL("../scripts/with-postgres.sh", import.meta.url));

/** undefined, with the reason logged, when there is no PostgreSQL to run on. */
export async function copyToPostgres(
  seeded: SeededDatabase,
  log: (line: string) => void,
): Promise<PostgresCopy | undefined> {
  const given = process.env.NOTERAT_BENCH_PG_URL;
  const server = given ? { url: given, stop: async () => {} } : await startCluster(log);
  if (!server) return undefined;
  const name = `noterat_bench_${process.pid}`;
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  let version = "";
  try {
    version = await onServer(server.url, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${name}"`);
      const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
      return rows[0]?.server_version ?? "";
    });
  } catch (error) {
    await server.stop();
    throw error;
  }
  const drop = async () => {
    await onServer(server.url, (client) =>
      client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    );
    await server.stop();
  };
  log(`copying the seeded database to ${maskedUrl(url.toString())} …`);
  const started = performance.now();
  try {
    const report = await copyDatabase(seeded.url, url.toString());
    if (!report.complete) throw new Error("the copy to PostgreSQL is incomplete");
  } catch (error) {
    await drop();
    throw error;
  }
  return {
    url: url.toString(),
    server: `PostgreSQL ${version.split(" ")[0]} (${given ? "NOTERAT_BENCH_PG_URL" : "throw-away cluster"})`,
    copyMs: performance.now() - started,
    cleanup: drop,
  };
}

/**
 * scripts/with-postgres.sh running a command that prints the cluster's URL and waits for its
 * input to end: closing it (or this process ending) stops and removes the cluster.
 */
async function startCluster(
  log: (line: string) => void,
): Promise<{ url: string; stop(): Promise<void> } | undefined> {
  const child = spawn(WITH_POSTGRES, ["sh", "-c", 'echo "$NOTERAT_TEST_PG_URL"; exec cat'], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const url = await firstLine(child);
  if (!url) {
    log("no PostgreSQL (set NOTERAT_BENCH_PG_URL, or install its server): SQLite only");
    return undefined;
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.stdin?.end();
      await once(child, "exit");
    },
  };
}

function firstLine(child: ChildProcess): Promise<string | undefined> {
  return new Promise((resolve) => {
    let text = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
      const end = text.indexOf("\n");
      if (end >= 0) resolve(text.slice(0, end).trim());
    });
    child.once("error", () => resolve(undefined));
    child.once("exit", () => resolve(undefined));
  });
}

async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
