import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { toInstant, toLocal } from "../../../src/domain/dates/zoned-time.js";
import type { LocalDate } from "../../../src/domain/types.js";
import {
  type CalendarEvent,
  type CalendarFeed,
  renderICalendar,
} from "../../../src/render/icalendar.js";

const STOCKHOLM = "Europe/Stockholm";

function event(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  const date: LocalDate = { year: 2026, month: 3, day: 30 };
  return {
    uid: "m-1@noterat",
    start: toInstant(date, { hour: 13, minute: 0 }, STOCKHOLM),
    date,
    allDay: false,
    summary: "Möte med Regionala samverkansrådet",
    location: "Sundsvall",
    sequence: 0,
    status: "CONFIRMED",
    updated: new Date("2026-03-01T08:00:00Z"),
    ...overrides,
  };
}

function calendar(events: CalendarEvent[]): CalendarFeed {
  return { name: "Regionala samverkansrådet – möten", events };
}

/**
 * The feed as a client gets it: UTF-8 bytes decoded again, so that a fold inside a character
 * (even between the halves of a JavaScript surrogate pair) shows as U+FFFD.
 */
function received(ics: string): string {
  return Buffer.from(ics, "utf8").toString("utf8");
}

function parse(ics: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(received(ics)));
}

/** The one event of a rendered feed, as ical.js reads it. */
function parseOne(overrides: Partial<CalendarEvent>): { event: ICAL.Event; ics: string } {
  const ics = renderICalendar(calendar([event(overrides)]));
  const [component] = parse(ics).getAllSubcomponents("vevent");
  if (component === undefined) throw new Error("no VEVENT");
  return { event: new ICAL.Event(component), ics };
}

/** Content lines with folding undone (RFC 5545 §3.1). */
function unfold(ics: string): string[] {
  return received(ics).replace(/\r\n /g, "").split("\r\n");
}

describe("renderICalendar: lines", () => {
  const long =
    "Möte med Regionala samverkansrådet för hälsa och välfärd i Västernorrlands län " +
    "– årsplanering, återrapportering och övriga frågor 🎉 Åsa Östlund, Ängeby ✅ 👩🏽‍💼 " +
    "🎉".repeat(40);

  it("ends every line with CRLF and keeps it within 75 octets, never splitting a character", () => {
    // Shifting the text shifts the fold points, so some land inside å, ä, ö or an emoji.
    for (let shift = 0; shift < 4; shift += 1) {
      const summary = `${"x".repeat(shift)}${long}`;
      const ics = renderICalendar(
        calendar([event({ summary, description: `${long}\n${long}`, location: long })]),
      );
      expect(ics.endsWith("\r\n")).toBe(true);

      const bytes = Buffer.from(ics, "utf8");
      const lines = splitCrlf(bytes);
      expect(lines.at(-1)?.length).toBe(0);
      const decoder = new TextDecoder("utf-8", { fatal: true });
      for (const line of lines.slice(0, -1)) {
        expect(line.length).toBeLessThanOrEqual(75);
        expect(line.includes(0x0d) || line.includes(0x0a)).toBe(false);
        // A line that starts or ends inside a UTF-8 sequence does not decode on its own.
        expect(() => decoder.decode(line)).not.toThrow();
      }
      expect(lines.filter((line) => line[0] === 0x20).length).toBeGreaterThan(3);
      expect(unfold(ics)).toContain(`SUMMARY:${summary.replace(/,/g, "\\,")}`);
    }
  });

  it("gives back the long text unchanged after unfolding", () => {
    const { event: parsed } = parseOne({ summary: long, location: null });
    expect(parsed.summary).toBe(long);
  });

  it("declares the calendar: version, product, Gregorian scale, publish method and name", () => {
    const ics = renderICalendar(calendar([]));
    expect(unfold(ics)).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Noterat//Noterat//SV",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "X-WR-CALNAME:Regionala samverkansrådet – möten",
      "END:VCALENDAR",
      "",
    ]);
    expect(parse(ics).getFirstPropertyValue("x-wr-calname")).toBe(
      "Regionala samverkansrådet – möten",
    );
  });
});

describe("renderICalendar: events through ical.js", () => {
  it("round-trips uid, summary, location, description, url, sequence, status and stamps", () => {
    const { event: parsed, ics } = parseOne({
      uid: "clx81mq2k0001@noterat",
      description: "Dagordning och handlingar",
      url: "https://noterat.rvn.se/arkiv/regionala-samverkansradet/",
      sequence: 3,
      updated: new Date("2026-03-12T09:41:07.500Z"),
    });
    expect(parsed.uid).toBe("clx81mq2k0001@noterat");
    expect(parsed.summary).toBe("Möte med Regionala samverkansrådet");
    expect(parsed.location).toBe("Sundsvall");
    expect(parsed.description).toBe("Dagordning och handlingar");
    expect(parsed.component.getFirstPropertyValue("url")).toBe(
      "https://noterat.rvn.se/arkiv/regionala-samverkansradet/",
    );
    expect(parsed.sequence).toBe(3);
    expect(parsed.component.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(unfold(ics)).toEqual(
      expect.arrayContaining(["DTSTAMP:20260312T094107Z", "LAST-MODIFIED:20260312T094107Z"]),
    );
  });

  it("leaves out LOCATION, DESCRIPTION and URL when there are none", () => {
    const { ics } = parseOne({ location: null });
    expect(ics).not.toMatch(/^(LOCATION|DESCRIPTION|URL)[:;]/m);
  });

  it("marks a cancelled meeting CANCELLED", () => {
    const { event: parsed, ics } = parseOne({ status: "CANCELLED", sequence: 1 });
    expect(unfold(ics)).toContain("STATUS:CANCELLED");
    expect(parsed.component.getFirstPropertyValue("status")).toBe("CANCELLED");
  });

  it.each([
    [{ year: 2026, month: 3, day: 30 }, "20260330T110000Z", "2026-03-30T11:00:00.000Z"],
    [{ year: 2026, month: 10, day: 26 }, "20261026T120000Z", "2026-10-26T12:00:00.000Z"],
  ])("puts 13:00 in Stockholm on %o at the right UTC instant", (date, line, instant) => {
    const start = toInstant(date, { hour: 13, minute: 0 }, STOCKHOLM);
    const { event: parsed, ics } = parseOne({ start, date });

    expect(unfold(ics)).toContain(`DTSTART:${line}`);
    expect(parsed.startDate.isDate).toBe(false);
    expect(parsed.startDate.zone?.tzid).toBe("UTC");
    const back = parsed.startDate.toJSDate();
    expect(back.toISOString()).toBe(instant);
    expect(toLocal(back, STOCKHOLM)).toMatchObject({ ...date, hour: 13, minute: 0 });
    // Two hours unless told otherwise.
    expect(parsed.endDate.toJSDate().getTime() - back.getTime()).toBe(120 * 60_000);
  });

  it("ends a timed meeting after its own duration", () => {
    const { event: parsed } = parseOne({ durationMinutes: 90 });
    expect(parsed.endDate.toJSDate().toISOString()).toBe("2026-03-30T12:30:00.000Z");
  });

  it.each([
    [{ year: 2026, month: 6, day: 12 }, "20260612", "20260613"],
    [{ year: 2026, month: 12, day: 31 }, "20261231", "20270101"],
    [{ year: 2028, month: 2, day: 28 }, "20280228", "20280229"],
  ])("makes an all-day meeting on %o a DATE ending the next day", (date, start, end) => {
    const { event: parsed, ics } = parseOne({ allDay: true, date });

    expect(unfold(ics)).toEqual(
      expect.arrayContaining([`DTSTART;VALUE=DATE:${start}`, `DTEND;VALUE=DATE:${end}`]),
    );
    expect(parsed.startDate.isDate).toBe(true);
    expect(parsed.startDate.toString()).toBe(
      `${start.slice(0, 4)}-${start.slice(4, 6)}-${start.slice(6)}`,
    );
    expect(parsed.endDate.isDate).toBe(true);
    expect(parsed.endDate.toString()).toBe(`${end.slice(0, 4)}-${end.slice(4, 6)}-${end.slice(6)}`);
  });

  it("escapes backslash, semicolon, comma and line breaks in text, and drops control characters", () => {
    const { event: parsed, ics } = parseOne({
      summary: "Möte; extra, \\ viktigt\u0007",
      location: "Sal 1; plan 2, hus C\\D\r\nIngång från gården\nPort 3\rTrappa 2",
      description: "Rad 1\nRad 2; med, tecken \\n\u0000",
    });

    expect(unfold(ics)).toEqual(
      expect.arrayContaining([
        "SUMMARY:Möte\\; extra\\, \\\\ viktigt",
        "LOCATION:Sal 1\\; plan 2\\, hus C\\\\D\\nIngång från gården\\nPort 3\\nTrappa 2",
      ]),
    );
    expect(parsed.summary).toBe("Möte; extra, \\ viktigt");
    expect(parsed.location).toBe("Sal 1; plan 2, hus C\\D\nIngång från gården\nPort 3\nTrappa 2");
    expect(parsed.description).toBe("Rad 1\nRad 2; med, tecken \\n");
  });

  it("keeps several events apart, each with its own uid", () => {
    const ics = renderICalendar(
      calendar([event({ uid: "a@noterat" }), event({ uid: "b@noterat", status: "CANCELLED" })]),
    );
    const events = parse(ics)
      .getAllSubcomponents("vevent")
      .map((component) => new ICAL.Event(component));
    expect(
      events.map((parsed) => [parsed.uid, parsed.component.getFirstPropertyValue("status")]),
    ).toEqual([
      ["a@noterat", "CONFIRMED"],
      ["b@noterat", "CANCELLED"],
    ]);
  });
});

/** The byte lines of a CRLF-separated text. */
function splitCrlf(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let from = 0;
  for (let at = bytes.indexOf("\r\n"); at !== -1; at = bytes.indexOf("\r\n", from)) {
    lines.push(bytes.subarray(from, at));
    from = at + 2;
  }
  lines.push(bytes.subarray(from));
  return lines;
}
