import type { CouncilRecord } from "../domain/records.js";
import { slugOf } from "../domain/web/slug.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { writeAudit } from "./audit-trail.js";
import type { SnapshotRecord } from "./minutes-record-repository.js";
import type { Db } from "./prisma-types.js";
import { toCouncil } from "./row-mappers.js";
import { isUniqueViolation } from "./unique-violation.js";

// The web archive (architecture.md §13): which councils show their published minutes, under which
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
  /** The document as it went out; null for minutes published before it was kept. */
  document: string | null;
  /** The published snapshot, read only where the document was not kept. */
  snapshot: SnapshotRecord | null;
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
    return slugRetried(() =>
      this.prisma.$transaction(async (tx) => {
        const row = await tx.council.findUniqueOrThrow({ where: { id: council.id } });
        const slug = row.slug ?? (await freeSlug(tx, council.name, council.id));
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
      }),
    );
  }

  /**
   * `byt namn NAMN`: the council's new name; a council with a slug gets the new name's, and
   * the old one is kept so that its addresses redirect.
   */
  async rename(council: CouncilRecord, name: string, actorId: string, at: Date): Promise<void> {
    await slugRetried(() =>
      this.prisma.$transaction(async (tx) => {
        const row = await tx.council.findUniqueOrThrow({ where: { id: council.id } });
        let slug = row.slug;
        if (row.slug !== null && !isSlugOf(row.slug, name)) {
          // The old slug first, so that the new name may take back a slug the council had.
          await tx.councilSlug.upsert({
            where: { slug: row.slug },
            create: { slug: row.slug, councilId: council.id, createdAt: at },
            update: {},
          });
          await tx.council.update({ where: { id: council.id }, data: { slug: null } });
          slug = await freeSlug(tx, name, council.id);
          // A slug the council had before is its current one again, no longer a former one.
          await tx.councilSlug.deleteMany({ where: { slug, councilId: council.id } });
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
      }),
    );
  }

  /** The council a slug names, if its web is on; a former slug says where it moved. */
  async bySlug(slug: string): Promise<SlugLookup> {
    // Both lookups always, side by side: a council with its web off must take as long to
    // refuse as a slug that names nothing.
    const [council, former] = await Promise.all([
      this.prisma.council.findUnique({ where: { slug } }),
      this.prisma.councilSlug.findUnique({
        where: { slug },
        include: { council: { select: { slug: true, webEnabled: true } } },
      }),
    ]);
    if (council?.webEnabled) return { kind: "council", council: toCouncil(council) };
    if (council) return { kind: "none" };
    return former?.council.webEnabled && former.council.slug
      ? { kind: "moved", slug: former.council.slug }
      : { kind: "none" };
  }

  /**
   * The council's published meetings, newest first (those starting in [from, to) when given),
   * each with the document it went out as.
   */
  async published(councilId: string, range?: { from: Date; to: Date }): Promise<ArchivedMeeting[]> {
    const rows = await this.prisma.meeting.findMany({
      where: {
        councilId,
        publishedSnapshotId: { not: null },
        publishedAt: { not: null },
        ...(range ? { startsAt: { gte: range.from, lt: range.to } } : {}),
      },
      orderBy: { startsAt: "desc" },
      select: {
        id: true,
        startsAt: true,
        publishedAt: true,
        correctedAt: true,
        publishedDocument: true,
        publishedSnapshotId: true,
      },
    });
    // Only minutes published before the document was kept need their snapshot.
    const older = rows.flatMap((row) =>
      row.publishedDocument === null && row.publishedSnapshotId ? [row.publishedSnapshotId] : [],
    );
    const snapshots =
      older.length === 0
        ? []
        : await this.prisma.minutesSnapshot.findMany({ where: { id: { in: older } } });
    return rows.flatMap((row) => {
      const snapshot = snapshots.find((each) => each.id === row.publishedSnapshotId);
      if (!row.publishedAt || (row.publishedDocument === null && !snapshot)) return [];
      return [
        {
          meetingId: row.id,
          startsAt: row.startsAt,
          document: row.publishedDocument,
          snapshot: snapshot
            ? {
                id: snapshot.id,
                document: snapshot.document,
                sha256: snapshot.sha256,
                createdAt: snapshot.createdAt,
              }
            : null,
          publishedAt: row.publishedAt,
          correctedAt: row.correctedAt,
        },
      ];
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

/**
 * Two councils given the same slug at the same moment (on two instances): the loser's unique
 * index refuses it, and it looks for a free one again.
 */
async function slugRetried<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isUniqueViolation(error)) throw error;
    }
  }
}

/** Whether the slug is the name's, numbered or not ("reglab-2" for "Reglab"). */
function isSlugOf(slug: string, name: string): boolean {
  const base = slugOf(name) || FALLBACK_SLUG;
  return slug === base || new RegExp(`^${base}-\\d+$`).test(slug);
}

/** A council whose name has no letters or digits in ASCII ("Råd" does; "—" does not). */
const FALLBACK_SLUG = "rad";

/**
 * The name's slug, or with "-2", "-3", … when another council (or a former slug of another
 * council) has it; a slug the council itself had before is free for it again.
 */
async function freeSlug(db: Db, name: string, councilId?: string): Promise<string> {
  const base = slugOf(name) || FALLBACK_SLUG;
  for (let suffix = 1; ; suffix++) {
    const slug = suffix === 1 ? base : `${base}-${suffix}`;
    const [taken, former] = await Promise.all([
      db.council.findUnique({ where: { slug }, select: { id: true } }),
      db.councilSlug.findUnique({ where: { slug }, select: { councilId: true } }),
    ]);
    if (!taken && (!former || former.councilId === councilId)) return slug;
  }
}
