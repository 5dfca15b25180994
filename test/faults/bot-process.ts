/**
 * The real bot as its own process, started as `npm start` runs it (`node dist/main.js`, built
 * by the suite's global setup, test/support/build-if-stale.ts) with only the environment a
 * test gives it, so that a test can kill it with SIGKILL and start it again on the same
 * database file.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Start-up on two busy cores: generous, since it only bounds a failure. */
const START_TIMEOUT_MS = 60_000;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class BotProcess {
  private stderr = "";

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    private readonly exited: Promise<Exit>,
    stderr: string,
  ) {
    this.stderr = stderr;
    child.stderr?.on("data", (chunk: Buffer) => {
      this.stderr += chunk.toString("utf8");
    });
  }

  /**
   * Spawns `node dist/main.js` with `env` (and PATH, HOME) and resolves once it logs
   * "Noterat is listening", with the URL it listens on (PORT=0: a free port).
   */
  static start(env: Record<string, string>): Promise<BotProcess> {
    const child = spawn(process.execPath, ["dist/main.js"], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    const exited = new Promise<Exit>((resolve) => {
      child.once("exit", (code, signal) => resolve({ code, signal }));
    });
    return new Promise<BotProcess>((resolve, reject) => {
      let stderr = "";
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`the bot did not start within ${START_TIMEOUT_MS} ms:\n${stderr}`));
      }, START_TIMEOUT_MS);
      const onData = (chunk: Buffer): void => {
        stderr += chunk.toString("utf8");
        const url = listeningUrl(stderr);
        if (url === undefined) return;
        clearTimeout(timer);
        child.stderr?.off("data", onData);
        resolve(new BotProcess(child, url, exited, stderr));
      };
      child.stderr?.on("data", onData);
      void exited.then((exit) => {
        clearTimeout(timer);
        reject(new Error(`the bot exited before listening (${JSON.stringify(exit)}):\n${stderr}`));
      });
    });
  }

  /** What the process wrote to stderr (its JSON log) so far. */
  get log(): string {
    return this.stderr;
  }

  /** `kill -9`: no handler runs, nothing is flushed or closed. */
  kill9(): Promise<Exit> {
    this.child.kill("SIGKILL");
    return this.exited;
  }

  /** SIGTERM, as a service manager stops it: the process closes its server and database. */
  stop(): Promise<Exit> {
    this.child.kill("SIGTERM");
    return this.exited;
  }
}

/** The URL of pino's `{"url":…,"msg":"Noterat is listening"}` line, once it is written. */
function listeningUrl(stderr: string): string | undefined {
  for (const line of stderr.split("\n")) {
    if (!line.includes("Noterat is listening")) continue;
    try {
      const entry: unknown = JSON.parse(line);
      if (typeof entry === "object" && entry !== null && "url" in entry) {
        return String(entry.url);
      }
    } catch {
      // A partial line: wait for the rest.
    }
  }
  return undefined;
}
