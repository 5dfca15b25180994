import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type Database, openDatabase } from "../../src/store/database.js";
import { createStore, type Store } from "../../src/store/store.js";

export interface TempDatabase {
  url: string;
  /** The SQLite file; "" on PostgreSQL. */
  path: string;
  database: Database;
  store: Store;
  cleanup(): Promise<void>;
}

/**
 * Which database the suites run on: SQLite unless NOTERAT_TEST_DATABASE=postgresql, with the
 * server NOTERAT_TEST_PG_URL names (scripts/with-postgres.sh starts one; `npm run test:pg`).
 */
export const TEST_DIALECT =
  process.env.NOTERAT_TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
export const onPostgres = TEST_DIALECT === "postgresql";

/**
 * A fresh, migrated database as at start-up: a real SQLite file in a new temporary folder, or a
 * new database on the test PostgreSQL server.
 */
export async function openTempDatabase(): Promise<TempDatabase> {
  const created = onPostgres ? await createPostgresDatabase() : createSqliteFile();
  const database = await openDatabase(created.url);
  return {
    url: created.url,
    path: created.path,
    database,
    store: createStore(database),
    async cleanup() {
      await database.close();
      await created.remove();
    },
  };
}

/** A URL of a new, empty database of the dialect under test, and how to remove it. */
export async function createTempDatabaseUrl(): Promise<{ url: string; remove(): Promise<void> }> {
  return onPostgres ? createPostgresDatabase() : createSqliteFile();
}

function createSqliteFile(): { url: string; path: string; remove(): Promise<void> } {
  const directory = mkdtempSync(join(tmpdir(), "noterat-test-"));
  const path = join(directory, "noterat.db");
  return {
    url: `file:${path}`,
    path,
    remove: async () => rmSync(directory, { recursive: true, force: true }),
  };
}

async function createPostgresDatabase(): Promise<{
  url: string;
  path: string;
  remove(): Promise<void>;
}> {
  const server = process.env.NOTERAT_TEST_PG_URL;
  if (!server) throw new Error("NOTERAT_TEST_DATABASE=postgresql needs NOTERAT_TEST_PG_URL");
  const name = `noterat_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await onServer(server, `CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    path: "",
    remove: () => onServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function onServer(server: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Rows in every table of the database (Prisma's, the search index's, all of them). */
export async function tableCounts(database: Database): Promise<Record<string, number>> {
  const tables = await database.prisma.$queryRawUnsafe<Array<{ name: string }>>(
    database.dialect === "postgresql"
      ? "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
      : "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const rows = await database.prisma.$queryRawUnsafe<Array<{ n: number | bigint }>>(
      `SELECT COUNT(*) AS n FROM "${name.replaceAll('"', '""')}"`,
    );
    counts[name] = Number(rows[0]?.n ?? -1);
  }
  return counts;
}
