import { pino } from "pino";

export type Logger = pino.Logger;

/**
 * JSON logs on stderr (so that the console surface keeps stdout for the conversation), or on
 * `destination` (tests read what was logged).
 *
 * What a log line may carry (architecture.md §15): ids, counts, lengths, codes and fixed sentences —
 * never message text, names people typed or credentials. Call sites log `{ err }` and ids;
 * errors go through `safeError`, and known secret keys are redacted as a second line.
 */
export function createLogger(
  level: string,
  destination: pino.DestinationStream = pino.destination(2),
): Logger {
  return pino(
    {
      level,
      base: { service: "noterat" },
      serializers: { err: safeError },
      redact: { paths: SECRET_KEYS, censor: "[redacted]" },
      hooks: { logMethod: withFixedMessage },
    },
    destination,
  );
}

/** Keys whose values are credentials, at the top of a log object or one level down. */
const SECRET_KEYS = [
  "authorization",
  "token",
  "botToken",
  "appToken",
  "password",
  "secret",
  "signingSecret",
  "clientSecret",
  "stateSecret",
  "privateKey",
  "headers.authorization",
  "request.headers.authorization",
].flatMap((key) => [key, `*.${key}`]);

/** What an error may tell an operator without telling them what anybody wrote. */
export interface SafeError {
  type: string;
  /** The library's or system's error code: Prisma's P2002, ECONNREFUSED, slack_webapi_…. */
  code?: string | number;
  /** HTTP status of a failed platform call. */
  status?: number;
  /** Slack's error name (`channel_not_found`). */
  slackError?: string;
  /** Seconds Slack asked to wait. */
  retryAfter?: number;
  syscall?: string;
  /** Prisma: the model and the unique fields concerned. */
  model?: string;
  target?: string | string[];
  /** Prisma's driver adapter: the kind of failure and the database's own code. */
  dbKind?: string;
  dbCode?: string;
  /** The stack's frames, without the message line(s) in front of them. */
  stack?: string;
  cause?: SafeError;
}

/** How many causes deep an error is followed (SDKs wrap errors in errors). */
const MAX_CAUSE_DEPTH = 3;
/** Codes and names are short words; anything else is not one and is left out. */
const WORD = /^[\w.:/-]{1,80}$/;

/**
 * The rule: an error's message, and every field not named in SafeError, is left out. The
 * database driver's message repeats the values written (a heading, a decision's text), Prisma's
 * the query and its code frame, Slack's and undici's a request body or a URL, botbuilder's the
 * request with its Authorization header. What is kept names the failure and where it happened:
 * the error's class, codes, HTTP status, Slack's error name, Prisma's model and fields, and the
 * stack frames (file:line, which never hold content).
 */
export function safeError(value: unknown, depth = 0): SafeError {
  if (typeof value !== "object" || value === null) return { type: typeof value };
  const error = value as Record<string, unknown>;
  const safe: SafeError = { type: word(value.constructor?.name) ?? "Object" };
  const code = error.code;
  if (typeof code === "number" || word(code)) safe.code = code as string | number;
  const status = error.statusCode ?? error.status;
  if (typeof status === "number") safe.status = status;
  const slackError = word(record(error.data)?.error);
  if (slackError) safe.slackError = slackError;
  if (typeof error.retryAfter === "number") safe.retryAfter = error.retryAfter;
  const syscall = word(error.syscall);
  if (syscall) safe.syscall = syscall;
  Object.assign(safe, prismaFields(record(error.meta)));
  const head = value instanceof Error ? String(value) : "";
  const stack = typeof error.stack === "string" ? framesOf(error.stack, head) : "";
  if (stack !== "") safe.stack = stack;
  // `original`: how Bolt and Slack's client wrap the error underneath.
  const cause = error.cause ?? error.original;
  if (cause !== undefined && depth < MAX_CAUSE_DEPTH) safe.cause = safeError(cause, depth + 1);
  return safe;
}

/** V8's frame lines: "    at fn (file:line:col)", "    at file:line:col", "    at Array.map (<anonymous>)". */
const FRAME = /^ {4}at .+(:\d+:\d+\)?|\((<anonymous>|native)\))$/;

/** The stack without its head (`Name: message`, which may run over several lines): frames only. */
function framesOf(stack: string, head: string): string {
  const body = stack.startsWith(head) ? stack.slice(head.length) : stack;
  return body
    .split("\n")
    .filter((line) => FRAME.test(line))
    .join("\n");
}

function prismaFields(meta: Record<string, unknown> | undefined): Partial<SafeError> {
  if (!meta) return {};
  const fields: Partial<SafeError> = {};
  const model = word(meta.modelName);
  if (model) fields.model = model;
  const { target } = meta;
  if (word(target)) fields.target = target as string;
  else if (Array.isArray(target) && target.every((field) => word(field))) fields.target = target;
  const cause = record(record(meta.driverAdapterError)?.cause);
  const kind = word(cause?.kind);
  if (kind) fields.dbKind = kind;
  const dbCode = word(cause?.originalCode);
  if (dbCode) fields.dbCode = dbCode;
  return fields;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null
    ? (value as Record<string, unknown>)
    : undefined;
}

function word(value: unknown): string | undefined {
  return typeof value === "string" && WORD.test(value) ? value : undefined;
}

/**
 * pino takes an error's message as the line's message when none is given (`logger.error(err)`,
 * `logger.error({ err })`): give those a fixed one instead.
 */
function withFixedMessage(
  this: pino.Logger,
  args: Parameters<pino.LogFn>,
  method: pino.LogFn,
): void {
  const [first, ...rest] = args as unknown[];
  const object = first instanceof Error ? { err: first } : first;
  const hasError = typeof object === "object" && object !== null && "err" in object;
  if (hasError && typeof rest[0] !== "string") {
    method.call(this, object, "failed");
    return;
  }
  method.apply(this, [object, ...rest] as Parameters<pino.LogFn>);
}
