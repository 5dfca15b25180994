import { describe, expect, it } from "vitest";
import { addDays, isoDate, toEpochDay, weekdayOf } from "../../../src/domain/dates/local-date.js";
import { toInstant } from "../../../src/domain/dates/zoned-time.js";
import { noticeDates, withNotice } from "../../../src/domain/protocol/notice-dates.js";
import type { LocalDate } from "../../../src/domain/types.js";
import { exampleProtocol } from "./protokoll-example.js";

const ZONE = "Europe/Stockholm";

/** Justered at 15.00 on that day in Stockholm. */
function justeradOn(date: string): Date {
  const [year = 0, month = 0, day = 0] = date.split("-").map(Number);
  return toInstant({ year, month, day }, { hour: 15, minute: 0 }, ZONE);
}

function isoDates(dates: ReturnType<typeof noticeDates>): string[] {
  return [dates.postedOn, dates.takenDownOn, dates.lastAppealDay].map(isoDate);
}

describe("noticeDates", () => {
  it("posts the day after a weekday justering, for three weeks (the example's dates)", () => {
    // Thursday 11 February → Friday 12 February, taken down Friday 5 March.
    expect(isoDates(noticeDates(justeradOn("2027-02-11"), ZONE))).toEqual([
      "2027-02-12",
      "2027-03-05",
      "2027-03-05",
    ]);
  });

  it("posts on the Monday after a Friday, Saturday or Sunday justering", () => {
    for (const day of ["2027-02-12", "2027-02-13", "2027-02-14"]) {
      expect(isoDates(noticeDates(justeradOn(day), ZONE)), day).toEqual([
        "2027-02-15",
        "2027-03-08",
        "2027-03-08",
      ]);
    }
  });

  it("counts over a month end and a leap day", () => {
    expect(isoDates(noticeDates(justeradOn("2027-03-31"), ZONE))).toEqual([
      "2027-04-01",
      "2027-04-22",
      "2027-04-22",
    ]);
    expect(isoDates(noticeDates(justeradOn("2028-02-10"), ZONE))).toEqual([
      "2028-02-11",
      "2028-03-03",
      "2028-03-03",
    ]);
  });

  it("takes the day of justering in the council's zone", () => {
    // 00.30 on Friday 12 February in Stockholm is still Thursday in UTC (and in New York).
    const lateNight = new Date("2027-02-11T23:30:00Z");
    expect(isoDate(noticeDates(lateNight, ZONE).postedOn)).toBe("2027-02-15");
    expect(isoDate(noticeDates(lateNight, "UTC").postedOn)).toBe("2027-02-12");
  });

  it("always posts on the first weekday after, and ends the appeal on a weekday three weeks on", () => {
    const start: LocalDate = { year: 2027, month: 1, day: 1 };
    for (let offset = 0; offset < 60; offset++) {
      const day = addDays(start, offset);
      const dates = noticeDates(justeradOn(isoDate(day)), ZONE);
      const gap = toEpochDay(dates.postedOn) - toEpochDay(day);
      const skipped = Array.from({ length: gap - 1 }, (_, index) =>
        weekdayOf(addDays(day, index + 1)),
      );
      expect(gap, isoDate(day)).toBeGreaterThanOrEqual(1);
      expect([1, 2, 3, 4, 5]).toContain(weekdayOf(dates.postedOn));
      expect(skipped.every((weekday) => weekday === 0 || weekday === 6)).toBe(true);
      expect(toEpochDay(dates.takenDownOn) - toEpochDay(dates.postedOn)).toBe(21);
      expect(toEpochDay(dates.lastAppealDay)).toBeGreaterThanOrEqual(toEpochDay(dates.takenDownOn));
      expect([1, 2, 3, 4, 5]).toContain(weekdayOf(dates.lastAppealDay));
    }
  });
});

describe("withNotice", () => {
  const dates = noticeDates(justeradOn("2027-02-11"), ZONE);

  it("adds ANSLAG/BEVIS with the body, the dates and where the protocol is kept", () => {
    const doc = withNotice(exampleProtocol(), dates, "  Regionens kansli ");
    expect(doc.notice).toEqual({
      heading: "ANSLAG/BEVIS",
      text: "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.",
      rows: [
        { label: "Organ", value: "Samverkansrådet Norr" },
        { label: "Sammanträdesdatum", value: "2027-02-08" },
        { label: "Datum då anslaget sätts upp", value: "2027-02-12" },
        { label: "Datum då anslaget tas ned", value: "2027-03-05" },
        { label: "Sista dag för överklagande", value: "2027-03-05" },
        { label: "Förvaringsplats för protokollet", value: "Regionens kansli" },
      ],
    });
  });

  it("names no keeper when the council has none, and speaks English", () => {
    for (const keeper of [null, "  "]) {
      const doc = withNotice(exampleProtocol({ locale: "en" }), dates, keeper);
      expect(doc.notice?.heading).toBe("NOTICE OF APPROVAL");
      expect(doc.notice?.rows.map((row) => row.label)).toEqual([
        "Body",
        "Date of meeting",
        "Notice posted on",
        "Notice taken down on",
        "Last day to appeal",
      ]);
    }
  });
});
