import type { ItemRecord, MeetingRecord, PersonRecord } from "../domain/records.js";
import type { CouncilMode } from "../domain/types.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { writeAudit } from "./audit-trail.js";
import { type ReopenCause, reopenMinutes } from "./minutes-record-repository.js";
import type { Db } from "./prisma-types.js";
import { toPerson } from "./row-mappers.js";

// Protocol mode (architecture.md §12): the council's mode and notice, a meeting's attendance and
// chosen justerare, and what the protocol records under a § (reservations, remarks, jäv, votes,
// omedelbar justering). Each change to what a protocol says reopens its minutes.

export interface CouncilSettings {
  mode: CouncilMode;
  noticeEnabled: boolean;
  /** The reminder settings as stored (see readReminderSettings). */
  reminderSettings: string | null;
}

export interface AttendanceRecord {
  personId: string;
  status: "present" | "absent";
  substituteForId: string | null;
}

export interface AttendanceEntry {
  personId: string;
  status: "present" | "absent";
  substituteForId?: string;
}

export type ItemNoteKind = "reservation" | "remark" | "conflict";

export interface ItemNoteRecord {
  itemId: string;
  kind: ItemNoteKind;
  personName: string | null;
  text: string;
}

export interface Vote {
  yes: number;
  no: number;
  abstain: number | null;
}

export class ProtocolRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async settings(councilId: string): Promise<CouncilSettings> {
    const row = await this.prisma.council.findUniqueOrThrow({
      where: { id: councilId },
      select: { mode: true, noticeEnabled: true, reminderSettings: true },
    });
    return { ...row, mode: row.mode as CouncilMode };
  }

  /** False when the council already was in that mode. */
  async setMode(councilId: string, mode: CouncilMode, actorId: string, at: Date): Promise<boolean> {
    return this.setCouncil(councilId, { mode }, actorId, at);
  }

  async setNotice(
    councilId: string,
    enabled: boolean,
    actorId: string,
    at: Date,
  ): Promise<boolean> {
    return this.setCouncil(councilId, { noticeEnabled: enabled }, actorId, at);
  }

  async attendance(meetingId: string): Promise<AttendanceRecord[]> {
    const rows = await this.prisma.attendance.findMany({ where: { meetingId } });
    return rows.map((row) => ({
      personId: row.personId,
      status: row.status as AttendanceRecord["status"],
      substituteForId: row.substituteForId,
    }));
  }

  /** Records who is present or absent (a later word about the same person replaces the earlier). */
  async recordAttendance(
    meeting: MeetingRecord,
    entries: AttendanceEntry[],
    actorId: string,
    at: Date,
  ): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      for (const entry of entries) {
        // One substitute serves for a member: naming another replaces the one named before.
        if (entry.substituteForId !== undefined) {
          await tx.attendance.updateMany({
            where: {
              meetingId: meeting.id,
              substituteForId: entry.substituteForId,
              personId: { not: entry.personId },
            },
            data: { substituteForId: null, at },
          });
        }
        const data = {
          status: entry.status,
          substituteForId: entry.substituteForId ?? null,
          at,
        };
        await tx.attendance.upsert({
          where: { meetingId_personId: { meetingId: meeting.id, personId: entry.personId } },
          create: { meetingId: meeting.id, personId: entry.personId, ...data },
          update: data,
        });
      }
      await changed(tx, meeting, actorId, at, "attendance", entries);
    });
  }

  /** The meeting's chosen justerare, in the order chosen. */
  async approvers(meetingId: string): Promise<PersonRecord[]> {
    const rows = await this.prisma.meetingApprover.findMany({
      where: { meetingId },
      include: { person: true },
      orderBy: { position: "asc" },
    });
    return rows.map((row) => toPerson(row.person));
  }

  /** Replaces the meeting's chosen justerare. */
  async chooseApprovers(
    meeting: MeetingRecord,
    personIds: string[],
    actorId: string,
    at: Date,
  ): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.meetingApprover.deleteMany({ where: { meetingId: meeting.id } });
      await tx.meetingApprover.createMany({
        data: personIds.map((personId, position) => ({
          meetingId: meeting.id,
          personId,
          position,
        })),
      });
      await changed(tx, meeting, actorId, at, "approvers", personIds);
    });
  }

  /**
   * The justerare chosen for the council's meetings before this one, latest meeting first: the
   * rota continues after them and skips whoever approved last time.
   */
  async earlierApprovers(councilId: string, before: Date, meetings: number): Promise<string[][]> {
    const rows = await this.prisma.meeting.findMany({
      where: { councilId, startsAt: { lt: before }, approvers: { some: {} } },
      orderBy: { startsAt: "desc" },
      take: meetings,
      select: { approvers: { orderBy: { position: "asc" }, select: { personId: true } } },
    });
    return rows.map((row) => row.approvers.map((approver) => approver.personId));
  }

  /** Reservations, remarks and jäv under the meeting's items, in the order given. */
  async notes(meetingId: string): Promise<ItemNoteRecord[]> {
    const rows = await this.prisma.itemNote.findMany({
      where: { item: { meetingId }, removedAt: null },
      include: { person: { select: { displayName: true } } },
      orderBy: { createdAt: "asc" },
    });
    return rows.map((row) => ({
      itemId: row.itemId,
      kind: row.kind as ItemNoteKind,
      personName: row.person?.displayName ?? null,
      text: row.text,
    }));
  }

  async addNote(
    item: ItemRecord,
    note: { kind: ItemNoteKind; personId: string | null; text: string },
    actorId: string,
    at: Date,
  ): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.itemNote.create({ data: { itemId: item.id, ...note, createdAt: at } });
      await itemChanged(tx, item, actorId, at, note.kind, note);
    });
  }

  async setVote(item: ItemRecord, vote: Vote, actorId: string, at: Date): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.item.update({
        where: { id: item.id },
        data: { voteYes: vote.yes, voteNo: vote.no, voteAbstain: vote.abstain },
      });
      await itemChanged(tx, item, actorId, at, "vote", vote);
    });
  }

  /** Declares the § one to approve at the meeting (omedelbar justering). */
  async markImmediate(item: ItemRecord, actorId: string, at: Date): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.item.updateMany({
        where: { id: item.id, immediate: false },
        data: { immediate: true },
      });
      if (count === 0) return false;
      await itemChanged(tx, item, actorId, at, "immediate", true);
      return true;
    });
  }

  /**
   * The first § of a meeting's protocol: the council's § series of that year continues after
   * every § already numbered in it (one justerat after a later meeting's follows that one's); a
   * protocol justerat before and reopened keeps the numbers it began with.
   */
  async firstParagraph(councilId: string, year: number, meetingId: string): Promise<number> {
    const [own, others] = await Promise.all([
      this.prisma.item.aggregate({
        where: { meetingId, paragraphYear: year },
        _min: { paragraph: true },
      }),
      this.prisma.item.aggregate({
        where: { councilId, paragraphYear: year, meetingId: { not: meetingId } },
        _max: { paragraph: true },
      }),
    ]);
    return own._min.paragraph ?? (others._max.paragraph ?? 0) + 1;
  }

  private async setCouncil(
    councilId: string,
    data: { mode?: CouncilMode; noticeEnabled?: boolean },
    actorId: string,
    at: Date,
  ): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.council.updateMany({
        where: { id: councilId, NOT: data },
        data,
      });
      if (count === 0) return false;
      await writeAudit(tx, {
        councilId,
        actorId,
        action: "changed",
        entityType: "council",
        entityId: councilId,
        after: data,
        at,
      });
      return true;
    });
  }
}

/** A change to a meeting's protocol header: audited, and its minutes reopened. */
async function changed(
  tx: Db,
  meeting: MeetingRecord,
  actorId: string,
  at: Date,
  what: string,
  after: unknown,
): Promise<void> {
  const cause: ReopenCause = { entityType: "meeting", entityId: meeting.id, change: what };
  await reopenMinutes(tx, meeting, actorId, at, cause);
  await writeAudit(tx, {
    councilId: meeting.councilId,
    actorId,
    action: "changed",
    entityType: "meeting",
    entityId: meeting.id,
    after: { [what]: after },
    at,
  });
}

/** A change to what the protocol says under a §: audited, and its minutes reopened. */
async function itemChanged(
  tx: Db,
  item: ItemRecord,
  actorId: string,
  at: Date,
  what: string,
  after: unknown,
): Promise<void> {
  const cause: ReopenCause = { entityType: "item", entityId: item.id, ref: item.ref, change: what };
  await reopenMinutes(tx, { id: item.meetingId, councilId: item.councilId }, actorId, at, cause);
  await writeAudit(tx, {
    councilId: item.councilId,
    actorId,
    action: "changed",
    entityType: "item",
    entityId: item.id,
    after: { [what]: after },
    at,
  });
}
