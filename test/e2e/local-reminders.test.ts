import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isoDate, pad2 } from "../../src/domain/dates/local-date.js";
import { toLocal } from "../../src/domain/dates/zoned-time.js";

// Issue 5's end-to-end check in the embedded default: the real process on the real clock, a
// meeting a minute or two ahead with a reminder one minute before it, printed on time.

const ZONE = "Europe/Stockholm";
const MINUTE = 60_000;

describe("reminders in local mode", () => {
  let directory = "";
  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it("prints the meeting reminder when it falls due, on the real clock", async () => {
    directory = mkdtempSync(join(tmpdir(), "noterat-reminders-"));
    // The meeting's minute is far enough ahead that its reminder, one minute before, comes
    // after the process has started and read the script.
    const meeting = new Date(Math.ceil((Date.now() + 80_000) / MINUTE) * MINUTE);
    const fireAt = meeting.getTime() - MINUTE;
    const local = toLocal(meeting, ZONE);
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: `file:${join(directory, "noterat.db")}`,
        NOTERAT_EXPORT_DIR: join(directory, "published"),
        NOTERAT_TIME_ZONE: ZONE,
        // Every two seconds, so that "on time" means within seconds, not within the minute.
        REMINDER_SCHEDULE: "*/2 * * * * *",
        LOG_LEVEL: "warn",
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    const printed = new Promise<number>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString("utf8");
        if (stdout.includes("Påminnelse: Reglab har möte om en minut")) resolve(Date.now());
      });
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    child.stdin.write(
      [
        "råd Reglab",
        "påminnelser möte 1min uppdrag av dagtid alltid helger",
        `möte ${isoDate(local)} kl ${pad2(local.hour)}:${pad2(local.minute)} Rådhuset`,
        "",
      ].join("\n"),
    );
    const at = await printed;
    // Stdin stays open until now: the console ends (and the process with it) at end of input.
    child.stdin.end();
    expect(await exited).toBe(0);

    expect(stderr).toBe("");
    expect(stdout).toContain("Påminnelserna är ändrade.");
    expect(at).toBeGreaterThanOrEqual(fireAt);
    // Ticks run every two seconds; a generous bound for a busy machine.
    expect(at - fireAt).toBeLessThan(20_000);
    const reminder = stdout.slice(stdout.indexOf("🔔"));
    expect(reminder).toContain("🔔 Påminnelse i kanalen:");
    // Swedish running text writes the hour without a leading zero ("kl. 0.23", "kl. 9.05").
    expect(reminder).toContain(`kl. ${local.hour}.${pad2(local.minute)}, Rådhuset`);
    // Once: the ticks after it find it sent.
    expect(stdout.split("Påminnelse: Reglab har möte").length - 1).toBe(1);
  }, 180_000);
});
