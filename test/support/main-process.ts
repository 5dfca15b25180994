import { type ChildProcess, spawn } from "node:child_process";

export interface Stopped {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The real program from its sources (under tsx, as `npm run dev` runs it; `npm start` runs the
 * same code compiled), with only these settings and no input (local mode ends when its stdin
 * does). Resolves when it exits.
 */
export function runMain(env: Record<string, string>): Promise<Stopped> {
  return startMain(env).end();
}

/**
 * The real program from its sources, kept running while a test feeds it lines: for tests
 * that run several at once against one database (runMain gives no input and waits for the exit). Local mode reads one command per line and exits when its input ends.
 *
 *   const main = startMain({ DATABASE_URL: url });
 *   main.write("råd Reglab");
 *   await main.waitForOutput("Rådet Reglab");
 *   const stopped = await main.end();
 */
const EXIT_TIMEOUT_MS = 60_000;

export interface RunningMain {
  readonly pid: number;
  /** Sends lines to its stdin. */
  write(...lines: string[]): void;
  /** Resolves once stdout holds `text` (rejects on exit or after `timeoutMs`). */
  waitForOutput(text: string, timeoutMs?: number): Promise<void>;
  /** Ends its input; resolves when it has exited (killed if it has not within a minute). */
  end(): Promise<Stopped>;
}

/** Starts `node --import tsx src/main.ts` with only these settings (and PATH, HOME). */
export function startMain(env: Record<string, string>): RunningMain {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  if (child.pid === undefined) throw new Error("startMain: the program did not start");
  const pid = child.pid;
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  // Writing to a program that has already exited fails with EPIPE: its exit tells the test.
  child.stdin?.on("error", () => undefined);
  const exited = new Promise<Stopped>((resolve) => {
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });

  return {
    pid,
    write(...lines) {
      child.stdin?.write(lines.map((line) => `${line}\n`).join(""));
    },
    async waitForOutput(text, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!stdout.includes(text)) {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`startMain: exited before "${text}" (stderr: ${stderr})`);
        }
        if (Date.now() > deadline) {
          throw new Error(`startMain: no "${text}" within ${timeoutMs} ms (stdout: ${stdout})`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    end() {
      child.stdin?.end();
      const killer = setTimeout(() => child.kill("SIGKILL"), EXIT_TIMEOUT_MS);
      return exited.finally(() => clearTimeout(killer));
    },
  };
}
