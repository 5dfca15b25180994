import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const template = JSON.parse(readFileSync("teams/manifest.json", "utf8")) as {
  bots: Array<{ scopes: string[]; commandLists: Array<{ commands: unknown[] }> }>;
  icons: { color: string; outline: string };
};

describe("the Teams app package", () => {
  it("declares one bot in team, personal and group chat, within Teams' command limits", () => {
    expect(template.bots).toHaveLength(1);
    expect(template.bots[0]?.scopes).toEqual(["team", "personal", "groupChat"]);
    const lists = template.bots[0]?.commandLists ?? [];
    expect(lists.length).toBeLessThanOrEqual(2);
    for (const list of lists) expect(list.commands.length).toBeLessThanOrEqual(10);
  });

  it("zips the manifest with the app id filled in and both icons", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "noterat-teams-"));
    const appId = "11111111-2222-3333-4444-555555555555";
    await run(
      join(process.cwd(), "node_modules/.bin/tsx"),
      [join(process.cwd(), "teams/build-package.ts")],
      {
        cwd,
        env: {
          ...process.env,
          MICROSOFT_APP_ID: appId,
          NOTERAT_PUBLIC_URL: "https://noterat.example.se",
        },
      },
    );
    const zip = readFileSync(join(cwd, "data/noterat-teams.zip"));
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    const text = zip.toString("latin1");
    for (const name of ["manifest.json", "color.png", "outline.png"]) expect(text).toContain(name);
    expect(text).toContain(`"botId": "${appId}"`);
    expect(text).not.toContain("${");
  });

  it("refuses to build without a real app id", async () => {
    await expect(
      run("npx", ["tsx", "teams/build-package.ts"], {
        env: { ...process.env, MICROSOFT_APP_ID: "" },
      }),
    ).rejects.toMatchObject({ stderr: expect.stringContaining("MICROSOFT_APP_ID") });
  });
});
