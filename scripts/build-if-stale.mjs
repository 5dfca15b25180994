// `npm start`'s prestart: builds dist/ (`npm run build`: types checked, then bundled) when
// dist/main.js is missing or older than a source, a tsconfig, the bundler script or the lock,
// so that a fresh clone's `npm install && npm start` builds once and every later start costs a
// few stats. Plain Node, no dependencies.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const MAIN = join(ROOT, "dist", "main.js");
/** Held while one start builds, so that starts at the same moment never run from half a dist/. */
const LOCK = join(ROOT, "dist", ".building");
const LOCK_POLL_MS = 200;
const FAILED = "Noterat: the build failed (npm run build); see the errors above";

/** Modification time in ms, or -1 when the path does not exist. */
function mtimeOf(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

/** The newest mtime under a directory; directories count too, so a deleted file is a change. */
function newestUnder(directory) {
  let newest = mtimeOf(directory);
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : mtimeOf(path));
  }
  return newest;
}

function isStale() {
  const built = mtimeOf(MAIN);
  if (built < 0) return true;
  const inputs = readdirSync(ROOT)
    .filter((name) => /^tsconfig.*\.json$/.test(name) || name === "package-lock.json")
    .map((name) => mtimeOf(join(ROOT, name)));
  inputs.push(mtimeOf(join(ROOT, "scripts", "bundle.mjs")));
  return Math.max(newestUnder(join(ROOT, "src")), ...inputs) > built;
}

/** Whether the process that wrote the lock is still running (a killed build leaves its lock). */
function lockHolderAlive() {
  let pid;
  try {
    pid = readdirSync(LOCK)[0];
  } catch {
    return false;
  }
  // No name yet: its holder is between creating the lock and naming itself.
  if (pid === undefined) return true;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return error?.code === "EPERM";
  }
}

function takeLock() {
  mkdirSync(join(ROOT, "dist"), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, String(process.pid)), "");
      return;
    } catch (error) {
      if (error?.code !== "EEXIST") throw error;
      if (!lockHolderAlive()) rmSync(LOCK, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, LOCK_POLL_MS);
    }
  }
}

function build() {
  takeLock();
  try {
    // Another start may have built while this one waited for the lock.
    if (!isStale()) return 0;
    const began = new Date();
    if (process.env.npm_config_loglevel !== "silent") {
      process.stderr.write("Noterat: building dist/ (npm run build) …\n");
    }
    // Its messages go to stderr: stdout is where a scripted console's replies go.
    const result = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", 2, 2] });
    if (result.status !== 0) {
      // tsc only checks, so a type error leaves the last build (older than the sources); a
      // bundling error leaves dist/ without main.js. Either way the next start tries again.
      process.stderr.write(`${FAILED}\n`);
      return 1;
    }
    // Stamped with the build's start: a source saved while it ran is newer, so the next start builds.
    utimesSync(MAIN, began, began);
    return 0;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

process.exitCode = isStale() ? build() : 0;
