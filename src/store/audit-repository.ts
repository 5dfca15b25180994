import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { type AuditEvent, writeAudit } from "./audit-trail.js";

/** One entry of the audit trail with its actor's name; before/after as writeAudit stored them. */
export interface AuditRecord {
  action: string;
  actorName: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: Date;
}

/**
 * An entry of a council's log (`logg`), with what names its entity: an item's or action's short
 * number, a meeting's start, the person a role or a forgetting was about.
 */
export interface AuditLogEntry extends AuditRecord {
  entityType: string;
  ref: number | null;
  meeting: { startsAt: Date; hasTime: boolean } | null;
  personName: string | null;
}

type AuditLogRow = AuditRow & {
  entityType: string;
  ref: number | bigint | null;
  startsAt: Date | string | null;
  hasTime: boolean | number | null;
  personName: string | null;
};

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

  /**
   * The council's latest entries, newest first, by the index on [councilId, at]; with `entity`,
   * only that item's or action's.
   */
  async latestOf(
    councilId: string,
    limit: number,
    entity?: { type: AuditEvent["entityType"]; id: string },
  ): Promise<AuditLogEntry[]> {
    const ofEntity = entity
      ? Prisma.sql`AND e."entityType" = ${entity.type} AND e."entityId" = ${entity.id}`
      : Prisma.empty;
    const rows = await this.prisma.$queryRaw<AuditLogRow[]>`
      SELECT e."action", e."entityType", p."displayName" AS "actorName", e."before", e."after",
        e."at", COALESCE(i."ref", a."ref") AS "ref", m."startsAt", m."hasTime",
        s."displayName" AS "personName"
      FROM "AuditEntry" e
      JOIN "Person" p ON p."id" = e."actorId"
      LEFT JOIN "Item" i ON e."entityType" = 'item' AND i."id" = e."entityId"
      LEFT JOIN "Action" a ON e."entityType" = 'action' AND a."id" = e."entityId"
      LEFT JOIN "Meeting" m ON e."entityType" = 'meeting' AND m."id" = e."entityId"
      LEFT JOIN "Person" s ON e."entityType" IN ('membership', 'person') AND s."id" = e."entityId"
      WHERE e."councilId" = ${councilId} ${ofEntity}
      ORDER BY e."at" DESC, e."id" DESC
      LIMIT ${limit}`;
    return rows.map((row) => ({
      action: row.action,
      actorName: row.actorName,
      before: parsed(row.before),
      after: parsed(row.after),
      at: new Date(row.at),
      entityType: row.entityType,
      ref: row.ref === null ? null : Number(row.ref),
      meeting:
        row.startsAt === null
          ? null
          : { startsAt: new Date(row.startsAt), hasTime: Boolean(row.hasTime) },
      personName: row.personName,
    }));
  }
}

function parsed(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  const value: unknown = JSON.parse(json);
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
}
