import type { CommandInput } from "./command-input.js";
import { splitDue } from "./due-suffix.js";
import { readRef } from "./entry-ref.js";
import { readMention, readMentions } from "./mention-words.js";
import { missingArgument, parsed, rejected, unexpectedArgument } from "./parse-outcome.js";
import type { ParseResult } from "./parsed-command.js";
import { readRole } from "./role-words.js";
import { overLimit, TEXT_LIMIT } from "./text-limits.js";
import { foldSpace, typedText } from "./tokens.js";

/**
 * `uppdrag [#ID] @PERSON [@PERSON…] TEXT [senast DATUM]` assigns, tied to item #ID when one is
 * named; `uppdrag @PERSON` alone lists that person's open actions (DESIGN.md §3 gives both forms
 * the same word).
 */
export function parseAction(input: CommandInput): ParseResult {
  const { args, context } = input;
  const [first] = args;
  if (first === undefined) return missingArgument(input, "action");
  const itemRef = readRef(first.text);
  const start = itemRef === undefined ? 0 : 1;
  const { mentions, next } = readMentions(args, start, context.readMention);
  const [person] = mentions;
  if (person === undefined) {
    const word = args[start];
    return word === undefined
      ? rejected("missing-argument", "action", { word: `${input.word} ${first.text}` })
      : rejected("bad-mention", "action", { word: word.text });
  }
  if (next === args.length) {
    return mentions.length === 1 && itemRef === undefined
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
      assignees: mentions,
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
  const person = readMention(word.text, input.context.readMention);
  if (person === undefined) return rejected("bad-mention", "list-person", { word: word.text });
  return input.args.length > 1
    ? unexpectedArgument(input, 1, "list-person")
    : parsed({ id: "list-person", person });
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
