import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

// The README's first command as a user runs it: `npm start` with a script on stdin and no
// platform settings. It must create its database, answer every line, and exit at end of input.

/** A build of a changed src/ takes longer than a test may: `npm start`'s prestart then finds it fresh. */
const BUILD_TIMEOUT_MS = 300_000;

function npmStart(
  input: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["start", "--silent"], {
      env: { ...process.env, LOG_LEVEL: "warn", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe("npm start in local mode", () => {
  beforeAll(() => {
    execFileSync(process.execPath, ["scripts/build-if-stale.mjs"], { stdio: "inherit" });
  }, BUILD_TIMEOUT_MS);
  const directories: string[] = [];
  const tempDirectory = () => {
    const directory = mkdtempSync(join(tmpdir(), "noterat-local-"));
    directories.push(directory);
    return directory;
  };
  afterEach(() => {
    for (const directory of directories.splice(0))
      rmSync(directory, { recursive: true, force: true });
  });

  it("holds a scripted meeting from stdin and publishes it for the web", async () => {
    const directory = tempDirectory();
    const script = [
      "# a comment line is skipped",
      "/noterat råd Reglab",
      "möte idag kl 08:00 Rådhuset",
      "noterat Budget: Vi fick information om budgeten.",
      "beslut Ny strategi: Rådet antar strategin.",
      "uppdrag @Anna Skicka strategin till kommunerna senast om två veckor",
      "roll @Ordf ordförande",
      "/som Ordf",
      "justera",
      "/som Sekreteraren",
      "publicera",
      "öppna",
    ].join("\n");
    const run = await npmStart(`${script}\n`, {
      DATABASE_URL: `file:${join(directory, "db", "noterat.db")}`,
      NOTERAT_EXPORT_DIR: join(directory, "published"),
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Rådet Reglab är skapat");
    expect(run.stdout).toContain("Beslut § 1 (#2): Ny strategi");
    expect(run.stdout).toContain("Du skriver nu som Ordf.");
    expect(run.stdout).toContain("Noterat från Reglab");
    expect(run.stdout).toContain("#3 Anna: Skicka strategin till kommunerna");
    expect(existsSync(join(directory, "db", "noterat.db"))).toBe(true);
    const files = readdirSync(join(directory, "published")).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^reglab-\d{4}-\d{2}-\d{2}\.html$/);
    expect(files[1]).toMatch(/^reglab-\d{4}-\d{2}-\d{2}\.md$/);
  });

  it("stops with one line per configuration problem", async () => {
    const run = await npmStart("", {
      NOTERAT_TIME_ZONE: "Europe/Stokholm",
      NOTERAT_LOCALE: "fi",
      DATABASE_URL: "mysql://x",
    });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines.every((line) => line.startsWith("Configuration error: "))).toBe(true);
    expect(run.stderr).toContain('NOTERAT_TIME_ZONE = "Europe/Stokholm"');
    expect(run.stdout).toBe("");
  });
});
