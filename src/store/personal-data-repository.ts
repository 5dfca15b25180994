import type { PrismaClient } from "../generated/prisma/client.js";
import {
  type ForgetInput,
  type ForgetReport,
  forgetPerson,
  referencesTo,
} from "./forget-person.js";

/**
 * Everything stored about one person (`mina uppgifter`, architecture.md §15): what the register
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
  /** Headings only: an item's text is about the meeting, and may name others. */
  itemsAuthored: {
    council: string;
    ref: number;
    kind: string;
    heading: string;
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
  attendance: { council: string; meeting: Date; status: string; substituteFor: boolean }[];
  /** Minutes the person approved or published as the one who did it last. */
  minutesActedOn: { council: string; meeting: Date; as: "approved" | "published" }[];
  chosenApprover: { council: string; meeting: Date }[];
  protocolNotes: { council: string; ref: number; kind: string; text: string; createdAt: Date }[];
  reminders: { council: string; kind: string; status: string; due: Date; sentAt: Date | null }[];
  /** What the person did (`by`), and what was done about them (`about`: roles given, forgetting). */
  auditEntries: {
    council: string;
    action: string;
    entityType: string;
    at: Date;
    role: "by" | "about";
  }[];
}

type PersonKey = { platform: string; workspaceId: string; externalId: string };
const council = { select: { name: true } } as const;

/** The register extract and forgetting: what a person may ask of the records about them. */
export class PersonalDataRepository {
  constructor(private readonly prisma: PrismaClient) {}

  forget(input: ForgetInput): Promise<ForgetReport> {
    return forgetPerson(this.prisma, input);
  }

  /** Whether any of the council's records point at the person: someone it may forget. */
  async isIn(councilId: string, personId: string): Promise<boolean> {
    return (await referencesTo(this.prisma, personId, councilId)) > 0;
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
          where: { OR: [{ personId }, { substituteForId: personId }] },
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
    const [reminders, audit, acted] = await Promise.all([
      prisma.reminder.findMany({
        where: { recipient: `person:${personId}` },
        include: { council },
        orderBy: { dueAt: "asc" },
      }),
      prisma.auditEntry.findMany({
        where: { OR: [{ actorId: personId }, { entityId: personId }] },
        include: { council },
        orderBy: { at: "asc" },
      }),
      prisma.meeting.findMany({
        where: { OR: [{ approvedById: personId }, { publishedById: personId }] },
        select: { startsAt: true, approvedById: true, publishedById: true, council },
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
        substituteFor: row.personId !== personId,
      })),
      minutesActedOn: acted.flatMap((row) => [
        ...(row.approvedById === personId
          ? [{ council: row.council.name, meeting: row.startsAt, as: "approved" as const }]
          : []),
        ...(row.publishedById === personId
          ? [{ council: row.council.name, meeting: row.startsAt, as: "published" as const }]
          : []),
      ]),
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
        role: row.actorId === personId ? ("by" as const) : ("about" as const),
      })),
    };
  }
}
