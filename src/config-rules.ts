// The rules config.ts reads the environment with: each rule reads one variable's text and gives
// its value, or every problem with it as a message of its own. Our own rather than a schema
// library's: importing one cost local mode 12 MB of memory and 0.1–0.25 s per start (issue 16).

/** One variable's value, or what is wrong with it: one message per problem. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; messages: string[] };
/** Reads a variable that is set. */
export type Parser<T> = (text: string) => Parsed<T>;
/** Reads a variable; undefined: not set. */
export type Rule<T> = (text: string | undefined) => Parsed<T>;
/** One test of a value: the message when it fails, undefined when it passes. */
export type Check = (text: string) => string | undefined;
/** The values a set of rules reads, by variable name. */
export type Values<R> = { [Name in keyof R]: R[Name] extends Rule<infer T> ? T : never };

export type ReadResult<R> =
  | { ok: true; values: Values<R> }
  | { ok: false; problems: Array<{ name: string; message: string }> };

const valid = <T>(value: T): Parsed<T> => ({ ok: true, value });
const invalid = (messages: string[]): Parsed<never> => ({ ok: false, messages });

/** A GUID, 8-4-4-4-12 hexadecimal digits (any version nibble), for patterns with the "i" flag. */
export const GUID = "[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}";

/** Reads every variable by its rule; the problems come in the rules' order. */
export function readAll<R extends Record<string, Rule<unknown>>>(
  rules: R,
  env: Record<string, string | undefined>,
): ReadResult<R> {
  const values: Record<string, unknown> = {};
  const problems: Array<{ name: string; message: string }> = [];
  for (const [name, rule] of Object.entries(rules)) {
    const parsed = rule(env[name]);
    if (parsed.ok) values[name] = parsed.value;
    else problems.push(...parsed.messages.map((message) => ({ name, message })));
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values: values as Values<R> };
}

export function withDefault<T>(parse: Parser<T>, fallback: T): Rule<T> {
  return (text) => (text === undefined ? valid(fallback) : parse(text));
}

export function optional<T>(parse: Parser<T>): Rule<T | undefined> {
  return withDefault<T | undefined>(parse, undefined);
}

/** The text as given, if it passes every check; each failing check is a problem of its own. */
export function text(...checks: Check[]): Parser<string> {
  return (given) => checked(given, given, checks);
}

function checked<T>(value: T, given: string, checks: Check[]): Parsed<T> {
  const messages = checks.flatMap((check) => check(given) ?? []);
  return messages.length === 0 ? valid(value) : invalid(messages);
}

export function matches(pattern: RegExp, message: string): Check {
  return (given) => (pattern.test(given) ? undefined : message);
}

export function holds(test: (given: string) => boolean, message: string): Check {
  return (given) => (test(given) ? undefined : message);
}

export function oneOf<const T extends string>(options: readonly T[]): Parser<T> {
  const isOption = (given: string): given is T => (options as readonly string[]).includes(given);
  return (given) =>
    isOption(given) ? valid(given) : invalid([`must be one of: ${options.join(", ")}`]);
}

/**
 * A whole number from min to max, read as JavaScript's Number reads text (" 8080 " and "0x1F90"
 * are 8080), as PORT always was.
 */
export function integer(min: number, max: number): Parser<number> {
  return (given) => {
    const value = Number(given);
    return Number.isInteger(value) && value >= min && value <= max
      ? valid(value)
      : invalid([`must be a whole number from ${min} to ${max}`]);
  };
}

/** "http://" or "https://" and an address the URL parser takes ("http:host" is refused). */
const httpAddress: Check = (given) => {
  const trimmed = given.trim();
  return /^https?:\/\//i.test(trimmed) && URL.canParse(trimmed)
    ? undefined
    : "must be an http(s) address";
};

/**
 * An http(s) address passing every check. Its value is trimmed and without tabs or line breaks:
 * the URL parser drops those, so the address is the one that was checked.
 */
export function httpUrl(...checks: Check[]): Parser<string> {
  return (given) => checked(given.trim().replace(/[\t\n\r]/g, ""), given, [httpAddress, ...checks]);
}

export function guid(message: string): Parser<string> {
  return text(matches(new RegExp(`^${GUID}$`, "i"), message));
}
