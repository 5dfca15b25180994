import { displayNameOf } from "../../domain/display-name.js";
import type { MentionReader } from "../../domain/types.js";

const LOCAL_MENTION = /^@([\p{L}\p{N}._-]+)$/u;

/** In the console a person is `@name`; the lower-cased name is their id. */
export const readLocalMention: MentionReader = (token) => {
  const name = LOCAL_MENTION.exec(token)?.[1];
  return name === undefined
    ? undefined
    : { externalId: name.toLowerCase(), displayName: displayNameOf(name) };
};
