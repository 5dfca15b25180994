// `npm run build`'s second half (after tsc has checked the types): src/main.ts and the packages
// it imports as a few ES modules in dist/. Node then reads and compiles a handful of large files
// instead of some 1 500 small ones (botbuilder alone is 779): start-up 1.35 s → 0.6 s
// (docs/performance.md). Surfaces and dialects stay in chunks of their own, loaded when the
// configuration asks for them.
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * Left to node_modules: native modules, pg's optional native binding, and pdfmake, whose
 * PDF engine reads its font metrics from files next to its own (and loads with the first PDF).
 * A package added later that loads files or workers by path (pino's transports, say) belongs
 * here too: in the bundle its path would point into dist/.
 */
const EXTERNAL = ["better-sqlite3", "pg-native", "pdfmake"];

/** Bundles `entry` (a path under the project) into `outdir` as Node 20 ES modules. */
async function bundle(entry, outdir) {
  await build({
    entryPoints: [join(ROOT, entry)],
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    format: "esm",
    platform: "node",
    target: "node20",
    external: EXTERNAL,
    // Stack traces in the logs keep function names; the maps lead back to src/.
    keepNames: true,
    sourcemap: "linked",
    // CommonJS packages inside an ES module still call require().
    banner: {
      js: 'import { createRequire as __noteratRequire } from "node:module"; const require = __noteratRequire(import.meta.url);',
    },
    logLevel: "warning",
  });
}

/** Empties dist/ but for the start lock (scripts/build-if-stale.mjs): old chunks have other names. */
function emptyDist(dist) {
  let entries;
  try {
    entries = readdirSync(dist);
  } catch {
    return;
  }
  for (const name of entries) {
    if (name !== ".building") rmSync(join(dist, name), { recursive: true, force: true });
  }
}

// `node scripts/bundle.mjs` builds dist/; `node scripts/bundle.mjs ENTRY OUTDIR` bundles another
// entry the same way (the start-up benchmark's floor).
const [entry, outdir] = process.argv.slice(2);
if (entry && outdir) {
  await bundle(entry, outdir);
} else {
  const dist = join(ROOT, "dist");
  emptyDist(dist);
  await bundle("src/main.ts", dist);
}
