import type { Role } from "../types.js";

/** architecture.md §1–§3: the role names in both languages, and the synonyms councils use. */
const ROLE_WORDS: ReadonlyMap<string, Role> = new Map([
  ["sekreterare", "secretary"],
  ["samordnare", "secretary"],
  ["secretary", "secretary"],
  ["ordförande", "chair"],
  ["chair", "chair"],
  ["justerare", "approver"],
  ["approver", "approver"],
  ["adjuster", "approver"],
  ["ledamot", "member"],
  ["member", "member"],
  ["ersättare", "substitute"],
  ["substitute", "substitute"],
]);

export function readRole(word: string): Role | undefined {
  return ROLE_WORDS.get(word.toLowerCase());
}
