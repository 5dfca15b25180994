import { parseCommand } from "../domain/command/parse-command.js";
import { NoteratError } from "../domain/errors.js";
import { createTranslator } from "../domain/i18n/translator.js";
import type { Reply } from "../domain/reply.js";
import type { CommandRegistry } from "./command-registry.js";
import type { CommandRequest, HandlerDeps } from "./context.js";
import { errorReply, parseErrorReply } from "./error-replies.js";

/**
 * The path of every command from every surface: understand it, resolve who and where, run its
 * use case. A command that is not understood, or not allowed, changes nothing and gets a reply
 * that says why; only unexpected failures escape, for the surface's top-level handler.
 */
export async function handleCommand(
  deps: HandlerDeps,
  registry: CommandRegistry,
  request: CommandRequest,
): Promise<Reply> {
  const now = deps.clock.now();
  const council = await deps.store.councils.findByPlace(request.place);
  const timeZone = council?.timeZone ?? deps.defaults.timeZone;
  const locale = council?.locale ?? deps.defaults.locale;
  const t = createTranslator(locale);

  const parsed = parseCommand(request.text, {
    now,
    timeZone,
    readMention: request.readMention,
  });
  if (!parsed.ok) return parseErrorReply(parsed.error, t);

  try {
    const actor = await deps.store.people.ensure(request.actor);
    const role = council ? await deps.store.people.roleIn(council.id, actor.id) : null;
    return await registry.handlerFor(parsed.command.id)({
      command: parsed.command,
      deps,
      now,
      actor,
      place: request.place,
      council,
      role,
      ...(request.deliveryId === undefined
        ? {}
        : {
            deliveryKey: `${request.place.platform}:${request.place.workspaceId}:${request.deliveryId}`,
          }),
      t,
      dates: { locale, timeZone, now },
    });
  } catch (error) {
    if (error instanceof NoteratError) return errorReply(error, t);
    throw error;
  }
}
