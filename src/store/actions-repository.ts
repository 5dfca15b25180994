import type { ActionRecord } from "../domain/records.js";
import type { ActionStatus } from "../domain/types.js";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { writeAudit } from "./audit-trail.js";
import { reopenMinutes } from "./meetings-repository.js";
import type { Db } from "./prisma-types.js";
import { ACTION_INCLUDE, type ListedActionRow, toAction, toListedActions } from "./row-mappers.js";
import { takeRef } from "./short-refs.js";
import { isUniqueViolation } from "./unique-violation.js";

export interface NewAction {
  councilId: string;
  meetingId: string | null;
  itemId: string | null;
  text: string;
  dueAt: Date | null;
  assigneeIds: string[];
  createdById: string;
  dedupKey?: string;
  at: Date;
}

/** Which open actions to list; every filter narrows. */
export interface ActionFilter {
  /** Absent: every council (a person's own actions, wherever they were given). */
  councilIds?: string[];
  assigneeId?: string;
  /** Only actions due before this instant. */
  dueBefore?: Date;
  limit: number;
}

export interface ActionChange {
  text?: string;
  dueAt?: Date | null;
}

export class ActionsRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async create(input: NewAction): Promise<{ action: ActionRecord; created: boolean }> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        if (input.dedupKey !== undefined) {
          const existing = await tx.action.findUnique({
            where: { dedupKey: input.dedupKey },
            include: ACTION_INCLUDE,
          });
          if (existing) return { action: toAction(existing), created: false };
        }
        const ref = await takeRef(tx, input.councilId);
        const row = await tx.action.create({
          data: {
            councilId: input.councilId,
            meetingId: input.meetingId,
            itemId: input.itemId,
            ref,
            text: input.text,
            dueAt: input.dueAt,
            createdById: input.createdById,
            dedupKey: input.dedupKey ?? null,
            assignees: { create: input.assigneeIds.map((personId) => ({ personId })) },
          },
          include: ACTION_INCLUDE,
        });
        await reopenMeetingOf(tx, input, input.createdById, input.at);
        await writeAudit(tx, {
          councilId: input.councilId,
          actorId: input.createdById,
          action: "created",
          entityType: "action",
          entityId: row.id,
          after: { ref, text: input.text, dueAt: input.dueAt, assigneeIds: input.assigneeIds },
          at: input.at,
        });
        return { action: toAction(row), created: true };
      });
    } catch (error) {
      if (isUniqueViolation(error) && input.dedupKey !== undefined) {
        const existing = await this.prisma.action.findUnique({
          where: { dedupKey: input.dedupKey },
          include: ACTION_INCLUDE,
        });
        if (existing) return { action: toAction(existing), created: false };
      }
      throw error;
    }
  }

  async byRef(councilId: string, ref: number): Promise<ActionRecord | null> {
    const row = await this.prisma.action.findUnique({
      where: { councilId_ref: { councilId, ref } },
      include: ACTION_INCLUDE,
    });
    return row ? toAction(row) : null;
  }

  /**
   * Open actions, soonest due first (undated last), then by number. One SQL statement (see
   * openActionsQuery): every list command runs this, and Prisma's findMany with its relations
   * took five statements and ~3.7 ms on the benchmark database.
   */
  async open(filter: ActionFilter): Promise<ActionRecord[]> {
    if (filter.councilIds?.length === 0) return [];
    return toListedActions(
      await this.prisma.$queryRaw<ListedActionRow[]>(openActionsQuery(filter)),
    );
  }

  async countOpen(filter: Omit<ActionFilter, "limit">): Promise<number> {
    if (filter.councilIds?.length === 0) return 0;
    const [row] = await this.prisma.$queryRaw<Array<{ count: number | bigint }>>(
      countOpenActionsQuery(filter),
    );
    return Number(row?.count ?? 0);
  }

  /** The meeting's actions in number order, without removed ones. */
  async ofMeeting(meetingId: string): Promise<ActionRecord[]> {
    const rows = await this.prisma.action.findMany({
      where: { meetingId, removedAt: null },
      include: ACTION_INCLUDE,
      orderBy: { ref: "asc" },
    });
    return rows.map(toAction);
  }

  /** Marks an open action done; null when it was no longer open (a second click, a race). */
  async complete(action: ActionRecord, actorId: string, at: Date): Promise<ActionRecord | null> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.action.updateMany({
        where: { id: action.id, status: "open" satisfies ActionStatus },
        data: { status: "done", completedAt: at, completedById: actorId },
      });
      if (count === 0) return null;
      const row = await tx.action.findUniqueOrThrow({
        where: { id: action.id },
        include: ACTION_INCLUDE,
      });
      await writeAudit(tx, {
        councilId: action.councilId,
        actorId,
        action: "completed",
        entityType: "action",
        entityId: action.id,
        before: { status: action.status },
        after: { status: "done" },
        at,
      });
      return toAction(row);
    });
  }

  async change(
    action: ActionRecord,
    change: ActionChange,
    actorId: string,
    at: Date,
  ): Promise<ActionRecord> {
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.action.update({
        where: { id: action.id },
        data: change,
        include: ACTION_INCLUDE,
      });
      await reopenMeetingOf(tx, action, actorId, at);
      await writeAudit(tx, {
        councilId: action.councilId,
        actorId,
        action: "changed",
        entityType: "action",
        entityId: action.id,
        before: { text: action.text, dueAt: action.dueAt },
        after: change,
        at,
      });
      return toAction(row);
    });
  }

  async remove(action: ActionRecord, actorId: string, at: Date): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.action.update({
        where: { id: action.id },
        data: { status: "cancelled" satisfies ActionStatus, removedAt: at },
      });
      await reopenMeetingOf(tx, action, actorId, at);
      await writeAudit(tx, {
        councilId: action.councilId,
        actorId,
        action: "removed",
        entityType: "action",
        entityId: action.id,
        before: { text: action.text, status: action.status },
        at,
      });
    });
  }
}

/**
 * The open actions a filter names with their council's name and item's number, the first
 * `limit` in list order, each joined with its assignees (one row per assignee). Portable SQL;
 * exported so that the benchmark runs the very same statement on the driver as its floor.
 */
export function openActionsQuery(filter: ActionFilter): Prisma.Sql {
  return Prisma.sql`
    WITH "listed" AS (
      SELECT a."id", a."councilId", c."name" AS "councilName", a."meetingId",
        i."ref" AS "itemRef", a."ref", a."text", a."dueAt", a."status", a."removedAt"
      FROM "Action" a
      JOIN "Council" c ON c."id" = a."councilId"
      LEFT JOIN "Item" i ON i."id" = a."itemId"
      WHERE ${whereOpen(filter)}
      ORDER BY a."dueAt" ASC NULLS LAST, a."ref" ASC, a."id" ASC
      LIMIT ${filter.limit}
    )
    SELECT l.*, p."id" AS "personId", p."platform", p."workspaceId", p."externalId",
      p."displayName", p."locale"
    FROM "listed" l
    LEFT JOIN "ActionAssignee" aa ON aa."actionId" = l."id"
    LEFT JOIN "Person" p ON p."id" = aa."personId"
    ORDER BY l."dueAt" ASC NULLS LAST, l."ref" ASC, l."id" ASC`;
}

export function countOpenActionsQuery(filter: Omit<ActionFilter, "limit">): Prisma.Sql {
  return Prisma.sql`SELECT COUNT(*) AS "count" FROM "Action" a WHERE ${whereOpen(filter)}`;
}

function whereOpen(filter: Omit<ActionFilter, "limit">): Prisma.Sql {
  const open: ActionStatus = "open";
  const conditions = [Prisma.sql`a."status" = ${open}`, Prisma.sql`a."removedAt" IS NULL`];
  if (filter.councilIds) {
    conditions.push(Prisma.sql`a."councilId" IN (${Prisma.join(filter.councilIds)})`);
  }
  if (filter.assigneeId) {
    conditions.push(
      Prisma.sql`a."id" IN (SELECT "actionId" FROM "ActionAssignee" WHERE "personId" = ${filter.assigneeId})`,
    );
  }
  if (filter.dueBefore) conditions.push(Prisma.sql`a."dueAt" < ${filter.dueBefore}`);
  return Prisma.join(conditions, " AND ");
}

/** An action given at a meeting is part of its minutes: changing it reopens them. */
async function reopenMeetingOf(
  db: Db,
  action: { councilId: string; meetingId: string | null },
  actorId: string,
  at: Date,
): Promise<void> {
  if (action.meetingId !== null) {
    await reopenMinutes(db, { id: action.meetingId, councilId: action.councilId }, actorId, at);
  }
}
