/** Which database a DATABASE_URL names: a SQLite file (`file:…`) or a PostgreSQL server. */
export type Dialect = "sqlite" | "postgresql";

const POSTGRES = /^postgres(?:ql)?:\/\//i;

export function dialectOf(url: string): Dialect {
  return POSTGRES.test(url) ? "postgresql" : "sqlite";
}

/**
 * The URL as it may be logged or shown: the password replaced by "***", in the user part or as
 * a `password=` parameter. A mistyped URL is shown too, so the user part is found without
 * parsing: whatever stands before the last "@" after the scheme (an unencoded password may hold
 * an "@", a "/" or a ":").
 */
export function maskedUrl(url: string): string {
  const at = url.lastIndexOf("@");
  const head = at < 0 ? "" : url.slice(0, at);
  const userInfo = head.replace(/^[a-z][a-z\d+.-]*:\/*/i, "").replace(/^\/+/, "");
  const prefix = head.slice(0, head.length - userInfo.length);
  // "bob:s3cret@db" without a scheme: what looked like one is the user.
  const [user, secret] = prefix !== "" && !prefix.includes("/") ? [prefix, userInfo] : ["", ""];
  const colon = userInfo.indexOf(":");
  const masked =
    secret !== ""
      ? `${user}***${url.slice(at)}`
      : colon < 0
        ? url
        : `${prefix}${userInfo.slice(0, colon)}:***${url.slice(at)}`;
  return masked.replace(/([?&]password=)[^&#]*/gi, "$1***");
}
