import type { CommandInput } from "./command-input.js";
import { splitDue } from "./due-suffix.js";
import { readRef } from "./entry-ref.js";
import { type Assignee, isExternalRef } from "./external-assignee.js";
import { readAssignees, readMention } from "./mention-words.js";
import {
  missingArgument,
  parsed,
  type Rejection,
  rejected,
  unexpectedArgument,
} from "./parse-outcome.js";
import type { ParseResult } from "./parsed-command.js";
import { readRole } from "./role-words.js";
import { HEADING_LIMIT, overLimit, TEXT_LIMIT } from "./text-limits.js";
import { foldSpace, typedText } from "./tokens.js";

/**
 * `uppdrag [#ID] @PERSON [@PERSON…] TEXT [senast DATUM]` assigns, tied to item #ID when one is
 * named; `uppdrag @PERSON` alone lists that person's open actions (architecture.md §3 gives both forms
 * the same word). A PERSON may be outside the chat: `@"Regionens kansli"`, or `@kansliet`.
 */
export function parseAction(input: CommandInput): ParseResult {
  const { args, context } = input;
  const [first] = args;
  if (first === undefined) return missingArgument(input, "action");
  const itemRef = readRef(first.text);
  const start = itemRef === undefined ? 0 : 1;
  const { assignees, next } = readAssignees(args, input.source, start, context.readMention);
  const [person] = assignees;
  if (person === undefined) {
    const word = args[start];
    return word === undefined
      ? rejected("missing-argument", "action", { word: `${input.word} ${first.text}` })
      : rejected("bad-mention", "action", { word: word.text });
  }
  const longName = namesOverLimit(assignees, "action");
  if (longName !== undefined) return longName;
  if (next === args.length) {
    return assignees.length === 1 && itemRef === undefined
      ? parsed({ id: "list-person", person })
      : rejected("empty-text", "action");
  }
  const { end, due, noSuchDate } = splitDue(args, next, context);
  if (noSuchDate !== undefined) return rejected("no-such-date", "action", { word: noSuchDate });
  const text = foldSpace(typedText(input.source, args, next, end));
  if (text === "") return rejected("empty-text", "action");
  return (
    overLimit(text, TEXT_LIMIT, "action") ??
    parsed({
      id: "action",
      assignees,
      text,
      ...(due === undefined ? {} : { due }),
      ...(itemRef === undefined ? {} : { itemRef }),
    })
  );
}

/** English `actions @PERSON`: one person's open actions. */
export function parseActionsOf(input: CommandInput): ParseResult {
  const [word] = input.args;
  if (word === undefined) return missingArgument(input, "list-person");
  const { assignees, next } = readAssignees(input.args, input.source, 0, input.context.readMention);
  const [person] = assignees;
  if (person === undefined) return rejected("bad-mention", "list-person", { word: word.text });
  if (assignees.length > 1 || next < input.args.length) {
    return unexpectedArgument(input, assignees.length > 1 ? 1 : next, "list-person");
  }
  return namesOverLimit(assignees, "list-person") ?? parsed({ id: "list-person", person });
}

/** A name written in quotes is a heading's length at most, as a council's name is. */
function namesOverLimit(
  assignees: readonly Assignee[],
  command: "action" | "list-person",
): Rejection | undefined {
  for (const assignee of assignees) {
    const tooLong =
      isExternalRef(assignee) && assignee.name !== undefined
        ? overLimit(assignee.name, HEADING_LIMIT, command)
        : undefined;
    if (tooLong !== undefined) return tooLong;
  }
  return undefined;
}

/** `roll @PERSON ROLL` */
export function parseRole(input: CommandInput): ParseResult {
  const [personWord, roleWord] = input.args;
  if (personWord === undefined) return missingArgument(input, "role");
  const person = readMention(personWord.text, input.context.readMention);
  if (person === undefined) return rejected("bad-mention", "role", { word: personWord.text });
  if (roleWord === undefined) return missingArgument(input, "role");
  const role = readRole(roleWord.text);
  if (role === undefined) return rejected("bad-role", "role", { word: roleWord.text });
  return input.args.length > 2
    ? unexpectedArgument(input, 2, "role")
    : parsed({ id: "role", person, role });
}
