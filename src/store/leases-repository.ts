import { NoteratError } from "../domain/errors.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { newId } from "./new-id.js";

/**
 * How long a lease holds if its holder dies without letting go: longer than the slowest
 * publication (many channels, rate limits), so that a live holder never loses it.
 */
const LEASE_MS = 15 * 60_000;
/** How often a waiting instance tries again, and for how long at most. */
const RETRY_MS = 50;
const WAIT_MS = 2 * 60_000;

/**
 * Leases in the database: work that must not run twice at once anywhere — publishing one
 * meeting's minutes, which a double click can start on two instances — runs while holding one.
 * One statement takes a free or expired lease (atomic on SQLite and PostgreSQL alike).
 */
export class LeasesRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Runs `work` holding the lease `key`, waiting while another holds it. */
  async holding<T>(key: string, now: () => Date, work: () => Promise<T>): Promise<T> {
    const holder = newId();
    const waitUntil = Date.now() + WAIT_MS;
    while (!(await this.take(key, holder, now()))) {
      if (Date.now() > waitUntil) throw new NoteratError("busy");
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
    try {
      return await work();
    } finally {
      await this.prisma.$executeRaw`
        DELETE FROM "Lease" WHERE "key" = ${key} AND "holder" = ${holder}`;
    }
  }

  private async take(key: string, holder: string, now: Date): Promise<boolean> {
    const expiresAt = new Date(now.getTime() + LEASE_MS);
    const taken = await this.prisma.$queryRaw<Array<{ holder: string }>>`
      INSERT INTO "Lease" ("key", "holder", "expiresAt") VALUES (${key}, ${holder}, ${expiresAt})
      ON CONFLICT ("key") DO UPDATE SET "holder" = excluded."holder",
        "expiresAt" = excluded."expiresAt"
      WHERE "Lease"."expiresAt" < ${now}
      RETURNING "holder"`;
    return taken.length > 0;
  }
}
