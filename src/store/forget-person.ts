import type { PrismaClient } from "../generated/prisma/client.js";
import { writeAudit } from "./audit-trail.js";
import { reopenMinutes } from "./minutes-record-repository.js";
import { newId } from "./new-id.js";
import type { Db } from "./prisma-types.js";

/** The platform of a pseudonymous person: no surface sends to it, no reminder is planned for it. */
export const FORGOTTEN_PLATFORM = "forgotten";

/** What `glöm @P` did in the council, for the reply and the audit trail. */
export interface ForgetReport {
  /** The pseudonymous person that now stands where P stood in the council's records. */
  pseudonymId: string;
  roles: string[];
  actions: number;
  remindersRemoved: number;
  /** Approved, unpublished minutes that named P: back to draft, to be approved again. */
  minutesReopened: number;
  /** Meetings whose minutes wait for justering and had P as a chosen justerare: choose anew. */
  approversRemoved: number;
  /**
   * Items and open actions of unpublished minutes whose own text still has P's name: free text
   * is the secretary's to change (`ändra`), not Noterat's to guess at.
   */
  namedInText: number[];
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

type Where = Record<string, unknown>;

/**
 * Every place a council's records point at a person, as (model, person field, how the row
 * belongs to the council). One table drives moving them to the pseudonym, telling whether P is
 * in the council, and whether P is left anywhere; test/unit/store/forget-person-references.test.ts
 * checks it against the schema.
 */
export const PERSON_REFERENCES = [
  { model: "item", field: "authorId", inCouncil: (id: string): Where => ({ councilId: id }) },
  { model: "action", field: "createdById", inCouncil: (id: string) => ({ councilId: id }) },
  { model: "action", field: "completedById", inCouncil: (id: string) => ({ councilId: id }) },
  {
    model: "actionAssignee",
    field: "personId",
    inCouncil: (id: string) => ({ action: { councilId: id } }),
  },
  { model: "meeting", field: "approvedById", inCouncil: (id: string) => ({ councilId: id }) },
  { model: "meeting", field: "publishedById", inCouncil: (id: string) => ({ councilId: id }) },
  {
    model: "minutesApproval",
    field: "personId",
    inCouncil: (id: string) => ({ meeting: { councilId: id } }),
  },
  {
    model: "attendance",
    field: "personId",
    inCouncil: (id: string) => ({ meeting: { councilId: id } }),
  },
  {
    model: "attendance",
    field: "substituteForId",
    inCouncil: (id: string) => ({ meeting: { councilId: id } }),
  },
  {
    model: "meetingApprover",
    field: "personId",
    inCouncil: (id: string) => ({ meeting: { councilId: id } }),
  },
  {
    model: "itemNote",
    field: "personId",
    inCouncil: (id: string) => ({ item: { councilId: id } }),
  },
  { model: "auditEntry", field: "actorId", inCouncil: (id: string) => ({ councilId: id }) },
  { model: "membership", field: "personId", inCouncil: (id: string) => ({ councilId: id }) },
  { model: "linkCode", field: "createdById", inCouncil: (id: string) => ({ councilId: id }) },
  {
    model: "pendingConfirmation",
    field: "personId",
    inCouncil: (id: string) => ({ councilId: id }),
  },
] as const;

type Delegate = {
  count(args: { where: Where }): Promise<number>;
  updateMany(args: { where: Where; data: Where }): Promise<{ count: number }>;
};

function delegate(db: Db, model: (typeof PERSON_REFERENCES)[number]["model"]): Delegate {
  return db[model] as unknown as Delegate;
}

/**
 * How many of the council's records point at the person (all councils' without `councilId`).
 * One count after another: inside a transaction on PostgreSQL they share one connection, which
 * takes one query at a time.
 */
export async function referencesTo(db: Db, personId: string, councilId?: string): Promise<number> {
  let references = await db.reminder.count({
    where: { recipient: `person:${personId}`, ...(councilId === undefined ? {} : { councilId }) },
  });
  for (const { model, field, inCouncil } of PERSON_REFERENCES) {
    references += await delegate(db, model).count({
      where: { [field]: personId, ...(councilId === undefined ? {} : inCouncil(councilId)) },
    });
  }
  return references;
}

/**
 * Forgetting a person in one council (architecture.md §15). Everything the council's records hold of
 * P moves to a new pseudonymous person named `label`: drafts and actions then say that label,
 * the audit trail keeps an id that leads nowhere, and P — if P writes again — is a new person
 * there. Published minutes keep the name: they are stored as they went out, and are public
 * records. P's roles, pending reminders, link codes and questions in the council are removed.
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
        platform: FORGOTTEN_PLATFORM,
        workspaceId: councilId,
        externalId: to,
        displayName: input.label,
        createdAt: at,
      },
    });
    const reopened = await reopenWhereNamed(tx, input);
    const approversRemoved = await dropAsApprover(tx, input);
    const roles = await tx.membership.findMany({ where: { councilId, personId: from } });
    const actions = await tx.actionAssignee.count({
      where: { personId: from, action: { councilId } },
    });
    await tx.membership.deleteMany({ where: { councilId, personId: from } });
    await tx.linkCode.deleteMany({ where: { councilId, createdById: from } });
    await tx.pendingConfirmation.deleteMany({ where: { councilId, personId: from } });
    const reminders = await tx.reminder.deleteMany({
      where: { councilId, recipient: `person:${from}`, status: "pending" },
    });
    for (const { model, field, inCouncil } of PERSON_REFERENCES) {
      await delegate(tx, model).updateMany({
        where: { [field]: from, ...inCouncil(councilId) },
        data: { [field]: to },
      });
    }
    await pseudonymiseIds(tx, councilId, from, to);
    const namedInText = await stillNamed(tx, councilId, person.displayName);
    const report = {
      pseudonymId: to,
      roles: roles.map((row) => row.role),
      actions,
      remindersRemoved: reminders.count,
      minutesReopened: reopened,
      approversRemoved,
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
    const personDeleted = (await referencesTo(tx, from)) === 0;
    if (personDeleted) await tx.person.delete({ where: { id: from } });
    return { ...report, namedInText, personDeleted };
  });
}

/**
 * Approved minutes not yet published are a draft still: those whose meeting P took part in (an
 * assignee, present or absent, a justerare, a note, a substitute's member) go back to draft and
 * are approved again as they then read.
 */
async function reopenWhereNamed(
  tx: Db,
  { councilId, personId, actorId, at }: ForgetInput,
): Promise<number> {
  const meetings = await tx.meeting.findMany({
    where: {
      councilId,
      minutesStatus: "approved",
      OR: [
        { actions: { some: { assignees: { some: { personId } } } } },
        { attendance: { some: { OR: [{ personId }, { substituteForId: personId }] } } },
        { approvers: { some: { personId } } },
        { items: { some: { notes: { some: { personId } } } } },
      ],
    },
    select: { id: true, councilId: true },
  });
  for (const meeting of meetings) {
    await reopenMinutes(tx, meeting, actorId, at, {
      entityType: "meeting",
      entityId: meeting.id,
      change: "person-forgotten",
    });
  }
  return meetings.length;
}

/**
 * A justerare of minutes still being signed who is forgotten can never sign: no longer chosen,
 * their signature voided; the secretary chooses another (`justerare`).
 */
async function dropAsApprover(tx: Db, { councilId, personId, at }: ForgetInput): Promise<number> {
  const waiting = { councilId, minutesStatus: "draft" };
  const { count } = await tx.meetingApprover.deleteMany({ where: { personId, meeting: waiting } });
  await tx.minutesApproval.updateMany({
    where: { personId, voidedAt: null, meeting: waiting },
    data: { voidedAt: at },
  });
  return count;
}

/** P's id where it is text: the council's audit entries' values and reminder keys. */
async function pseudonymiseIds(tx: Db, councilId: string, from: string, to: string): Promise<void> {
  const pattern = `%${from}%`;
  await tx.$executeRaw`
    UPDATE "AuditEntry"
    SET "entityId" = CASE WHEN "entityId" = ${from} THEN ${to} ELSE "entityId" END,
      "before" = REPLACE("before", ${from}, ${to}),
      "after" = REPLACE("after", ${from}, ${to})
    WHERE "councilId" = ${councilId} AND ("entityId" = ${from}
      OR "before" LIKE ${pattern} OR "after" LIKE ${pattern})`;
  await tx.$executeRaw`
    UPDATE "Reminder"
    SET "key" = REPLACE("key", ${from}, ${to}), "recipient" = REPLACE("recipient", ${from}, ${to})
    WHERE "councilId" = ${councilId} AND ("key" LIKE ${pattern} OR "recipient" LIKE ${pattern})`;
}

/**
 * The short numbers of unpublished items and open actions whose text has the name (one query
 * after the other: see referencesTo).
 */
async function stillNamed(tx: Db, councilId: string, name: string): Promise<number[]> {
  const draft = { not: "published" };
  const items = await tx.item.findMany({
    where: {
      councilId,
      removedAt: null,
      meeting: { minutesStatus: draft },
      OR: [{ heading: { contains: name } }, { text: { contains: name } }],
    },
    select: { ref: true },
  });
  const actions = await tx.action.findMany({
    where: { councilId, removedAt: null, status: "open", text: { contains: name } },
    select: { ref: true },
  });
  return [...items, ...actions].map((row) => row.ref).sort((a, b) => a - b);
}
