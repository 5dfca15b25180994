import { describe, expect, it } from "vitest";
import { addDays, isoDate, toEpochDay, weekdayOf } from "../../../src/domain/dates/local-date.js";
import { isSwedishHoliday } from "../../../src/domain/dates/swedish-holidays.js";
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

  it.each([
    ["after trettondedag jul: Tue 5 January → Thu 7 January", "2027-01-05", "2027-01-07"],
    ["over Easter: Thu 2 April → Tue 7 April", "2026-04-02", "2026-04-07"],
    ["over julafton and Christmas: Wed 23 December → Mon 28 December", "2026-12-23", "2026-12-28"],
    ["over midsommar: Thu 18 June → Mon 22 June", "2026-06-18", "2026-06-22"],
  ])("posts on the first working day after a holiday: %s", (_label, justerad, posted) => {
    expect(isoDate(noticeDates(justeradOn(justerad), ZONE).postedOn)).toBe(posted);
  });

  it("ends the appeal on the next working day when the three weeks end on an afton", () => {
    // Taken down on julafton 2027 (a Friday): the last day to appeal is Monday 27 December.
    expect(isoDates(noticeDates(justeradOn("2027-12-02"), ZONE))).toEqual([
      "2027-12-03",
      "2027-12-24",
      "2027-12-27",
    ]);
    // Taken down on midsommarafton 2026: Monday 22 June.
    expect(isoDates(noticeDates(justeradOn("2026-05-28"), ZONE))).toEqual([
      "2026-05-29",
      "2026-06-19",
      "2026-06-22",
    ]);
  });

  it("always posts on the first working day after, and ends the appeal on a working day three weeks on", () => {
    const working = (date: LocalDate) =>
      weekdayOf(date) !== 0 && weekdayOf(date) !== 6 && !isSwedishHoliday(date);
    const start: LocalDate = { year: 2026, month: 1, day: 1 };
    for (let offset = 0; offset < 2 * 365; offset++) {
      const day = addDays(start, offset);
      const dates = noticeDates(justeradOn(isoDate(day)), ZONE);
      const gap = toEpochDay(dates.postedOn) - toEpochDay(day);
      const skipped = Array.from({ length: gap - 1 }, (_, index) => addDays(day, index + 1));
      expect(gap, isoDate(day)).toBeGreaterThanOrEqual(1);
      expect(working(dates.postedOn)).toBe(true);
      expect(skipped.some(working)).toBe(false);
      expect(toEpochDay(dates.takenDownOn) - toEpochDay(dates.postedOn)).toBe(21);
      const appealGap = toEpochDay(dates.lastAppealDay) - toEpochDay(dates.takenDownOn);
      const appealSkipped = Array.from({ length: appealGap }, (_, index) =>
        addDays(dates.takenDownOn, index),
      );
      expect(working(dates.lastAppealDay)).toBe(true);
      expect(appealSkipped.some(working)).toBe(false);
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
