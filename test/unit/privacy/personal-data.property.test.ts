import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findPersonalData } from "../../../src/domain/privacy/personal-data.js";

// Issue 15: any valid generated personal or co-ordination number, in any common form, embedded
// in Swedish text is found with its kind; any 10- or 12-digit string with a wrong check digit is
// never reported as one. Check digits are computed here on their own, not by the code under test.

function luhnCheckDigit(nineDigits: string): number {
  const sum = [...nineDigits].reduce((total, digit, index) => {
    const product = Number(digit) * (index % 2 === 0 ? 2 : 1);
    return total + Math.floor(product / 10) + (product % 10);
  }, 0);
  return (10 - (sum % 10)) % 10;
}

const pad = (value: number, width: number) => String(value).padStart(width, "0");

/** Letters, spaces and punctuation of Swedish prose: never a digit or an "@". */
const prose = fc.string({
  unit: fc.constantFrom(..."abcåäöxyzÅÄÖ EÉ .,;:!?()–-/\"”'»«\n\t§%&*"),
  maxLength: 30,
});

const birth = fc
  .record({ year: fc.integer({ min: 1800, max: 2099 }), month: fc.integer({ min: 1, max: 12 }) })
  .chain(({ year, month }) =>
    fc.record({
      year: fc.constant(year),
      month: fc.constant(month),
      // Day 0 of the next month is the last of this one; years ≥ 100 are safe with Date.UTC.
      day: fc.integer({ min: 1, max: new Date(Date.UTC(year, month, 0)).getUTCDate() }),
      coordination: fc.boolean(),
      serial: fc.integer({ min: 0, max: 999 }),
    }),
  );

/** The forms the person's age allows: "+" from the 1800s and 1900s, no separator or "-" otherwise. */
const validNumber = birth.chain(({ year, month, day, coordination, serial }) => {
  const date = `${pad(year % 100, 2)}${pad(month, 2)}${pad(coordination ? day + 60 : day, 2)}`;
  const nine = `${date}${pad(serial, 3)}`;
  const last4 = `${pad(serial, 3)}${luhnCheckDigit(nine)}`;
  const century = pad(Math.floor(year / 100), 2);
  const forms = [`${century}${date}-${last4}`, `${century}${date}${last4}`];
  if (year < 2000) forms.push(`${date}+${last4}`);
  if (year >= 1900) forms.push(`${date}-${last4}`, `${date}${last4}`);
  return fc.record({
    number: fc.constantFrom(...forms),
    kind: fc.constant(coordination ? "coordination-number" : "personal-number"),
  });
});

/** A 10- or 12-digit string, in the forms above, whose last digit is not the Luhn check digit. */
const wrongCheckDigit = fc
  .record({
    century: fc.constantFrom("", "18", "19", "20", "55"),
    // Random digits mostly make impossible dates; a real date tests the check digit alone.
    date: fc.oneof(
      fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 6, maxLength: 6 }),
      birth.map(({ year, month, day }) => `${pad(year % 100, 2)}${pad(month, 2)}${pad(day, 2)}`),
    ),
    serial: fc.integer({ min: 0, max: 999 }),
    offset: fc.integer({ min: 1, max: 9 }),
    separator: fc.constantFrom("", "-", "+"),
  })
  .map(({ century, date, serial, offset, separator }) => {
    const nine = `${date}${pad(serial, 3)}`;
    const wrong = (luhnCheckDigit(nine) + offset) % 10;
    return `${century}${date}${separator}${pad(serial, 3)}${wrong}`;
  });

describe("personal data in arbitrary text", () => {
  it("finds every valid personal or co-ordination number, in any form, with its kind", () => {
    fc.assert(
      fc.property(prose, validNumber, prose, (before, { number, kind }, after) => {
        const text = `${before}${number}${after}`;
        expect(findPersonalData(text)).toContainEqual(
          expect.objectContaining({ kind, text: number, start: before.length }),
        );
      }),
      { seed: 15_2026, numRuns: 2000 },
    );
  });

  it("never reports a number with a wrong check digit as a personal or co-ordination number", () => {
    fc.assert(
      fc.property(prose, wrongCheckDigit, prose, (before, number, after) => {
        // A 10-digit string from 07… may well be a phone number; that is not this property.
        const kinds = findPersonalData(`${before}${number}${after}`).map((match) => match.kind);
        expect(kinds.filter((kind) => kind !== "phone")).toEqual([]);
      }),
      { seed: 30_05, numRuns: 2000 },
    );
  });
});
