import { readdirSync, readlinkSync, realpathSync } from "node:fs";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "../../src/store/migrate.js";
import { sqliteFilePath } from "../../src/store/sqlite-file.js";
import { type RunningMain, type Stopped, startMain } from "../support/main-process.js";
import { createTempDatabaseUrl, onPostgres } from "../support/temp-database.js";

// Two instances starting together on one new database (architecture.md §14): both start, and each
// migration is applied once. The test holds the database back until both have reached it, so
// that the two migrators really run at the same moment.

/** The PostgreSQL migrator's advisory lock (src/store/postgres-migrate.ts). */
const POSTGRES_MIGRATION_LOCK = 4_711_202_612n;
const MIGRATIONS = readMigrations(onPostgres ? "prisma/postgresql/migrations" : "prisma/migrations")
  .map((migration) => migration.name)
  .sort();
/** A real program starts in a few seconds, more on a loaded machine; a test runs two. */
const TWO_STARTS = { timeout: 120_000 };

/** Every program a test started: ended after it, also when the test failed half-way. */
const started: RunningMain[] = [];

function startTwo(url: string): RunningMain[] {
  const mains = [startMain({ DATABASE_URL: url }), startMain({ DATABASE_URL: url })];
  started.push(...mains);
  return mains;
}

describe("two processes starting on one new database", () => {
  let removeDatabase: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await Promise.all(started.splice(0).map((main) => main.end()));
    await removeDatabase?.();
    removeDatabase = undefined;
  });

  async function newDatabase(): Promise<string> {
    const created = await createTempDatabaseUrl();
    removeDatabase = created.remove;
    return created.url;
  }

  it("both start, and every migration is applied exactly once", TWO_STARTS, async () => {
    const url = await newDatabase();
    const stopped = onPostgres
      ? await startTogetherOnPostgres(url)
      : await startTogetherOnSqlite(url, "BEGIN EXCLUSIVE");

    for (const { code, stderr } of stopped)
      expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(await appliedMigrations(url)).toEqual(MIGRATIONS);
  });

  // The exclusive lock above holds both before anything is read, and they wake from it up to
  // 100 ms apart (SQLite's busy polling): about as long as migrating takes, so one may finish
  // before the other looks. Here both have read that nothing is applied before either can write.
  it.runIf(!onPostgres)(
    "when both find nothing applied, the one that waits for the other applies nothing again",
    TWO_STARTS,
    async () => {
      const url = await newDatabase();
      const holder = new BetterSqlite3(sqliteFilePath(url));
      holder.pragma("journal_mode = WAL");
      // The history table alone, as a start that stopped before its first migration leaves it.
      applyMigrations(holder, []);
      holder.close();
      const stopped = await startTogetherOnSqlite(url, "BEGIN IMMEDIATE");

      for (const { code, stderr } of stopped) {
        expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
      }
      expect(await appliedMigrations(url)).toEqual(MIGRATIONS);
    },
  );
});

/**
 * Holds a lock on the SQLite file until both processes have opened it, and a second more for
 * them to reach the lock; then both go on at once. EXCLUSIVE stops them at their first read,
 * IMMEDIATE (in WAL) at their first write. Their busy timeout is 5 s: on a machine so loaded
 * that the second comes 3 s after the first, the first goes ahead alone.
 */
async function startTogetherOnSqlite(
  url: string,
  lock: "BEGIN EXCLUSIVE" | "BEGIN IMMEDIATE",
): Promise<Stopped[]> {
  const holder = new BetterSqlite3(sqliteFilePath(url));
  // As the processes' open files show it (a temporary folder may sit behind a symbolic link).
  const path = realpathSync(sqliteFilePath(url));
  holder.exec(lock);
  const mains = startTwo(url);
  let firstOpened: number | undefined;
  try {
    await until(() => {
      const open = mains.filter((main) => hasOpen(main.pid, path)).length;
      if (open > 0) firstOpened ??= Date.now();
      return open === 2 || (firstOpened !== undefined && Date.now() - firstOpened > 3_000);
    }, "both open the file");
    const waited = Date.now() - (firstOpened ?? Date.now());
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, Math.min(1_000, 4_000 - waited))),
    );
  } finally {
    holder.exec("ROLLBACK");
    holder.close();
  }
  return endAll(mains);
}

/** Holds the migrator's advisory lock until both processes wait for it. */
async function startTogetherOnPostgres(url: string): Promise<Stopped[]> {
  const holder = new pg.Client({ connectionString: url });
  await holder.connect();
  try {
    await holder.query("SELECT pg_advisory_lock($1)", [POSTGRES_MIGRATION_LOCK]);
    const mains = startTwo(url);
    try {
      await until(async () => {
        const { rows } = await holder.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_locks
           WHERE locktype = 'advisory' AND NOT granted
             AND ((classid::bigint << 32) | objid::bigint) = $1`,
          [POSTGRES_MIGRATION_LOCK],
        );
        return rows[0]?.waiting === 2;
      }, "both wait for the migration lock");
    } finally {
      await holder.query("SELECT pg_advisory_unlock($1)", [POSTGRES_MIGRATION_LOCK]);
    }
    return endAll(mains);
  } finally {
    await holder.end();
  }
}

/** Local mode with no input: each process starts, then exits as its input ends. */
function endAll(mains: RunningMain[]): Promise<Stopped[]> {
  return Promise.all(mains.map((main) => main.end()));
}

/** Whether the process holds `path` open (Linux: its file descriptors in /proc). */
function hasOpen(pid: number, path: string): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === path;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The names in `_prisma_migrations`, sorted, read without opening (and so migrating) the store. */
async function appliedMigrations(url: string): Promise<string[]> {
  const query = `SELECT migration_name AS name FROM "_prisma_migrations"
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  if (!onPostgres) {
    const db = new BetterSqlite3(sqliteFilePath(url), { readonly: true });
    try {
      return (db.prepare(query).all() as Array<{ name: string }>).map((row) => row.name).sort();
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ name: string }>(query)).rows.map((row) => row.name).sort();
  } finally {
    await client.end();
  }
}
