import type { Db } from "./prisma-types.js";

export interface AuditEvent {
  councilId: string;
  actorId: string;
  /** created | changed | completed | removed | approved | published | cancelled | moved | role-set | bound */
  action: string;
  entityType: "council" | "meeting" | "item" | "action" | "membership" | "binding";
  entityId: string;
  before?: unknown;
  after?: unknown;
  at: Date;
}

/** Records who did what and when, in the same transaction as the change itself. */
export async function writeAudit(db: Db, event: AuditEvent): Promise<void> {
  await db.auditEntry.create({
    data: {
      councilId: event.councilId,
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === undefined ? null : JSON.stringify(event.after),
      at: event.at,
    },
  });
}
