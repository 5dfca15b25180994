import type { MeetingRecord } from "../domain/records.js";
import type { MeetingStatus, MinutesStatus } from "../domain/types.js";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { writeAudit } from "./audit-trail.js";
import { reopenMinutes } from "./minutes-record-repository.js";
import type { PreparedStatements } from "./prepared-statements.js";
import { fromRawMeeting, type RawMeetingRow, toMeeting } from "./row-mappers.js";

const PLANNED: MeetingStatus = "planned";

export interface NewMeeting {
  councilId: string;
  startsAt: Date;
  hasTime: boolean;
  place: string | null;
  actorId: string;
  at: Date;
}

/** The fields of a meeting that commands change; each change is audited with its before/after. */
export type MeetingChange = Partial<
  Pick<
    MeetingRecord,
    "startsAt" | "hasTime" | "place" | "documentsUrl" | "lede" | "status" | "minutesStatus"
  >
> & {
  approvedAt?: Date | null;
  approvedById?: string | null;
  publishedAt?: Date | null;
  publishedById?: string | null;
};

export class MeetingsRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly prepared: PreparedStatements,
  ) {}

  async create(input: NewMeeting): Promise<MeetingRecord> {
    return this.prisma.$transaction(async (tx) => {
      const meeting = await tx.meeting.create({
        data: {
          councilId: input.councilId,
          startsAt: input.startsAt,
          hasTime: input.hasTime,
          place: input.place,
          scheduledAt: input.at,
        },
      });
      await writeAudit(tx, {
        councilId: input.councilId,
        actorId: input.actorId,
        action: "created",
        entityType: "meeting",
        entityId: meeting.id,
        after: { startsAt: input.startsAt, place: input.place },
        at: input.at,
      });
      return toMeeting(meeting);
    });
  }

  /**
   * Planned meetings that start in [from, to), earliest first. This and the lookups below find
   * the meeting nearly every command is about: statements of our own, not Prisma's findMany.
   */
  async plannedBetween(councilId: string, from: Date, to: Date): Promise<MeetingRecord[]> {
    const rows = await this.prepared.rows<RawMeetingRow>(plannedBetweenQuery(councilId, from, to));
    return rows.map((row) => toMeeting(fromRawMeeting(row)));
  }

  /** The earliest planned meeting that starts after `now`. */
  async next(councilId: string, now: Date): Promise<MeetingRecord | null> {
    const [row] = await this.prepared.rows<RawMeetingRow>(Prisma.sql`
      SELECT * FROM "Meeting"
      WHERE "councilId" = ${councilId} AND "status" = ${PLANNED} AND "startsAt" > ${now}
      ORDER BY "startsAt" ASC
      LIMIT 1`);
    return row ? toMeeting(fromRawMeeting(row)) : null;
  }

  /** The latest planned meeting before `now` whose minutes are in one of these states. */
  async latestBefore(
    councilId: string,
    now: Date,
    minutes: readonly MinutesStatus[],
  ): Promise<MeetingRecord | null> {
    const [row] = await this.prepared.rows<RawMeetingRow>(Prisma.sql`
      SELECT * FROM "Meeting"
      WHERE "councilId" = ${councilId} AND "status" = ${PLANNED} AND "startsAt" < ${now}
        AND "minutesStatus" IN (${Prisma.join(minutes)})
      ORDER BY "startsAt" DESC
      LIMIT 1`);
    return row ? toMeeting(fromRawMeeting(row)) : null;
  }

  /** The council's most recently justerad meeting (approved or published). */
  async latestJusterad(councilId: string): Promise<MeetingRecord | null> {
    const row = await this.prisma.meeting.findFirst({
      where: { councilId, approvedAt: { not: null } },
      orderBy: { approvedAt: "desc" },
    });
    return row ? toMeeting(row) : null;
  }

  async byId(id: string): Promise<MeetingRecord | null> {
    const row = await this.prisma.meeting.findUnique({ where: { id } });
    return row ? toMeeting(row) : null;
  }

  async change(
    meeting: MeetingRecord,
    change: MeetingChange,
    audit: { action: string; actorId: string; at: Date },
  ): Promise<MeetingRecord> {
    return this.prisma.$transaction(async (tx) => {
      // A calendar that holds the meeting learns of a new time, place or cancellation from
      // its SEQUENCE (RFC 5545).
      const moved = (["startsAt", "hasTime", "place", "status"] as const).some(
        (key) => key in change && change[key] !== meeting[key],
      );
      await tx.meeting.update({
        where: { id: meeting.id },
        data: {
          ...change,
          ...(moved ? { sequence: { increment: 1 }, scheduledAt: audit.at } : {}),
        },
      });
      // The lede and the documents link are part of the post; the rest are not.
      const content = (["lede", "documentsUrl"] as const).filter((key) => key in change);
      if (content.length > 0) {
        await reopenMinutes(tx, meeting, audit.actorId, audit.at, {
          entityType: "meeting",
          entityId: meeting.id,
          change: content.join(","),
        });
      }
      const row = await tx.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
      const before = Object.fromEntries(
        Object.keys(change).map((key) => [
          key,
          (meeting as unknown as Record<string, unknown>)[key],
        ]),
      );
      await writeAudit(tx, {
        councilId: meeting.councilId,
        actorId: audit.actorId,
        action: audit.action,
        entityType: "meeting",
        entityId: meeting.id,
        before,
        after: change,
        at: audit.at,
      });
      return toMeeting(row);
    });
  }
}

/**
 * The council's planned meetings that start in [from, to), earliest first. Portable SQL;
 * exported so that the benchmark's floor runs the very same statement.
 */
export function plannedBetweenQuery(councilId: string, from: Date, to: Date): Prisma.Sql {
  return Prisma.sql`
      SELECT * FROM "Meeting"
      WHERE "councilId" = ${councilId} AND "status" = ${PLANNED}
        AND "startsAt" >= ${from} AND "startsAt" < ${to}
      ORDER BY "startsAt" ASC`;
}
