import {
  type Assignee,
  type ExternalRef,
  isExternalRef,
} from "../domain/command/external-assignee.js";
import { NoteratError } from "../domain/errors.js";
import type { CouncilRecord, PersonRecord } from "../domain/records.js";
import type { Mention } from "../domain/types.js";
import type { CommandContext } from "./context.js";

/** Who `uppdrag` names, as stored people; `named`: those outside the chat it named first. */
export interface StoredAssignees {
  people: PersonRecord[];
  named: PersonRecord[];
}

/**
 * The people `uppdrag` names: mentioned chat users (stored on first sight), and assignees
 * outside the chat: `@"Regionens kansli"` named now if it was not before, `@kansliet` only
 * when it was.
 */
export async function storedAssignees(
  context: CommandContext<unknown>,
  council: CouncilRecord,
  assignees: readonly Assignee[],
): Promise<StoredAssignees> {
  const { store } = context.deps;
  const stored: StoredAssignees = { people: [], named: [] };
  for (const assignee of assignees) {
    if (!isExternalRef(assignee)) {
      const external = await consoleExternal(context, council, assignee);
      stored.people.push(external ?? (await store.people.ensureMentioned(assignee, context.place)));
    } else if (assignee.name === undefined) {
      stored.people.push(await namedExternal(context, council, assignee));
    } else {
      const external = { handle: assignee.handle, name: assignee.name };
      const { person, created } = await store.actions.nameExternal(
        council.id,
        external,
        context.actor.id,
        context.now,
      );
      stored.people.push(person);
      if (created) stored.named.push(person);
    }
  }
  return stored;
}

/** The stored person `uppdrag @PERSON` lists; null for someone never stored or named. */
export async function listedAssignee(
  context: CommandContext<unknown>,
  council: CouncilRecord,
  assignee: Assignee,
): Promise<PersonRecord | null> {
  if (!isExternalRef(assignee)) {
    return (
      (await consoleExternal(context, council, assignee)) ??
      context.deps.store.people.findMentioned(assignee, context.place)
    );
  }
  return assignee.name === undefined
    ? namedExternal(context, council, assignee)
    : context.deps.store.actions.external(council.id, assignee.handle);
}

/** `@kansliet`: the external the council named so, or a reply that says how to name one. */
async function namedExternal(
  context: CommandContext<unknown>,
  council: CouncilRecord,
  external: ExternalRef,
): Promise<PersonRecord> {
  const known = await context.deps.store.actions.external(council.id, external.handle);
  if (!known) throw new NoteratError("unknown-external", { handle: external.handle });
  return known;
}

/**
 * On the console a person is `@name` as an external is `@handle`: there a name the council gave
 * an external means the external. Other surfaces' mentions are ids, never a handle.
 */
async function consoleExternal(
  context: CommandContext<unknown>,
  council: CouncilRecord,
  mention: Mention,
): Promise<PersonRecord | null> {
  return context.place.platform === "local"
    ? context.deps.store.actions.external(council.id, mention.externalId)
    : null;
}
