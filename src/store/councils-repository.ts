import { randomBytes } from "node:crypto";
import type { CouncilRecord, Place } from "../domain/records.js";
import type { Locale } from "../domain/types.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { writeAudit } from "./audit-trail.js";
import { toCouncil } from "./row-mappers.js";

export interface NewCouncil {
  name: string;
  place: Place;
  creatorId: string;
  locale: Locale;
  timeZone: string;
  at: Date;
}

export class CouncilsRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** A council of the same name bound somewhere in the same workspace (to bind another channel). */
  async findByNameInWorkspace(
    name: string,
    place: Pick<Place, "platform" | "workspaceId">,
  ): Promise<CouncilRecord | null> {
    const council = await this.prisma.council.findFirst({
      where: {
        name,
        bindings: { some: { platform: place.platform, workspaceId: place.workspaceId } },
      },
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
          bindings: { create: { ...input.place } },
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
      const binding = await tx.channelBinding.create({ data: { councilId, ...place } });
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

  /** Every channel the council is bound to, on every platform. */
  async channelsOf(councilId: string): Promise<Place[]> {
    const rows = await this.prisma.channelBinding.findMany({
      where: { councilId },
      orderBy: { createdAt: "asc" },
    });
    return rows.map(({ platform, workspaceId, channelId }) => ({
      platform: platform as Place["platform"],
      workspaceId,
      channelId,
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
    const { count } = await this.prisma.channelBinding.updateMany({
      where: place,
      data: { reference },
    });
    return count > 0;
  }

  async referenceOf(place: Place): Promise<string | null> {
    const binding = await this.prisma.channelBinding.findUnique({
      where: { platform_workspaceId_channelId: place },
      select: { reference: true },
    });
    return binding?.reference ?? null;
  }

  /** A one-time code that binds another channel to the council until `expiresAt`. */
  async createLinkCode(councilId: string, actorId: string, expiresAt: Date): Promise<string> {
    const code = randomLinkCode();
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
        data: { councilId: link.councilId, ...place },
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

/** Eight characters people can read aloud and type: no 0/O, 1/I/L. */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

function randomLinkCode(): string {
  return Array.from(randomBytes(8), (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join("");
}
