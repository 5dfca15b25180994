import type { Logger } from "@slack/web-api";
import { LogLevel } from "@slack/web-api";
import { readJsonRecord, record } from "../../support/json-values.js";

export { record };

/**
 * Copies of ../shared/fixtures/slack-*.json live next to these tests so the suite runs
 * from a bare checkout.
 */
export function fixture(name: string): Record<string, unknown> {
  return readJsonRecord(new URL(`./fixtures/${name}`, import.meta.url));
}

export function recordAt(value: unknown, ...path: Array<string | number>): Record<string, unknown> {
  let current = value;
  for (const step of path) {
    current =
      typeof step === "number" && Array.isArray(current) ? current[step] : record(current)[step];
  }
  return record(current);
}

/**
 * The structure of a JSON value without its data: objects become their sorted keys with
 * the shapes below, arrays the shape of their first element, scalars their type. Two
 * payloads with equal shapes have the same field set at every level.
 */
export function shapeOf(value: unknown): unknown {
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0])];
  if (typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
    return Object.fromEntries(entries.map(([key, inner]) => [key, shapeOf(inner)]));
  }
  return typeof value;
}

export function sortedKeys(value: unknown): string[] {
  return Object.keys(record(value)).sort();
}

/** WebClient and Bolt log every failure we inject on purpose; keep test output readable. */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};
