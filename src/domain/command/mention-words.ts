import type { Mention, MentionReader } from "../types.js";
import { type Token, withoutTrailing } from "./tokens.js";

/** Words people put between the people they name: "@anna och @per", "@anna, @per". */
const CONNECTORS = new Set(["och", "and", "&", ","]);

export interface MentionRun {
  /** Each person once, in the order named. */
  mentions: Mention[];
  /** The index of the first word that is not part of the run. */
  next: number;
}

/** The mentions that start at `words[from]`. */
export function readMentions(
  words: readonly Token[],
  from: number,
  reader: MentionReader,
): MentionRun {
  const mentions: Mention[] = [];
  let index = from;
  while (index < words.length) {
    const word = words[index]?.text ?? "";
    const mention = readMention(word, reader);
    if (mention !== undefined) {
      if (!mentions.some((known) => known.externalId === mention.externalId))
        mentions.push(mention);
      index++;
      continue;
    }
    const following = words[index + 1]?.text;
    const joinsTwo =
      mentions.length > 0 &&
      CONNECTORS.has(word.toLowerCase()) &&
      following !== undefined &&
      readMention(following, reader) !== undefined;
    if (!joinsTwo) break;
    index++;
  }
  return { mentions, next: index };
}

/** One word as a mention; a comma after it ("@anna,") is punctuation, not part of the name. */
export function readMention(word: string, reader: MentionReader): Mention | undefined {
  const mention = reader(word);
  if (mention !== undefined) return mention;
  const bare = withoutTrailing(word, ",;");
  return bare === word || bare === "" ? undefined : reader(bare);
}
