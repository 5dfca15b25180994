import pg from "pg";
import type { PreparedReads } from "./prepared-reads.js";
import { StatementCache } from "./prepared-reads.js";

/** Connections for the prepared reads, besides Prisma's pool. */
const READ_CONNECTIONS = 4;
const TIMESTAMP_OID = 1114;
const INT8_OID = 20;

/**
 * Prepared reads on a small pool of the store's own: each statement text gets a name, and pg
 * prepares a named statement once per connection, so PostgreSQL parses and plans it once
 * instead of on every call (Prisma's adapter sends every statement unnamed).
 */
export function postgresPreparedReads(url: string, connectTimeoutMs: number): PreparedReads {
  const pool = new pg.Pool({
    connectionString: url,
    max: READ_CONNECTIONS,
    connectionTimeoutMillis: connectTimeoutMs,
  });
  // An idle connection the server dropped must not crash the process; the next read reconnects.
  pool.on("error", () => {});
  // Names are never reused: a connection keeps what it prepared under a name for good.
  let prepared = 0;
  const names = new StatementCache(() => {
    prepared += 1;
    return `noterat_read_${prepared}`;
  });
  return {
    async rows<T>(query: { text: string; values: unknown[] }): Promise<T[]> {
      const result = await pool.query({
        name: names.get(query.text),
        text: query.text,
        values: query.values.map(postgresValue),
        types: { getTypeParser: typeParser },
      });
      return result.rows as T[];
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
