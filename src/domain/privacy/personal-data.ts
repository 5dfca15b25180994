// The personal data a draft should not carry onto the web unseen (architecture.md §15): Swedish
// personal identity and co-ordination numbers, Swedish phone numbers and e-mail addresses.
import { idNumberKind } from "./swedish-id-number.js";

export const PERSONAL_DATA_KINDS = [
  "personal-number",
  "coordination-number",
  "phone",
  "email",
] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  start: number;
  end: number;
  text: string;
  masked: string;
}

// A whole run of 10 or 12 digits, perhaps with "-" or "+" before the last four.
const ID_NUMBER = /(?<!\d)(\d{2})?(\d{6})([-+]?)(\d{4})(?!\d)/g;
// 0, +46 or 0046, then the number without its leading 0, in groups split by a space or a dash;
// never right after another number or a slash ("Dnr 2026-00123", "1 250 000",
// "2026-12-07 13.00", "Dnr 2026/08123456").
const PHONE = /(?<!\d[ -]?|\/)(?:(?:\+|00)46[ -]?(?:\(0\)[ -]?)?|0)([1-9](?:[ -]?\d){6,8})(?!\d)/g;
const DAY_MONTH_YEAR = /^\d{2}-\d{2}-\d{4}$/;
// Opening hours written without a separator: "0830-1630", "08 30-16 30".
const TIME_RANGE = /^(?:[01]\d|2[0-3]) ?[0-5]\d-(?:[01]\d|2[0-3]) ?[0-5]\d$/;
// Starting only where a local part can start keeps a long run of letters linear, not quadratic.
const EMAIL =
  /(?<![\p{L}\p{N}_%+-]|[\p{L}\p{N}_%+-]\.)[\p{L}\p{N}_%+-]+(?:\.[\p{L}\p{N}_%+-]+)*@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/** Every personal identity number, co-ordination number, Swedish phone number and e-mail address in the text, in order, not overlapping. */
export function findPersonalData(text: string): PersonalDataMatch[] {
  // Earlier kinds win an overlap: an e-mail address may hold digits, and a personal number
  // such as 0701234567 could also be dialled.
  const found: PersonalDataMatch[] = [];
  const add = (kind: PersonalDataKind | undefined, match: RegExpMatchArray, masked: string) => {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (kind && found.every((other) => end <= other.start || start >= other.end)) {
      found.push({ kind, start, end, text: match[0], masked });
    }
  };
  for (const match of text.matchAll(EMAIL)) add("email", match, maskEmail(match[0]));
  for (const match of text.matchAll(ID_NUMBER)) {
    const [, century, date = "", separator = "", serial = ""] = match;
    add(idNumberKind({ century, date, separator, serial }), match, maskMiddle(match[0], 2, 2));
  }
  for (const match of text.matchAll(PHONE)) {
    add(isPhoneNumber(match) ? "phone" : undefined, match, maskMiddle(match[0], 2, 2));
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Counted with its leading 0: a mobile number (07…) has 10 digits, a landline 9 or 10, and a
 * Stockholm one (08…) also 8 ("08-12 34 56"); "08-12-2026" is a date.
 */
function isPhoneNumber([whole, national = ""]: RegExpMatchArray): boolean {
  const digits = 1 + national.replace(/\D/g, "").length;
  const fewest = national.startsWith("7") ? 10 : national.startsWith("8") ? 8 : 9;
  return digits >= fewest && !DAY_MONTH_YEAR.test(whole) && !TIME_RANGE.test(whole);
}

/** "an••.••••@••••••.se": the first two letters or digits of the name and the top-level domain. */
function maskEmail(address: string): string {
  const at = address.lastIndexOf("@");
  const dot = address.lastIndexOf(".");
  return `${maskMiddle(address.slice(0, at), 2, 0)}@${maskMiddle(address.slice(at + 1, dot), 0, 0)}${address.slice(dot)}`;
}

/** Letters and digits other than the first `keepFirst` and last `keepLast` become "•"; separators stay. */
function maskMiddle(text: string, keepFirst: number, keepLast: number): string {
  const total = text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  let seen = 0;
  return text.replace(/[\p{L}\p{N}]/gu, (char) => {
    seen += 1;
    return seen <= keepFirst || seen > total - keepLast ? char : "•";
  });
}
