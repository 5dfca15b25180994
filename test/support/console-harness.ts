import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { pino } from "pino";
import { runConsole } from "../../src/bots/local/console-session.js";
import { localPublisher } from "../../src/bots/local/local-publisher.js";
import type { Locale } from "../../src/domain/types.js";
import { fanOutPublisher } from "../../src/handlers/publisher-fan-out.js";
import { createCommandRegistry } from "../../src/handlers/registry.js";
import type { Store } from "../../src/store/store.js";
import { exportWebFiles } from "../../src/web/export-files.js";

/** A clock the test moves by hand. */
export class FixedClock {
  private instant: Date;
  constructor(iso: string) {
    this.instant = new Date(iso);
  }
  now(): Date {
    return new Date(this.instant);
  }
  set(iso: string): void {
    this.instant = new Date(iso);
  }
}

export interface ConsoleRun {
  output: string;
  exportDir: string;
}

/** Runs the console surface in-process over a script, as `npm start < script` would, on a fixed clock. */
export async function runScript(
  store: Store,
  clock: FixedClock,
  script: string[],
  options: { user?: string; channel?: string; locale?: Locale; exportDir?: string } = {},
): Promise<ConsoleRun> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  const logger = pino({ level: "silent" });
  const exportDir = options.exportDir ?? mkdtempSync(join(tmpdir(), "noterat-export-"));
  const done = runConsole({
    input,
    output,
    interactive: false,
    deps: {
      store,
      clock,
      defaults: { locale: options.locale ?? "sv", timeZone: "Europe/Stockholm" },
      publisher: fanOutPublisher({ local: localPublisher(output) }, (publication) =>
        exportWebFiles(exportDir, publication),
      ),
    },
    registry: createCommandRegistry(),
    logger,
    user: options.user ?? "Sekreteraren",
    channel: options.channel ?? "konsol",
    exportDir,
  });
  input.end(`${script.join("\n")}\n`);
  await done;
  return { output: text, exportDir };
}
