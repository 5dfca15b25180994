import BetterSqlite3 from "better-sqlite3";
import type { Prisma } from "../generated/prisma/client.js";
import type { ConnectionTurns } from "./connection-turns.js";
import type { PreparedStatements } from "./prepared-statements.js";
import { StatementCache } from "./prepared-statements.js";
import type { SqlDb } from "./prisma-types.js";

type Statement = BetterSqlite3.Statement<unknown[], unknown>;

/** How often a write tries again for the write lock another connection holds. */
const WRITE_LOCK_POLL_MS = 2;

/** Prisma's one connection, and the turns its transactions take at it (sqlite-database.ts). */
export interface SharedConnection {
  connection(): BetterSqlite3.Database;
  readonly turns: ConnectionTurns;
}

/**
 * Prepared statements on SQLite. Reads go to a second, read-only connection: in WAL mode a
 * reader never waits for the writer nor holds it up, and sees every committed write. Writes
 * go to Prisma's own connection (SQLite has one writer at a time) in transactions of the
 * store's own: Prisma's transaction machinery cost a `noterat` more CPU than its four
 * statements. Such a transaction holds the connection across awaits, so it takes turns at it
 * with Prisma's transactions, as those take turns among themselves (Prisma's statements
 * outside a transaction never waited for either). Claims go to a third connection, each
 * statement committing by itself: never inside a transaction, so never holding the write lock
 * across an await (see whenWritable).
 */
export function sqlitePreparedStatements(
  path: string,
  shared: SharedConnection,
  busyTimeoutMs: number,
): PreparedStatements {
  const reader = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  const reads = new StatementCache<Statement>((text) => reader.prepare(text));
  // A claim only keeps other running instances off its rows, and every instance on this file
  // runs on this machine: a power loss that lost the claim's commit ended them all. So its
  // commit does not wait for the disk; the sent mark that follows (a full commit) syncs it too.
  const claimer = new BetterSqlite3(path, { fileMustExist: true, timeout: 0 });
  claimer.pragma("synchronous = NORMAL");
  const claims = new StatementCache<Statement>((text) => claimer.prepare(text));
  const writes = new WeakMap<BetterSqlite3.Database, StatementCache<Statement>>();
  const writeStatement = (text: string): Statement => {
    const connection = shared.connection();
    let cache = writes.get(connection);
    if (!cache) {
      cache = new StatementCache<Statement>((sql) => connection.prepare(sql));
      writes.set(connection, cache);
    }
    return cache.get(text);
  };
  const db: SqlDb = {
    $queryRaw: async <T>(query: Prisma.Sql) =>
      writeStatement(query.sql).all(...sqliteValues(query)) as T,
    $executeRaw: async (query: Prisma.Sql) =>
      writeStatement(query.sql).run(...sqliteValues(query)).changes,
  };
  return {
    async rows<T>(query: Prisma.Sql): Promise<T[]> {
      return reads.get(query.sql).all(...sqliteValues(query)) as T[];
    },
    async transaction(work) {
      const endTurn = await shared.turns.take();
      try {
        // IMMEDIATE: a deferred transaction's first read would take a snapshot that another
        // process's commit makes stale, and its first write would then fail at once
        // (SQLITE_BUSY_SNAPSHOT, without waiting). Taking the write lock first waits instead.
        await beginImmediate(writeStatement, busyTimeoutMs);
        try {
          const result = await work(db);
          writeStatement("COMMIT").run();
          return result;
        } catch (error) {
          if (shared.connection().inTransaction) writeStatement("ROLLBACK").run();
          throw error;
        }
      } finally {
        endTurn();
      }
    },
    claim: <T>(query: Prisma.Sql) =>
      whenWritable(() => claims.get(query.sql).all(...sqliteValues(query)) as T[], busyTimeoutMs),
    async close() {
      reads.clear();
      reader.close();
      claims.clear();
      claimer.close();
    },
  };
}

/**
 * Begins an IMMEDIATE transaction on Prisma's connection (opened with `busyTimeoutMs`), waiting
 * for another connection's write lock by polling (whenWritable) instead of in SQLite's busy
 * handler, which is off meanwhile. (Pragmas prepared once: `pragma()` prepares each time.)
 */
async function beginImmediate(statement: (text: string) => Statement, busyTimeoutMs: number) {
  statement("PRAGMA busy_timeout = 0").get();
  try {
    await whenWritable(() => statement("BEGIN IMMEDIATE").run(), busyTimeoutMs);
  } finally {
    statement(`PRAGMA busy_timeout = ${busyTimeoutMs}`).get();
  }
}

/**
 * Runs `write` (its connection's busy timeout 0), trying again while another connection holds
 * the write lock, for up to `timeoutMs`. Polling rather than SQLite's busy handler, which
 * sleeps on the process's only thread: while it slept, a second connection of the same process
 * (tests run two instances in one process) could never finish the transaction it waited for.
 * A statement that fails with SQLITE_BUSY as it begins writing (the first of a deferred
 * transaction, or one on its own) has changed nothing and left no snapshot behind.
 */
async function whenWritable<T>(write: () => T, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return write();
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, WRITE_LOCK_POLL_MS));
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

/**
 * An instant as Prisma stores DateTime in SQLite (ISO 8601 text, "+00:00"), so that raw
 * comparisons order the same as Prisma's own queries.
 */
export function sqliteInstant(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** Values bound as Prisma's SQLite adapter binds them: instants as ISO text with "+00:00". */
export function sqliteValues(query: Prisma.Sql): unknown[] {
  return query.values.map((value) => {
    if (value instanceof Date) return sqliteInstant(value);
    if (typeof value === "boolean") return value ? 1 : 0;
    return value;
  });
}
