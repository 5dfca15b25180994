import { existsSync } from "node:fs";
import { Prisma } from "../generated/prisma/client.js";
import { type Database, openDatabase } from "./database.js";
import { type Dialect, dialectOf, maskedUrl } from "./database-url.js";
import type { Db } from "./prisma-types.js";
import { sqliteFilePath } from "./sqlite-file.js";

// Moves an installation to another database (`npm run db:copy`), typically an existing SQLite
// file to a new PostgreSQL server. Rows are read through the source's client, which gives
// instants and booleans as JavaScript values on either dialect, and written in the target's
// own terms. Prisma's bookkeeping table is not copied (the target has its own migrations); the
// search index is rebuilt by the target's triggers as the items go in.

/**
 * Every model with its primary key, parents before children: each foreign key points at a
 * table already copied. Keyed by model name, so a model added to the schema is a compile error
 * here until it has its place.
 */
const TABLES: Record<Prisma.ModelName, readonly string[]> = {
  Council: ["id"],
  CouncilSlug: ["slug"],
  Person: ["id"],
  ChannelBinding: ["id"],
  Membership: ["councilId", "personId", "role"],
  LinkCode: ["code"],
  Meeting: ["id"],
  MinutesSnapshot: ["id"],
  MinutesApproval: ["id"],
  PublishedMessage: ["id"],
  Item: ["id"],
  ItemNote: ["id"],
  Attendance: ["meetingId", "personId"],
  MeetingApprover: ["meetingId", "personId"],
  Action: ["id"],
  ActionAssignee: ["actionId", "personId"],
  Reminder: ["id"],
  ReminderCursor: ["id"],
  AuditEntry: ["id"],
  SlackInstallation: ["id"],
  Lease: ["key"],
  PartialDelivery: ["key"],
  PendingConfirmation: ["councilId", "personId"],
};

/** Tables the migrations keep beside the models (both dialects' triggers fill them from Item). */
const INDEX_TABLES = ["ItemSearch"];

/**
 * Rows per read and per insert, by the target's dialect: SQLite binds every value (its limit is
 * 32 766 per statement); PostgreSQL takes a batch as one JSON value.
 */
const BATCH: Record<Dialect, number> = { sqlite: 500, postgresql: 2_000 };
/** The copy is one transaction on the target; a large installation takes minutes, not seconds. */
const TRANSACTION_TIMEOUT_MS = 60 * 60_000;

export interface TableCount {
  table: string;
  source: number;
  target: number;
}

export interface CopyReport {
  /** Every table's rows on both sides after the copy, in the order copied. */
  counts: TableCount[];
  /** Whether every table holds as many rows in the target as in the source. */
  complete: boolean;
}

/** A copy that cannot start: the message says why, for the person running it. */
export class CopyRefused extends Error {}

/**
 * Copies every row of the database at `from` into the empty database at `to` (both are
 * migrated first, as a start would), in one transaction on the target, then counts each table
 * on both sides. A target that already holds rows is refused: nothing is merged or replaced.
 */
export async function copyDatabase(
  from: string,
  to: string,
  onTable: (table: string, rows: number) => void = () => {},
): Promise<CopyReport> {
  if (from === to) throw new CopyRefused("--from and --to name the same database");
  // Opening a SQLite URL creates the file: a mistyped source would be copied as an empty one.
  if (dialectOf(from) === "sqlite" && !existsSync(sqliteFilePath(from))) {
    throw new CopyRefused(`there is no SQLite database at ${sqliteFilePath(from)}`);
  }
  const source = await openDatabase(from);
  try {
    const target = await openDatabase(to);
    try {
      await target.prisma.$transaction(
        async (tx) => {
          await refuseUnlessEmpty(tx, maskedUrl(to));
          for (const table of modelTables()) {
            onTable(table, await copyTable(source.prisma, tx, target.dialect, table));
          }
        },
        { timeout: TRANSACTION_TIMEOUT_MS },
      );
      // PostgreSQL's planner knows nothing of the rows just loaded until autovacuum passes.
      if (target.dialect === "postgresql") await target.prisma.$executeRaw`ANALYZE`;
      const counts = await compareCounts(source, target);
      return { counts, complete: counts.every((count) => count.source === count.target) };
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

function modelTables(): Prisma.ModelName[] {
  return Object.keys(TABLES) as Prisma.ModelName[];
}

async function refuseUnlessEmpty(target: Db, shownUrl: string): Promise<void> {
  const filled: string[] = [];
  for (const table of modelTables()) {
    const rows = await countRows(target, table);
    if (rows > 0) filled.push(`${table} ${rows}`);
  }
  if (filled.length > 0) {
    throw new CopyRefused(
      `${shownUrl} already holds data (${filled.join(", ")}): copy into a new, empty database`,
    );
  }
}

type Row = Record<string, unknown>;

/** Copies one table in batches read in key order; returns the rows copied. */
async function copyTable(
  source: Db,
  target: Db,
  dialect: Dialect,
  table: Prisma.ModelName,
): Promise<number> {
  const key = TABLES[table];
  const keyColumns = Prisma.raw(key.map(quoted).join(", "));
  let copied = 0;
  let last: Row | undefined;
  for (;;) {
    const after = last
      ? Prisma.sql`WHERE (${keyColumns}) > (${Prisma.join(key.map((column) => last?.[column]))})`
      : Prisma.empty;
    const rows = await source.$queryRaw<Row[]>`
      SELECT * FROM ${Prisma.raw(quoted(table))} ${after}
      ORDER BY ${keyColumns} LIMIT ${BATCH[dialect]}`;
    if (rows.length === 0) return copied;
    await target.$executeRaw(insertRows(dialect, table, rows));
    copied += rows.length;
    last = rows[rows.length - 1];
  }
}

/** One INSERT of a batch of rows as the source's client returned them. */
function insertRows(dialect: Dialect, table: string, rows: Row[]): Prisma.Sql {
  const name = Prisma.raw(quoted(table));
  if (dialect === "postgresql") {
    // One JSON parameter, each value converted by the column it fills (ISO instants, booleans):
    // two to three times as fast as the same rows as bound values.
    return Prisma.sql`
      INSERT INTO ${name} SELECT * FROM json_populate_recordset(NULL::${name}, ${JSON.stringify(rows)}::json)`;
  }
  const columns = Object.keys(rows[0] ?? {});
  return Prisma.sql`
    INSERT INTO ${name} (${Prisma.raw(columns.map(quoted).join(", "))})
    VALUES ${Prisma.join(rows.map((row) => Prisma.sql`(${Prisma.join(columns.map((column) => row[column]))})`))}`;
}

async function compareCounts(source: Database, target: Database): Promise<TableCount[]> {
  const counts: TableCount[] = [];
  for (const table of [...modelTables(), ...INDEX_TABLES]) {
    counts.push({
      table,
      source: await countRows(source.prisma, table),
      target: await countRows(target.prisma, table),
    });
  }
  return counts;
}

async function countRows(db: Db, table: string): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ n: number | bigint }>>`
    SELECT COUNT(*) AS n FROM ${Prisma.raw(quoted(table))}`;
  return Number(row?.n ?? 0);
}

/** A table or column name from the lists above, as an SQL identifier. */
function quoted(name: string): string {
  return `"${name}"`;
}
