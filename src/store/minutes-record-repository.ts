import { missingSigners, type RequiredSigners } from "../domain/protocol/required-signers.js";
import type { MeetingRecord } from "../domain/records.js";
import type { MinutesStatus } from "../domain/types.js";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { writeAudit } from "./audit-trail.js";
import { newId } from "./new-id.js";
import type { Db, SqlDb } from "./prisma-types.js";
import { toMeeting } from "./row-mappers.js";

// The record of a meeting's minutes (architecture.md §11): approval snapshots, the approvals that
// name them, what was published, and the reopenings that void approvals.

export interface SnapshotRecord {
  id: string;
  document: string;
  sha256: string;
  createdAt: Date;
}

export interface ApprovalRecord {
  personName: string;
  sha256: string;
  at: Date;
  voidedAt: Date | null;
}

/** What was published of a meeting, with the approvals of that snapshot. */
export interface PublishedRecord {
  snapshot: SnapshotRecord;
  approvals: ApprovalRecord[];
  publishedAt: Date;
  correctedAt: Date | null;
}

/** The published snapshot and the marks publishing put on it. */
export interface Publication {
  snapshot: SnapshotRecord;
  publishedAt: Date;
  correctedAt: Date | null;
}

/** What changed a meeting's own content, for the audit entry of a reopening. */
export interface ReopenCause {
  entityType: "item" | "action" | "meeting";
  entityId: string;
  /** The short number of the item or action; absent for the meeting's own fields. */
  ref?: number;
  /**
   * What happened to it: "created", "changed", "removed", the meeting field ("lede"), or
   * "changed-while-approved" (an edit that landed between compiling and approving).
   */
  change: string;
}

/** `restarted`: earlier signatures were given to other content and were voided. */
export type SignOutcome =
  /** The last signature asked for: the minutes (or the §) are justerade. */
  | { status: "approved"; restarted: boolean }
  /** Signed; these person ids are still to sign. */
  | { status: "signed"; waitingFor: string[]; restarted: boolean }
  | { status: "already-signed" }
  /** The minutes are no longer a draft. */
  | { status: "not-draft" };

export interface SignatureRecord {
  personId: string;
  personName: string;
  sha256: string;
  at: Date;
  snapshotId: string | null;
}

/**
 * The meeting's §§ take their numbers in the council's series: cleared first, so that a
 * protocol justerat again after a reopen numbers its §§ afresh.
 */
async function numberParagraphs(
  db: Db,
  meetingId: string,
  paragraphs: { year: number; numbers: Array<{ itemId: string; paragraph: number }> },
): Promise<void> {
  await db.item.updateMany({
    where: { meetingId },
    data: { paragraph: null, paragraphYear: null },
  });
  for (const { itemId, paragraph } of paragraphs.numbers) {
    await db.item.update({
      where: { id: itemId },
      data: { paragraph, paragraphYear: paragraphs.year },
    });
  }
}

export class MinutesRecordRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Approves draft minutes as the frozen document: the snapshot, the approval with its checksum
   * and the meeting's status in one transaction. False when they were no longer a draft (a
   * second click, a race).
   */
  async approve(
    meeting: MeetingRecord,
    frozen: { document: string; sha256: string },
    personId: string,
    at: Date,
  ): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const snapshotId = newId();
      const draft: MinutesStatus = "draft";
      const { count } = await tx.meeting.updateMany({
        where: { id: meeting.id, minutesStatus: draft },
        data: {
          minutesStatus: "approved" satisfies MinutesStatus,
          approvedAt: at,
          approvedById: personId,
          approvedSnapshotId: snapshotId,
        },
      });
      if (count === 0) return false;
      await tx.minutesSnapshot.create({
        data: { id: snapshotId, meetingId: meeting.id, ...frozen, createdAt: at },
      });
      await tx.minutesApproval.create({
        data: { meetingId: meeting.id, personId, snapshotId, sha256: frozen.sha256, at },
      });
      await writeAudit(tx, {
        councilId: meeting.councilId,
        actorId: personId,
        action: "approved",
        entityType: "meeting",
        entityId: meeting.id,
        before: { minutesStatus: draft },
        after: { minutesStatus: "approved", sha256: frozen.sha256 },
        at,
      });
      return true;
    });
  }

  /**
   * Protocol mode: one signature of the minutes (or, with `itemId`, of one § approved at the
   * meeting), with the checksum of what the signer saw. The signatures share one snapshot; the
   * last one that `required` asks for makes the minutes justerade: approved, with the meeting's
   * §§ numbered in the council's series (`paragraphs`).
   */
  async sign(input: {
    meeting: MeetingRecord;
    frozen: { document: string; sha256: string };
    personId: string;
    at: Date;
    required: RequiredSigners;
    itemId?: string;
    paragraphs?: { year: number; numbers: Array<{ itemId: string; paragraph: number }> };
  }): Promise<SignOutcome> {
    const { meeting, frozen, personId, at, required } = input;
    const itemId = input.itemId ?? null;
    return this.prisma.$transaction(async (tx) => {
      // Signatures of one meeting one at a time, on any instance: the write locks the meeting's
      // row (PostgreSQL) or the database (SQLite) until this signature is in, so two last
      // signatures at once cannot each see the other missing.
      const row = await tx.meeting.update({
        where: { id: meeting.id },
        data: { updatedAt: at },
      });
      if (itemId === null && row.minutesStatus !== "draft") return { status: "not-draft" };
      let standing = await tx.minutesApproval.findMany({
        where: { meetingId: meeting.id, itemId, voidedAt: null },
      });
      if (standing.some((approval) => approval.personId === personId)) {
        return { status: "already-signed" };
      }
      // What the earlier signers saw has changed since (attendance, the follow-up as it stood,
      // a § number after another meeting was justerad): their signatures are voided, as a
      // reopen voids them, and they are asked again.
      const restarted = standing.some((approval) => approval.sha256 !== frozen.sha256);
      if (restarted) {
        await tx.minutesApproval.updateMany({
          where: { meetingId: meeting.id, itemId, voidedAt: null },
          data: { voidedAt: at },
        });
        await writeAudit(tx, {
          councilId: meeting.councilId,
          actorId: personId,
          action: "reopened",
          entityType: itemId === null ? "meeting" : "item",
          entityId: itemId ?? meeting.id,
          after: { cause: { change: "changed-between-signatures" } },
          at,
        });
        standing = [];
      }
      const snapshotId = standing[0]?.snapshotId ?? newId();
      if (standing.length === 0) {
        await tx.minutesSnapshot.create({
          data: { id: snapshotId, meetingId: meeting.id, itemId, ...frozen, createdAt: at },
        });
      }
      await tx.minutesApproval.create({
        data: { meetingId: meeting.id, personId, snapshotId, itemId, sha256: frozen.sha256, at },
      });
      const signers = new Set([...standing.map((approval) => approval.personId), personId]);
      const waitingFor = missingSigners(required, signers);
      await writeAudit(tx, {
        councilId: meeting.councilId,
        actorId: personId,
        action: "signed",
        entityType: itemId === null ? "meeting" : "item",
        entityId: itemId ?? meeting.id,
        after: { sha256: frozen.sha256, waitingFor },
        at,
      });
      if (waitingFor.length > 0) return { status: "signed", waitingFor, restarted };
      if (itemId !== null) return { status: "approved", restarted };
      await tx.meeting.update({
        where: { id: meeting.id },
        data: {
          minutesStatus: "approved" satisfies MinutesStatus,
          approvedAt: at,
          approvedById: personId,
          approvedSnapshotId: snapshotId,
        },
      });
      if (input.paragraphs) await numberParagraphs(tx, meeting.id, input.paragraphs);
      await writeAudit(tx, {
        councilId: meeting.councilId,
        actorId: personId,
        action: "approved",
        entityType: "meeting",
        entityId: meeting.id,
        before: { minutesStatus: "draft" },
        after: { minutesStatus: "approved", sha256: frozen.sha256 },
        at,
      });
      return { status: "approved", restarted };
    });
  }

  /** The standing signatures of a meeting's minutes (or of one §), in the order given. */
  async signatures(meetingId: string, itemId?: string): Promise<SignatureRecord[]> {
    const rows = await this.prisma.minutesApproval.findMany({
      where: { meetingId, itemId: itemId ?? null, voidedAt: null },
      include: { person: { select: { displayName: true } } },
      orderBy: { at: "asc" },
    });
    return rows.map(toSignature);
  }

  /** The signatures a snapshot was given (voided since or not), in the order given. */
  async signaturesOf(snapshotId: string): Promise<SignatureRecord[]> {
    const rows = await this.prisma.minutesApproval.findMany({
      where: { snapshotId },
      include: { person: { select: { displayName: true } } },
      orderBy: { at: "asc" },
    });
    return rows.map(toSignature);
  }

  /** A snapshot by id: what a set of signatures approved. */
  async snapshotById(id: string): Promise<SnapshotRecord | null> {
    return this.snapshot(id);
  }

  /**
   * The document a publication sent out, for the web archive to serve as it went out; kept only
   * while that snapshot is still the published one (a newer publication wins).
   */
  async recordPublishedDocument(
    meetingId: string,
    snapshotId: string,
    document: string,
  ): Promise<void> {
    await this.prisma.meeting.updateMany({
      where: { id: meetingId, publishedSnapshotId: snapshotId },
      data: { publishedDocument: document },
    });
  }

  /** Records that the secretary compiled the minutes (the protocol deadlines ask for it). */
  async markCompiled(meetingId: string, at: Date): Promise<void> {
    await this.prisma.meeting.updateMany({
      where: { id: meetingId, compiledAt: null },
      data: { compiledAt: at },
    });
  }

  /** Sends approved minutes back to draft, voiding their approvals (see reopenMinutes). */
  async reopen(
    meeting: { id: string; councilId: string },
    actorId: string,
    at: Date,
    cause: ReopenCause,
  ): Promise<void> {
    await this.prisma.$transaction((tx) => reopenMinutes(tx, meeting, actorId, at, cause));
  }

  /** The snapshot the current approval froze; null while the minutes are a draft. */
  async approvedSnapshot(meetingId: string): Promise<SnapshotRecord | null> {
    const meeting = await this.prisma.meeting.findUnique({
      where: { id: meetingId },
      select: { approvedSnapshotId: true },
    });
    return meeting?.approvedSnapshotId ? this.snapshot(meeting.approvedSnapshotId) : null;
  }

  /**
   * Publishes the approved snapshot: the first publication's time stays the stamp, and
   * publishing a snapshot other than the one published before marks the post corrected. Null
   * when nothing is approved.
   */
  /**
   * Marks the approved snapshot published, if it is still `snapshotId` (the one the caller
   * checked); null when the minutes were reopened or approved anew in between.
   */
  async publish(
    meeting: MeetingRecord,
    personId: string,
    at: Date,
    snapshotId: string,
  ): Promise<Publication | null> {
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
      if (row.approvedSnapshotId !== snapshotId) return null;
      const snapshot = await tx.minutesSnapshot.findUniqueOrThrow({
        where: { id: row.approvedSnapshotId },
      });
      // Published before in another version (minutes published before snapshots existed and
      // reopened since have a publication but no published snapshot).
      const corrected =
        (row.publishedSnapshotId !== null || row.publishedAt !== null) &&
        row.publishedSnapshotId !== row.approvedSnapshotId;
      const publishedAt = row.publishedAt ?? at;
      const correctedAt = corrected ? at : row.correctedAt;
      // Only while that approval stands: a reopen between the read and here wins.
      const { count } = await tx.meeting.updateMany({
        where: { id: meeting.id, approvedSnapshotId: snapshot.id },
        data: {
          minutesStatus: "published" satisfies MinutesStatus,
          publishedAt,
          publishedById: personId,
          publishedSnapshotId: snapshot.id,
          correctedAt,
        },
      });
      if (count === 0) return null;
      await writeAudit(tx, {
        councilId: meeting.councilId,
        actorId: personId,
        action: "published",
        entityType: "meeting",
        entityId: meeting.id,
        after: { sha256: snapshot.sha256, corrected },
        at,
      });
      return { snapshot: toSnapshot(snapshot), publishedAt, correctedAt };
    });
  }

  /** What was last published of the meeting, with the approvals of that snapshot. */
  async published(meetingId: string): Promise<PublishedRecord | null> {
    const meeting = await this.prisma.meeting.findUnique({ where: { id: meetingId } });
    if (!meeting?.publishedSnapshotId || !meeting.publishedAt) return null;
    const snapshot = await this.snapshot(meeting.publishedSnapshotId);
    if (!snapshot) return null;
    const approvals = await this.prisma.minutesApproval.findMany({
      where: { snapshotId: snapshot.id },
      include: { person: { select: { displayName: true } } },
      orderBy: { at: "asc" },
    });
    return {
      snapshot,
      approvals: approvals.map((approval) => ({
        personName: approval.person.displayName,
        sha256: approval.sha256,
        at: approval.at,
        voidedAt: approval.voidedAt,
      })),
      publishedAt: meeting.publishedAt,
      correctedAt: meeting.correctedAt,
    };
  }

  /** The council's most recently held meeting that has published minutes. */
  async latestPublishedMeeting(councilId: string): Promise<MeetingRecord | null> {
    const row = await this.prisma.meeting.findFirst({
      where: { councilId, publishedSnapshotId: { not: null } },
      orderBy: { startsAt: "desc" },
    });
    return row ? toMeeting(row) : null;
  }

  private async snapshot(id: string): Promise<SnapshotRecord | null> {
    const row = await this.prisma.minutesSnapshot.findUnique({ where: { id } });
    return row ? toSnapshot(row) : null;
  }

  /**
   * Approved or published meetings from before snapshots existed (all, or the one named): the
   * backfill's work.
   */
  async withoutSnapshot(
    meetingId?: string,
  ): Promise<Array<{ meeting: MeetingRecord; approvedById: string | null }>> {
    const rows = await this.prisma.meeting.findMany({
      where: {
        ...(meetingId === undefined ? {} : { id: meetingId }),
        minutesStatus: { not: "draft" satisfies MinutesStatus },
        approvedSnapshotId: null,
        publishedSnapshotId: null,
      },
      orderBy: { startsAt: "asc" },
    });
    return rows.map((row) => ({
      meeting: toMeeting(row),
      approvedById: row.approvedById,
    }));
  }

  /**
   * Records the snapshot of minutes approved (and perhaps published) before snapshots existed,
   * as their approver approved them; published ones count as published from it.
   */
  async backfill(
    meeting: MeetingRecord,
    frozen: { document: string; sha256: string },
    approvedById: string | null,
  ): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const at = meeting.approvedAt ?? meeting.publishedAt ?? meeting.startsAt;
      const snapshotId = newId();
      // Only once: the start-up sweep and a command that needs the snapshot may meet here.
      const { count } = await tx.meeting.updateMany({
        where: {
          id: meeting.id,
          minutesStatus: { not: "draft" satisfies MinutesStatus },
          approvedSnapshotId: null,
          publishedSnapshotId: null,
        },
        data: {
          approvedSnapshotId: snapshotId,
          ...(meeting.minutesStatus === "published" ? { publishedSnapshotId: snapshotId } : {}),
        },
      });
      if (count === 0) return false;
      await tx.minutesSnapshot.create({
        data: { id: snapshotId, meetingId: meeting.id, ...frozen, createdAt: at },
      });
      if (approvedById) {
        await tx.minutesApproval.create({
          data: {
            meetingId: meeting.id,
            personId: approvedById,
            snapshotId,
            sha256: frozen.sha256,
            at,
          },
        });
      }
      return true;
    });
  }
}

/**
 * Approved minutes whose own content changes need approving again: back to draft, every
 * approval voided (and kept), the publication kept so that publishing again edits the posts.
 * Audited as "reopened" with what caused it.
 */
export async function reopenMinutes(
  db: SqlDb,
  meeting: { id: string; councilId: string },
  actorId: string,
  at: Date,
  cause: ReopenCause,
): Promise<void> {
  const draft: MinutesStatus = "draft";
  // Every change to an item or action passes here: statements of our own, not Prisma's
  // updateMany, and one statement when there is nothing to void.
  const count = await db.$executeRaw(reopenMeetingQuery(meeting.id, at));
  // A § approved at the meeting stays approved unless it changed: the § itself, or what its
  // extract's header says (attendance, the justerare — a change of the meeting's own). A new
  // item has no approval of its own yet.
  const voidedItem =
    cause.entityType === "item" && cause.change !== "created"
      ? await db.$executeRaw(voidApprovalsQuery(meeting.id, at, { itemId: cause.entityId }))
      : cause.entityType === "meeting"
        ? await db.$executeRaw(voidApprovalsQuery(meeting.id, at, "every-paragraph"))
        : 0;
  if (count === 0 && voidedItem === 0) return;
  if (count > 0) await db.$executeRaw(voidApprovalsQuery(meeting.id, at, "minutes"));
  await writeAudit(db, {
    councilId: meeting.councilId,
    actorId,
    action: "reopened",
    entityType: "meeting",
    entityId: meeting.id,
    after: { minutesStatus: draft, cause },
    at,
  });
}

/**
 * reopenMinutes' first statement: the meeting's minutes back to draft when they were approved or
 * a signature is on them (a protocol being signed is still a draft, but its first signatures are
 * voided as a whole approval is); updatedAt set as Prisma's @updatedAt sets it. Changes no row
 * when there is nothing to reopen. Exported for the benchmark's floor.
 */
export function reopenMeetingQuery(meetingId: string, at: Date): Prisma.Sql {
  const draft: MinutesStatus = "draft";
  return Prisma.sql`
    UPDATE "Meeting"
    SET "minutesStatus" = ${draft}, "approvedAt" = NULL, "approvedById" = NULL,
      "approvedSnapshotId" = NULL, "updatedAt" = ${at}
    WHERE "id" = ${meetingId} AND ("minutesStatus" <> ${draft} OR EXISTS (
      SELECT 1 FROM "MinutesApproval" a WHERE a."meetingId" = ${meetingId}
        AND a."voidedAt" IS NULL AND a."itemId" IS NULL))`;
}

/**
 * Voids the meeting's approvals still in force: of the whole minutes, of every § approved at
 * the meeting (an item's own extract), or of one such §.
 */
function voidApprovalsQuery(
  meetingId: string,
  at: Date,
  of: "minutes" | "every-paragraph" | { itemId: string },
): Prisma.Sql {
  const which =
    of === "minutes"
      ? Prisma.sql`"itemId" IS NULL`
      : of === "every-paragraph"
        ? Prisma.sql`"itemId" IS NOT NULL`
        : Prisma.sql`"itemId" = ${of.itemId}`;
  return Prisma.sql`
    UPDATE "MinutesApproval" SET "voidedAt" = ${at}
    WHERE "meetingId" = ${meetingId} AND ${which} AND "voidedAt" IS NULL`;
}

function toSignature(row: {
  personId: string;
  person: { displayName: string };
  sha256: string;
  at: Date;
  snapshotId: string | null;
}): SignatureRecord {
  return {
    personId: row.personId,
    personName: row.person.displayName,
    sha256: row.sha256,
    at: row.at,
    snapshotId: row.snapshotId,
  };
}

function toSnapshot(row: {
  id: string;
  document: string;
  sha256: string;
  createdAt: Date;
}): SnapshotRecord {
  return { id: row.id, document: row.document, sha256: row.sha256, createdAt: row.createdAt };
}
