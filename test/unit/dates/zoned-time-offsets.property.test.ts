// toLocal keeps the offsets of whole hours; whatever it kept, it must read every instant
// exactly as Intl reads it, also in the minutes around a transition and in zones whose offsets
// are not whole hours.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toInstant, toLocal } from "../../../src/domain/dates/zoned-time.js";

const ZONES = [
  "Europe/Stockholm",
  "America/New_York",
  "Australia/Lord_Howe", // a 30-minute DST shift
  "Asia/Kathmandu", // +05:45
  "America/St_Johns", // −03:30 with DST
  "Pacific/Apia", // skipped a whole day in 2011
  "UTC",
];
const FROM = Date.UTC(1890, 0, 1);
const TO = Date.UTC(2100, 0, 1);

function intlReading(epochMs: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US-u-ca-gregory-nu-latn", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(epochMs);
  const field = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return {
    year: field("year"),
    month: field("month"),
    day: field("day"),
    hour: field("hour") % 24,
    minute: field("minute"),
  };
}

describe("toLocal with kept offsets", () => {
  it("reads any instant as Intl does", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: FROM, max: TO }),
        (zone, epochMs) => {
          const { weekday: _, ...local } = toLocal(new Date(epochMs), zone);
          expect(local).toEqual(intlReading(epochMs, zone));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("reads every minute around a DST change as Intl does, whichever minute came first", () => {
    const zone = "Europe/Stockholm";
    const change = toInstant({ year: 2026, month: 10, day: 25 }, { hour: 2, minute: 0 }, zone);
    const minutes = Array.from(
      { length: 240 },
      (_, index) => change.getTime() + (index - 120) * 60_000,
    );
    // Backwards, so that hours next to the change are asked first from either side.
    for (const epochMs of minutes.reverse()) {
      const { weekday: _, ...local } = toLocal(new Date(epochMs), zone);
      expect(local).toEqual(intlReading(epochMs, zone));
    }
  });
});
