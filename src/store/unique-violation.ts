import { Prisma } from "../generated/prisma/client.js";

/** The drivers' own codes, from prepared statements: better-sqlite3's and PostgreSQL's. */
const DRIVER_CODES = new Set(["SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY", "23505"]);

/**
 * A unique constraint refused the write: P2002 from Prisma's own queries; from raw SQL, P2010
 * with the driver adapter's error kind (the same kind for SQLite's and PostgreSQL's adapters);
 * from the store's prepared statements, the driver's code.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Error && "code" in error && DRIVER_CODES.has(String(error.code))) {
    return true;
  }
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  return error.code === "P2010" && adapterErrorKind(error.meta) === "UniqueConstraintViolation";
}

function adapterErrorKind(meta: unknown): unknown {
  if (typeof meta !== "object" || meta === null || !("driverAdapterError" in meta))
    return undefined;
  const adapterError = meta.driverAdapterError;
  if (typeof adapterError !== "object" || adapterError === null || !("cause" in adapterError)) {
    return undefined;
  }
  const { cause } = adapterError;
  return typeof cause === "object" && cause !== null && "kind" in cause ? cause.kind : undefined;
}
