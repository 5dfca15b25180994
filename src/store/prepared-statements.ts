import type { Prisma } from "../generated/prisma/client.js";
import type { SqlDb } from "./prisma-types.js";

/**
 * The store's hot paths on statements prepared once and reused (architecture.md §14): Prisma
 * prepares every statement anew and maps it through its client, which cost more CPU per
 * command than the statements themselves. Prisma remains the schema, the migrations and the
 * ordinary reads and writes.
 */
export interface PreparedStatements {
  /**
   * The rows of a read-only statement, as the driver returns them (see RawRow), on a
   * connection that sees only committed data: a read inside a transaction goes through it.
   */
  rows<T>(query: Prisma.Sql): Promise<T[]>;
  /**
   * Runs `work` in one transaction whose statements are prepared once: for the writes every
   * command makes (logging an item). Serialised with Prisma's own transactions as the
   * database requires (see each dialect's implementation).
   */
  transaction<T>(work: (db: SqlDb) => Promise<T>): Promise<T>;
  /**
   * Runs one claiming statement on its own (one statement is atomic without a transaction
   * around it) and returns its rows: a 09:00 tick claims a hundred times, and Prisma's
   * transaction around each claim cost more than the claim. A claim need not outlive the
   * machine: it only keeps other running instances off the rows (see each dialect).
   */
  claim<T>(query: Prisma.Sql): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * Distinct statement texts kept prepared. A list of ids (`IN (?, ?)`) makes a text per length,
 * so the cache is bounded; the texts the commands use are a few dozen.
 */
export const PREPARED_STATEMENTS_KEPT = 500;

/** A cache of prepared statements by text that forgets all when full (rare: see above). */
export class StatementCache<S> {
  private readonly statements = new Map<string, S>();

  constructor(private readonly prepare: (text: string) => S) {}

  get(text: string): S {
    let statement = this.statements.get(text);
    if (statement === undefined) {
      if (this.statements.size >= PREPARED_STATEMENTS_KEPT) this.statements.clear();
      statement = this.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  clear(): void {
    this.statements.clear();
  }
}
