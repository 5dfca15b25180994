import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** The file path of a SQLite `file:` URL, relative paths taken from the working directory. */
export function sqliteFilePath(url: string): string {
  const path = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path === ":memory:" ? path : resolve(path);
}

export function ensureParentDirectory(path: string): void {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
}
