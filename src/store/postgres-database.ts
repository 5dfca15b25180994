import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { PrismaClient } from "../generated/prisma/client.js";
import { PrismaClient as PostgresClient } from "../generated/prisma-pg/client.js";
import type { Database } from "./database.js";
import { maskedUrl } from "./database-url.js";
import { prismaDirectory, readMigrations } from "./migrate.js";
import { applyPostgresMigrations } from "./postgres-migrate.js";
import { postgresPreparedStatements } from "./postgres-prepared-statements.js";

/** A connection that cannot be made within this fails start-up (or a command) instead of hanging. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Opens the PostgreSQL database at `url` after applying its pending migrations (under an
 * advisory lock, so that instances starting together migrate once). A server that cannot be
 * reached stops start-up with a message that names it without its password.
 */
export async function openPostgresDatabase(url: string): Promise<Database> {
  const setup = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  try {
    await setup.connect();
  } catch (error) {
    throw new Error(`cannot connect to PostgreSQL at ${maskedUrl(url)}: ${reason(error)}`);
  }
  try {
    await applyPostgresMigrations(
      setup,
      readMigrations(prismaDirectory("postgresql", "migrations")),
    );
  } finally {
    await setup.end();
  }
  const client = new PostgresClient({
    adapter: new PrismaPg({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS }),
  });
  // Generated from the same models as the SQLite client (see Database.prisma): the one type
  // the repositories are written against.
  const prisma = client as unknown as PrismaClient;
  const prepared = postgresPreparedStatements(url, CONNECT_TIMEOUT_MS);
  return {
    prisma,
    dialect: "postgresql",
    prepared,
    close: async () => {
      await prepared.close();
      await client.$disconnect();
    },
  };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
