// Swedish personal identity numbers (personnummer, Skatteverket SKV 704) and co-ordination
// numbers (samordningsnummer, SKV 707: the day of birth + 60). Only numbers with a real date and
// a right check digit count, so that case numbers, dates and amounts are not taken for one.
import { isValidLocalDate } from "../dates/local-date.js";

export interface IdNumberParts {
  /** "19" in "19121212-1212"; absent in the 10-digit forms. */
  century?: string;
  /** "121212" */
  date: string;
  /** "-", "+" (100 years or older, 10-digit form only) or "". */
  separator: string;
  /** "1212": three serial digits and the check digit. */
  serial: string;
}

export type IdNumberKind = "personal-number" | "coordination-number";

/** The kind of number the parts make, or undefined when the date or the check digit is wrong. */
export function idNumberKind(parts: IdNumberParts): IdNumberKind | undefined {
  const { century, date, separator, serial } = parts;
  if (century !== undefined && (separator === "+" || !["18", "19", "20"].includes(century))) {
    return undefined;
  }
  if (!hasLuhnCheckDigit(date + serial)) return undefined;
  const yy = Number(date.slice(0, 2));
  const month = Number(date.slice(2, 4));
  const dayField = Number(date.slice(4, 6));
  const coordination = dayField > 60;
  const day = coordination ? dayField - 60 : dayField;
  // A 6-digit date does not say its century: accept it when the date exists in one it can be
  // (1900s or 2000s; with "+", 1800s or 1900s), so 29 Feb needs yy divisible by 4.
  const centuries =
    century !== undefined ? [Number(century)] : separator === "+" ? [18, 19] : [19, 20];
  const dateExists = centuries.some((c) => isValidLocalDate({ year: c * 100 + yy, month, day }));
  if (!dateExists) return undefined;
  return coordination ? "coordination-number" : "personal-number";
}

/** The Luhn (mod 10) check over the 10-digit form: weights 2, 1, 2, … from the left. */
function hasLuhnCheckDigit(tenDigits: string): boolean {
  let sum = 0;
  for (const [index, digit] of [...tenDigits].entries()) {
    const product = Number(digit) * (index % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return sum % 10 === 0;
}
