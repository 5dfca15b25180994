import { EXTERNAL_PLATFORM, type ExternalRef } from "../domain/command/external-assignee.js";
import type { ActionRecord, PersonRecord } from "../domain/records.js";
import type { ActionStatus, MeetingStatus } from "../domain/types.js";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { writeAudit } from "./audit-trail.js";
import { type ReopenCause, reopenMinutes } from "./minutes-record-repository.js";
import type { PreparedStatements } from "./prepared-statements.js";
import type { Db } from "./prisma-types.js";
import {
  ACTION_INCLUDE,
  type ListedActionRow,
  toAction,
  toListedActions,
  toPerson,
} from "./row-mappers.js";
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
  /**
   * The actions open at this instant rather than now (a protocol's follow-up as of its
   * meeting): given before it, and not done or withdrawn by then.
   */
  asOf?: Date;
  limit: number;
}

/** An action as a meeting's minutes record it. */
export interface MinutedAction {
  ref: number;
  itemRef: number | null;
  text: string;
  decidedDueAt: Date | null;
  assignees: string[];
}

export interface ActionChange {
  text?: string;
  dueAt?: Date | null;
}

export class ActionsRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly prepared: PreparedStatements,
  ) {}

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
            decidedDueAt: input.dueAt,
            createdById: input.createdById,
            dedupKey: input.dedupKey ?? null,
            assignees: { create: input.assigneeIds.map((personId) => ({ personId })) },
          },
          include: ACTION_INCLUDE,
        });
        await reopenMeetingOf(tx, input, input.createdById, input.at, {
          entityType: "action",
          entityId: row.id,
          ref,
          change: "created",
        });
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
    return toListedActions(await this.prepared.rows<ListedActionRow>(openActionsQuery(filter)));
  }

  async countOpen(filter: Omit<ActionFilter, "limit">): Promise<number> {
    if (filter.councilIds?.length === 0) return 0;
    return this.count(countOpenActionsQuery(filter));
  }

  /**
   * The follow-up's "done since the previous meeting" (architecture.md §11): the council's actions
   * done since its latest planned meeting before `before`, in the order they were done, and that
   * meeting's start (null when it had none: then every action done so far).
   */
  async completedSincePrevious(
    councilId: string,
    before: Date,
    limit: number,
    /** Only those done before this instant (a protocol's follow-up as of its meeting). */
    doneBefore?: Date,
  ): Promise<{ since: Date | null; actions: ActionRecord[] }> {
    const rows = await this.prepared.rows<ListedActionRow & { since: Date | string | null }>(
      completedActionsQuery(councilId, before, limit, doneBefore),
    );
    const since = rows[0]?.since ?? null;
    return { since: since === null ? null : new Date(since), actions: toListedActions(rows) };
  }

  async countCompletedSincePrevious(
    councilId: string,
    before: Date,
    doneBefore?: Date,
  ): Promise<number> {
    return this.count(countCompletedActionsQuery(councilId, before, doneBefore));
  }

  private async count(query: Prisma.Sql): Promise<number> {
    const [row] = await this.prepared.rows<{ count: number | bigint }>(query);
    return Number(row?.count ?? 0);
  }

  /**
   * The meeting's actions as its minutes record them, in number order: the due date as given,
   * whatever happened to the action since. Withdrawn ones are not part of the minutes.
   */
  async minutedOf(meetingId: string): Promise<MinutedAction[]> {
    const rows = await this.prisma.action.findMany({
      where: { meetingId, removedAt: null },
      select: {
        ref: true,
        text: true,
        decidedDueAt: true,
        item: { select: { ref: true } },
        assignees: { select: { person: { select: { displayName: true } } } },
      },
      orderBy: { ref: "asc" },
    });
    return rows.map((row) => ({
      ref: row.ref,
      itemRef: row.item?.ref ?? null,
      text: row.text,
      decidedDueAt: row.decidedDueAt,
      assignees: row.assignees.map((assignee) => assignee.person.displayName),
    }));
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

  /**
   * Corrects an action (its text, perhaps with a new due date: part of the minutes if it was
   * given at a meeting, so they reopen) or only moves its due date (`skjut upp`, `ändra ID senast
   * DATUM`: live state, audited as "rescheduled", the minutes keep the date as given).
   */
  async change(
    action: ActionRecord,
    change: ActionChange,
    actorId: string,
    at: Date,
  ): Promise<ActionRecord> {
    const correction = change.text !== undefined;
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.action.update({
        where: { id: action.id },
        data: {
          ...change,
          ...(correction && change.dueAt !== undefined ? { decidedDueAt: change.dueAt } : {}),
        },
        include: ACTION_INCLUDE,
      });
      if (correction) await reopenMeetingOf(tx, action, actorId, at, causeOf(action, "changed"));
      await writeAudit(tx, {
        councilId: action.councilId,
        actorId,
        action: correction ? "changed" : "rescheduled",
        entityType: "action",
        entityId: action.id,
        before: correction ? { text: action.text, dueAt: action.dueAt } : { dueAt: action.dueAt },
        after: change,
        at,
      });
      return toAction(row);
    });
  }

  /** The council's assignee outside the chat with this handle, if one is named. */
  async external(councilId: string, handle: string): Promise<PersonRecord | null> {
    const row = await this.prisma.person.findUnique({ where: externalKey(councilId, handle) });
    return row ? toPerson(row) : null;
  }

  /**
   * Names an assignee outside the chat in the council (audited), as a person of the platform
   * "external" keyed by the council and the handle; one already named keeps its name.
   */
  async nameExternal(
    councilId: string,
    external: Required<ExternalRef>,
    actorId: string,
    at: Date,
  ): Promise<{ person: PersonRecord; created: boolean }> {
    const where = externalKey(councilId, external.handle);
    try {
      return await this.prisma.$transaction(async (tx) => {
        const existing = await tx.person.findUnique({ where });
        if (existing) return { person: toPerson(existing), created: false };
        const row = await tx.person.create({
          data: { ...where.platform_workspaceId_externalId, displayName: external.name },
        });
        await writeAudit(tx, {
          councilId,
          actorId,
          action: "created",
          entityType: "person",
          entityId: row.id,
          after: { external: external.handle, name: external.name },
          at,
        });
        return { person: toPerson(row), created: true };
      });
    } catch (error) {
      // Named at the same moment in another command: the first one's name stands.
      const existing = isUniqueViolation(error)
        ? await this.prisma.person.findUnique({ where })
        : null;
      if (existing) return { person: toPerson(existing), created: false };
      throw error;
    }
  }

  async remove(action: ActionRecord, actorId: string, at: Date): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.action.update({
        where: { id: action.id },
        data: { status: "cancelled" satisfies ActionStatus, removedAt: at },
      });
      await reopenMeetingOf(tx, action, actorId, at, causeOf(action, "removed"));
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
  return listedActionsQuery(
    Prisma.sql`"listed" AS (
      SELECT ${LISTED_COLUMNS}
      FROM "Action" a
      ${LISTED_JOINS}
      WHERE ${whereOpen(filter)}
      ORDER BY ${orderBy("a", OPEN_ORDER)}
      LIMIT ${filter.limit}
    )`,
    OPEN_ORDER,
  );
}

/**
 * Actions by id (`ids`: an `IN (…)`), whatever their status, in number order: what reminders
 * name, checked when they are sent.
 */
export function actionsByIdQuery(ids: Prisma.Sql): Prisma.Sql {
  return listedActionsQuery(
    Prisma.sql`"listed" AS (
      SELECT ${LISTED_COLUMNS}
      FROM "Action" a
      ${LISTED_JOINS}
      WHERE a."id" ${ids}
    )`,
    NUMBER_ORDER,
  );
}

export function countOpenActionsQuery(filter: Omit<ActionFilter, "limit">): Prisma.Sql {
  return Prisma.sql`SELECT COUNT(*) AS "count" FROM "Action" a WHERE ${whereOpen(filter)}`;
}

/**
 * The council's actions done since its latest planned meeting before `before` (all done ones
 * when it had none), the first `limit` in the order they were done, each row with that
 * meeting's start as "since". Portable SQL, like openActionsQuery.
 */
function completedActionsQuery(
  councilId: string,
  before: Date,
  limit: number,
  doneBefore?: Date,
): Prisma.Sql {
  return listedActionsQuery(
    Prisma.sql`${previousMeeting(councilId, before)},
    "listed" AS (
      SELECT ${LISTED_COLUMNS}, a."completedAt", pm."startsAt" AS "since"
      FROM "Action" a
      CROSS JOIN "previous" pm
      ${LISTED_JOINS}
      WHERE ${whereCompleted(councilId, doneBefore)}
      ORDER BY ${orderBy("a", DONE_ORDER)}
      LIMIT ${limit}
    )`,
    DONE_ORDER,
  );
}

function countCompletedActionsQuery(
  councilId: string,
  before: Date,
  doneBefore?: Date,
): Prisma.Sql {
  return Prisma.sql`
    WITH ${previousMeeting(councilId, before)}
    SELECT COUNT(*) AS "count" FROM "Action" a CROSS JOIN "previous" pm
    WHERE ${whereCompleted(councilId, doneBefore)}`;
}

/** An action's own columns, its council's name and its origin's parts: a ListedActionRow. */
const LISTED_COLUMNS = Prisma.sql`a."id", a."councilId", c."name" AS "councilName", a."meetingId",
  i."ref" AS "itemRef", i."paragraph" AS "itemParagraph", im."startsAt" AS "itemMeetingStartsAt",
  m."startsAt" AS "meetingStartsAt", a."ref", a."text", a."dueAt", a."status", a."removedAt"`;

const LISTED_JOINS = Prisma.sql`JOIN "Council" c ON c."id" = a."councilId"
  LEFT JOIN "Item" i ON i."id" = a."itemId"
  LEFT JOIN "Meeting" im ON im."id" = i."meetingId"
  LEFT JOIN "Meeting" m ON m."id" = a."meetingId"`;

/** Soonest due first (undated last), then by number. */
const OPEN_ORDER = ['"dueAt" ASC NULLS LAST', '"ref" ASC', '"id" ASC'];
/** By number (the id keeps an action's assignee rows together across councils). */
const NUMBER_ORDER = ['"ref" ASC', '"id" ASC'];
/** In the order they were done. */
const DONE_ORDER = ['"completedAt" ASC', '"ref" ASC', '"id" ASC'];

/** The CTE "listed" (with any CTEs it needs) joined with its assignees, in `order`. */
function listedActionsQuery(ctes: Prisma.Sql, order: string[]): Prisma.Sql {
  return Prisma.sql`
    WITH ${ctes}
    SELECT l.*, p."id" AS "personId", p."platform", p."workspaceId", p."externalId",
      p."displayName", p."locale"
    FROM "listed" l
    LEFT JOIN "ActionAssignee" aa ON aa."actionId" = l."id"
    LEFT JOIN "Person" p ON p."id" = aa."personId"
    ORDER BY ${orderBy("l", order)}`;
}

/** Our own constant keys, never input: raw SQL is safe here. */
function orderBy(alias: "a" | "l", keys: string[]): Prisma.Sql {
  return Prisma.raw(keys.map((key) => `${alias}.${key}`).join(", "));
}

/** The CTE "previous": the start of the council's latest planned meeting before `before`. */
function previousMeeting(councilId: string, before: Date): Prisma.Sql {
  const planned: MeetingStatus = "planned";
  return Prisma.sql`"previous" AS (
    SELECT MAX("startsAt") AS "startsAt" FROM "Meeting"
    WHERE "councilId" = ${councilId} AND "status" = ${planned} AND "startsAt" < ${before}
  )`;
}

function whereCompleted(councilId: string, doneBefore?: Date): Prisma.Sql {
  const done: ActionStatus = "done";
  const until = doneBefore ? Prisma.sql` AND a."completedAt" < ${doneBefore}` : Prisma.empty;
  return Prisma.sql`a."councilId" = ${councilId} AND a."status" = ${done}
    AND a."removedAt" IS NULL AND (pm."startsAt" IS NULL OR a."completedAt" >= pm."startsAt")${until}`;
}

function whereOpen(filter: Omit<ActionFilter, "limit">): Prisma.Sql {
  const open: ActionStatus = "open";
  const done: ActionStatus = "done";
  const { asOf } = filter;
  const conditions = asOf
    ? [
        Prisma.sql`a."createdAt" < ${asOf}`,
        Prisma.sql`(a."status" = ${open} OR (a."status" = ${done} AND a."completedAt" >= ${asOf}))`,
        Prisma.sql`(a."removedAt" IS NULL OR a."removedAt" >= ${asOf})`,
      ]
    : [Prisma.sql`a."status" = ${open}`, Prisma.sql`a."removedAt" IS NULL`];
  if (filter.councilIds) {
    conditions.push(Prisma.sql`a."councilId" IN (${Prisma.join(filter.councilIds)})`);
  }
  if (filter.assigneeId !== undefined) {
    conditions.push(
      Prisma.sql`a."id" IN (SELECT "actionId" FROM "ActionAssignee" WHERE "personId" = ${filter.assigneeId})`,
    );
  }
  if (filter.dueBefore) conditions.push(Prisma.sql`a."dueAt" < ${filter.dueBefore}`);
  return Prisma.join(conditions, " AND ");
}

/** An action given at a meeting is part of its minutes: correcting it reopens them. */
async function reopenMeetingOf(
  db: Db,
  action: { councilId: string; meetingId: string | null },
  actorId: string,
  at: Date,
  cause: ReopenCause,
): Promise<void> {
  if (action.meetingId !== null) {
    await reopenMinutes(
      db,
      { id: action.meetingId, councilId: action.councilId },
      actorId,
      at,
      cause,
    );
  }
}

function externalKey(councilId: string, handle: string) {
  return {
    platform_workspaceId_externalId: {
      platform: EXTERNAL_PLATFORM,
      workspaceId: councilId,
      externalId: handle,
    },
  };
}

function causeOf(action: ActionRecord, change: string): ReopenCause {
  return { entityType: "action", entityId: action.id, ref: action.ref, change };
}
