import type {
  CouncilRecord,
  Identity,
  MembershipRecord,
  PersonRecord,
  Place,
} from "../domain/records.js";
import type { CouncilMode, Locale, Mention, Platform, Role } from "../domain/types.js";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { writeAudit } from "./audit-trail.js";
import type { PreparedStatements } from "./prepared-statements.js";
import type { Db } from "./prisma-types.js";
import { toPerson } from "./row-mappers.js";

/** Where a command is typed and by whom, as far as the store knows them. */
export interface ActorInPlace {
  council: CouncilRecord | null;
  /** Null for someone never stored. */
  person: PersonRecord | null;
  /** The person's roles in the council (none when either is unknown). */
  roles: Role[];
  /**
   * Until when a question of the person's waits for `ja` (`glöm`), if one does: in the council,
   * or, where no council is (a personal chat), in any.
   */
  pendingUntil: Date | null;
}

/** A row of actingInQuery: the council, the person and one of their roles there. */
export interface ActorInPlaceRow {
  councilId: string | null;
  councilName: string | null;
  councilLocale: string | null;
  timeZone: string | null;
  mode: string | null;
  personId: string | null;
  displayName: string | null;
  personLocale: string | null;
  role: string | null;
  pendingUntil: Date | string | null;
}

/** The roles that are an office rather than a place in the register. */
const OFFICES: readonly Role[] = ["secretary", "chair", "approver"];

/**
 * Puts a person in the register as member or substitute (the other register role goes); false
 * when they already had that place.
 */
async function addToRegister(
  tx: Db,
  councilId: string,
  personId: string,
  role: Role,
): Promise<boolean> {
  const existing = await tx.membership.findUnique({
    where: { councilId_personId_role: { councilId, personId, role } },
  });
  if (existing) return false;
  await tx.membership.deleteMany({
    where: { councilId, personId, role: { in: ["member", "substitute"] } },
  });
  const last = await tx.membership.aggregate({ where: { councilId }, _max: { position: true } });
  await tx.membership.create({
    data: { councilId, personId, role, position: (last._max.position ?? 0) + 1 },
  });
  return true;
}

export class PeopleRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly prepared: PreparedStatements,
  ) {}

  /** The stored person behind a platform identity, if any; a changed display name is updated. */
  async find(identity: Identity): Promise<PersonRecord | null> {
    const { platform, workspaceId, externalId } = identity;
    const existing = await this.prisma.person.findUnique({
      where: { platform_workspaceId_externalId: { platform, workspaceId, externalId } },
    });
    if (!existing) return null;
    return existing.displayName === identity.displayName || identity.nameFromStore
      ? toPerson(existing)
      : this.ensure(identity);
  }

  /**
   * The council bound to the place, the stored person behind the identity (a changed display
   * name is updated, as `find` does) and their roles there: what every command needs first, in
   * one statement rather than three (each a Prisma round trip of ~0.5 ms). One row per role.
   */
  async actingIn(identity: Identity, place: Place): Promise<ActorInPlace> {
    const rows = await this.prepared.rows<ActorInPlaceRow>(actingInQuery(identity, place));
    const [row] = rows;
    const council =
      row?.councilId == null
        ? null
        : {
            id: row.councilId,
            name: row.councilName ?? "",
            locale: row.councilLocale as Locale,
            timeZone: row.timeZone ?? "",
            mode: (row.mode ?? "notes") as CouncilMode,
          };
    if (row?.personId == null) return { council, person: null, roles: [], pendingUntil: null };
    const { platform, workspaceId, externalId } = identity;
    const person =
      row.displayName === identity.displayName || identity.nameFromStore
        ? {
            platform,
            workspaceId,
            externalId,
            displayName: row.displayName ?? identity.displayName,
            id: row.personId,
            locale: row.personLocale as Locale | null,
          }
        : await this.ensure(identity);
    const roles = rows.flatMap((each) => (each.role === null ? [] : [each.role as Role]));
    const pendingUntil = row.pendingUntil === null ? null : new Date(row.pendingUntil);
    return { council, person, roles, pendingUntil };
  }

  /** A new display name for a stored person (nobody is created for it). */
  async rename(identity: Omit<Identity, "displayName">, displayName: string): Promise<void> {
    const { platform, workspaceId, externalId } = identity;
    await this.prisma.person.updateMany({
      where: { platform, workspaceId, externalId },
      data: { displayName },
    });
  }

  /** `mitt språk`: the person's own language, for what only they see (replies, reminders). */
  async setLocale(personId: string, locale: Locale): Promise<void> {
    await this.prisma.person.update({ where: { id: personId }, data: { locale } });
  }

  /** The display name stored for a platform identity, if the person is stored. */
  async storedName(identity: Omit<Identity, "displayName">): Promise<string | null> {
    const [row] = await this.prepared.rows<{ displayName: string }>(Prisma.sql`
      SELECT "displayName" FROM "Person" WHERE "platform" = ${identity.platform}
        AND "workspaceId" = ${identity.workspaceId} AND "externalId" = ${identity.externalId}`);
    return row?.displayName ?? null;
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

  /**
   * A mentioned person. A mention never renames someone stored: its text is what the writer
   * typed or was shown ("Anna" for Anna Berg), and a person's name changes when they write
   * themselves. Only someone stored under their id, without a name, is given the mention's.
   */
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
      (mention.displayName === undefined || existing.displayName !== existing.externalId)
    ) {
      return toPerson(existing);
    }
    return this.ensure({ ...key, displayName: mention.displayName ?? mention.externalId });
  }

  async rolesIn(councilId: string, personId: string): Promise<Role[]> {
    const rows = await this.prisma.membership.findMany({
      where: { councilId, personId },
      select: { role: true },
    });
    return rows.map((row) => row.role as Role);
  }

  /** Everyone with a role in the council, one record per role, the register in its order. */
  async members(councilId: string): Promise<MembershipRecord[]> {
    const rows = await this.prisma.membership.findMany({
      where: { councilId },
      include: { person: true },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }, { personId: "asc" }],
    });
    return rows.map((row) => ({ person: toPerson(row.person), role: row.role as Role }));
  }

  /**
   * `roll @P ROLL`: P's office (secretary, chair, approver) becomes ROLL, replacing another
   * office; `roll @P ledamot` leaves P without an office and in the register as a member.
   */
  async setRole(
    councilId: string,
    personId: string,
    role: Role,
    actorId: string,
    at: Date,
  ): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const before = await tx.membership.findMany({ where: { councilId, personId } });
      const offices = before.filter((row) => OFFICES.includes(row.role as Role));
      await tx.membership.deleteMany({
        where: { councilId, personId, role: { in: [...OFFICES] } },
      });
      if (OFFICES.includes(role)) {
        await tx.membership.create({ data: { councilId, personId, role } });
      } else {
        await addToRegister(tx, councilId, personId, role);
      }
      await writeAudit(tx, {
        councilId,
        actorId,
        action: "role-set",
        entityType: "membership",
        entityId: personId,
        before: offices.length > 0 ? { roles: offices.map((row) => row.role) } : undefined,
        after: { role },
        at,
      });
    });
  }

  /**
   * `ledamot @P…` / `ersättare @P…`: into the register, after those already in it, keeping any
   * office. A member named a substitute (or the other way round) changes place in the register.
   */
  async register(
    councilId: string,
    personIds: string[],
    role: "member" | "substitute",
    actorId: string,
    at: Date,
  ): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      for (const personId of personIds) {
        const added = await addToRegister(tx, councilId, personId, role);
        if (!added) continue;
        await writeAudit(tx, {
          councilId,
          actorId,
          action: "role-set",
          entityType: "membership",
          entityId: personId,
          after: { role },
          at,
        });
      }
    });
  }

  /**
   * The reference of the person's personal chat with the bot, for private messages later.
   * `store`: also for someone not stored yet (who installed Noterat for themselves); otherwise
   * false for them, and they stay unstored (writing to the bot stores nobody).
   */
  async saveReference(
    identity: Identity,
    reference: string,
    store: "also-new" | "only-stored" = "also-new",
  ): Promise<boolean> {
    const { platform, workspaceId, externalId } = identity;
    if (store === "also-new") await this.ensure(identity);
    const { count } = await this.prisma.person.updateMany({
      where: { platform, workspaceId, externalId },
      data: { reference },
    });
    return count > 0;
  }

  async referenceOf(identity: Omit<Identity, "displayName">): Promise<string | null> {
    const person = await this.prisma.person.findUnique({
      // Only the key's fields: callers may pass a whole person, and Prisma refuses the rest.
      where: {
        platform_workspaceId_externalId: {
          platform: identity.platform,
          workspaceId: identity.workspaceId,
          externalId: identity.externalId,
        },
      },
      select: { reference: true },
    });
    return person?.reference ?? null;
  }
}

/**
 * The council bound to the place, the person behind the identity, one row per role they hold
 * there and the question waiting for their `ja`: always one row at least, with nulls for what is
 * unknown. Portable SQL; exported so that the benchmark's floor runs the very same statement.
 */
export function actingInQuery(identity: Omit<Identity, "displayName">, place: Place): Prisma.Sql {
  return Prisma.sql`
      SELECT c."id" AS "councilId", c."name" AS "councilName", c."locale" AS "councilLocale",
        c."timeZone", c."mode", p."id" AS "personId", p."displayName", p."locale" AS "personLocale",
        m."role", q."expiresAt" AS "pendingUntil"
      FROM (SELECT 1 AS "one") AS "always"
      LEFT JOIN "ChannelBinding" b ON b."platform" = ${place.platform}
        AND b."workspaceId" = ${place.workspaceId} AND b."channelId" = ${place.channelId}
      LEFT JOIN "Council" c ON c."id" = b."councilId"
      LEFT JOIN "Person" p ON p."platform" = ${identity.platform}
        AND p."workspaceId" = ${identity.workspaceId} AND p."externalId" = ${identity.externalId}
      LEFT JOIN "Membership" m ON m."councilId" = c."id" AND m."personId" = p."id"
      LEFT JOIN "PendingConfirmation" q ON q."personId" = p."id"
        AND (q."councilId" = c."id" OR c."id" IS NULL)`;
}
