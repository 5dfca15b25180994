import { localDateOf, toInstant } from "../domain/dates/zoned-time.js";
import type { CouncilRecord, Place } from "../domain/records.js";
import type { Locale } from "../domain/types.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { writeAudit } from "./audit-trail.js";
import { newLinkCode } from "./new-id.js";
import type { Db } from "./prisma-types.js";
import { toCouncil } from "./row-mappers.js";

export interface NewCouncil {
  name: string;
  place: Place;
  creatorId: string;
  locale: Locale;
  timeZone: string;
  at: Date;
}

/** What `språk` and `tidszon` change. */
export type CouncilSettingsChange = Partial<Pick<CouncilRecord, "locale" | "timeZone">>;

export class CouncilsRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * The council of that name the person is a secretary of, for `råd NAMN` to bind another
   * channel to it (also after `koppla bort` of its last channel). Councils the person is not
   * secretary of are not looked at: whether they exist is none of the caller's business.
   */
  async findBySecretary(name: string, personId: string): Promise<CouncilRecord | null> {
    const council = await this.prisma.council.findFirst({
      where: { name, memberships: { some: { personId, role: "secretary" } } },
      orderBy: { createdAt: "asc" },
    });
    return council ? toCouncil(council) : null;
  }

  /** Creates the council bound to the place, with its creator as first secretary. */
  async create(input: NewCouncil): Promise<CouncilRecord> {
    return this.prisma.$transaction(async (tx) => {
      const council = await tx.council.create({
        data: {
          name: input.name,
          locale: input.locale,
          timeZone: input.timeZone,
          bindings: { create: bindingOf(input.place) },
          memberships: { create: { personId: input.creatorId, role: "secretary" } },
        },
      });
      await writeAudit(tx, {
        councilId: council.id,
        actorId: input.creatorId,
        action: "created",
        entityType: "council",
        entityId: council.id,
        after: { name: input.name, place: input.place },
        at: input.at,
      });
      return toCouncil(council);
    });
  }

  async bind(councilId: string, place: Place, actorId: string, at: Date): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const binding = await tx.channelBinding.create({ data: { councilId, ...bindingOf(place) } });
      await writeAudit(tx, {
        councilId,
        actorId,
        action: "bound",
        entityType: "binding",
        entityId: binding.id,
        after: place,
        at,
      });
    });
  }

  /**
   * `koppla bort`: the place leaves its council, audited; the council, its history and its other
   * channels stay. How many channels the council has left, or null when the place had no council.
   */
  async unbind(place: Place, actorId: string, at: Date): Promise<number | null> {
    const { platform, workspaceId, channelId } = place;
    return this.prisma.$transaction(async (tx) => {
      const binding = await tx.channelBinding.findUnique({
        where: { platform_workspaceId_channelId: { platform, workspaceId, channelId } },
      });
      if (!binding) return null;
      await tx.channelBinding.delete({ where: { id: binding.id } });
      await writeAudit(tx, {
        councilId: binding.councilId,
        actorId,
        action: "unbound",
        entityType: "binding",
        entityId: binding.id,
        before: { platform, workspaceId, channelId },
        at,
      });
      return tx.channelBinding.count({ where: { councilId: binding.councilId } });
    });
  }

  /**
   * `språk`, `tidszon`: the council's language or zone, audited with what it was. Meetings with
   * a time are instants and keep them; all-day meetings and due dates are days, stored as local
   * midnight, and keep their day in the new zone. False when nothing changed.
   */
  async changeSettings(
    councilId: string,
    change: CouncilSettingsChange,
    actorId: string,
    at: Date,
  ): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.council.findUniqueOrThrow({
        where: { id: councilId },
        select: { locale: true, timeZone: true },
      });
      const keys = (Object.keys(change) as Array<keyof CouncilSettingsChange>).filter(
        (key) => change[key] !== undefined && change[key] !== row[key],
      );
      if (keys.length === 0) return false;
      const before = Object.fromEntries(keys.map((key) => [key, row[key]]));
      const after = Object.fromEntries(keys.map((key) => [key, change[key]]));
      await tx.council.update({ where: { id: councilId }, data: after });
      if (change.timeZone !== undefined && change.timeZone !== row.timeZone) {
        await keepDays(tx, councilId, row.timeZone, change.timeZone);
      }
      await writeAudit(tx, {
        councilId,
        actorId,
        action: "changed",
        entityType: "council",
        entityId: councilId,
        before,
        after,
        at,
      });
      return true;
    });
  }

  /** Every channel the council is bound to, on every platform. */
  async channelsOf(councilId: string): Promise<Place[]> {
    const rows = await this.prisma.channelBinding.findMany({
      where: { councilId },
      orderBy: { createdAt: "asc" },
    });
    return rows.map(({ platform, workspaceId, channelId, name }) => ({
      platform: platform as Place["platform"],
      workspaceId,
      channelId,
      ...(name === null ? {} : { name }),
    }));
  }

  async byId(id: string): Promise<CouncilRecord | null> {
    const council = await this.prisma.council.findUnique({ where: { id } });
    return council ? toCouncil(council) : null;
  }

  /** The councils where the person has a role or an open action. */
  async ofPerson(personId: string): Promise<CouncilRecord[]> {
    const councils = await this.prisma.council.findMany({
      where: {
        OR: [
          { memberships: { some: { personId } } },
          {
            actions: {
              some: { status: "open", removedAt: null, assignees: { some: { personId } } },
            },
          },
        ],
      },
      orderBy: { name: "asc" },
    });
    return councils.map(toCouncil);
  }

  /**
   * What a proactive send to the channel needs (a Teams conversation reference), as JSON;
   * false when the channel belongs to no council (yet), so nothing was kept.
   */
  async saveReference(place: Place, reference: string): Promise<boolean> {
    const { platform, workspaceId, channelId, name } = place;
    const { count } = await this.prisma.channelBinding.updateMany({
      where: { platform, workspaceId, channelId },
      data: { reference, ...(name ? { name } : {}) },
    });
    return count > 0;
  }

  async referenceOf(place: Place): Promise<string | null> {
    const binding = await this.prisma.channelBinding.findUnique({
      where: {
        platform_workspaceId_channelId: {
          platform: place.platform,
          workspaceId: place.workspaceId,
          channelId: place.channelId,
        },
      },
      select: { reference: true },
    });
    return binding?.reference ?? null;
  }

  /** A one-time code that binds another channel to the council until `expiresAt`. */
  async createLinkCode(councilId: string, actorId: string, expiresAt: Date): Promise<string> {
    const code = newLinkCode();
    await this.prisma.linkCode.create({
      data: { code, councilId, createdById: actorId, expiresAt },
    });
    return code;
  }

  /**
   * Binds the place to the council of a valid code, consuming it; the person who typed it
   * becomes a secretary of the council. Null when the code is unknown, used or expired.
   */
  async redeemLinkCode(
    code: string,
    place: Place,
    person: { id: string },
    at: Date,
  ): Promise<CouncilRecord | null> {
    return this.prisma.$transaction(async (tx) => {
      const link = await tx.linkCode.findUnique({ where: { code }, include: { council: true } });
      if (!link) return null;
      await tx.linkCode.delete({ where: { code } });
      if (link.expiresAt <= at) return null;
      const binding = await tx.channelBinding.create({
        data: { councilId: link.councilId, ...bindingOf(place) },
      });
      await tx.membership.upsert({
        where: {
          councilId_personId_role: {
            councilId: link.councilId,
            personId: person.id,
            role: "secretary",
          },
        },
        create: { councilId: link.councilId, personId: person.id, role: "secretary" },
        update: {},
      });
      await writeAudit(tx, {
        councilId: link.councilId,
        actorId: person.id,
        action: "bound",
        entityType: "binding",
        entityId: binding.id,
        after: { place, linkedBy: link.createdById },
        at,
      });
      return toCouncil(link.council);
    });
  }
}

/** All-day meetings and due dates of the council, moved to the same days' midnight in `to`. */
async function keepDays(tx: Db, councilId: string, from: string, to: string): Promise<void> {
  const meetings = await tx.meeting.findMany({
    where: { councilId, hasTime: false },
    select: { id: true, startsAt: true },
  });
  for (const meeting of meetings) {
    const startsAt = sameDay(meeting.startsAt, from, to);
    if (startsAt.getTime() === meeting.startsAt.getTime()) continue;
    await tx.meeting.update({ where: { id: meeting.id }, data: { startsAt } });
  }
  const actions = await tx.action.findMany({
    where: { councilId, OR: [{ dueAt: { not: null } }, { decidedDueAt: { not: null } }] },
    select: { id: true, dueAt: true, decidedDueAt: true },
  });
  for (const action of actions) {
    const dueAt = action.dueAt && sameDay(action.dueAt, from, to);
    const decidedDueAt = action.decidedDueAt && sameDay(action.decidedDueAt, from, to);
    if (sameInstant(dueAt, action.dueAt) && sameInstant(decidedDueAt, action.decidedDueAt))
      continue;
    await tx.action.update({ where: { id: action.id }, data: { dueAt, decidedDueAt } });
  }
}

function sameDay(midnight: Date, from: string, to: string): Date {
  return toInstant(localDateOf(midnight, from), { hour: 0, minute: 0 }, to);
}

function sameInstant(a: Date | null, b: Date | null): boolean {
  return a?.getTime() === b?.getTime();
}

/** A binding's columns from a place: its key, and its name when the platform gave one. */
function bindingOf({ platform, workspaceId, channelId, name }: Place) {
  return { platform, workspaceId, channelId, ...(name ? { name } : {}) };
}
