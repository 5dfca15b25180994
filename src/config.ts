import { validate as isCronExpression } from "node-cron";
import {
  GUID,
  guid,
  holds,
  httpUrl,
  integer,
  matches,
  oneOf,
  optional,
  readAll,
  text,
  type Values,
  withDefault,
} from "./config-rules.js";
import { isValidTimeZone } from "./domain/dates/zoned-time.js";
import { LOCALES } from "./domain/types.js";
import { DEFAULT_RETENTION_DAYS } from "./scheduler/reminder-retention.js";
import { dialectOf, maskedUrl } from "./store/database-url.js";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const optionalText = optional(text());
/** Variables whose values are credentials: a problem with one names it, never its value. */
const SECRET_NAME = /SECRET|TOKEN|PASSWORD|PRIVATE_KEY/;

/** A SQLite file URL, or a PostgreSQL URL that parses (a bad port or host is caught here). */
function isDatabaseUrl(value: string): boolean {
  return /^file:./.test(value) || (dialectOf(value) === "postgresql" && URL.canParse(value));
}

/** Every variable Noterat reads, in the order its problems are reported. */
const RULES = {
  DATABASE_URL: withDefault(
    text(
      holds(
        isDatabaseUrl,
        'must be a SQLite file ("file:./data/noterat.db") or a PostgreSQL server ("postgresql://user:password@host:5432/noterat")',
      ),
    ),
    "file:./data/noterat.db",
  ),
  NOTERAT_LOCALE: withDefault(oneOf(LOCALES), "sv"),
  NOTERAT_TIME_ZONE: withDefault(
    text(holds(isValidTimeZone, "is not a known IANA time zone (e.g. Europe/Stockholm)")),
    "Europe/Stockholm",
  ),
  NOTERAT_EXPORT_DIR: optionalText,
  NOTERAT_PUBLIC_URL: optional(
    httpUrl(holds((value) => !/[?#]/.test(value), "must be a base address without ? or #")),
  ),
  LOCAL_USER: withDefault(
    text(matches(/^[\p{L}\p{N}._-]+$/u, "must be one word (letters, digits, . _ -)")),
    "Sekreteraren",
  ),
  LOCAL_CHANNEL: withDefault(text(), "konsol"),
  LOG_LEVEL: withDefault(oneOf(LOG_LEVELS), "info"),
  PORT: optional(integer(0, 65_535)),
  HOST: withDefault(text(), "0.0.0.0"),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optional(text(matches(/^xoxb-/, 'must be a bot token ("xoxb-…")'))),
  SLACK_APP_TOKEN: optional(text(matches(/^xapp-/, 'must be an app-level token ("xapp-…")'))),
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
  SLACK_API_URL: optional(httpUrl()),
  // Azure's ids are GUIDs, 8-4-4-4-12 hex digits: not RFC 9562 UUIDs (version nibble 0 occurs).
  MICROSOFT_APP_ID: optional(guid("must be the bot's Microsoft app id (a GUID)")),
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optional(guid("must be a tenant id (a GUID)")),
  MICROSOFT_APP_TYPE: optional(oneOf(["MultiTenant", "SingleTenant", "UserAssignedMSI"])),
  MICROSOFT_APP_CERTIFICATE_THUMBPRINT: optionalText,
  MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY: optionalText,
  TEAMS_ALLOW_UNAUTHENTICATED: optional(oneOf(["true", "false"])),
  TEAMS_TENANT_IDS: optional(
    text(
      matches(
        new RegExp(`^${GUID}(,${GUID})*$`, "i"),
        "must be tenant ids (GUIDs) separated by commas, no spaces",
      ),
    ),
  ),
  REMINDER_SCHEDULE: withDefault(
    text(
      holds(
        (value) => value === "off" || isCronExpression(value),
        'must be a cron expression (default "* * * * *", every minute) or "off"',
      ),
    ),
    "* * * * *",
  ),
  // Digits only (no "1e3" or "30d"): read as a number where the config is made.
  REMINDER_RETENTION_DAYS: withDefault(
    text(
      holds(
        (value) => /^\d{1,4}$/.test(value) && Number(value) >= 1 && Number(value) <= 3650,
        "must be a whole number of days from 1 to 3650 (default 90)",
      ),
    ),
    String(DEFAULT_RETENTION_DAYS),
  ),
  NODE_ENV: optionalText,
};

type Env = Values<typeof RULES>;

/** How the Teams surface authenticates (botbuilder's own setting names, mapped explicitly). */
export type TeamsConfig = {
  /** The tenants whose users may use the bot; undefined: any tenant that installs it. */
  tenants: string[] | undefined;
} & (
  | { authenticated: false }
  | {
      authenticated: true;
      appId: string;
      appType: "MultiTenant" | "SingleTenant" | "UserAssignedMSI";
      tenantId: string | undefined;
      password: string | undefined;
      certificate: { thumbprint: string; privateKey: string } | undefined;
    }
);

/** How the Slack surface runs (architecture.md §7). */
export type SlackConfig = { apiUrl: string | undefined } & (
  | { mode: "single"; signingSecret: string; botToken: string }
  | {
      mode: "oauth";
      signingSecret: string;
      clientId: string;
      clientSecret: string;
      stateSecret: string;
    }
  | { mode: "socket"; appToken: string; botToken: string }
);

/** Where local mode writes the web files and asked-for documents unless told otherwise. */
export const DEFAULT_EXPORT_DIR = "./data/published";
const DEFAULT_PORT = 3000;

export interface Config {
  databaseUrl: string;
  locale: Env["NOTERAT_LOCALE"];
  timeZone: string;
  /** Where `publicera` writes the web files; null: none (Slack/Teams without the setting). */
  exportDir: string | null;
  /** The archive's public base address, for links in replies (no trailing slash). */
  publicUrl: string | null;
  localUser: string;
  localChannel: string;
  logLevel: Env["LOG_LEVEL"];
  port: number;
  /** Whether PORT was given: local mode then serves the web archive too. */
  portGiven: boolean;
  host: string;
  /** Null when no Slack setting is present. */
  slack: SlackConfig | null;
  /** Null when no Teams setting is present. */
  teams: TeamsConfig | null;
  /** When the reminder tick runs (cron, node-cron's syntax); null: this instance sends none. */
  reminderSchedule: string | null;
  /** Sent and skipped reminder rows are deleted this many days after they were due. */
  reminderRetentionDays: number;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Reads the environment once; every problem is one readable line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = readAll(RULES, present);
  if (!result.ok) {
    return {
      ok: false,
      problems: result.problems.map(({ name, message }) => {
        const value = present[name];
        const hidden = value === undefined || SECRET_NAME.test(name);
        // A database URL may carry a password: shown masked, never as typed.
        const shown = name === "DATABASE_URL" && value !== undefined ? maskedUrl(value) : value;
        return `${name}${hidden ? "" : ` = "${shown}"`}: ${message}`;
      }),
    };
  }
  const slack = slackConfig(result.values);
  const teams = teamsConfig(result.values);
  const problems = [...(slack.ok ? [] : slack.problems), ...(teams.ok ? [] : teams.problems)];
  if (!slack.ok || !teams.ok) return { ok: false, problems };
  const e = result.values;
  return {
    ok: true,
    config: {
      databaseUrl: e.DATABASE_URL,
      locale: e.NOTERAT_LOCALE,
      timeZone: e.NOTERAT_TIME_ZONE,
      // Local mode writes the web files by default; a server only where it is told to.
      exportDir: e.NOTERAT_EXPORT_DIR ?? (slack.config || teams.config ? null : DEFAULT_EXPORT_DIR),
      publicUrl: e.NOTERAT_PUBLIC_URL?.replace(/\/+$/, "") ?? null,
      localUser: e.LOCAL_USER,
      localChannel: e.LOCAL_CHANNEL,
      logLevel: e.LOG_LEVEL,
      port: e.PORT ?? DEFAULT_PORT,
      portGiven: e.PORT !== undefined,
      host: e.HOST,
      slack: slack.config,
      teams: teams.config,
      reminderSchedule: e.REMINDER_SCHEDULE === "off" ? null : e.REMINDER_SCHEDULE,
      reminderRetentionDays: Number(e.REMINDER_RETENTION_DAYS),
    },
  };
}

type SlackResult = { ok: true; config: SlackConfig | null } | { ok: false; problems: string[] };

/** Which Slack mode the settings ask for, and what that mode still lacks. */
function slackConfig(e: Env): SlackResult {
  const apiUrl = e.SLACK_API_URL;
  const any =
    e.SLACK_SIGNING_SECRET ??
    e.SLACK_BOT_TOKEN ??
    e.SLACK_APP_TOKEN ??
    e.SLACK_CLIENT_ID ??
    e.SLACK_CLIENT_SECRET ??
    e.SLACK_STATE_SECRET;
  if (any === undefined) return { ok: true, config: null };
  const missing = (names: Array<keyof Env>, mode: string) => ({
    ok: false as const,
    problems: names
      .filter((name) => e[name] === undefined)
      .map((name) => `${name}: is required for Slack ${mode}`),
  });
  if (e.SLACK_APP_TOKEN !== undefined) {
    const { SLACK_BOT_TOKEN: botToken } = e;
    return botToken === undefined
      ? missing(["SLACK_BOT_TOKEN"], "in Socket Mode (SLACK_APP_TOKEN is set)")
      : { ok: true, config: { mode: "socket", appToken: e.SLACK_APP_TOKEN, botToken, apiUrl } };
  }
  if (e.SLACK_CLIENT_ID ?? e.SLACK_CLIENT_SECRET ?? e.SLACK_STATE_SECRET) {
    const needed: Array<keyof Env> = [
      "SLACK_SIGNING_SECRET",
      "SLACK_CLIENT_ID",
      "SLACK_CLIENT_SECRET",
      "SLACK_STATE_SECRET",
    ];
    const { SLACK_SIGNING_SECRET: s, SLACK_CLIENT_ID: id, SLACK_CLIENT_SECRET: cs } = e;
    const { SLACK_STATE_SECRET: state } = e;
    if (s === undefined || id === undefined || cs === undefined || state === undefined) {
      return missing(needed, "with OAuth (many workspaces)");
    }
    return {
      ok: true,
      config: {
        mode: "oauth",
        signingSecret: s,
        clientId: id,
        clientSecret: cs,
        stateSecret: state,
        apiUrl,
      },
    };
  }
  const { SLACK_SIGNING_SECRET: signingSecret, SLACK_BOT_TOKEN: botToken } = e;
  if (signingSecret === undefined || botToken === undefined) {
    return missing(["SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN"], "in one workspace");
  }
  return { ok: true, config: { mode: "single", signingSecret, botToken, apiUrl } };
}

type TeamsResult = { ok: true; config: TeamsConfig | null } | { ok: false; problems: string[] };

/**
 * Teams runs with an app id (and its password or certificate), or — for tests against a fake
 * connector only — unauthenticated, which production refuses.
 */
function teamsConfig(e: Env): TeamsResult {
  const unauthenticated = e.TEAMS_ALLOW_UNAUTHENTICATED === "true";
  if (e.MICROSOFT_APP_ID === undefined) {
    if (!unauthenticated) return { ok: true, config: null };
    return e.NODE_ENV === "production"
      ? {
          ok: false,
          problems: ["TEAMS_ALLOW_UNAUTHENTICATED: must not be true when NODE_ENV is production"],
        }
      : { ok: true, config: { authenticated: false, tenants: tenantList(e) } };
  }
  const appType = e.MICROSOFT_APP_TYPE ?? "MultiTenant";
  const problems: string[] = [];
  const thumbprint = e.MICROSOFT_APP_CERTIFICATE_THUMBPRINT;
  const privateKey = e.MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY;
  if (unauthenticated) {
    problems.push("TEAMS_ALLOW_UNAUTHENTICATED: cannot be true together with MICROSOFT_APP_ID");
  }
  if (appType !== "UserAssignedMSI" && e.MICROSOFT_APP_PASSWORD === undefined && !thumbprint) {
    problems.push(
      "MICROSOFT_APP_PASSWORD: is required for Teams (or MICROSOFT_APP_CERTIFICATE_THUMBPRINT and _PRIVATE_KEY)",
    );
  }
  if ((thumbprint === undefined) !== (privateKey === undefined)) {
    problems.push(
      "MICROSOFT_APP_CERTIFICATE_THUMBPRINT: and MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY go together",
    );
  }
  if (appType !== "MultiTenant" && e.MICROSOFT_APP_TENANT_ID === undefined) {
    problems.push(`MICROSOFT_APP_TENANT_ID: is required when MICROSOFT_APP_TYPE is ${appType}`);
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      authenticated: true,
      appId: e.MICROSOFT_APP_ID,
      appType,
      tenantId: e.MICROSOFT_APP_TENANT_ID,
      password: e.MICROSOFT_APP_PASSWORD,
      certificate: thumbprint && privateKey ? { thumbprint, privateKey } : undefined,
      // A single-tenant bot serves its own tenant only, unless a list says more.
      tenants:
        tenantList(e) ??
        (appType === "SingleTenant" && e.MICROSOFT_APP_TENANT_ID
          ? [e.MICROSOFT_APP_TENANT_ID.toLowerCase()]
          : undefined),
    },
  };
}

function tenantList(e: Env): string[] | undefined {
  return e.TEAMS_TENANT_IDS?.split(",").map((id) => id.toLowerCase());
}
