import { isRecord, readJsonRecord, record } from "../../support/json-values.js";

export { record };

/**
 * Copies of ../shared/fixtures/teams-*.json live next to these tests so the suite runs
 * from a bare checkout.
 */
export function fixture(name: string): Record<string, unknown> {
  return readJsonRecord(new URL(`./fixtures/${name}`, import.meta.url));
}

/** Follows object keys and array indexes, failing loudly when a step is missing. */
export function at(value: unknown, ...path: Array<string | number>): unknown {
  let current = value;
  for (const step of path) {
    if (typeof step === "number") {
      if (!Array.isArray(current)) throw new TypeError(`expected an array at ${step}`);
      current = current[step];
    } else {
      current = record(current)[step];
    }
  }
  return current;
}

/**
 * Every field path of a JSON value ("conversation.id", "entities[].type"), array elements
 * merged: two payloads with the same paths have the same field set at every level.
 * Fields starting with "_" (fixture comments) are left out.
 */
export function fieldPaths(value: unknown, prefix = ""): string[] {
  const paths = new Set<string>();
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      for (const element of node) walk(element, `${path}[]`);
      return;
    }
    if (!isRecord(node)) return;
    for (const [key, inner] of Object.entries(node)) {
      if (key.startsWith("_")) continue;
      const next = path === "" ? key : `${path}.${key}`;
      paths.add(next);
      walk(inner, next);
    }
  };
  walk(value, prefix);
  return [...paths].sort();
}

/** Paths of `a` missing from `b`. */
export function missingFrom(a: readonly string[], b: readonly string[]): string[] {
  const have = new Set(b);
  return a.filter((path) => !have.has(path));
}
