import type { PrismaClient } from "../generated/prisma/client.js";
import { type ForgetInput, type ForgetReport, forgetPerson } from "./forget-person.js";

/**
 * Everything stored about one person (`mina uppgifter`, DESIGN.md §15): what the register
 * extract lists. Instants are as stored (UTC); council names say where each thing belongs.
 */
export interface PersonalDataRecord {
  person: {
    platform: string;
    workspaceId: string;
    externalId: string;
    displayName: string;
    locale: string | null;
    /** Whether the personal chat's address is kept, for private reminders. */
    personalChatKept: boolean;
    createdAt: Date;
  };
  roles: { council: string; role: string; since: Date }[];
  itemsAuthored: {
    council: string;
    ref: number;
    kind: string;
    heading: string;
    text: string;
    meeting: Date;
    createdAt: Date;
    removed: boolean;
  }[];
  actionsAssigned: {
    council: string;
    ref: number;
    text: string;
    due: Date | null;
    status: string;
    removed: boolean;
  }[];
  actionsGiven: { council: string; ref: number; text: string; createdAt: Date }[];
  actionsCompleted: { council: string; ref: number; completedAt: Date | null }[];
  approvals: { council: string; meeting: Date; at: Date; sha256: string; voided: boolean }[];
  attendance: { council: string; meeting: Date; status: string }[];
  chosenApprover: { council: string; meeting: Date }[];
  protocolNotes: { council: string; ref: number; kind: string; text: string; createdAt: Date }[];
  reminders: { council: string; kind: string; status: string; due: Date; sentAt: Date | null }[];
  auditEntries: { council: string; action: string; entityType: string; at: Date }[];
}

type PersonKey = { platform: string; workspaceId: string; externalId: string };
const council = { select: { name: true } } as const;

/** The register extract and forgetting: what a person may ask of the records about them. */
export class PersonalDataRepository {
  constructor(private readonly prisma: PrismaClient) {}

  forget(input: ForgetInput): Promise<ForgetReport> {
    return forgetPerson(this.prisma, input);
  }

  /** Whether the person has a role or an action in the council: someone it may forget. */
  async isIn(councilId: string, personId: string): Promise<boolean> {
    const [roles, actions, items] = await Promise.all([
      this.prisma.membership.count({ where: { councilId, personId } }),
      this.prisma.actionAssignee.count({ where: { personId, action: { councilId } } }),
      this.prisma.item.count({ where: { councilId, authorId: personId } }),
    ]);
    return roles + actions + items > 0;
  }

  /** Everything held about the person behind a platform identity; null if nothing is. */
  async extract(key: PersonKey): Promise<PersonalDataRecord | null> {
    const { prisma } = this;
    const { platform, workspaceId, externalId } = key;
    const person = await prisma.person.findUnique({
      // Only the key's fields: callers pass a whole person, and Prisma refuses the rest.
      where: { platform_workspaceId_externalId: { platform, workspaceId, externalId } },
    });
    if (!person) return null;
    const personId = person.id;
    const [roles, items, assigned, given, completed, approvals, attendance, chosen, notes] =
      await Promise.all([
        prisma.membership.findMany({ where: { personId }, include: { council } }),
        prisma.item.findMany({
          where: { authorId: personId },
          include: { council, meeting: { select: { startsAt: true } } },
          orderBy: { createdAt: "asc" },
        }),
        prisma.actionAssignee.findMany({
          where: { personId },
          include: { action: { include: { council } } },
        }),
        prisma.action.findMany({ where: { createdById: personId }, include: { council } }),
        prisma.action.findMany({ where: { completedById: personId }, include: { council } }),
        prisma.minutesApproval.findMany({
          where: { personId },
          include: { meeting: { select: { startsAt: true, council } } },
          orderBy: { at: "asc" },
        }),
        prisma.attendance.findMany({
          where: { personId },
          include: { meeting: { select: { startsAt: true, council } } },
        }),
        prisma.meetingApprover.findMany({
          where: { personId },
          include: { meeting: { select: { startsAt: true, council } } },
        }),
        prisma.itemNote.findMany({
          where: { personId },
          include: { item: { select: { ref: true, council } } },
        }),
      ]);
    const [reminders, audit] = await Promise.all([
      prisma.reminder.findMany({
        where: { recipient: `person:${personId}` },
        include: { council },
        orderBy: { dueAt: "asc" },
      }),
      prisma.auditEntry.findMany({
        where: { actorId: personId },
        include: { council },
        orderBy: { at: "asc" },
      }),
    ]);
    return {
      person: {
        platform: person.platform,
        workspaceId: person.workspaceId,
        externalId: person.externalId,
        displayName: person.displayName,
        locale: person.locale,
        personalChatKept: person.reference !== null,
        createdAt: person.createdAt,
      },
      roles: roles.map((row) => ({
        council: row.council.name,
        role: row.role,
        since: row.createdAt,
      })),
      itemsAuthored: items.map((row) => ({
        council: row.council.name,
        ref: row.ref,
        kind: row.kind,
        heading: row.heading,
        text: row.text,
        meeting: row.meeting.startsAt,
        createdAt: row.createdAt,
        removed: row.removedAt !== null,
      })),
      actionsAssigned: assigned.map(({ action }) => ({
        council: action.council.name,
        ref: action.ref,
        text: action.text,
        due: action.dueAt,
        status: action.status,
        removed: action.removedAt !== null,
      })),
      actionsGiven: given.map((row) => ({
        council: row.council.name,
        ref: row.ref,
        text: row.text,
        createdAt: row.createdAt,
      })),
      actionsCompleted: completed.map((row) => ({
        council: row.council.name,
        ref: row.ref,
        completedAt: row.completedAt,
      })),
      approvals: approvals.map((row) => ({
        council: row.meeting.council.name,
        meeting: row.meeting.startsAt,
        at: row.at,
        sha256: row.sha256,
        voided: row.voidedAt !== null,
      })),
      attendance: attendance.map((row) => ({
        council: row.meeting.council.name,
        meeting: row.meeting.startsAt,
        status: row.status,
      })),
      chosenApprover: chosen.map((row) => ({
        council: row.meeting.council.name,
        meeting: row.meeting.startsAt,
      })),
      protocolNotes: notes.map((row) => ({
        council: row.item.council.name,
        ref: row.item.ref,
        kind: row.kind,
        text: row.text,
        createdAt: row.createdAt,
      })),
      reminders: reminders.map((row) => ({
        council: row.council.name,
        kind: row.kind,
        status: row.status,
        due: row.dueAt,
        sentAt: row.sentAt,
      })),
      auditEntries: audit.map((row) => ({
        council: row.council.name,
        action: row.action,
        entityType: row.entityType,
        at: row.at,
      })),
    };
  }
}
