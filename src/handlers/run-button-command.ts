import { isButtonCommand } from "../domain/command/button-commands.js";
import { NoteratError } from "../domain/errors.js";
import type { Identity, Place } from "../domain/records.js";
import type { Reply } from "../domain/reply.js";
import type { CommandRegistry } from "./command-registry.js";
import type { HandlerDeps } from "./context.js";
import { refusalReply } from "./error-replies.js";
import { handleCommand } from "./handle-command.js";

/** A button press as any surface delivers it: who, the council and command it carries, and where. */
export interface ButtonRequest {
  actor: Identity;
  councilId: string;
  command: string;
  /** Where it was pressed: a council channel, a personal chat, the App Home page. */
  here: Place;
}

/**
 * "Klar", "Skjut upp", "Justera", "Publicera": the command runs in a channel of the council the
 * button names, on the platform and in the workspace it was pressed in (the channel it was
 * pressed in when that is one of them), so a button works in a DM or on App Home too. Only
 * the buttons' own commands run: a forged value can do nothing its sender could not type in
 * that council's channel. `place` is where it ran, when it did.
 */
export async function runButtonCommand(
  deps: HandlerDeps,
  registry: CommandRegistry,
  request: ButtonRequest,
): Promise<{ reply: Reply; place?: Place }> {
  const { locale } = deps.defaults;
  if (!isButtonCommand(request.command)) {
    return { reply: refusalReply(new NoteratError("bad-button"), locale) };
  }
  const { here } = request;
  const channels = (await deps.store.councils.channelsOf(request.councilId)).filter(
    (place) => place.platform === here.platform && place.workspaceId === here.workspaceId,
  );
  const place = channels.find((channel) => channel.channelId === here.channelId) ?? channels[0];
  if (!place) return { reply: refusalReply(new NoteratError("no-council"), locale) };
  const reply = await handleCommand(deps, registry, {
    actor: request.actor,
    place,
    text: request.command,
    readMention: () => undefined,
  });
  return { reply, place };
}
