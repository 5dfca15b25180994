import { HEADING_LIMIT, HIDDEN_CHARACTER } from "./command/text-limits.js";
import { foldSpace } from "./command/tokens.js";

/** A person's name is one line in a list or the minutes, as long as a heading may be. */
export const NAME_LIMIT = HEADING_LIMIT;

const HIDDEN_CHARACTERS = new RegExp(HIDDEN_CHARACTER.source, "gu");

/**
 * A display name from a chat profile, a roster or a mention, as it may be stored and shown: the
 * characters typed text is refused for (control characters, bidirectional overrides, lone
 * surrogates) removed, line breaks and runs of spaces made one space, and cut at NAME_LIMIT code
 * points. Removed, not refused: the name is not the writer's to correct. Empty when nothing is
 * left; the caller names the person by id then.
 */
export function displayNameOf(raw: string): string {
  const folded = foldSpace(raw.replace(HIDDEN_CHARACTERS, ""));
  const points = Array.from(folded);
  return points.length <= NAME_LIMIT ? folded : points.slice(0, NAME_LIMIT).join("").trimEnd();
}
