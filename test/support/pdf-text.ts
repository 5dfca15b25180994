/**
 * A PDF's text as a reader gets it: poppler's pdftotext (installed in CI, as for the unit
 * tests of the renderer; a missing binary fails the test rather than skip it), pages in order,
 * runs of white space as one space.
 */
import { spawn } from "node:child_process";

export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("pdftotext", ["-enc", "UTF-8", "-", "-"], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString("utf8").replace(/\s+/g, " ").trim());
      else reject(new Error(`pdftotext exited with ${code}: ${Buffer.concat(err).toString()}`));
    });
    child.stdin.end(pdf);
  });
}
