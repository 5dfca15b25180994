import { randomFillSync } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
const RANDOM_CHARACTERS = 12;

/** Link codes: eight characters people can read aloud and type, no 0/O, 1/I/L. */
export const LINK_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const LINK_CODE_LENGTH = 8;

/**
 * Random bytes drawn from the CSPRNG 4 KB at a time: a 09:00 tick makes 13 000 ids at once, and
 * a call into it for each character (randomInt) was most of an id's cost.
 */
const pool = Buffer.alloc(4096);
let drawn = pool.length;

function randomByte(): number {
  if (drawn === pool.length) {
    randomFillSync(pool);
    drawn = 0;
  }
  const byte = pool[drawn] ?? 0;
  drawn += 1;
  return byte;
}

/**
 * Each character drawn uniformly: a byte at or above the largest multiple of the alphabet's
 * length under 256 is drawn again, rather than folded onto the first characters (256 is no
 * multiple of 31 or 36).
 */
function randomCharacters(alphabet: string, length: number): string {
  const limit = 256 - (256 % alphabet.length);
  let text = "";
  while (text.length < length) {
    const byte = randomByte();
    if (byte < limit) text += alphabet[byte % alphabet.length];
  }
  return text;
}

/** Ids made in the same millisecond: counted, so that this process's ids sort as they were made. */
const COUNTER_CHARACTERS = 4;
const COUNTER_SPAN = ALPHABET.length ** COUNTER_CHARACTERS;
let counter = 0;

/**
 * An id for a row the store inserts with its own SQL, shaped like the cuid() Prisma gives the
 * rows it inserts (25 lower-case letters and digits, starting with "c": the time in ms, a
 * counter, then random characters), and as unique: 12 random characters (~62 bits) after the
 * time and the counter. Ids this process makes sort in the order it made them (the audit log's
 * entries of one millisecond are listed by id); the counter wraps after
 * 1.7 million ids (only the ids of that one millisecond then sort out of order).
 */
export function newId(): string {
  const time = Date.now().toString(36).padStart(8, "0");
  counter = (counter + 1) % COUNTER_SPAN;
  const count = counter.toString(36).padStart(COUNTER_CHARACTERS, "0");
  return `c${time}${count}${randomCharacters(ALPHABET, RANDOM_CHARACTERS)}`;
}

/** A one-time code that binds another channel to a council (`koppla KOD`). */
export function newLinkCode(): string {
  return randomCharacters(LINK_CODE_ALPHABET, LINK_CODE_LENGTH);
}
