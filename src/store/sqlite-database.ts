import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import BetterSqlite3 from "better-sqlite3";
import { type Prisma, PrismaClient } from "../generated/prisma/client.js";
import { ConnectionTurns } from "./connection-turns.js";
import type { Database } from "./database.js";
import { applyMigrations, prismaDirectory, readMigrations } from "./migrate.js";
import { ensureParentDirectory, sqliteFilePath } from "./sqlite-file.js";
import { type SharedConnection, sqlitePreparedStatements } from "./sqlite-prepared-statements.js";

/** How long a write waits for another connection's lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;

type AdapterFactory = NonNullable<Prisma.PrismaClientOptions["adapter"]>;

/**
 * Opens the SQLite database at `url`, creating the file and applying pending migrations first,
 * with WAL journaling, a busy timeout and foreign keys on.
 */
export async function openSqliteDatabase(url: string): Promise<Database> {
  const path = sqliteFilePath(url);
  ensureParentDirectory(path);
  const setup = new BetterSqlite3(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    setup.pragma("journal_mode = WAL");
    applyMigrations(setup, readMigrations(prismaDirectory("migrations")));
  } finally {
    setup.close();
  }
  const adapter = sharedConnectionAdapter(
    new PrismaBetterSQLite3({ url: path, timeout: BUSY_TIMEOUT_MS }),
  );
  const prisma = new PrismaClient({ adapter });
  // Per-connection settings; the adapter holds a single connection, so setting them once holds.
  await prisma.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  const prepared = sqlitePreparedStatements(path, adapter, BUSY_TIMEOUT_MS);
  return {
    prisma,
    dialect: "sqlite",
    prepared,
    close: async () => {
      await prepared.close();
      await prisma.$disconnect();
    },
  };
}

/**
 * Prisma's adapter, which also hands out the one connection it opened and takes turns at it
 * with the store's own transactions, so that the store's prepared writes run on it (see
 * sqlitePreparedStatements). Prisma's adapter serialises its own transactions with a lock the
 * store cannot reach: each of them now first waits for its turn here, and gives it back when
 * it commits or rolls back. The adapter keeps its connection as `client`, which its type does
 * not show: checked here, so that an upgrade that moves it fails at start, not in a command.
 */
function sharedConnectionAdapter(factory: AdapterFactory): AdapterFactory & SharedConnection {
  let connection: BetterSqlite3.Database | undefined;
  const turns = new ConnectionTurns();
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      const client: unknown = (adapter as unknown as { client?: unknown }).client;
      if (!(client instanceof BetterSqlite3)) {
        throw new Error("store: Prisma's SQLite adapter no longer exposes its connection");
      }
      connection = client;
      const startTransaction = adapter.startTransaction.bind(adapter);
      adapter.startTransaction = async (isolationLevel) => {
        const endTurn = await turns.take();
        try {
          const transaction = await startTransaction(isolationLevel);
          const commit = transaction.commit.bind(transaction);
          const rollback = transaction.rollback.bind(transaction);
          transaction.commit = () => commit().finally(endTurn);
          transaction.rollback = () => rollback().finally(endTurn);
          return transaction;
        } catch (error) {
          endTurn();
          throw error;
        }
      };
      return adapter;
    },
    connection() {
      if (!connection) throw new Error("store: Prisma has not connected yet");
      return connection;
    },
    turns,
  };
}
