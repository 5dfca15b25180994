/** Item and action numbers are stored as 32-bit integers; a larger number names nothing. */
const MAX_REF = 2_147_483_647;
const REF = /^#?(\d{1,10})$/u;

/** `12` or `#12` as written in acknowledgements and lists; undefined for anything else. */
export function readRef(word: string): number | undefined {
  const digits = REF.exec(word)?.[1];
  if (digits === undefined) return undefined;
  const ref = Number(digits);
  return ref >= 1 && ref <= MAX_REF ? ref : undefined;
}
