import type { SearchHit } from "../domain/records.js";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { fromRawItem, type RawItemRow, toItem } from "./row-mappers.js";

type HitRow = RawItemRow & { meetingStartsAt: Date | string };

export class SearchRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Full-text search in one council's minuted items, best match first (FTS5's bm25, headings
   * weighted above text). Every word must match, as a prefix: "kollektiv" finds
   * "Kollektivtrafikmyndigheten".
   */
  async search(councilId: string, words: string[], limit: number): Promise<SearchHit[]> {
    const query = searchQuery(councilId, words, limit);
    if (!query) return [];
    const rows = await this.prisma.$queryRaw<HitRow[]>(query);
    return rows.map((row) => ({
      item: toItem(fromRawItem(row)),
      meetingStartsAt: new Date(row.meetingStartsAt),
    }));
  }
}

/**
 * The search statement (null when there is nothing to search for); exported so that the
 * benchmark runs the very same statement on the driver as its floor.
 */
export function searchQuery(councilId: string, words: string[], limit: number): Prisma.Sql | null {
  const terms = words.map((word) => `${quoted(word)}*`).join(" ");
  if (terms === "") return null;
  // The council in the MATCH: the index itself narrows to the council's items.
  const match = `councilId:${quoted(councilId)} AND {heading text}:(${terms})`;
  return Prisma.sql`
    SELECT i.*, m."startsAt" AS "meetingStartsAt"
    FROM "ItemSearch" s
    JOIN "Item" i ON i."id" = s."itemId"
    JOIN "Meeting" m ON m."id" = i."meetingId"
    WHERE "ItemSearch" MATCH ${match}
      AND s."councilId" = ${councilId}
      AND i."removedAt" IS NULL
      AND i."kind" <> 'agenda'
    ORDER BY bm25("ItemSearch", 0, 0, 4.0, 1.0), m."startsAt" DESC
    LIMIT ${limit}`;
}

/** An FTS5 string: quotes doubled, so that no user word is read as query syntax. */
function quoted(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
