import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type BetterSqlite3 from "better-sqlite3";

// Applies prisma/migrations at start-up without spawning the Prisma CLI (which costs seconds).
// It keeps Prisma's own bookkeeping table, with the same checksums, so `prisma migrate status`
// and `prisma migrate deploy` agree with what this runner did.

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  name: string;
  sql: string;
}

/**
 * A folder under the installation's prisma/ (`prisma/migrations`, `prisma/postgresql/migrations`):
 * found upwards from this module, which runs from src/store/ under tsx and from a chunk of the
 * bundle in dist/.
 */
export function prismaDirectory(...under: string[]): string {
  for (let directory = dirname(fileURLToPath(import.meta.url)); ; ) {
    const candidate = join(directory, "prisma", ...under);
    if (existsSync(join(directory, "package.json")) && existsSync(candidate)) return candidate;
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`no prisma/${under.join("/")} above ${directory}`);
    directory = parent;
  }
}

export function readMigrations(directory: string): MigrationFile[] {
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(directory, name, "migration.sql"), "utf8") }));
}

/**
 * Applies the migrations not yet applied, each in its own transaction; returns their names.
 * Another process may be starting on the same file: each migration is checked again and applied
 * under the write lock (BEGIN IMMEDIATE), so that it is applied once and the other finds it done.
 */
export function applyMigrations(db: BetterSqlite3.Database, migrations: MigrationFile[]): string[] {
  db.exec(BOOKKEEPING);
  const readApplied = db.prepare(
    `SELECT migration_name AS name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`,
  );
  const applied = () =>
    new Map(
      readApplied.all().map((row) => {
        const { name, checksum } = row as { name: string; checksum: string };
        return [name, checksum] as const;
      }),
    );
  const record = db.prepare(
    `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
  );
  const applyIfPending = db.transaction((migration: MigrationFile): boolean => {
    const [pending] = pendingMigrations([migration], applied());
    if (pending === undefined) return false;
    const startedAt = prismaTimestamp();
    db.exec(migration.sql);
    record.run(randomUUID(), pending.checksum, prismaTimestamp(), migration.name, startedAt);
    return true;
  });
  // Checked as a whole first: a changed migration stops start-up before anything is applied.
  return pendingMigrations(migrations, applied())
    .filter(({ migration }) => applyIfPending.immediate(migration))
    .map(({ migration }) => migration.name);
}

/**
 * The migrations not yet applied, each with the checksum to record; a migration whose file
 * changed after it was applied stops start-up (its database no longer matches its history).
 */
export function pendingMigrations(
  migrations: MigrationFile[],
  applied: ReadonlyMap<string, string>,
): Array<{ migration: MigrationFile; checksum: string }> {
  return migrations.flatMap((migration) => {
    const checksum = createHash("sha256").update(migration.sql).digest("hex");
    const previous = applied.get(migration.name);
    if (previous === undefined) return [{ migration, checksum }];
    if (previous !== checksum) {
      throw new Error(`migration ${migration.name} was changed after it was applied`);
    }
    return [];
  });
}

/** The timestamp format Prisma's schema engine writes into its bookkeeping table. */
function prismaTimestamp(): string {
  return new Date().toISOString().replace("Z", "+00:00");
}
