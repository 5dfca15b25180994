import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { displayNameOf } from "../../domain/display-name.js";
import { createTranslator } from "../../domain/i18n/translator.js";
import type { Reply } from "../../domain/reply.js";
import type { CommandRegistry } from "../../handlers/command-registry.js";
import type { HandlerDeps } from "../../handlers/context.js";
import { handleCommand } from "../../handlers/handle-command.js";
import type { Logger } from "../../logger.js";
import { renderReplyText } from "../../render/reply-text.js";
import { documentBytes, withDocumentsDelivered } from "../document-delivery.js";
import { readLocalMention } from "./local-mentions.js";

export interface ConsoleOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A terminal gets a prompt; a pipe is read as a script, one command per line. */
  interactive: boolean;
  deps: HandlerDeps;
  registry: CommandRegistry;
  logger: Logger;
  /** Who is typing; `/som NAMN` (`/as NAME`) changes it for the lines that follow. */
  user: string;
  channel: string;
  /** Where files asked for in the console (`protokoll pdf`) are written. */
  exportDir: string;
}

const SWITCH_USER = /^\/(?:som|as)(?:\s+(.*))?$/iu;
const USER_NAME = /^@?([\p{L}\p{N}._-]+)$/u;

/** The embedded default surface: a council meeting in a terminal or from a script. Resolves at end of input. */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { input, output, deps, registry, logger } = options;
  const t = createTranslator(deps.defaults.locale);
  const place = { platform: "local", workspaceId: "local", channelId: options.channel } as const;
  let user = options.user;
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
  const prompt = () => {
    if (options.interactive) output.write(`${user}> `);
  };

  if (options.interactive) output.write(`${t.t("local.welcome", { name: user })}\n`);
  prompt();
  for await (const raw of lines) {
    const line = raw.trim();
    const switching = SWITCH_USER.exec(line);
    if (switching) {
      const name = USER_NAME.exec(switching[1]?.trim() ?? "")?.[1];
      if (name !== undefined) user = name;
      const note = name === undefined ? "local.user-invalid" : "local.user-switched";
      output.write(`${t.t(note, { name: user })}\n\n`);
    } else if (line !== "" && !line.startsWith("#")) {
      output.write(`${await answer(line, user)}\n\n`);
    }
    prompt();
  }

  async function answer(text: string, name: string): Promise<string> {
    try {
      const reply = await handleCommand(deps, registry, {
        actor: {
          platform: "local",
          workspaceId: "local",
          externalId: name.toLowerCase(),
          displayName: displayNameOf(name),
        },
        place,
        text,
        readMention: readLocalMention,
      });
      const delivered = await withDocumentsDelivered(reply, async (block) => {
        const file = join(options.exportDir, block.filename);
        await mkdir(options.exportDir, { recursive: true });
        await writeFile(file, await documentBytes(block));
        const written = block.kind === "protocol-pdf" ? "pdf.written" : "my-data.written";
        return createTranslator(reply.locale).t(written, { file });
      });
      return `${privateMark(delivered)}${renderReplyText(delivered)}`;
    } catch (error) {
      // What was typed stays out of the log (architecture.md §15): its length only.
      logger.error({ err: error, length: text.length }, "command failed");
      return t.t("reply.internal-error");
    }
  }

  function privateMark(reply: Reply): string {
    return reply.audience === "caller" ? `${t.t("local.only-you")}\n` : "";
  }
}
