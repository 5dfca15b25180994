import type { Identity, MembershipRecord, PersonRecord } from "../domain/records.js";
import type { Mention, Platform, Role } from "../domain/types.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { writeAudit } from "./audit-trail.js";
import { toPerson } from "./row-mappers.js";

export class PeopleRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The stored person behind a platform identity, if any; a changed display name is updated. */
  async find(identity: Identity): Promise<PersonRecord | null> {
    const { platform, workspaceId, externalId } = identity;
    const existing = await this.prisma.person.findUnique({
      where: { platform_workspaceId_externalId: { platform, workspaceId, externalId } },
    });
    if (!existing) return null;
    return existing.displayName === identity.displayName
      ? toPerson(existing)
      : this.ensure(identity);
  }

  /** A mentioned person if stored, without storing one. */
  async findMentioned(
    mention: Mention,
    place: { platform: Platform; workspaceId: string },
  ): Promise<PersonRecord | null> {
    const existing = await this.prisma.person.findUnique({
      where: {
        platform_workspaceId_externalId: {
          platform: place.platform,
          workspaceId: place.workspaceId,
          externalId: mention.externalId,
        },
      },
    });
    return existing ? toPerson(existing) : null;
  }

  /** The person behind a platform identity, created on first sight; a new display name is kept. */
  async ensure(identity: Identity): Promise<PersonRecord> {
    const { platform, workspaceId, externalId, displayName } = identity;
    const existing = await this.prisma.person.findUnique({
      where: { platform_workspaceId_externalId: { platform, workspaceId, externalId } },
    });
    if (existing && existing.displayName === displayName) return toPerson(existing);
    const person = await this.prisma.person.upsert({
      where: { platform_workspaceId_externalId: { platform, workspaceId, externalId } },
      create: { platform, workspaceId, externalId, displayName },
      update: { displayName },
    });
    return toPerson(person);
  }

  /** A mentioned person; a mention without a display name keeps the one already known. */
  async ensureMentioned(
    mention: Mention,
    place: { platform: Platform; workspaceId: string },
  ): Promise<PersonRecord> {
    const key = {
      platform: place.platform,
      workspaceId: place.workspaceId,
      externalId: mention.externalId,
    };
    const existing = await this.prisma.person.findUnique({
      where: { platform_workspaceId_externalId: key },
    });
    if (
      existing &&
      (mention.displayName === undefined || existing.displayName === mention.displayName)
    ) {
      return toPerson(existing);
    }
    return this.ensure({ ...key, displayName: mention.displayName ?? mention.externalId });
  }

  async roleIn(councilId: string, personId: string): Promise<Role | null> {
    const membership = await this.prisma.membership.findUnique({
      where: { councilId_personId: { councilId, personId } },
    });
    return (membership?.role as Role | undefined) ?? null;
  }

  async members(councilId: string): Promise<MembershipRecord[]> {
    const rows = await this.prisma.membership.findMany({
      where: { councilId },
      include: { person: true },
    });
    return rows.map((row) => ({ person: toPerson(row.person), role: row.role as Role }));
  }

  async setRole(
    councilId: string,
    personId: string,
    role: Role,
    actorId: string,
    at: Date,
  ): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const before = await tx.membership.findUnique({
        where: { councilId_personId: { councilId, personId } },
      });
      await tx.membership.upsert({
        where: { councilId_personId: { councilId, personId } },
        create: { councilId, personId, role },
        update: { role },
      });
      await writeAudit(tx, {
        councilId,
        actorId,
        action: "role-set",
        entityType: "membership",
        entityId: personId,
        before: before ? { role: before.role } : undefined,
        after: { role },
        at,
      });
    });
  }

  /** The reference of the person's personal chat with the bot, for private messages later. */
  async saveReference(identity: Identity, reference: string): Promise<void> {
    const person = await this.ensure(identity);
    await this.prisma.person.update({ where: { id: person.id }, data: { reference } });
  }

  async referenceOf(identity: Omit<Identity, "displayName">): Promise<string | null> {
    const person = await this.prisma.person.findUnique({
      where: { platform_workspaceId_externalId: identity },
      select: { reference: true },
    });
    return person?.reference ?? null;
  }
}
