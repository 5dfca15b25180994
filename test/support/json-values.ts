import { readFileSync } from "node:fs";

/** A JSON object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `value` as an object, failing loudly when it is not one. */
export function record(value: unknown): Record<string, unknown> {
  if (!isRecord(value)) throw new TypeError(`expected an object, got ${JSON.stringify(value)}`);
  return value;
}

/** A JSON file that must hold an object (a captured payload). */
export function readJsonRecord(url: URL): Record<string, unknown> {
  const parsed: unknown = JSON.parse(readFileSync(url, "utf8"));
  return record(parsed);
}
