import { Prisma } from "../generated/prisma/client.js";
import { newId } from "./new-id.js";
import type { SqlDb } from "./prisma-types.js";

export interface AuditEvent {
  councilId: string;
  actorId: string;
  /** created | changed | completed | removed | approved | published | cancelled | moved | role-set | bound */
  action: string;
  entityType: "council" | "meeting" | "item" | "action" | "membership" | "binding" | "person";
  entityId: string;
  before?: unknown;
  after?: unknown;
  at: Date;
}

/**
 * Records who did what and when, in the same transaction as the change itself. Its own SQL:
 * every write command writes one, and Prisma's create cost ~0.4 ms more than the statement.
 */
export async function writeAudit(db: SqlDb, event: AuditEvent): Promise<void> {
  await db.$executeRaw(auditEntryQuery(event));
}

/** writeAudit's statement, with a new id; exported so that the benchmark's floor runs it too. */
export function auditEntryQuery(event: AuditEvent): Prisma.Sql {
  const before = event.before === undefined ? null : JSON.stringify(event.before);
  const after = event.after === undefined ? null : JSON.stringify(event.after);
  return Prisma.sql`
    INSERT INTO "AuditEntry"
      ("id", "councilId", "actorId", "action", "entityType", "entityId", "before", "after", "at")
    VALUES (${newId()}, ${event.councilId}, ${event.actorId}, ${event.action}, ${event.entityType},
      ${event.entityId}, ${before}, ${after}, ${event.at})`;
}
