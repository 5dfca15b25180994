import { z } from "zod";
import { isValidTimeZone } from "./domain/dates/zoned-time.js";
import { LOCALES } from "./domain/types.js";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

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
});

export type Config = z.infer<typeof schema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Reads the environment once; every problem is one readable line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = schema.safeParse(present);
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const name = issue.path.join(".");
      const value = present[name];
      return `${name}${value === undefined ? "" : ` = "${value}"`}: ${issue.message}`;
    }),
  };
}
