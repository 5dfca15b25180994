/** Which database a DATABASE_URL names: a SQLite file (`file:…`) or a PostgreSQL server. */
export type Dialect = "sqlite" | "postgresql";

const POSTGRES = /^postgres(?:ql)?:\/\//i;

export function dialectOf(url: string): Dialect {
  return POSTGRES.test(url) ? "postgresql" : "sqlite";
}

/**
 * The URL as it may be logged or shown: the password replaced by "***", in the user part or as
 * a `password=` parameter. Any scheme, since a mistyped URL is shown too; up to the last "@",
 * since an unencoded password may hold one (or a "/").
 */
export function maskedUrl(url: string): string {
  return url
    .replace(/^([a-z][a-z\d+.-]*:\/\/[^:/?#@]*:).*@/i, "$1***@")
    .replace(/([?&]password=)[^&#]*/gi, "$1***");
}
