import type { PrismaClient } from "../generated/prisma/client.js";
import { writeAudit } from "./audit-trail.js";
import { reopenMinutes } from "./minutes-record-repository.js";
import { newId } from "./new-id.js";
import type { Db } from "./prisma-types.js";

/** What `glöm @P` did in the council, for the reply and the audit trail. */
export interface ForgetReport {
  /** The pseudonymous person that now stands where P stood in the council's records. */
  pseudonymId: string;
  roles: string[];
  actions: number;
  remindersRemoved: number;
  /** Approved, unpublished minutes that named P: back to draft, to be approved again. */
  minutesReopened: number;
  /** Whether P had nothing left anywhere and was deleted (otherwise other councils keep P). */
  personDeleted: boolean;
}

export interface ForgetInput {
  councilId: string;
  personId: string;
  /** What the records say instead of the name: "(borttagen person)" in the council's language. */
  label: string;
  actorId: string;
  at: Date;
}

/**
 * Forgetting a person in one council (DESIGN.md §15). Everything the council's records hold of
 * P moves to a new pseudonymous person named `label`: drafts and open actions then say that
 * label, the audit trail keeps an id that leads nowhere, and P — if P writes again — is a new
 * person there. Published minutes keep the name: they are stored as they went out, and are
 * public records. Roles, P's pending reminders and link codes in the council are removed.
 */
export async function forgetPerson(
  prisma: PrismaClient,
  input: ForgetInput,
): Promise<ForgetReport> {
  return prisma.$transaction(async (tx) => {
    const { councilId, personId: from, at } = input;
    const person = await tx.person.findUniqueOrThrow({ where: { id: from } });
    const to = newId();
    await tx.person.create({
      data: {
        id: to,
        platform: person.platform,
        workspaceId: person.workspaceId,
        externalId: `forgotten:${to}`,
        displayName: input.label,
        createdAt: at,
      },
    });
    const reopened = await reopenWhatNamed(tx, input, person.displayName);
    const roles = await tx.membership.findMany({ where: { councilId, personId: from } });
    await tx.membership.deleteMany({ where: { councilId, personId: from } });
    const inMeetings = { meeting: { councilId } };
    const inItems = { item: { councilId } };
    await tx.item.updateMany({ where: { councilId, authorId: from }, data: { authorId: to } });
    await tx.action.updateMany({
      where: { councilId, createdById: from },
      data: { createdById: to },
    });
    await tx.action.updateMany({
      where: { councilId, completedById: from },
      data: { completedById: to },
    });
    const actions = await tx.actionAssignee.updateMany({
      where: { personId: from, action: { councilId } },
      data: { personId: to },
    });
    await tx.meeting.updateMany({
      where: { councilId, approvedById: from },
      data: { approvedById: to },
    });
    await tx.meeting.updateMany({
      where: { councilId, publishedById: from },
      data: { publishedById: to },
    });
    await tx.minutesApproval.updateMany({
      where: { personId: from, ...inMeetings },
      data: { personId: to },
    });
    await tx.attendance.updateMany({
      where: { personId: from, ...inMeetings },
      data: { personId: to },
    });
    await tx.attendance.updateMany({
      where: { substituteForId: from, ...inMeetings },
      data: { substituteForId: to },
    });
    await tx.meetingApprover.updateMany({
      where: { personId: from, ...inMeetings },
      data: { personId: to },
    });
    await tx.itemNote.updateMany({ where: { personId: from, ...inItems }, data: { personId: to } });
    const reminders = await tx.reminder.deleteMany({
      where: { councilId, recipient: `person:${from}`, status: "pending" },
    });
    await tx.reminder.updateMany({
      where: { councilId, recipient: `person:${from}` },
      data: { recipient: `person:${to}` },
    });
    await tx.linkCode.deleteMany({ where: { councilId, createdById: from } });
    await tx.pendingConfirmation.deleteMany({ where: { councilId, personId: from } });
    await pseudonymiseAudit(tx, councilId, from, to);
    const report = {
      pseudonymId: to,
      roles: roles.map((row) => row.role),
      actions: actions.count,
      remindersRemoved: reminders.count,
      minutesReopened: reopened,
    };
    await writeAudit(tx, {
      councilId,
      actorId: input.actorId,
      action: "forgotten",
      entityType: "person",
      entityId: to,
      after: report,
      at,
    });
    return { ...report, personDeleted: await deleteIfUnused(tx, from) };
  });
}

/**
 * Approved minutes not yet published are a draft still: if they name P, they go back to draft
 * (their snapshot says the name) and are approved again as they then read.
 */
async function reopenWhatNamed(tx: Db, input: ForgetInput, name: string): Promise<number> {
  const meetings = await tx.meeting.findMany({
    where: {
      councilId: input.councilId,
      minutesStatus: "approved",
      approvedSnapshotId: { not: null },
    },
    select: { id: true, councilId: true, approvedSnapshotId: true },
  });
  let reopened = 0;
  for (const meeting of meetings) {
    const snapshot = await tx.minutesSnapshot.findUnique({
      where: { id: meeting.approvedSnapshotId ?? "" },
      select: { document: true },
    });
    if (!snapshot?.document.includes(JSON.stringify(name).slice(1, -1))) continue;
    await reopenMinutes(tx, meeting, input.actorId, input.at, {
      entityType: "meeting",
      entityId: meeting.id,
      change: "person-forgotten",
    });
    reopened += 1;
  }
  return reopened;
}

/** P's id inside the council's audit entries (their before/after, a membership's entity id). */
async function pseudonymiseAudit(
  tx: Db,
  councilId: string,
  from: string,
  to: string,
): Promise<void> {
  const pattern = `%${from}%`;
  await tx.$executeRaw`
    UPDATE "AuditEntry"
    SET "actorId" = CASE WHEN "actorId" = ${from} THEN ${to} ELSE "actorId" END,
      "entityId" = CASE WHEN "entityId" = ${from} THEN ${to} ELSE "entityId" END,
      "before" = REPLACE("before", ${from}, ${to}),
      "after" = REPLACE("after", ${from}, ${to})
    WHERE "councilId" = ${councilId} AND ("actorId" = ${from} OR "entityId" = ${from}
      OR "before" LIKE ${pattern} OR "after" LIKE ${pattern})`;
}

/** Deletes P when no council's records point at P any more; true when it did. */
async function deleteIfUnused(tx: Db, personId: string): Promise<boolean> {
  const row = await tx.person.findUniqueOrThrow({
    where: { id: personId },
    select: {
      _count: {
        select: {
          memberships: true,
          assignments: true,
          itemsAuthored: true,
          actionsCreated: true,
          actionsDone: true,
          approvals: true,
          minutesApprovals: true,
          publications: true,
          auditEntries: true,
          attendances: true,
          chosenApprovals: true,
          itemNotes: true,
          confirmations: true,
        },
      },
    },
  });
  if (Object.values(row._count).some((count) => count > 0)) return false;
  const reminders = await tx.reminder.count({ where: { recipient: `person:${personId}` } });
  if (reminders > 0) return false;
  await tx.person.delete({ where: { id: personId } });
  return true;
}
