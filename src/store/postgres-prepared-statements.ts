import pg from "pg";
import type { Prisma } from "../generated/prisma/client.js";
import type { PreparedStatements } from "./prepared-statements.js";
import { StatementCache } from "./prepared-statements.js";
import type { SqlDb } from "./prisma-types.js";

/** Connections for the prepared statements, besides Prisma's pool. */
const CONNECTIONS = 4;
const TIMESTAMP_OID = 1114;
const INT8_OID = 20;

/**
 * Prepared statements on a small pool of the store's own: each statement text gets a name,
 * and pg prepares a named statement once per connection, so PostgreSQL parses and plans it
 * once instead of on every call (Prisma's adapter sends every statement unnamed). Its
 * transactions are ordinary ones beside Prisma's: rows they change are locked as Prisma's are.
 */
export function postgresPreparedStatements(
  url: string,
  connectTimeoutMs: number,
): PreparedStatements {
  const pool = new pg.Pool({
    connectionString: url,
    max: CONNECTIONS,
    connectionTimeoutMillis: connectTimeoutMs,
  });
  // An idle connection the server dropped must not crash the process; the next call reconnects.
  pool.on("error", () => {});
  // Names are never reused: a connection keeps what it prepared under a name for good.
  let prepared = 0;
  const names = new StatementCache(() => {
    prepared += 1;
    return `noterat_${prepared}`;
  });
  const run = (client: pg.Pool | pg.PoolClient, query: Prisma.Sql) =>
    client.query({
      name: names.get(query.text),
      text: query.text,
      values: query.values.map(postgresValue),
      types: { getTypeParser: typeParser },
    });
  const rowsOf = async <T>(query: Prisma.Sql) => (await run(pool, query)).rows as T[];
  return {
    rows: rowsOf,
    // Outside a transaction: one statement commits by itself, in one round trip instead of three.
    claim: rowsOf,
    async transaction(work) {
      const client = await pool.connect();
      const db: SqlDb = {
        $queryRaw: async <T>(query: Prisma.Sql) => (await run(client, query)).rows as T,
        $executeRaw: async (query: Prisma.Sql) => (await run(client, query)).rowCount ?? 0,
      };
      try {
        await client.query("BEGIN");
        const result = await work(db);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * Instants as Prisma's adapter reads them: the columns are timestamps without a zone that hold
 * UTC, so they come back as ISO text in UTC (pg would read them in the process's zone); counts
 * (int8) as numbers.
 */
function typeParser(oid: number, format?: string): (value: string) => unknown {
  if (oid === TIMESTAMP_OID) return (value) => `${value.replace(" ", "T")}Z`;
  if (oid === INT8_OID) return Number;
  return pg.types.getTypeParser(oid, format as "text");
}

/** A value bound as text: an instant in UTC without its zone, as the columns hold it. */
function postgresValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString().replace("T", " ").replace("Z", "") : value;
}
