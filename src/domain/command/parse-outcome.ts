import type { CommandInput } from "./command-input.js";
import type { CommandId, ParsedCommand, ParseErrorCode, ParseResult } from "./parsed-command.js";
import { foldSpace, typedText } from "./tokens.js";

export type Rejection = Extract<ParseResult, { ok: false }>;

/** Quoted words are the user's own and may be a pasted page; the reply shows their start. */
const QUOTE_LIMIT = 60;

export function parsed(command: ParsedCommand): ParseResult {
  return { ok: true, command };
}

export function rejected(
  code: ParseErrorCode,
  command?: CommandId,
  params: Record<string, string | number> = {},
): Rejection {
  const shown =
    typeof params.word === "string" ? { ...params, word: shortened(params.word) } : params;
  return {
    ok: false,
    error: command === undefined ? { code, params: shown } : { code, command, params: shown },
  };
}

/** The command word was given without what it needs; the reply shows the command's form. */
export function missingArgument(input: CommandInput, command: CommandId): Rejection {
  return rejected("missing-argument", command, { word: input.word });
}

/** Words from `input.args[from]` on that the command has no place for. */
export function unexpectedArgument(
  input: CommandInput,
  from: number,
  command: CommandId,
): Rejection {
  const word = foldSpace(typedText(input.source, input.args, from));
  return rejected("unexpected-argument", command, { word });
}

function shortened(word: string): string {
  const characters = Array.from(word);
  return characters.length <= QUOTE_LIMIT
    ? word
    : `${characters.slice(0, QUOTE_LIMIT - 1).join("")}…`;
}
