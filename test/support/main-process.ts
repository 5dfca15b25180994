import { execFile } from "node:child_process";

export interface Stopped {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The real program, as `npm start` runs it, with only these settings (no input: local mode ends
 * when its stdin does). Resolves when it exits.
 */
export function runMain(env: Record<string, string>): Promise<Stopped> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ["--import", "tsx", "src/main.ts"],
      {
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
        timeout: 60_000,
      },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
    child.stdin?.end();
  });
}
