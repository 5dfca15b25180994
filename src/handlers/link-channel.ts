import { NoteratError } from "../domain/errors.js";
import { assertSecretary } from "../domain/permissions.js";
import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import { requireCouncil } from "./scope.js";

/** How long a link code can be used: long enough to switch to Teams, short enough to leak. */
const CODE_LIFETIME_MS = 60 * 60 * 1000;

/**
 * `koppla [KOD]`: one council in several channels, also across Slack and Teams, where the same
 * secretary is a different user. Without a code the secretary gets one; typed in another
 * channel it binds that channel, and whoever typed it becomes a secretary there.
 */
export const linkChannel: CommandHandler<"link"> = async (context) => {
  const { command, deps, t, now, place } = context;
  if (command.code === undefined) {
    const council = requireCouncil(context);
    assertSecretary(context.roles);
    const code = await deps.store.councils.createLinkCode(
      council.id,
      context.actor.id,
      new Date(now.getTime() + CODE_LIFETIME_MS),
    );
    return textReply(
      "caller",
      t.t("link.code", { council: council.name, code: `${code.slice(0, 4)}-${code.slice(4)}` }),
    );
  }
  if (context.council) throw new NoteratError("already-bound", { council: context.council.name });
  const person = await context.storedActor();
  const council = await deps.store.councils.redeemLinkCode(command.code, place, person, now);
  if (!council) throw new NoteratError("link-code-invalid");
  return textReply(
    "channel",
    t.t("link.bound", { council: council.name, name: person.displayName }),
  );
};
