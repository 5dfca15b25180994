import { randomUUID } from "node:crypto";
import type pg from "pg";
import { type MigrationFile, pendingMigrations } from "./migrate.js";

// Applies prisma/postgresql/migrations at start-up. Prisma's own `migrate deploy` cannot run
// through the pg driver adapter here (prisma/orm#27403), so this keeps Prisma's bookkeeping
// table itself, with the same checksums, so that `prisma migrate status` agrees with it.
// Instances starting together take turns on an advisory lock: one migrates, the others then
// find nothing left to do.

/** pg_advisory_lock's key for Noterat's migrations (any constant the database has no other use for). */
const MIGRATION_LOCK = 4_711_202_612;

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Applies the migrations not yet applied, each in its own transaction; returns their names. */
export async function applyPostgresMigrations(
  client: pg.ClientBase,
  migrations: MigrationFile[],
): Promise<string[]> {
  await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
  try {
    await client.query(BOOKKEEPING);
    const { rows } = await client.query<{ name: string; checksum: string }>(
      `SELECT migration_name AS name, checksum FROM "_prisma_migrations"
       WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`,
    );
    const applied = new Map(rows.map((row) => [row.name, row.checksum] as const));
    const done: string[] = [];
    for (const { migration, checksum } of pendingMigrations(migrations, applied)) {
      const startedAt = new Date();
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations"
             (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), checksum, migration.name, startedAt],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
      done.push(migration.name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
  }
}
