import { describe, expect, it } from "vitest";
import {
  type DateContext,
  formatClock,
  formatDateTime,
  formatDayMonth,
  formatStamp,
  formatWeekdayDayMonth,
} from "../../../src/domain/i18n/format-date.js";
import type { Locale } from "../../../src/domain/types.js";

const STOCKHOLM = "Europe/Stockholm";
const NOW = new Date("2026-05-20T10:00:00Z");

function context(locale: Locale, now = NOW, timeZone = STOCKHOLM): DateContext {
  return { locale, timeZone, now };
}

describe("formatDayMonth", () => {
  it.each([
    ["sv", { year: 2026, month: 5, day: 30 }, "30 maj"],
    ["en", { year: 2026, month: 5, day: 30 }, "May 30"],
    ["sv", { year: 2027, month: 5, day: 30 }, "30 maj 2027"],
    ["en", { year: 2027, month: 5, day: 30 }, "May 30, 2027"],
    ["sv", { year: 2025, month: 12, day: 1 }, "1 december 2025"],
    ["sv", { year: 2026, month: 1, day: 1 }, "1 januari"],
    ["en", { year: 2026, month: 10, day: 5 }, "October 5"],
  ] as const)("%s %j → %s", (locale, date, text) => {
    expect(formatDayMonth(date, context(locale))).toBe(text);
  });

  it("takes an instant's date in the council's zone", () => {
    const instant = new Date("2026-05-29T22:30:00Z"); // 00:30 on 30 May in Stockholm
    expect(formatDayMonth(instant, context("sv"))).toBe("30 maj");
    expect(formatDayMonth(instant, context("en", NOW, "America/New_York"))).toBe("May 29");
  });

  it("decides 'this year' in the zone too", () => {
    const newYearInStockholm = new Date("2026-12-31T23:30:00Z");
    const ctx = context("sv", newYearInStockholm);
    expect(formatDayMonth({ year: 2027, month: 1, day: 5 }, ctx)).toBe("5 januari");
    expect(formatDayMonth({ year: 2026, month: 12, day: 31 }, ctx)).toBe("31 december 2026");
  });
});

describe("formatWeekdayDayMonth", () => {
  it.each([
    ["sv", { year: 2026, month: 5, day: 26 }, "tisdag 26 maj"],
    ["en", { year: 2026, month: 5, day: 26 }, "Tuesday, May 26"],
    ["sv", { year: 2027, month: 5, day: 25 }, "tisdag 25 maj 2027"],
    ["en", { year: 2027, month: 5, day: 25 }, "Tuesday, May 25, 2027"],
    ["sv", { year: 2026, month: 5, day: 31 }, "söndag 31 maj"],
  ] as const)("%s %j → %s", (locale, date, text) => {
    expect(formatWeekdayDayMonth(date, context(locale))).toBe(text);
  });
});

describe("formatDateTime", () => {
  it.each([
    ["sv", "2026-05-26T11:00:00Z", "tisdag 26 maj kl. 13.00"],
    ["en", "2026-05-26T11:00:00Z", "Tuesday, May 26 at 13:00"],
    ["sv", "2027-05-25T11:00:00Z", "tisdag 25 maj 2027 kl. 13.00"],
    ["en", "2027-05-25T11:00:00Z", "Tuesday, May 25, 2027 at 13:00"],
    ["sv", "2026-05-29T22:05:00Z", "lördag 30 maj kl. 0.05"],
    // DST days: 09:00 local is 07:00Z after spring-forward, 08:00Z after fall-back
    ["sv", "2026-03-29T07:00:00Z", "söndag 29 mars kl. 9.00"],
    ["en", "2026-03-29T07:00:00Z", "Sunday, March 29 at 9:00"],
    ["sv", "2026-10-25T08:00:00Z", "söndag 25 oktober kl. 9.00"],
    // both passes through the repeated hour read 02:30
    ["sv", "2026-10-25T00:30:00Z", "söndag 25 oktober kl. 2.30"],
    ["sv", "2026-10-25T01:30:00Z", "söndag 25 oktober kl. 2.30"],
  ] as const)("%s %s → %s", (locale, instant, text) => {
    expect(formatDateTime(new Date(instant), context(locale))).toBe(text);
  });

  it("uses the council's zone, not the host's", () => {
    const instant = new Date("2026-05-26T11:00:00Z");
    expect(formatDateTime(instant, context("en", NOW, "America/New_York"))).toBe(
      "Tuesday, May 26 at 7:00",
    );
  });
});

describe("formatClock", () => {
  it("writes Swedish times with a dot and English with a colon", () => {
    expect(formatClock({ hour: 13, minute: 0 }, "sv")).toBe("13.00");
    expect(formatClock({ hour: 9, minute: 5 }, "sv")).toBe("9.05");
    expect(formatClock({ hour: 9, minute: 5 }, "en")).toBe("9:05");
  });
});

describe("formatStamp", () => {
  it.each([
    ["2018-04-12T09:50:00Z", STOCKHOLM, "2018-04-12 11:50"],
    ["2018-01-05T10:50:00Z", STOCKHOLM, "2018-01-05 11:50"],
    ["2026-05-29T22:05:00Z", STOCKHOLM, "2026-05-30 00:05"],
    ["2026-10-25T01:30:00Z", STOCKHOLM, "2026-10-25 02:30"],
    ["2026-05-29T22:05:00Z", "America/New_York", "2026-05-29 18:05"],
  ])("%s in %s → %s", (instant, zone, text) => {
    expect(formatStamp(new Date(instant), zone)).toBe(text);
  });
});
