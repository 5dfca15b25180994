import { pino } from "pino";

export type Logger = pino.Logger;

/** JSON logs on stderr, so that the console surface keeps stdout for the conversation. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "noterat" } }, pino.destination(2));
}
