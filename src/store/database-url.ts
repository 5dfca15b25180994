/** Which database a DATABASE_URL names: a SQLite file (`file:…`) or a PostgreSQL server. */
export type Dialect = "sqlite" | "postgresql";

const POSTGRES = /^postgres(?:ql)?:\/\//i;

export function dialectOf(url: string): Dialect {
  return POSTGRES.test(url) ? "postgresql" : "sqlite";
}

/** The URL as it may be logged or shown: the password replaced by "***". */
export function maskedUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:)[^@]*@/i, "$1***@");
}
