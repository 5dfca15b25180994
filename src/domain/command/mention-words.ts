import type { Mention, MentionReader } from "../types.js";
import { type Assignee, handleOf, isExternalRef, readHandle } from "./external-assignee.js";
import { foldSpace, type Token, withoutTrailing } from "./tokens.js";

/** Words people put between the people they name: "@anna och @per", "@anna, @per". */
const CONNECTORS = new Set(["och", "and", "&", ","]);

export interface MentionRun {
  /** Each person once, in the order named. */
  mentions: Mention[];
  /** The index of the first word that is not part of the run. */
  next: number;
}

export interface AssigneeRun {
  /** Each assignee once, in the order named. */
  assignees: Assignee[];
  /** The index of the first word that is not part of the run. */
  next: number;
}

/** One name read at a word, and the index of the word after it (a quoted name spans several). */
type ReadOne<T> = (index: number) => { value: T; next: number } | undefined;

/** The mentions that start at `words[from]`. */
export function readMentions(
  words: readonly Token[],
  from: number,
  reader: MentionReader,
): MentionRun {
  const { found, next } = readRun(
    words,
    from,
    (index) => {
      const mention = readMention(words[index]?.text ?? "", reader);
      return mention === undefined ? undefined : { value: mention, next: index + 1 };
    },
    (mention) => mention.externalId,
  );
  return { mentions: found, next };
}

/**
 * The assignees that start at `words[from]`: the surface's mentions, and assignees outside the
 * chat, `@"Regionens kansli"` (a new or known one) or `@kansliet` (one named before). The
 * surface's syntax is read first, so that a console's `@anna` stays a person; the council's
 * handler decides whether a console name is one of its externals.
 */
export function readAssignees(
  words: readonly Token[],
  source: string,
  from: number,
  reader: MentionReader,
): AssigneeRun {
  const { found, next } = readRun(
    words,
    from,
    (index): { value: Assignee; next: number } | undefined => {
      const quoted = readQuotedName(words, source, index);
      if (quoted !== undefined) return quoted;
      const word = words[index]?.text ?? "";
      const mention = readMention(word, reader);
      if (mention !== undefined) return { value: mention, next: index + 1 };
      const handle = readHandle(withoutTrailing(word, ",;"));
      return handle === undefined ? undefined : { value: { handle }, next: index + 1 };
    },
    (assignee) =>
      isExternalRef(assignee) ? `external:${assignee.handle}` : `mention:${assignee.externalId}`,
  );
  return { assignees: found, next };
}

/** One word as a mention; a comma after it ("@anna,") is punctuation, not part of the name. */
export function readMention(word: string, reader: MentionReader): Mention | undefined {
  const mention = reader(word);
  if (mention !== undefined) return mention;
  const bare = withoutTrailing(word, ",;");
  return bare === word || bare === "" ? undefined : reader(bare);
}

/** Each name once, joined by connectors ("@anna och @per"); stops at the first word that is none. */
function readRun<T>(
  words: readonly Token[],
  from: number,
  readOne: ReadOne<T>,
  key: (value: T) => string,
): { found: T[]; next: number } {
  const found: T[] = [];
  const keys = new Set<string>();
  let index = from;
  while (index < words.length) {
    const read = readOne(index);
    if (read !== undefined) {
      if (!keys.has(key(read.value))) {
        keys.add(key(read.value));
        found.push(read.value);
      }
      index = read.next;
      continue;
    }
    const word = words[index]?.text ?? "";
    const joinsTwo =
      found.length > 0 &&
      CONNECTORS.has(word.toLowerCase()) &&
      index + 1 < words.length &&
      readOne(index + 1) !== undefined;
    if (!joinsTwo) break;
    index++;
  }
  return { found, next: index };
}

/** Straight quotes, the curly ones phones put in (“…”, ”…”, „…“), and Swedish »…». */
const OPENING = /^@["“”„»«]/u;
const CLOSING = /["“”»«]$/u;

/**
 * `@"Regionens kansli"` from `words[from]` up to the word that ends in a quote: the name as
 * written (spaces folded) and its handle; undefined when no word closes it or it is empty.
 */
function readQuotedName(
  words: readonly Token[],
  source: string,
  from: number,
): { value: Assignee; next: number } | undefined {
  const first = words[from];
  if (first === undefined || !OPENING.test(first.text)) return undefined;
  for (let index = from; index < words.length; index++) {
    const word = words[index];
    if (word === undefined) break;
    const bare = withoutTrailing(word.text, ",;");
    // The opening word closes itself only after at least its own quote: `@""`, `@"Kansliet"`.
    if (!CLOSING.test(bare) || (index === from && bare.length < 3)) continue;
    // `@` and the opening quote, and the closing quote, are one UTF-16 unit each.
    const name = foldSpace(source.slice(first.start + 2, word.start + bare.length - 1));
    const handle = handleOf(name);
    return handle === "" ? undefined : { value: { handle, name }, next: index + 1 };
  }
  return undefined;
}
