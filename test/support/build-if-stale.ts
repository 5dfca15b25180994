// npm start's prestart (scripts/build-if-stale.mjs) from a test or benchmark: builds dist/ when a
// source is newer than it, so that `node dist/main.js` runs what the sources say. Its messages go
// to stderr: a benchmark's stdout carries its tables.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const BUILD_IF_STALE = fileURLToPath(new URL("../../scripts/build-if-stale.mjs", import.meta.url));

export function buildIfStale(): void {
  const build = spawnSync(process.execPath, [BUILD_IF_STALE], { stdio: ["ignore", 2, 2] });
  if (build.status !== 0) throw new Error("the build failed (npm run build)");
}

/** As vitest's global setup (the fault tests run the build as npm start does). */
export default buildIfStale;
