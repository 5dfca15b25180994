// `tsx bench/cpu-profile-summary.ts FILE.cpuprofile [top]`: where a V8 CPU profile's time
// went, by package or source folder (self time), and the top functions by self time.
// Profiles come from `BENCH_CPU_PROF_DIR=DIR npm run bench` (each server process writes
// DIR/<server kind>/CPU.*.cpuprofile, one per thread: the largest is the server's main thread)
// or from `node --cpu-prof`. Frames of a bundle (dist/, bench/bundled-entry.ts) are mapped back
// to their sources through the bundle's source maps.
import { readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface TimeShare {
  name: string;
  ms: number;
  share: number;
}

export function readProfile(path: string): CpuProfile {
  const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
  if (
    typeof parsed !== "object" ||
    parsed === null ||
    !("nodes" in parsed && "samples" in parsed && "timeDeltas" in parsed)
  ) {
    throw new Error(`${path} is not a V8 CPU profile`);
  }
  return parsed as CpuProfile;
}

/** Rewrites the frames of bundled files to where their functions are in the sources. */
export function mapToSources(profile: CpuProfile): void {
  const maps = new Map<string, SourceMap | null>();
  for (const node of profile.nodes) {
    const { url, lineNumber, columnNumber } = node.callFrame;
    if (!url.startsWith("file://")) continue;
    let map = maps.get(url);
    if (map === undefined) {
      map = sourceMapOf(url);
      maps.set(url, map);
    }
    const entry = map?.findEntry(lineNumber, columnNumber);
    if (entry && "originalSource" in entry) {
      const source = new URL(entry.originalSource, url).href;
      node.callFrame = { ...node.callFrame, url: source, lineNumber: entry.originalLine };
    }
  }
}

/** The map esbuild wrote beside a bundled file (FILE.js.map), or null for a file without. */
function sourceMapOf(url: string): SourceMap | null {
  try {
    return new SourceMap(JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, "utf8")));
  } catch {
    return null;
  }
}

/** Where a frame's code lives: a package, a folder of src/, Node itself, or V8's pseudo-frames. */
export function categoryOf(url: string, functionName: string): string {
  if (url === "") {
    if (functionName.startsWith("(")) return functionName; // (garbage collector), (idle), …
    return "native / V8 builtins";
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
  if (pkg === "@prisma/client") {
    return url.includes("query_compiler") ? "@prisma/client (query compiler, wasm)" : pkg;
  }
  if (pkg !== undefined) return pkg;
  if (url.startsWith("node:")) return "node internals";
  if (url.includes("/src/generated/")) return "src/generated (Prisma client)";
  const source = /\/(src|bench|test)\/((?:[^/]+\/)?)/.exec(url);
  if (source) return `${source[1]}/${source[2]}`;
  if (url.startsWith("wasm://")) return "wasm";
  return url;
}

export function selfTimes(profile: CpuProfile, key: (node: ProfileNode) => string): TimeShare[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    const micros = profile.timeDeltas[index + 1] ?? 0;
    if (!node || micros <= 0) return;
    const name = key(node);
    totals.set(name, (totals.get(name) ?? 0) + micros);
    all += micros;
  });
  return [...totals]
    .map(([name, micros]) => ({ name, ms: micros / 1000, share: all === 0 ? 0 : micros / all }))
    .sort((a, b) => b.ms - a.ms);
}

/**
 * Inclusive time of the functions `key` names (undefined: not counted), each counted once per
 * sample in which it is on the stack. Async code only shows the stack since its last await.
 */
export function inclusiveTimes(
  profile: CpuProfile,
  key: (node: ProfileNode) => string | undefined,
): TimeShare[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parents.set(child, node.id);
  }
  const totals = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index + 1] ?? 0;
    if (micros <= 0) return;
    all += micros;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const node = byId.get(at);
      const name = node ? key(node) : undefined;
      if (name !== undefined) seen.add(name);
    }
    for (const name of seen) totals.set(name, (totals.get(name) ?? 0) + micros);
  });
  return [...totals]
    .map(([name, micros]) => ({ name, ms: micros / 1000, share: all === 0 ? 0 : micros / all }))
    .sort((a, b) => b.ms - a.ms);
}

function formatShares(title: string, shares: TimeShare[], limit: number): string {
  const lines = shares
    .slice(0, limit)
    .map(
      (share) =>
        `  ${(share.share * 100).toFixed(1).padStart(5)} %  ${share.ms.toFixed(0).padStart(7)} ms  ${share.name}`,
    );
  return [title, ...lines].join("\n");
}

function main(path: string | undefined, top: number): void {
  if (path === undefined) {
    process.stderr.write("usage: tsx bench/cpu-profile-summary.ts FILE.cpuprofile [top]\n");
    process.exitCode = 2;
    return;
  }
  const profile = readProfile(path);
  mapToSources(profile);
  const category = (node: ProfileNode) =>
    categoryOf(node.callFrame.url, node.callFrame.functionName);
  const fn = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const short = url.replace(/^.*?\/(node_modules|src|bench|test)\//, "$1/");
    return `${functionName || "(anonymous)"} ${short}:${lineNumber + 1}`;
  };
  process.stdout.write(
    `${formatShares("Self time by package / folder:", selfTimes(profile, category), top)}\n\n`,
  );
  process.stdout.write(
    `${formatShares("Self time by function:", selfTimes(profile, fn), top)}\n\n`,
  );
  const ours = (node: ProfileNode) =>
    /\/src\/(?!generated\/)/.test(node.callFrame.url) &&
    !node.callFrame.url.includes("/node_modules/")
      ? fn(node)
      : undefined;
  process.stdout.write(
    `${formatShares("Inclusive time of src/ functions (since their last await):", inclusiveTimes(profile, ours), top)}\n`,
  );
}

if (process.argv[1]?.endsWith("cpu-profile-summary.ts")) {
  main(process.argv[2], Number(process.argv[3] ?? 25));
}
