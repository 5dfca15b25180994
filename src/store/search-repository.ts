import type { SearchHit } from "../domain/records.js";
import { Prisma } from "../generated/prisma/client.js";
import type { Dialect } from "./database-url.js";
import type { PreparedStatements } from "./prepared-statements.js";
import { fromRawItem, type RawItemRow, toItem } from "./row-mappers.js";

type HitRow = RawItemRow & { meetingStartsAt: Date | string };

export class SearchRepository {
  constructor(
    private readonly prepared: PreparedStatements,
    private readonly dialect: Dialect,
  ) {}

  /**
   * Full-text search in one council's minuted items, best match first, headings weighted above
   * text (SQLite: FTS5's bm25; PostgreSQL: ts_rank over the council's language, so Swedish
   * words match their other forms). Every word must match, as a prefix: "kollektiv" finds
   * "Kollektivtrafikmyndigheten".
   */
  async search(councilId: string, words: string[], limit: number): Promise<SearchHit[]> {
    const query =
      this.dialect === "postgresql"
        ? postgresSearchQuery(councilId, words, limit)
        : searchQuery(councilId, words, limit);
    if (!query) return [];
    const rows = await this.prepared.rows<HitRow>(query);
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

/**
 * The statement on PostgreSQL: a tsquery of quoted prefix terms in the council's own
 * text-search configuration; the index narrows to the council (see its migration). Exported
 * for the benchmark's floor, as searchQuery.
 */
export function postgresSearchQuery(
  councilId: string,
  words: string[],
  limit: number,
): Prisma.Sql | null {
  const terms = words.map((word) => `${tsQuoted(word)}:*`).join(" & ");
  if (terms === "") return null;
  return Prisma.sql`
    SELECT i.*, m."startsAt" AS "meetingStartsAt"
    FROM "Council" c
    CROSS JOIN LATERAL to_tsquery(noterat_search_config(c."locale"), ${terms}) AS q
    JOIN "ItemSearch" s ON s."councilId" = c."id" AND s."document" @@ q
    JOIN "Item" i ON i."id" = s."itemId"
    JOIN "Meeting" m ON m."id" = i."meetingId"
    WHERE c."id" = ${councilId}
      AND i."removedAt" IS NULL
      AND i."kind" <> 'agenda'
    ORDER BY ts_rank(s."document", q) DESC, m."startsAt" DESC
    LIMIT ${limit}`;
}

/** A tsquery lexeme in quotes: quotes doubled and backslashes escaped, so no word is syntax. */
function tsQuoted(word: string): string {
  return `'${word.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
}

/** An FTS5 string: quotes doubled, so that no user word is read as query syntax. */
function quoted(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
