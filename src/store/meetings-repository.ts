import type { MeetingRecord } from "../domain/records.js";
import type { MeetingStatus, MinutesStatus } from "../domain/types.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { writeAudit } from "./audit-trail.js";
import type { Db } from "./prisma-types.js";
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
  constructor(private readonly prisma: PrismaClient) {}

  async create(input: NewMeeting): Promise<MeetingRecord> {
    return this.prisma.$transaction(async (tx) => {
      const meeting = await tx.meeting.create({
        data: {
          councilId: input.councilId,
          startsAt: input.startsAt,
          hasTime: input.hasTime,
          place: input.place,
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
    const rows = await this.prisma.$queryRaw<RawMeetingRow[]>`
      SELECT * FROM "Meeting"
      WHERE "councilId" = ${councilId} AND "status" = ${PLANNED}
        AND "startsAt" >= ${from} AND "startsAt" < ${to}
      ORDER BY "startsAt" ASC`;
    return rows.map((row) => toMeeting(fromRawMeeting(row)));
  }

  /** The earliest planned meeting that starts after `now`. */
  async next(councilId: string, now: Date): Promise<MeetingRecord | null> {
    const [row] = await this.prisma.$queryRaw<RawMeetingRow[]>`
      SELECT * FROM "Meeting"
      WHERE "councilId" = ${councilId} AND "status" = ${PLANNED} AND "startsAt" > ${now}
      ORDER BY "startsAt" ASC
      LIMIT 1`;
    return row ? toMeeting(fromRawMeeting(row)) : null;
  }

  /** The latest planned meeting before `now` whose minutes are not published. */
  async latestUnpublishedBefore(councilId: string, now: Date): Promise<MeetingRecord | null> {
    const published: MinutesStatus = "published";
    const [row] = await this.prisma.$queryRaw<RawMeetingRow[]>`
      SELECT * FROM "Meeting"
      WHERE "councilId" = ${councilId} AND "status" = ${PLANNED} AND "startsAt" < ${now}
        AND "minutesStatus" <> ${published}
      ORDER BY "startsAt" DESC
      LIMIT 1`;
    return row ? toMeeting(fromRawMeeting(row)) : null;
  }

  async byId(id: string): Promise<MeetingRecord | null> {
    const row = await this.prisma.meeting.findUnique({ where: { id } });
    return row ? toMeeting(row) : null;
  }

  /** Approves draft minutes; false when they were no longer a draft (a second click, a race). */
  async approve(meeting: MeetingRecord, actorId: string, at: Date): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.meeting.updateMany({
        where: { id: meeting.id, minutesStatus: "draft" satisfies MinutesStatus },
        data: { minutesStatus: "approved", approvedAt: at, approvedById: actorId },
      });
      if (count === 0) return false;
      await writeAudit(tx, {
        councilId: meeting.councilId,
        actorId,
        action: "approved",
        entityType: "meeting",
        entityId: meeting.id,
        before: { minutesStatus: "draft" },
        after: { minutesStatus: "approved" },
        at,
      });
      return true;
    });
  }

  async change(
    meeting: MeetingRecord,
    change: MeetingChange,
    audit: { action: string; actorId: string; at: Date },
  ): Promise<MeetingRecord> {
    return this.prisma.$transaction(async (tx) => {
      await tx.meeting.update({ where: { id: meeting.id }, data: change });
      if (change.lede !== undefined || change.documentsUrl !== undefined) {
        await reopenMinutes(tx, meeting, audit.actorId, audit.at);
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
 * Approved or published minutes whose content changes need approving again; the publication
 * stamp is kept so that publishing again edits what was posted. The withdrawn approval is
 * audited as "reopened".
 */
export async function reopenMinutes(
  db: Db,
  meeting: { id: string; councilId: string },
  actorId: string,
  at: Date,
): Promise<void> {
  const draft: MinutesStatus = "draft";
  // Every change to an item or action passes here: one statement of our own, not Prisma's
  // updateMany. updatedAt is set as Prisma's @updatedAt sets it.
  const count = await db.$executeRaw`
    UPDATE "Meeting"
    SET "minutesStatus" = ${draft}, "approvedAt" = NULL, "approvedById" = NULL,
      "updatedAt" = ${new Date()}
    WHERE "id" = ${meeting.id} AND "minutesStatus" <> ${draft}`;
  if (count === 0) return;
  await writeAudit(db, {
    councilId: meeting.councilId,
    actorId,
    action: "reopened",
    entityType: "meeting",
    entityId: meeting.id,
    after: { minutesStatus: "draft" },
    at,
  });
}
