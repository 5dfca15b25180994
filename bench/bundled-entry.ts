// Benchmark processes run as the program does in production: bundled by scripts/bundle.mjs and
// started by plain Node, so that neither tsx's loader nor its source-map support stands between
// Node and the code measured (the same `öppna` cost 5.6 ms of CPU under tsx, 4.2 bundled).
// bench/cpu-profile-summary.ts maps their profiles back to the sources.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

const BUNDLE = fileURLToPath(new URL("../scripts/bundle.mjs", import.meta.url));
/** Under the project (git-ignored), so that Node reads the bundle as ES modules. */
const RESULTS = fileURLToPath(new URL("./results", import.meta.url));

const bundled = new Map<string, string>();

/** `entry` (a path under the project) bundled into bench/results/NAME, once per run; its file. */
export function bundledEntry(entry: string, name: string): string {
  const known = bundled.get(entry);
  if (known !== undefined) return known;
  const outdir = join(RESULTS, name);
  rmSync(outdir, { recursive: true, force: true });
  // The bundler's messages go to stderr: stdout carries the tables.
  execFileSync(process.execPath, [BUNDLE, entry, outdir], { stdio: ["ignore", 2, 2] });
  const file = join(outdir, basename(entry).replace(/\.ts$/, ".js"));
  bundled.set(entry, file);
  return file;
}
