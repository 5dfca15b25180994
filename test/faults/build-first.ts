// The fault tests run the program as `npm start` does, `node dist/main.js`: npm start's prestart
// (scripts/build-if-stale.mjs) builds dist/ first when a source is newer than it.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const BUILD_IF_STALE = fileURLToPath(new URL("../../scripts/build-if-stale.mjs", import.meta.url));

export default function buildFirst(): void {
  const build = spawnSync(process.execPath, [BUILD_IF_STALE], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("the build failed (npm run build)");
}
