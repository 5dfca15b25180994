import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
const RANDOM_CHARACTERS = 16;

/**
 * An id for a row the store inserts with its own SQL, shaped like the cuid() Prisma gives the
 * rows it inserts (25 lower-case letters and digits, starting with "c"), and as unique: the time
 * in ms, then 16 random characters (~82 bits).
 */
export function newId(): string {
  const time = Date.now().toString(36).padStart(8, "0");
  let random = "";
  for (const byte of randomBytes(RANDOM_CHARACTERS)) random += ALPHABET[byte % ALPHABET.length];
  return `c${time}${random}`;
}
