import BetterSqlite3 from "better-sqlite3";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import type { PreparedStatements } from "./prepared-statements.js";
import { StatementCache } from "./prepared-statements.js";
import type { SqlDb } from "./prisma-types.js";

type Statement = BetterSqlite3.Statement<unknown[], unknown>;

/** A write that changes nothing: it takes the database's write lock, as a write does. */
const TAKE_WRITE_LOCK = Prisma.sql`UPDATE "Council" SET "id" = "id" WHERE 0 = 1`;
/** How often a write tries again for the write lock another connection holds. */
const WRITE_LOCK_POLL_MS = 2;

/**
 * Prepared statements on SQLite. Reads go to a second, read-only connection: in WAL mode a
 * reader never waits for the writer nor holds it up, and sees every committed write. Writes
 * go to Prisma's own connection (`writer`) inside a Prisma transaction: SQLite has one writer
 * at a time, and the adapter's lock, held for the transaction, is what keeps Prisma's other
 * transactions off the connection meanwhile. Claims go to a third connection, each statement
 * committing by itself: never inside a transaction, so never holding the write lock across
 * an await (see whenWritable).
 */
export function sqlitePreparedStatements(
  path: string,
  prisma: PrismaClient,
  writer: () => BetterSqlite3.Database,
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
  const writeStatement = (query: Prisma.Sql): Statement => {
    const connection = writer();
    let cache = writes.get(connection);
    if (!cache) {
      cache = new StatementCache<Statement>((text) => connection.prepare(text));
      writes.set(connection, cache);
    }
    return cache.get(query.sql);
  };
  const db: SqlDb = {
    $queryRaw: async <T>(query: Prisma.Sql) =>
      writeStatement(query).all(...sqliteValues(query)) as T,
    $executeRaw: async (query: Prisma.Sql) =>
      writeStatement(query).run(...sqliteValues(query)).changes,
  };
  return {
    async rows<T>(query: Prisma.Sql): Promise<T[]> {
      return reads.get(query.sql).all(...sqliteValues(query)) as T[];
    },
    transaction: (work) =>
      prisma.$transaction(async () => {
        // Prisma has begun its transaction on the connection before calling this; should a
        // later version begin it lazily, these statements must not run outside one.
        const connection = writer();
        if (!connection.inTransaction) throw new Error("store: no open transaction to write in");
        // Prisma begins a deferred transaction: a read before the first write would take a
        // snapshot that another process's commit makes stale, and the write would then fail at
        // once (SQLITE_BUSY_SNAPSHOT, without waiting). Taking the write lock first waits for
        // the other writer instead.
        await takeWriteLock(writeStatement(TAKE_WRITE_LOCK), connection, busyTimeoutMs);
        return work(db);
      }),
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
 * Runs the write-lock statement on Prisma's connection (opened with `busyTimeoutMs`), waiting
 * for another connection's write lock by polling (whenWritable) instead of in SQLite's busy
 * handler, which is off meanwhile.
 */
async function takeWriteLock(
  statement: Statement,
  connection: BetterSqlite3.Database,
  busyTimeoutMs: number,
) {
  connection.pragma("busy_timeout = 0");
  try {
    await whenWritable(() => statement.run(), busyTimeoutMs);
  } finally {
    connection.pragma(`busy_timeout = ${busyTimeoutMs}`);
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
