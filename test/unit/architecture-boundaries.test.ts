import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// architecture.md §6: imports go bots → handlers → domain, handlers → store, render → domain.

function sources(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => join(directory, file));
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/^\s*(?:import|export)\b[^;]*?from\s+["']([^"']+)["']/gms)].map(
    (match) => match[1] ?? "",
  );
}

const SDKS = /^(@slack\/|botbuilder|@microsoft\/|@prisma\/|prisma|better-sqlite3|node-cron|pino)/;
/** Node's own modules, with or without the `node:` scheme (`fs`, `node:fs`, `fs/promises`). */
const isNodeBuiltin = (s: string) =>
  s.startsWith("node:") || builtinModules.includes(s.split("/")[0] ?? "");

function offending(directory: string, forbidden: (specifier: string) => boolean): string[] {
  return sources(directory).flatMap((file) =>
    importsOf(file)
      .filter(forbidden)
      .map((specifier) => `${file} imports ${specifier}`),
  );
}

describe("layer boundaries", () => {
  it("finds the imports it checks", () => {
    expect(importsOf("src/handlers/handle-command.ts")).toContain("../domain/errors.js");
  });

  it("keeps src/domain pure: no SDK, Prisma, node built-in, or outer layer", () => {
    expect(
      offending(
        "src/domain",
        (s) =>
          SDKS.test(s) ||
          isNodeBuiltin(s) ||
          /\/(handlers|store|bots|render|scheduler|generated)\//.test(s),
      ),
    ).toEqual([]);
  });

  it("keeps src/handlers free of SDKs, Prisma, I/O and the surfaces", () => {
    expect(
      offending(
        "src/handlers",
        (s) => SDKS.test(s) || isNodeBuiltin(s) || /\/(bots|render|generated)\//.test(s),
      ),
    ).toEqual([]);
  });

  it("keeps src/render on the domain only", () => {
    expect(
      offending(
        "src/render",
        (s) => SDKS.test(s) || isNodeBuiltin(s) || /\/(handlers|store|bots|generated)\//.test(s),
      ),
    ).toEqual([]);
  });

  it("keeps the web archive a surface of its own: routes → handlers → render, no chat SDKs", () => {
    expect(offending("src/web", (s) => SDKS.test(s) || /\/(bots|generated)\//.test(s))).toEqual([]);
  });

  it("lets only src/store know Prisma", () => {
    const outside = ["src/domain", "src/handlers", "src/render", "src/bots", "src/web"].flatMap(
      (dir) => offending(dir, (s) => /prisma/i.test(s) || s.includes("better-sqlite3")),
    );
    expect(outside).toEqual([]);
  });
});
