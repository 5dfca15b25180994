import { groupBy } from "../domain/group-by.js";
import type { PlanningMinutes } from "../domain/reminders/minutes-deadlines.js";
import type { OutboxEntry, OutboxPayload } from "../domain/reminders/outbox-entries.js";
import type {
  PlanningAction,
  PlanningCouncil,
  PlanningMeeting,
  ReminderKind,
} from "../domain/reminders/plan-reminders.js";
import {
  type ReminderSettings,
  readReminderSettings,
  writeReminderSettings,
} from "../domain/reminders/reminder-settings.js";
import {
  type CouncilMode,
  type MinutesStatus,
  PLATFORMS,
  type Platform,
  type Role,
} from "../domain/types.js";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { writeAudit } from "./audit-trail.js";
import type { Dialect } from "./database-url.js";
import { idListJoin } from "./id-list.js";
import { newId } from "./new-id.js";
import type { PreparedStatements } from "./prepared-statements.js";
import { sqliteInstant } from "./sqlite-prepared-statements.js";

/** A reminder row as the dispatcher works with it: what was planned, and how it is going. */
export interface OutboxReminder extends Omit<OutboxEntry, "reason"> {
  id: string;
  /** Including the attempt this claim starts. */
  attempts: number;
}

/** What a secretary sees of reminders that could not be sent. */
export interface FailedReminder {
  kind: ReminderKind;
  dueAt: Date;
  reason: string;
}

export interface ClaimOptions {
  instance: string;
  platforms: Platform[];
  /** A claim older than this is taken to be of an instance that died before sending. */
  leaseMs: number;
  /** When the claim is made: later than `now` in a long tick, whose lease runs from here. */
  claimedAt: Date;
}

/** One message's rows and the platform's reference for the message. */
export interface SentMark {
  ids: string[];
  ref: string;
}

const CURSOR_ID = "reminders";
/** Rows whose story is over: retention deletes them some time after they were due. */
const SETTLED_STATUSES = ["sent", "skipped", "failed"] as const;
/** Rows per INSERT statement on PostgreSQL. */
const INSERT_BATCH = 5_000;
/** Rows per INSERT … VALUES on SQLite: 650 bound values, and a few statement texts. */
const ROWS_PER_VALUES = 50;
/** The columns rowValues gives, in its order. */
const REMINDER_COLUMNS = Prisma.sql`("id", "key", "councilId", "kind", "recipient", "platform",
  "subjectId", "status", "dueAt", "nextAttemptAt", "lastError", "payload", "createdAt")`;
/** Ids in one statement's `IN (…)`: well under the 999 values Prisma allows on SQLite. */
const IDS_PER_STATEMENT = 500;
/** A local day lasts up to 25 hours, on the day the clocks go back. */
const LONGEST_DAY_MS = 25 * 60 * 60_000;

type Row = Record<string, unknown>;

interface PlanningActionRow {
  id: string;
  councilId: string;
  dueAt: Date | string | null;
  personId: string;
}

/**
 * The reminder outbox (architecture.md §5): planned rows with unique keys, claimed atomically by one
 * instance, marked sent, retried or given up. Hot paths are single SQL statements: a tick at
 * 09:00 records and claims thousands of rows at once.
 */
export class RemindersRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly dialect: Dialect,
    /** The hot reads of a 09:00 tick, on the store's own connection. */
    private readonly prepared: PreparedStatements,
  ) {}

  async plannedThrough(): Promise<Date | null> {
    const cursor = await this.prisma.reminderCursor.findUnique({ where: { id: CURSOR_ID } });
    return cursor?.plannedThrough ?? null;
  }

  /** Moves the cursor forward only: a slower instance finishing late never moves it back. */
  async advancePlannedThrough(to: Date): Promise<void> {
    await this.prisma.$executeRaw`
      INSERT INTO "ReminderCursor" ("id", "plannedThrough") VALUES (${CURSOR_ID}, ${sqliteInstant(to)})
      ON CONFLICT ("id") DO UPDATE SET "plannedThrough" = excluded."plannedThrough"
      WHERE excluded."plannedThrough" > "ReminderCursor"."plannedThrough"`;
  }

  /**
   * Takes a periodic job's run (its row in ReminderCursor holds when the last one began) when
   * that was `everyMs` or more ago, or never: one statement, so that of instances ticking at
   * once, and of restarts, one runs it.
   */
  async takeRun(job: string, now: Date, everyMs: number): Promise<boolean> {
    const taken = await this.prisma.$executeRaw`
      INSERT INTO "ReminderCursor" ("id", "plannedThrough") VALUES (${job}, ${sqliteInstant(now)})
      ON CONFLICT ("id") DO UPDATE SET "plannedThrough" = excluded."plannedThrough"
      WHERE "ReminderCursor"."plannedThrough" <= ${sqliteInstant(new Date(now.getTime() - everyMs))}`;
    return taken > 0;
  }

  /** Gives a job's run, not finished, back: the next tick takes it again. */
  async reopenRun(job: string, now: Date, everyMs: number): Promise<void> {
    await this.prisma.reminderCursor.updateMany({
      where: { id: job },
      data: { plannedThrough: new Date(now.getTime() - everyMs) },
    });
  }

  /**
   * Deletes sent, skipped and failed rows due before `before`, oldest first, `batchSize` at a time and
   * at most `maxBatches` batches; `more`: it stopped at the cap with rows left. Each batch reads
   * one status's oldest ids on the (status, dueAt) index — a range, no sort — and deletes them
   * by id, so that no statement runs or locks for long.
   */
  async deleteSettled(
    before: Date,
    { batchSize, maxBatches }: { batchSize: number; maxBatches: number },
  ): Promise<{ deleted: number; more: boolean }> {
    let deleted = 0;
    let batches = 0;
    for (const status of SETTLED_STATUSES) {
      for (;;) {
        const rows = await this.prisma.reminder.findMany({
          where: { status, dueAt: { lt: before } },
          orderBy: { dueAt: "asc" },
          take: batchSize,
          select: { id: true },
        });
        if (rows.length === 0) break;
        // Only a batch that deletes counts towards the cap: reading an empty status is cheap.
        if (batches === maxBatches) return { deleted, more: true };
        batches += 1;
        const ids = rows.map(({ id }) => id);
        deleted += (await this.prisma.reminder.deleteMany({ where: { id: { in: ids } } })).count;
        if (rows.length < batchSize) break;
      }
    }
    return { deleted, more: false };
  }

  async settingsOf(councilId: string): Promise<ReminderSettings> {
    const council = await this.prisma.council.findUnique({
      where: { id: councilId },
      select: { reminderSettings: true },
    });
    return readReminderSettings(council?.reminderSettings ?? null);
  }

  /** Audited as a change of the council, with the settings before and after. */
  async saveSettings(
    councilId: string,
    settings: ReminderSettings,
    audit: { actorId: string; at: Date },
  ): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const before = await tx.council.findUniqueOrThrow({
        where: { id: councilId },
        select: { reminderSettings: true },
      });
      await tx.council.update({
        where: { id: councilId },
        data: { reminderSettings: writeReminderSettings(settings) },
      });
      await writeAudit(tx, {
        councilId,
        actorId: audit.actorId,
        action: "changed",
        entityType: "council",
        entityId: councilId,
        before: { reminderSettings: readReminderSettings(before.reminderSettings) },
        after: { reminderSettings: settings },
        at: audit.at,
      });
    });
  }

  /** Every council with its settings and the channels it is bound to. */
  async planningCouncils(): Promise<PlanningCouncil[]> {
    const councils = await this.prisma.$queryRaw<Row[]>`
      SELECT "id", "timeZone", "reminderSettings" FROM "Council"`;
    const bindings = await this.prisma.$queryRaw<Row[]>`
      SELECT "id", "councilId", "platform" FROM "ChannelBinding" ORDER BY "createdAt"`;
    const channelsOf = groupBy(bindings, (binding) => String(binding.councilId));
    return councils.map((council) => ({
      id: String(council.id),
      timeZone: String(council.timeZone),
      settings: readReminderSettings((council.reminderSettings as string | null) ?? null),
      channels: (channelsOf.get(String(council.id)) ?? []).map((binding) => ({
        bindingId: String(binding.id),
        platform: binding.platform as Platform,
      })),
    }));
  }

  /**
   * Planned meetings starting after `from` and no later than `to`, and the all-day ones whose
   * day may not be over at `from`: they count as ahead until then (architecture.md §11).
   */
  async planningMeetings(from: Date, to: Date): Promise<PlanningMeeting[]> {
    const allDayFrom = new Date(from.getTime() - LONGEST_DAY_MS);
    const rows = await this.prisma.$queryRaw<Row[]>`
      SELECT "id", "councilId", "startsAt", "hasTime" FROM "Meeting"
      WHERE "status" = 'planned' AND "startsAt" <= ${sqliteInstant(to)}
        AND ("startsAt" > ${sqliteInstant(from)}
          OR ("hasTime" = FALSE AND "startsAt" > ${sqliteInstant(allDayFrom)}))`;
    return rows.map((row) => ({
      id: String(row.id),
      councilId: String(row.councilId),
      startsAt: asDate(row.startsAt),
      hasTime: Boolean(Number(row.hasTime)),
    }));
  }

  /**
   * Everyone who can be reminded, with their platform: people on a chat platform — not an
   * external assignee, nor a forgotten person's pseudonym, whom no surface can send to. Read
   * once per planning window, so that the open actions need not look each assignee up.
   */
  async reachablePeople(): Promise<Map<string, Platform>> {
    const rows = await this.prepared.rows<{ id: string; platform: Platform }>(Prisma.sql`
      SELECT "id", "platform" FROM "Person" WHERE "platform" IN (${Prisma.join([...PLATFORMS])})`);
    return new Map(rows.map(({ id, platform }) => [id, platform]));
  }

  /**
   * The open actions of these councils (only those due before `dueBefore`, when given), with
   * their assignees who can be reminded (`reachable`, see reachablePeople); the weekly digest
   * still lists the others' actions. Each council's in number order. At 09:00 that is most
   * open actions of the installation (140 000 action × assignee rows on the benchmark's
   * data): the tick asks for a slice of councils at a time, on a prepared statement, so that
   * they are never all held at once.
   */
  async planningActions(
    councilIds: string[],
    reachable: ReadonlyMap<string, Platform>,
    dueBefore?: Date,
  ): Promise<PlanningAction[]> {
    if (councilIds.length === 0) return [];
    const due = dueBefore ? Prisma.sql`AND a."dueAt" < ${sqliteInstant(dueBefore)}` : Prisma.empty;
    const rows = await this.prepared.rows<PlanningActionRow>(Prisma.sql`
      SELECT a."id", a."councilId", a."dueAt", aa."personId"
      FROM ${idListJoin(this.dialect, councilIds, "ids")} "Action" a ON a."councilId" = ids."value"
      JOIN "ActionAssignee" aa ON aa."actionId" = a."id"
      WHERE a."status" = 'open' AND a."removedAt" IS NULL ${due}
      ORDER BY a."councilId", a."ref"`);
    const actions: PlanningAction[] = [];
    let action: PlanningAction | undefined;
    // An action's assignee rows come together (ordered by its council and number); an action
    // with no one to remind is left out.
    for (const { id, councilId, dueAt, personId } of rows) {
      const platform = reachable.get(personId);
      if (platform === undefined) continue;
      if (action?.id !== id) {
        action = { id, councilId, dueAt: dueAt === null ? null : asDate(dueAt), assignees: [] };
        actions.push(action);
      }
      action.assignees.push({ personId, platform });
    }
    return actions;
  }

  /**
   * Protocol-mode meetings of these councils that began in (from, to] and whose minutes are not
   * approved yet, with who is to compile and approve them (architecture.md §12). Few: a council's
   * last month or two of meetings, read only when a reminder moment of theirs came.
   */
  async planningMinutes(councilIds: string[], from: Date, to: Date): Promise<PlanningMinutes[]> {
    const found: PlanningMinutes[] = [];
    // In slices: Prisma refuses more than 999 values in one SQLite statement, and at a daily
    // moment every council of the installation is asked for.
    for (let start = 0; start < councilIds.length; start += IDS_PER_STATEMENT) {
      found.push(
        ...(await this.minutes({
          councilId: { in: councilIds.slice(start, start + IDS_PER_STATEMENT) },
          council: { mode: "protocol" satisfies CouncilMode },
          status: "planned",
          minutesStatus: "draft" satisfies MinutesStatus,
          startsAt: { gt: from, lte: to },
        })),
      );
    }
    return found;
  }

  /** The same for meetings by id, whatever their state: a reminder checks it still applies. */
  async minutesOf(meetingIds: string[]): Promise<PlanningMinutes[]> {
    return meetingIds.length === 0 ? [] : this.minutes({ id: { in: meetingIds } });
  }

  private async minutes(where: Prisma.MeetingWhereInput): Promise<PlanningMinutes[]> {
    const person = { select: { id: true, platform: true } } as const;
    const rows = await this.prisma.meeting.findMany({
      where,
      select: {
        id: true,
        councilId: true,
        startsAt: true,
        compiledAt: true,
        approvers: { select: { person }, orderBy: { position: "asc" } },
        // Approvals of the whole minutes only: an omedelbar justering approves one §.
        approvals: { where: { voidedAt: null, itemId: null }, select: { personId: true } },
        council: {
          select: {
            memberships: {
              where: { role: { in: ["secretary", "chair"] satisfies Role[] } },
              select: { role: true, person },
              orderBy: [{ position: "asc" }, { createdAt: "asc" }],
            },
          },
        },
      },
      orderBy: { startsAt: "asc" },
    });
    const assignee = (row: { person: { id: string; platform: string } }) => ({
      personId: row.person.id,
      platform: row.person.platform as Platform,
    });
    return rows.map((row) => {
      const withRole = (role: Role) =>
        row.council.memberships.filter((membership) => membership.role === role).map(assignee);
      return {
        meetingId: row.id,
        councilId: row.councilId,
        startsAt: row.startsAt,
        compiled: row.compiledAt !== null || row.approvals.length > 0,
        secretaries: withRole("secretary"),
        chairs: withRole("chair"),
        approvers: row.approvers.map(assignee),
        approvedBy: [...new Set(row.approvals.map(({ personId }) => personId))],
      };
    });
  }

  /**
   * Stores the plan's rows: those to send as pending, stale ones as skipped with their reason.
   * A key already stored (planned by another instance, or sent long ago) is left as it is.
   */
  async record(entries: OutboxEntry[], now: Date): Promise<number> {
    if (entries.length === 0) return 0;
    // One transaction on prepared statements (at 09:00 the tick records a slice of councils at
    // a time: about 1 300 rows). SQLite takes ROWS_PER_VALUES rows per prepared INSERT, as
    // cheap per row as one row per statement and with less to bind (a JSON array's rows cost
    // twice as much); PostgreSQL, where each statement is a round trip, takes INSERT_BATCH
    // rows in one JSON parameter.
    const createdAt = sqliteInstant(now);
    return this.prepared.transaction(async (db) => {
      let inserted = 0;
      if (this.dialect === "postgresql") {
        for (let start = 0; start < entries.length; start += INSERT_BATCH) {
          const batch = entries
            .slice(start, start + INSERT_BATCH)
            .map((entry) => rowValues(entry, createdAt));
          inserted += await db.$executeRaw(Prisma.sql`
            INSERT INTO "Reminder" ${REMINDER_COLUMNS}
            SELECT r->>0, r->>1, r->>2, r->>3, r->>4, r->>5, r->>6, r->>7, (r->>8)::timestamp,
              (r->>9)::timestamp, r->>10, r->>11, (r->>12)::timestamp
            FROM json_array_elements(${JSON.stringify(batch)}::json) AS r
            ON CONFLICT ("key") DO NOTHING`);
        }
        return inserted;
      }
      for (let start = 0; start < entries.length; start += ROWS_PER_VALUES) {
        const rows = entries
          .slice(start, start + ROWS_PER_VALUES)
          .map((entry) => Prisma.sql`(${Prisma.join(rowValues(entry, createdAt))})`);
        inserted += await db.$executeRaw(Prisma.sql`
          INSERT INTO "Reminder" ${REMINDER_COLUMNS} VALUES ${Prisma.join(rows)}
          ON CONFLICT ("key") DO NOTHING`);
      }
      return inserted;
    });
  }

  /**
   * The due rows of the platforms this instance runs (pending, at their attempt time, and not
   * claimed or their claim's lease run out), as each recipient's row ids, oldest due
   * first: read once per pass, so that each claim takes rows by id instead of searching.
   */
  async dueByRecipient(
    now: Date,
    options: Pick<ClaimOptions, "platforms" | "leaseMs">,
  ): Promise<string[][]> {
    if (options.platforms.length === 0) return [];
    const rows = await this.prepared.rows<{ id: string; recipient: string }>(Prisma.sql`
      SELECT "id", "recipient" FROM "Reminder" WHERE ${this.due(now, options)}
      ORDER BY "dueAt", "key"`);
    return [...groupBy(rows, (row) => row.recipient).values()].map((due) =>
      due.map(({ id }) => id),
    );
  }

  /**
   * Claims, of these rows, those still due, for this instance, in one statement: two instances
   * claiming at once get disjoint rows. A claim is a lease: the row stays pending, with who
   * claimed it when, and is due again when the lease has run out (its instance died). Not a
   * status of its own: the status is in two indexes, and rewriting them for every row cost two
   * thirds of a 09:00 claim.
   */
  async claim(ids: string[], now: Date, options: ClaimOptions): Promise<OutboxReminder[]> {
    if (ids.length === 0 || options.platforms.length === 0) return [];
    // PostgreSQL: rows another instance is claiming right now are skipped, not waited for (and
    // never claimed twice); SQLite has one writer at a time.
    const locking =
      this.dialect === "postgresql" ? Prisma.sql`FOR UPDATE OF r SKIP LOCKED` : Prisma.empty;
    // One statement, atomic on its own, prepared once (a 09:00 tick claims a hundred times).
    const claim = Prisma.sql`
      UPDATE "Reminder"
      SET "claimedBy" = ${options.instance},
        "claimedAt" = ${sqliteInstant(options.claimedAt)}, "attempts" = "attempts" + 1
      WHERE "id" IN (
        SELECT r."id" FROM ${idListJoin(this.dialect, ids, "ids")} "Reminder" r ON r."id" = ids."value"
        WHERE ${this.due(now, options)} ${locking})
      RETURNING "id", "key", "councilId", "kind", "recipient", "platform", "subjectId", "dueAt",
        "attempts", "payload"`;
    const rows = await this.prepared.claim<Row>(claim);
    const claimed = rows.map((row) => ({
      id: String(row.id),
      key: String(row.key),
      councilId: String(row.councilId),
      kind: row.kind as ReminderKind,
      recipient: String(row.recipient),
      platform: row.platform as Platform,
      subjectId: String(row.subjectId),
      dueAt: asDate(row.dueAt),
      attempts: Number(row.attempts),
      payload: JSON.parse(String(row.payload)) as OutboxPayload,
    }));
    // RETURNING has no order (PostgreSQL's follows where the rows lie): oldest due first, then
    // by key (unique), so that both databases send, and list in one message, in the same order.
    return claimed.sort(
      (a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.key < b.key ? -1 : 1),
    );
  }

  /** Rows due for an instance running these platforms (see dueByRecipient). */
  private due(now: Date, options: Pick<ClaimOptions, "platforms" | "leaseMs">): Prisma.Sql {
    const leaseExpired = sqliteInstant(new Date(now.getTime() - options.leaseMs));
    return Prisma.sql`"status" = 'pending' AND "platform" IN (${Prisma.join(options.platforms)})
      AND "nextAttemptAt" <= ${sqliteInstant(now)}
      AND ("claimedAt" IS NULL OR "claimedAt" <= ${leaseExpired})`;
  }

  /**
   * Marks sent the rows of several messages, each with its own platform reference, in one
   * statement (one commit). Only rows this instance still holds (see held).
   */
  async markSent(marks: SentMark[], instance: string, now: Date): Promise<number> {
    const pairs = JSON.stringify(marks.flatMap(({ ids, ref }) => ids.map((id) => [id, ref])));
    const sent =
      this.dialect === "postgresql"
        ? Prisma.sql`SELECT r."id", p->>1 AS "ref" FROM json_array_elements(${pairs}::json) AS p
            JOIN "Reminder" r ON r."id" = p->>0`
        : Prisma.sql`SELECT r."id", json_extract(p.value, '$[1]') AS "ref" FROM json_each(${pairs}) AS p
            CROSS JOIN "Reminder" r ON r."id" = json_extract(p.value, '$[0]')`;
    return this.prisma.$executeRaw`
      UPDATE "Reminder" SET "status" = 'sent', "sentAt" = ${sqliteInstant(now)}, "sentRef" = m."ref",
        "lastError" = NULL
      FROM (${sent} WHERE ${this.held(instance)}) AS m
      WHERE "Reminder"."id" = m."id"`;
  }

  async retryLater(ids: string[], instance: string, at: Date, reason: string): Promise<void> {
    await this.settle(
      ids,
      instance,
      Prisma.sql`"nextAttemptAt" = ${sqliteInstant(at)}, "lastError" = ${reason},
        "claimedBy" = NULL, "claimedAt" = NULL`,
    );
  }

  async giveUp(ids: string[], instance: string, reason: string): Promise<void> {
    await this.settle(ids, instance, Prisma.sql`"status" = 'failed', "lastError" = ${reason}`);
  }

  /**
   * Gives up what is still waiting from before `before`: rows of a platform no running
   * instance serves, or claimed by an instance that died and was never replaced.
   */
  async expire(before: Date, reason: string): Promise<void> {
    // One statement: Prisma runs an updateMany with OR in a transaction of its own.
    const limit = sqliteInstant(before);
    await this.prisma.$executeRaw`
      UPDATE "Reminder" SET "status" = 'failed', "lastError" = ${reason}
      WHERE "dueAt" < ${limit} AND "status" = 'pending'
        AND ("claimedAt" IS NULL OR "claimedAt" < ${limit})`;
  }

  /** Claimed, then found no longer relevant (the action is done, the meeting moved). */
  async skip(ids: string[], instance: string, reason: string): Promise<void> {
    await this.settle(ids, instance, Prisma.sql`"status" = 'skipped', "lastError" = ${reason}`);
  }

  /** Sets `set` on the rows of `ids` this instance still holds. */
  private async settle(ids: string[], instance: string, set: Prisma.Sql): Promise<void> {
    if (ids.length === 0) return;
    await this.prisma.$executeRaw`
      UPDATE "Reminder" SET ${set}
      WHERE "id" IN (
        SELECT r."id" FROM ${idListJoin(this.dialect, ids, "ids")} "Reminder" r ON r."id" = ids."value"
        WHERE ${this.held(instance)})`;
  }

  /**
   * Rows `r` that this instance still holds: pending and claimed by it (a row another claimed
   * after the lease ran out is theirs). Looked up by id, from the list of ids first: SQLite,
   * without statistics, would otherwise start from the index on the status, every pending row
   * of a 09:00 tick for each message.
   */
  private held(instance: string): Prisma.Sql {
    return Prisma.sql`r."status" = 'pending' AND r."claimedBy" = ${instance}`;
  }

  /** The council's reminders that were given up since `since`, newest first. */
  async failedSince(councilId: string, since: Date, limit: number): Promise<FailedReminder[]> {
    const rows = await this.prisma.reminder.findMany({
      where: { councilId, status: "failed", dueAt: { gte: since } },
      orderBy: { dueAt: "desc" },
      take: limit,
      select: { kind: true, dueAt: true, lastError: true },
    });
    return rows.map((row) => ({
      kind: row.kind as ReminderKind,
      dueAt: row.dueAt,
      reason: row.lastError ?? "unknown",
    }));
  }
}

/** An outbox row's values, in REMINDER_COLUMNS' order; `createdAt` as sqliteInstant gives it. */
function rowValues(entry: OutboxEntry, createdAt: string): unknown[] {
  const dueAt = sqliteInstant(entry.dueAt);
  return [
    // cuid-shaped, like every id the store makes.
    newId(),
    entry.key,
    entry.councilId,
    entry.kind,
    entry.recipient,
    entry.platform,
    entry.subjectId,
    entry.reason === null ? "pending" : "skipped",
    dueAt,
    dueAt,
    entry.reason,
    JSON.stringify(entry.payload),
    createdAt,
  ];
}

function asDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}
