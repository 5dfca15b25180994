import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Prisma } from "../../src/generated/prisma-pg/client.js";
import { type Database, openDatabase } from "../../src/store/database.js";
import { readMigrations } from "../../src/store/migrate.js";
import { applyPostgresMigrations } from "../../src/store/postgres-migrate.js";
import { createTempDatabaseUrl, onPostgres } from "../support/temp-database.js";

// What only PostgreSQL has: its migrator (Prisma's bookkeeping, an advisory lock for instances
// starting together) and its migrations' schema. SQLite's counterparts are in store.test.ts.

const MIGRATIONS = readMigrations("prisma/postgresql/migrations");
/** Tables that are not Prisma models: the migrator's bookkeeping and the search index. */
const NOT_MODELS = new Set(["_prisma_migrations", "ItemSearch"]);

interface Recorded {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  applied_steps_count: number;
}

describe.runIf(onPostgres)("PostgreSQL store", () => {
  let url: string;
  let removeDatabase: () => Promise<void>;
  let client: pg.Client;

  beforeEach(async () => {
    ({ url, remove: removeDatabase } = await createTempDatabaseUrl());
    client = new pg.Client({ connectionString: url });
    await client.connect();
  });

  afterEach(async () => {
    await client.end();
    await removeDatabase();
  });

  const recorded = async () =>
    (
      await client.query<Recorded>(
        `SELECT id, migration_name, checksum, finished_at, applied_steps_count
         FROM "_prisma_migrations" ORDER BY migration_name`,
      )
    ).rows;

  /** Opens the database as an instance starts, and closes it again. */
  const start = async () => (await openDatabase(url)).close();

  it("records each migration once, with Prisma's checksum, and applies none twice", async () => {
    await start();
    const first = await recorded();
    expect(first.map((row) => [row.migration_name, row.checksum, row.applied_steps_count])).toEqual(
      MIGRATIONS.map((m) => [m.name, createHash("sha256").update(m.sql).digest("hex"), 1]),
    );
    expect(first.every((row) => row.finished_at instanceof Date)).toBe(true);
    await start();
    expect(await recorded()).toEqual(first);
  });

  it("refuses a migration changed after it was applied, and releases its lock", async () => {
    await start();
    const [changed] = MIGRATIONS;
    if (!changed) throw new Error("no PostgreSQL migrations");
    await expect(
      applyPostgresMigrations(client, [{ name: changed.name, sql: `${changed.sql}\n-- edited` }]),
    ).rejects.toThrow(`migration ${changed.name} was changed after it was applied`);
    const { rows } = await client.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory'`);
    expect(rows).toEqual([]);
    await start();
  });

  it("migrates once when instances start together", async () => {
    const opened = await Promise.all([1, 2, 3, 4].map(() => openDatabase(url)));
    await Promise.all(opened.map((database) => database.close()));
    const rows = await recorded();
    expect(rows.map((row) => row.migration_name)).toEqual(MIGRATIONS.map((m) => m.name));
  });

  it("has the tables and columns of the Prisma schema", async () => {
    await start();
    const { rows } = await client.query<{ table: string; column: string }>(
      `SELECT table_name AS table, column_name AS column FROM information_schema.columns
       WHERE table_schema = 'public' ORDER BY table_name, column_name`,
    );
    const migrated = groupColumns(rows.filter((row) => !NOT_MODELS.has(row.table)));
    const modelled = Object.values(Prisma.ModelName).map((model) => {
      const fields = (Prisma as unknown as Record<string, Record<string, string>>)[
        `${model}ScalarFieldEnum`
      ];
      return [model, Object.values(fields ?? {}).sort()] as const;
    });
    expect(migrated).toEqual(Object.fromEntries(modelled.sort(([a], [b]) => a.localeCompare(b))));
  });

  it("agrees with the SQLite migrations on every column's type and nullability and every unique key", async () => {
    await start();
    const sqlite = await openSqliteBeside();
    try {
      expect(await postgresShape(client)).toEqual(await sqliteShape(sqlite.database));
    } finally {
      await sqlite.close();
    }
  });
});

function groupColumns(rows: Array<{ table: string; column: string }>): Record<string, string[]> {
  const tables: Record<string, string[]> = {};
  for (const { table, column } of rows) tables[table] = [...(tables[table] ?? []), column];
  for (const columns of Object.values(tables)) columns.sort();
  return tables;
}

/** Each model table's columns as "name type null|not null", and its unique keys. */
interface Shape {
  columns: Record<string, string[]>;
  unique: string[];
}

const SQLITE_TYPES: Record<string, string> = {
  TEXT: "text",
  INTEGER: "integer",
  DATETIME: "timestamp",
  BOOLEAN: "boolean",
};

async function postgresShape(client: pg.Client): Promise<Shape> {
  const columns = await client.query<{ table: string; column: string }>(
    `SELECT table_name AS table,
       column_name || ' ' || regexp_replace(data_type, ' without time zone$', '') || ' '
         || CASE is_nullable WHEN 'YES' THEN 'null' ELSE 'not null' END AS column
     FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  const unique = await client.query<{ key: string }>(
    `SELECT t.relname || '(' || string_agg(a.attname, ',' ORDER BY k.n) || ')' AS key
     FROM pg_index i
     JOIN pg_class t ON t.oid = i.indrelid
     JOIN pg_namespace s ON s.oid = t.relnamespace AND s.nspname = 'public'
     CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
     WHERE i.indisunique
     GROUP BY t.relname, i.indexrelid`,
  );
  return {
    columns: groupColumns(columns.rows.filter((row) => !NOT_MODELS.has(row.table))),
    unique: unique.rows
      .map((row) => row.key)
      .filter((key) => !NOT_MODELS.has(key.slice(0, key.indexOf("("))))
      .sort(),
  };
}

async function sqliteShape(database: Database): Promise<Shape> {
  const { prisma } = database;
  const tables = await prisma.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND name NOT LIKE 'ItemSearch%'`,
  );
  const columns: Array<{ table: string; column: string }> = [];
  const unique: string[] = [];
  for (const { name } of tables.filter((table) => !NOT_MODELS.has(table.name))) {
    const info = await prisma.$queryRawUnsafe<
      Array<{ name: string; type: string; notnull: bigint; pk: bigint }>
    >(`PRAGMA table_info("${name}")`);
    for (const column of info) {
      const nullable = column.notnull === 0n && column.pk === 0n;
      const type = SQLITE_TYPES[column.type] ?? column.type;
      columns.push({
        table: name,
        column: `${column.name} ${type} ${nullable ? "null" : "not null"}`,
      });
    }
    const indexes = await prisma.$queryRawUnsafe<Array<{ name: string; unique: bigint }>>(
      `PRAGMA index_list("${name}")`,
    );
    for (const index of indexes.filter((entry) => entry.unique === 1n)) {
      const keyColumns = await prisma.$queryRawUnsafe<Array<{ name: string }>>(
        `PRAGMA index_info("${index.name}")`,
      );
      unique.push(`${name}(${keyColumns.map((column) => column.name).join(",")})`);
    }
  }
  return { columns: groupColumns(columns), unique: unique.sort() };
}

/** A SQLite database migrated as at start-up, to compare the two migration folders' result. */
async function openSqliteBeside(): Promise<{ database: Database; close(): Promise<void> }> {
  const directory = mkdtempSync(join(tmpdir(), "noterat-shape-"));
  const database = await openDatabase(`file:${join(directory, "noterat.db")}`);
  return {
    database,
    async close() {
      await database.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
