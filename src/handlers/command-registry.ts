import type { CommandId, ParsedCommand } from "../domain/command/parsed-command.js";
import type { ReplyBody } from "../domain/reply.js";
import type { CommandContext } from "./context.js";

export type CommandHandler<I extends CommandId> = (
  context: CommandContext<Extract<ParsedCommand, { id: I }>>,
) => Promise<ReplyBody>;

/**
 * The one map from command id to use case. Slash commands, buttons, modals, Teams messages and
 * console lines all resolve to these ids.
 */
export class CommandRegistry {
  private readonly handlers = new Map<CommandId, CommandHandler<CommandId>>();

  register<I extends CommandId>(id: I, handler: CommandHandler<I>): this {
    if (this.handlers.has(id)) throw new Error(`command ${id} is registered twice`);
    this.handlers.set(id, handler as unknown as CommandHandler<CommandId>);
    return this;
  }

  handlerFor(id: CommandId): CommandHandler<CommandId> {
    const handler = this.handlers.get(id);
    if (!handler) throw new Error(`no handler for command ${id}`);
    return handler;
  }

  ids(): CommandId[] {
    return [...this.handlers.keys()];
  }
}
