import type { PrismaClient } from "../generated/prisma/client.js";
import { type AuditEvent, writeAudit } from "./audit-trail.js";

/** One entry of the audit trail with its actor's name; before/after as writeAudit stored them. */
export interface AuditRecord {
  action: string;
  actorName: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: Date;
}

type AuditRow = {
  action: string;
  actorName: string;
  before: string | null;
  after: string | null;
  at: Date | string;
};

/** Reads the audit trail that every write leaves (audit-trail.ts writes it). */
export class AuditRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** An entry of its own, for a decision that changes no row (`publicera ändå`). */
  record(event: AuditEvent): Promise<void> {
    return writeAudit(this.prisma, event);
  }

  /**
   * What happened to one entity, oldest first (or newest first), by the index on
   * [entityType, entityId]. Entries of one instant keep the order they were written in: the id
   * starts with the time (new-id.ts).
   */
  async entriesOf(
    entityType: AuditEvent["entityType"],
    entityId: string,
    order: "oldest-first" | "newest-first" = "oldest-first",
  ): Promise<AuditRecord[]> {
    const rows = await this.prisma.$queryRaw<AuditRow[]>`
      SELECT e."action", p."displayName" AS "actorName", e."before", e."after", e."at"
      FROM "AuditEntry" e
      JOIN "Person" p ON p."id" = e."actorId"
      WHERE e."entityType" = ${entityType} AND e."entityId" = ${entityId}
      ORDER BY e."at" ASC, e."id" ASC`;
    const entries = rows.map((row) => ({
      action: row.action,
      actorName: row.actorName,
      before: parsed(row.before),
      after: parsed(row.after),
      at: new Date(row.at),
    }));
    return order === "oldest-first" ? entries : entries.reverse();
  }
}

function parsed(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  const value: unknown = JSON.parse(json);
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
}
