import type { CouncilRecord } from "../domain/records.js";
import { slugOf } from "../domain/web/slug.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { writeAudit } from "./audit-trail.js";
import type { SnapshotRecord } from "./minutes-record-repository.js";
import type { Db } from "./prisma-types.js";
import { toCouncil } from "./row-mappers.js";

// The web archive (DESIGN.md §13): which councils show their published minutes, under which
// slug (and which slugs they had), and what there is to show.

export type SlugLookup =
  | { kind: "council"; council: CouncilRecord }
  /** A slug the council had before a rename: its addresses redirect to the current slug. */
  | { kind: "moved"; slug: string }
  | { kind: "none" };

export interface WebSettings {
  enabled: boolean;
  slug: string | null;
}

/** A published meeting as the archive shows it. */
export interface ArchivedMeeting {
  meetingId: string;
  startsAt: Date;
  snapshot: SnapshotRecord;
  publishedAt: Date;
  correctedAt: Date | null;
}

/** A meeting as the calendar feed shows it, cancelled ones too. */
export interface CalendarMeeting {
  id: string;
  startsAt: Date;
  hasTime: boolean;
  place: string | null;
  cancelled: boolean;
  sequence: number;
  /** When it was planned, moved or cancelled. */
  scheduledAt: Date;
}

export class WebArchiveRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async settings(councilId: string): Promise<WebSettings> {
    const row = await this.prisma.council.findUniqueOrThrow({
      where: { id: councilId },
      select: { webEnabled: true, slug: true },
    });
    return { enabled: row.webEnabled, slug: row.slug };
  }

  /**
   * `webb på|av`. Turning it on the first time gives the council its slug, unique in the
   * installation ("reglab", then "reglab-2" for another Reglab). Returns the slug.
   */
  async setEnabled(
    council: CouncilRecord,
    enabled: boolean,
    actorId: string,
    at: Date,
  ): Promise<string> {
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.council.findUniqueOrThrow({ where: { id: council.id } });
      const slug = row.slug ?? (await freeSlug(tx, council.name));
      await tx.council.update({ where: { id: council.id }, data: { webEnabled: enabled, slug } });
      await writeAudit(tx, {
        councilId: council.id,
        actorId,
        action: "changed",
        entityType: "council",
        entityId: council.id,
        before: { webEnabled: row.webEnabled },
        after: { webEnabled: enabled, slug },
        at,
      });
      return slug;
    });
  }

  /**
   * `byt namn NAMN`: the council's new name; a council with a slug gets the new name's, and
   * the old one is kept so that its addresses redirect.
   */
  async rename(council: CouncilRecord, name: string, actorId: string, at: Date): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const row = await tx.council.findUniqueOrThrow({ where: { id: council.id } });
      let slug = row.slug;
      if (row.slug !== null && slugOf(name) !== row.slug) {
        // The old slug first, so that the new name may take back a slug the council had.
        await tx.councilSlug.upsert({
          where: { slug: row.slug },
          create: { slug: row.slug, councilId: council.id, createdAt: at },
          update: {},
        });
        await tx.councilSlug.deleteMany({ where: { slug: slugOf(name), councilId: council.id } });
        await tx.council.update({ where: { id: council.id }, data: { slug: null } });
        slug = await freeSlug(tx, name);
      }
      await tx.council.update({ where: { id: council.id }, data: { name, slug } });
      await writeAudit(tx, {
        councilId: council.id,
        actorId,
        action: "renamed",
        entityType: "council",
        entityId: council.id,
        before: { name: row.name, slug: row.slug },
        after: { name, slug },
        at,
      });
    });
  }

  /** The council a slug names, if its web is on; a former slug says where it moved. */
  async bySlug(slug: string): Promise<SlugLookup> {
    const council = await this.prisma.council.findUnique({ where: { slug } });
    if (council?.webEnabled) return { kind: "council", council: toCouncil(council) };
    if (council) return { kind: "none" };
    const former = await this.prisma.councilSlug.findUnique({
      where: { slug },
      include: { council: { select: { slug: true, webEnabled: true } } },
    });
    return former?.council.webEnabled && former.council.slug
      ? { kind: "moved", slug: former.council.slug }
      : { kind: "none" };
  }

  /** The council's published meetings, newest first, with what was published of each. */
  async published(councilId: string): Promise<ArchivedMeeting[]> {
    const rows = await this.prisma.meeting.findMany({
      where: { councilId, publishedSnapshotId: { not: null }, publishedAt: { not: null } },
      orderBy: { startsAt: "desc" },
      select: {
        id: true,
        startsAt: true,
        publishedAt: true,
        correctedAt: true,
        snapshots: true,
        publishedSnapshotId: true,
      },
    });
    return rows.flatMap((row) => {
      const snapshot = row.snapshots.find((each) => each.id === row.publishedSnapshotId);
      return snapshot && row.publishedAt
        ? [
            {
              meetingId: row.id,
              startsAt: row.startsAt,
              snapshot: {
                id: snapshot.id,
                document: snapshot.document,
                sha256: snapshot.sha256,
                createdAt: snapshot.createdAt,
              },
              publishedAt: row.publishedAt,
              correctedAt: row.correctedAt,
            },
          ]
        : [];
    });
  }

  /** Meetings from `since` on, cancelled ones too, for the calendar feed. */
  async calendar(councilId: string, since: Date): Promise<CalendarMeeting[]> {
    const rows = await this.prisma.meeting.findMany({
      where: { councilId, startsAt: { gte: since } },
      orderBy: { startsAt: "asc" },
    });
    return rows.map((row) => ({
      id: row.id,
      startsAt: row.startsAt,
      hasTime: row.hasTime,
      place: row.place,
      cancelled: row.status === "cancelled",
      sequence: row.sequence,
      // Meetings planned before the web archive have only their creation.
      scheduledAt: row.scheduledAt ?? row.createdAt,
    }));
  }
}

/** The name's slug, or with "-2", "-3", … when another council (or a former slug) has it. */
async function freeSlug(db: Db, name: string): Promise<string> {
  const base = slugOf(name) || "rad";
  for (let suffix = 1; ; suffix++) {
    const slug = suffix === 1 ? base : `${base}-${suffix}`;
    const [taken, former] = await Promise.all([
      db.council.findUnique({ where: { slug }, select: { id: true } }),
      db.councilSlug.findUnique({ where: { slug }, select: { slug: true } }),
    ]);
    if (!taken && !former) return slug;
  }
}
