import { Prisma } from "../generated/prisma/client.js";
import type { Dialect } from "./database-url.js";

/**
 * `IN (…)` over ids bound as one JSON parameter: the statement's text is the same for any
 * number of ids, so it is prepared once, and no limit on bound values applies (Prisma allows
 * 999 on SQLite).
 */
export function inIdList(dialect: Dialect, ids: readonly string[]): Prisma.Sql {
  const json = JSON.stringify(ids);
  return dialect === "postgresql"
    ? Prisma.sql`IN (SELECT json_array_elements_text(${json}::json))`
    : Prisma.sql`IN (SELECT value FROM json_each(${json}))`;
}
