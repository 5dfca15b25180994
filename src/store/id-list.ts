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

/**
 * The ids as the first table of a join, named `alias` with one column "value", followed by
 * the keyword that joins the next table: `FROM ${idListJoin(…, "ids")} "Action" a ON
 * a."councilId" = ids."value"`. SQLite keeps the left table of a CROSS JOIN as the outer loop:
 * given the choice, its planner drove such joins from an index of another condition (every
 * due reminder, every assignee) instead of looking up the few ids. PostgreSQL plans by its
 * statistics.
 */
export function idListJoin(dialect: Dialect, ids: readonly string[], alias: string): Prisma.Sql {
  const json = JSON.stringify(ids);
  const name = Prisma.raw(alias);
  return dialect === "postgresql"
    ? Prisma.sql`json_array_elements_text(${json}::json) AS ${name}("value") JOIN`
    : Prisma.sql`json_each(${json}) AS ${name} CROSS JOIN`;
}
