import { z } from "zod";
import { isValidTimeZone } from "./domain/dates/zoned-time.js";
import { LOCALES } from "./domain/types.js";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const optionalSecret = z.string().min(1).optional();

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^file:.+/, 'must be a SQLite file URL such as "file:./data/noterat.db"')
    .default("file:./data/noterat.db"),
  NOTERAT_LOCALE: z.enum(LOCALES).default("sv"),
  NOTERAT_TIME_ZONE: z
    .string()
    .refine(isValidTimeZone, "is not a known IANA time zone (e.g. Europe/Stockholm)")
    .default("Europe/Stockholm"),
  NOTERAT_EXPORT_DIR: z.string().min(1).default("./data/published"),
  LOCAL_USER: z
    .string()
    .regex(/^[\p{L}\p{N}._-]+$/u, "must be one word (letters, digits, . _ -)")
    .default("Sekreteraren"),
  LOCAL_CHANNEL: z.string().min(1).default("konsol"),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  SLACK_SIGNING_SECRET: optionalSecret,
  SLACK_BOT_TOKEN: z.string().startsWith("xoxb-", 'must be a bot token ("xoxb-…")').optional(),
  SLACK_APP_TOKEN: z
    .string()
    .startsWith("xapp-", 'must be an app-level token ("xapp-…")')
    .optional(),
  SLACK_CLIENT_ID: optionalSecret,
  SLACK_CLIENT_SECRET: optionalSecret,
  SLACK_STATE_SECRET: optionalSecret,
  SLACK_API_URL: z.url({ protocol: /^https?$/ }).optional(),
});

type Env = z.infer<typeof schema>;

/** How the Slack surface runs (DESIGN.md §7). */
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

export interface Config {
  databaseUrl: string;
  locale: Env["NOTERAT_LOCALE"];
  timeZone: string;
  exportDir: string;
  localUser: string;
  localChannel: string;
  logLevel: Env["LOG_LEVEL"];
  port: number;
  host: string;
  /** Null when no Slack setting is present. */
  slack: SlackConfig | null;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Reads the environment once; every problem is one readable line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = schema.safeParse(present);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((issue) => {
        const name = issue.path.join(".");
        const value = present[name];
        const shown = value === undefined || name.includes("SECRET") || name.includes("TOKEN");
        return `${name}${shown ? "" : ` = "${value}"`}: ${issue.message}`;
      }),
    };
  }
  const slack = slackConfig(result.data);
  if (!slack.ok) return slack;
  const e = result.data;
  return {
    ok: true,
    config: {
      databaseUrl: e.DATABASE_URL,
      locale: e.NOTERAT_LOCALE,
      timeZone: e.NOTERAT_TIME_ZONE,
      exportDir: e.NOTERAT_EXPORT_DIR,
      localUser: e.LOCAL_USER,
      localChannel: e.LOCAL_CHANNEL,
      logLevel: e.LOG_LEVEL,
      port: e.PORT,
      host: e.HOST,
      slack: slack.config,
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
