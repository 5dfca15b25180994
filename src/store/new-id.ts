import { randomInt } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
const RANDOM_CHARACTERS = 16;

/** Link codes: eight characters people can read aloud and type, no 0/O, 1/I/L. */
export const LINK_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const LINK_CODE_LENGTH = 8;

/**
 * Each character drawn uniformly: randomInt rejects the draws a modulo over random bytes would
 * fold onto the first characters (256 is no multiple of 31 or 36).
 */
function randomCharacters(alphabet: string, length: number): string {
  let text = "";
  for (let i = 0; i < length; i++) text += alphabet[randomInt(alphabet.length)];
  return text;
}

/**
 * An id for a row the store inserts with its own SQL, shaped like the cuid() Prisma gives the
 * rows it inserts (25 lower-case letters and digits, starting with "c"), and as unique: the time
 * in ms, then 16 random characters (~82 bits).
 */
export function newId(): string {
  const time = Date.now().toString(36).padStart(8, "0");
  return `c${time}${randomCharacters(ALPHABET, RANDOM_CHARACTERS)}`;
}

/** A one-time code that binds another channel to a council (`koppla KOD`). */
export function newLinkCode(): string {
  return randomCharacters(LINK_CODE_ALPHABET, LINK_CODE_LENGTH);
}
