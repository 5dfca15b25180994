import { describe, expect, it } from "vitest";
import { findPersonalData } from "../../../src/domain/privacy/personal-data.js";

// Tables of real-format numbers (check digits computed by the Luhn rule), near misses and the
// everyday numbers of minutes that must not cry wolf (architecture.md §15).

const found = (text: string) => findPersonalData(text).map(({ kind, text }) => [kind, text]);

describe("personal identity and co-ordination numbers", () => {
  it.each([
    ["121212-1212", "personal-number"],
    ["1212121212", "personal-number"],
    ["19121212-1212", "personal-number"],
    ["191212121212", "personal-number"],
    ["121212+1212", "personal-number"],
    ["811228-9874", "personal-number"],
    ["19811228-9874", "personal-number"],
    ["640823-3234", "personal-number"],
    ["990101-1230", "personal-number"],
    // 29 Feb 2000: 2000 was a leap year.
    ["000229-0005", "personal-number"],
    ["20000229-0005", "personal-number"],
    // Co-ordination numbers: the day + 60 (3 Oct 1970, 12 Dec 1919).
    ["701063-2383", "coordination-number"],
    ["7010632383", "coordination-number"],
    ["19701063-2383", "coordination-number"],
  ])("%s is a %s", (number, kind) => {
    expect(found(number)).toEqual([[kind, number]]);
  });

  it.each([
    ["121261-1238", "the 61st is the 1st", "coordination-number"],
    ["121291-1232", "the 91st is the 31st", "coordination-number"],
    ["840289-1231", "the 89th is 29 Feb 1984", "coordination-number"],
    ["121260-1239", "the 60th is no day", undefined],
    ["121292-1231", "the 92nd would be the 32nd", undefined],
    ["850289-1230", "the 89th would be 29 Feb 1985", undefined],
  ])("reads %s as a co-ordination number when the day - 60 exists: %s", (number, _, kind) => {
    expect(findPersonalData(number)[0]?.kind).toBe(kind);
  });

  it.each([
    ["a wrong check digit", "121212-1213"],
    ["a wrong check digit, 12 digits", "191212121219"],
    ["a wrong check digit, co-ordination", "701063-2384"],
    // The check digit is right in the rest: only the date fails.
    ["month 13, day 32", "991332-1239"],
    ["month 00", "990001-1231"],
    ["day 00", "990100-1231"],
    ["31 April", "990431-1231"],
    ["31 February", "850231-1239"],
    ["29 Feb in 2001 and 1901", "010229-0004"],
    // With "+", the person was born in the 1800s or 1900s; 1800 and 1900 were no leap years.
    ["29 Feb 100 years ago", "000229+0005"],
    ["day 32–60", "121245-1239"],
    ["an unknown century", "211212121212"],
    ["'+' in the 12-digit form", "19121212+1212"],
  ])("does not flag %s (%s)", (_, number) => {
    expect(findPersonalData(number).filter((m) => m.kind !== "phone")).toEqual([]);
  });

  it("takes no number out of a longer run of digits", () => {
    expect(found("12345121212121212")).toEqual([]);
    expect(found("kontonummer 11191212121212")).toEqual([]);
    expect(found("121212-12123")).toEqual([]);
    expect(found("9121212-1212")).toEqual([]);
    expect(found("19121212-12123")).toEqual([]);
  });

  it.each([
    ["Personnummer: 121212-1212.", "121212-1212"],
    ["(19121212-1212)", "19121212-1212"],
    ["Anna Lind, 811228-9874, anmäler jäv.", "811228-9874"],
    ["pnr 8112289874!", "8112289874"],
    ["”121212-1212”", "121212-1212"],
    ["Född 121212+1212; avliden.", "121212+1212"],
    ["ärende om 121212-1212:s ansökan", "121212-1212"],
    ["\n121212-1212\n", "121212-1212"],
  ])("finds the number in %j", (text, number) => {
    const [match] = findPersonalData(text);
    expect(match?.text).toBe(number);
    expect(text.slice(match?.start, match?.end)).toBe(number);
  });
});

describe("phone numbers", () => {
  it.each([
    "070-123 45 67",
    "0701234567",
    "070-1234567",
    "073 123 45 67",
    "+46 70 123 45 67",
    "+46701234567",
    "+46-70-123 45 67",
    "+46 (0)70 123 45 67",
    "0046 70 123 45 67",
    "0046701234567",
    "08-123 456 78",
    "08-12 34 56",
    "08-123 45 67",
    "+46 8 123 456 78",
    "031-123 45 67",
    "031-12 34 56",
    "0980-123 45",
    "063-10 20 30",
  ])("finds %s", (phone) => {
    expect(found(`Ring ${phone}.`)).toEqual([["phone", phone]]);
  });

  it.each([
    ["a date", "Mötet 2026-05-30 i Östersund."],
    ["a date and time", "2026-12-07 13.00"],
    ["a date and a time with a colon", "den 2026-12-07 kl. 13:00–15:30"],
    ["a day-month-year date", "den 08-12-2026"],
    ["an amount", "Budgeten är 1 250 000 kr."],
    ["a large amount", "totalt 12 070 123 456 kronor"],
    ["a case number", "Dnr RS 2026/123"],
    ["a case number with zeros", "Dnr 2026-00123"],
    ["a case number with many zeros", "Dnr 2026-0012345"],
    ["a year", "verksamhetsåret 2026"],
    ["a year range", "2025–2026"],
    ["a § number", "§ 12, § 013"],
    ["a time", "kl. 08.30–09.15"],
    ["a mobile number one digit short", "070-123 45 6"],
    ["a landline too short", "031-12 34 5"],
    ["a number that is not Swedish", "+47 912 34 567"],
    ["a percentage", "0,5 procent"],
    ["a short number with a leading zero", "punkt 07"],
    ["opening hours", "Öppet 0830-1630 på vardagar"],
    ["opening hours from eight", "kl 0800-1600"],
    ["opening hours with spaces", "08 30-16 30"],
    ["a case number after a slash", "Dnr 2026/08123456"],
  ])("does not take %s for one: %j", (_, text) => {
    expect(found(text)).toEqual([]);
  });

  it("lets a personal number win over the phone number it could also be", () => {
    // 070123-4569 has a valid date (23 Jan 2007) and check digit; 0701234567 has not.
    expect(found("0701234569")).toEqual([["personal-number", "0701234569"]]);
    expect(found("0701234567")).toEqual([["phone", "0701234567"]]);
  });

  it("stops at ten digits", () => {
    expect(found("Ring 070-123 45 67 14 gånger")).toEqual([["phone", "070-123 45 67"]]);
  });
});

describe("e-mail addresses", () => {
  it.each([
    ["Mejla anna.lind@region.se.", "anna.lind@region.se"],
    ["(per_dal+noterat@kommun-norr.example.org)", "per_dal+noterat@kommun-norr.example.org"],
    ["Åsa.Öberg@östersund.se, tack", "Åsa.Öberg@östersund.se"],
    ["<a@b.se>", "a@b.se"],
  ])("finds the address in %j", (text, address) => {
    expect(found(text)).toEqual([["email", address]]);
  });

  it.each(["@anna", "anna@", "anna@region", "anna @ region.se", "x@y.1"])(
    "does not take %j for an address",
    (text) => {
      expect(found(text)).toEqual([]);
    },
  );

  it("keeps an address whole when it holds a phone or personal number", () => {
    expect(found("0701234567@sms.example.se")).toEqual([["email", "0701234567@sms.example.se"]]);
    expect(found("121212-1212@example.se")).toEqual([["email", "121212-1212@example.se"]]);
  });
});

describe("several matches", () => {
  it("lists them in order, each with its place in the text", () => {
    const text = "Anna (811228-9874) nås på 070-123 45 67 eller anna@region.se.";
    const matches = findPersonalData(text);
    expect(matches.map((m) => m.kind)).toEqual(["personal-number", "phone", "email"]);
    for (const match of matches) expect(text.slice(match.start, match.end)).toBe(match.text);
  });

  it("finds nothing in ordinary minutes text", () => {
    const text =
      "Rådet beslutar enligt förslaget (Dnr RS 2026/1187), 4 röster mot 1. Budgeten 2027 är " +
      "1 250 000 kr. Nästa möte 2026-12-07 kl. 13.00 i Regionens hus, § 12–14.";
    expect(findPersonalData(text)).toEqual([]);
  });
});

describe("masking", () => {
  it.each([
    ["121212-1212", "12••••-••12"],
    ["19121212-1212", "19••••••-••12"],
    ["121212+1212", "12••••+••12"],
    ["7010632383", "70••••••83"],
    ["070-123 45 67", "07•-••• •• 67"],
    ["+46 70 123 45 67", "+46 •• ••• •• 67"],
    ["08-12 34 56", "08-•• •• 56"],
    ["anna.lind@region.se", "an••.••••@••••••.se"],
    ["a@b.se", "a@•.se"],
    ["per@mail.kommun.se", "pe•@••••.••••••.se"],
  ])("shows %s as %s", (text, masked) => {
    expect(findPersonalData(text)[0]?.masked).toBe(masked);
  });
});
