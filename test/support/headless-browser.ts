/**
 * A real browser for the published pages' tests (architecture.md §13): Debian's
 * chromium-headless-shell driven by playwright-core (which brings no browser of its own), and
 * axe-core run inside the page for WCAG 2.1 AA.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults } from "axe-core";
import { type Browser, chromium, type Page } from "playwright-core";

/** The binary itself first: the /usr/bin wrapper is a shell script that would outlive a kill. */
const CHROMIUM_PATHS = [
  "/usr/lib/chromium/chromium-headless-shell",
  "/usr/bin/chromium-headless-shell",
];

/** Offline and quiet: nothing may reach beyond 127.0.0.1 or write outside the temp profile. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/** Where chromium-headless-shell is installed; a clear error when it is not. */
export function chromiumExecutable(): string {
  const found = CHROMIUM_PATHS.find((path) => existsSync(path));
  if (found === undefined) {
    throw new Error(
      `chromium-headless-shell is not installed (looked for ${CHROMIUM_PATHS.join(", ")}): ` +
        "the browser tests need Debian's package, apt-get install chromium-headless-shell",
    );
  }
  return found;
}

/** A headless Chromium with a fresh temporary profile (playwright's), closed by the caller. */
export function launchHeadlessChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), {
  encoding: "utf8",
});

/** One failed axe rule, with the elements that failed it: enough to read in a test's diff. */
export interface AxeViolation {
  rule: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** What the page's script sees; the tests compile without the DOM's types. */
interface AxeGlobals {
  axe: { run(context: unknown, options: unknown): Promise<AxeResults> };
  document: unknown;
}

/**
 * axe-core's violations of WCAG 2.0/2.1 A and AA and its best practices on the loaded page.
 * axe.min.js is evaluated through the DevTools protocol rather than added as a <script>: the
 * pages are served with a Content-Security-Policy that (rightly) refuses inline script, and the
 * test must see them under that policy.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async (tags) => {
    const page = globalThis as unknown as AxeGlobals;
    return page.axe.run(page.document, { runOnly: { type: "tag", values: tags } });
  }, AXE_TAGS);
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(" ")),
  }));
}
