import { NoteratError } from "../domain/errors.js";
import { assertSecretary } from "../domain/permissions.js";
import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import { requireCouncil } from "./scope.js";

/** `roll @PERSON ROLL`: the secretary sets a role; a council never loses its last secretary. */
export const setRole: CommandHandler<"role"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  const { deps, command, place, t } = context;
  const person = await deps.store.people.ensureMentioned(command.person, place);
  if (command.role !== "secretary") {
    const members = await deps.store.people.members(council.id);
    const secretaries = members.filter((member) => member.role === "secretary");
    if (secretaries.length === 1 && secretaries[0]?.person.id === person.id) {
      throw new NoteratError("last-secretary");
    }
  }
  await deps.store.people.setRole(
    council.id,
    person.id,
    command.role,
    context.actor.id,
    context.now,
  );
  return textReply(
    "channel",
    t.t("role.set", { name: person.displayName, role: t.t(`role.${command.role}`) }),
  );
};
