import type { Locale } from "../types.js";

// The genitive of a name as each language writes it in running text ("vid Reglabs möte").

/** Swedish adds no s after these (Västerås, Fix, Svealandz, ÖMS). */
const SWEDISH_SIBILANT = /[sxz]$/iu;
const ENDS_IN_LETTER = /\p{L}$/u;
const TRAILING_WORD = /\p{L}+$/u;

/** sv "Reglabs", "Västerås", "SKR:s", "Agenda 2030:s"; en "Reglab's", "Västerås'". */
export function genitive(name: string, locale: Locale): string {
  const trimmed = name.trim();
  if (trimmed === "") return "";
  return locale === "sv" ? swedishGenitive(trimmed) : englishGenitive(trimmed);
}

function swedishGenitive(name: string): string {
  if (SWEDISH_SIBILANT.test(name)) return name;
  // After a digit, a closing parenthesis or quote, or an abbreviation, Swedish writes colon-s.
  if (!ENDS_IN_LETTER.test(name) || isAbbreviation(TRAILING_WORD.exec(name)?.[0] ?? "")) {
    return `${name}:s`;
  }
  return `${name}s`;
}

function englishGenitive(name: string): string {
  return /s$/iu.test(name) ? `${name}'` : `${name}'s`;
}

/** All capitals ("SKR", "AB", a lone "A"): read letter by letter, so it takes colon-s. */
function isAbbreviation(word: string): boolean {
  return word !== "" && word === word.toUpperCase() && word !== word.toLowerCase();
}
