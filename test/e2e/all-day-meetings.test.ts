import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ChatSession } from "../support/chat-session.js";
import { FixedClock } from "../support/console-harness.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

// Which meeting a command means (architecture.md §3, revised, and §11): a meeting without a time is
// held all day, so on its day `nästa`, `punkt`, `dagordning` and `handlingar` act on it; items
// and the lede go to today's meeting, else to the latest past one whose minutes are not yet
// approved (and the reply names it); the agenda and the documents to today's, else the next.
// June 2026 in Stockholm (CEST, UTC+2): Mon 1, Tue 2, Mon 15, Mon 29.

describe("all-day meetings and the meeting a command means", () => {
  let db: TempDatabase;
  let clock: FixedClock;
  let chat: ChatSession;
  const say = async (user: string, text: string) => (await chat.say(user, text)).text;
  const meetingOn = (iso: string) =>
    db.database.prisma.meeting.findFirstOrThrow({
      where: { startsAt: new Date(iso) },
      include: { items: { orderBy: { ref: "asc" } } },
    });
  /** Monday 1 June, all day: stored at local midnight. */
  const JUNE_1 = "2026-05-31T22:00:00Z";
  /** Monday 15 June 13:00. */
  const JUNE_15 = "2026-06-15T11:00:00Z";

  beforeEach(async () => {
    db = await openTempDatabase();
    clock = new FixedClock("2026-05-28T08:00:00Z"); // Thursday 28 May, 10:00
    chat = new ChatSession(db.store, clock, "reglab");
    await say("Eva", "råd Reglab");
    await say("Eva", "roll @Ordf ordförande");
    expect(await say("Eva", "möte 1 juni")).toContain("måndag 1 juni");
    expect(await say("Eva", "möte 15 juni kl 13:00 Stadshuset")).toContain("15 juni");
  });
  afterEach(async () => {
    await db.cleanup();
  });

  it("acts on an all-day meeting all its day: nästa, punkt, dagordning, handlingar", async () => {
    for (const now of ["2026-06-01T08:00:00Z", "2026-06-01T21:30:00Z"]) {
      clock.set(now); // Monday 1 June 10:00, then 23:30
      expect(await say("Eva", "nästa")).toContain("Nästa möte med Reglab: måndag 1 juni.");
    }
    clock.set("2026-06-01T08:00:00Z");
    expect(await say("Eva", "punkt Budget")).toMatch(
      /^Punkt #\d+ på dagordningen för måndag 1 juni: Budget/,
    );
    const agenda = await say("Eva", "dagordning");
    expect(agenda).toContain("Dagordning för mötet måndag 1 juni");
    expect(agenda).toContain("Budget");
    expect(await say("Eva", "handlingar https://rvn.se/1-juni")).toContain(
      "Handlingarna till mötet måndag 1 juni finns på https://rvn.se/1-juni.",
    );
    expect(await say("Eva", "noterat Ekonomi: i balans")).toMatch(/^Noterat #\d+: Ekonomi$/);

    const june1 = await meetingOn(JUNE_1);
    expect(june1.documentsUrl).toBe("https://rvn.se/1-juni");
    expect(june1.items.map((item) => [item.kind, item.heading])).toEqual([
      ["agenda", "Budget"],
      ["info", "Ekonomi"],
    ]);
    const june15 = await meetingOn(JUNE_15);
    expect([june15.documentsUrl, june15.items]).toEqual([null, []]);

    // The next day it is past: `nästa` is the meeting on the 15th.
    clock.set("2026-06-01T22:00:00Z"); // Tuesday 2 June 00:00
    expect(await say("Eva", "nästa")).toContain("måndag 15 juni kl. 13.00");
  });

  it("does not call a meeting with a time that has begun today the next one", async () => {
    await say("Eva", "möte 29 juni kl 9");
    clock.set("2026-06-15T10:30:00Z"); // Monday 15 June 12:30
    expect(await say("Eva", "nästa")).toContain("måndag 15 juni kl. 13.00");
    clock.set("2026-06-15T11:30:00Z"); // 13:30: it has begun
    expect(await say("Eva", "nästa")).toContain("Nästa möte med Reglab: måndag 29 juni kl. 9.00");
    // The agenda and the documents are still today's meeting's.
    expect(await say("Eva", "dagordning")).toContain("måndag 15 juni kl. 13.00");
    expect(await say("Eva", "handlingar https://rvn.se/15-juni")).toContain("15 juni");
    expect((await meetingOn(JUNE_15)).documentsUrl).toBe("https://rvn.se/15-juni");
  });

  it("records items in today's meeting, else the latest unapproved one, named in the reply", async () => {
    clock.set("2026-06-01T08:00:00Z");
    await say("Eva", "noterat Ekonomi: i balans");
    clock.set("2026-06-02T08:00:00Z"); // Tuesday 2 June: no meeting today
    expect(await say("Eva", "noterat Lokaler: klart")).toMatch(
      /^Noterat #\d+: Lokaler – antecknat i mötet 1 juni$/,
    );
    expect(await say("Eva", "beslut Budget: antas")).toMatch(
      /^Beslut § 1 \(#\d+\): Budget – antecknat i mötet 1 juni$/,
    );
    expect(await say("Eva", "ingress Om pengar och lokaler.")).toContain(
      "Ingressen till mötet 1 juni är ändrad.",
    );
    // The documents of a day without a meeting are the next meeting's, not the unapproved one's.
    expect(await say("Eva", "handlingar https://rvn.se/15-juni")).toContain(
      "Handlingarna till mötet måndag 15 juni kl. 13.00, Stadshuset",
    );
    const june1 = await meetingOn(JUNE_1);
    expect(june1.items.map((item) => item.heading)).toEqual(["Ekonomi", "Lokaler", "Budget"]);
    expect([june1.lede, june1.documentsUrl]).toEqual(["Om pengar och lokaler.", null]);
    expect((await meetingOn(JUNE_15)).documentsUrl).toBe("https://rvn.se/15-juni");

    // Approved, the minutes take nothing more on a day without a meeting.
    await say("Ordf", "justera");
    expect((await meetingOn(JUNE_1)).minutesStatus).toBe("approved");
    const items = await db.database.prisma.item.count();
    expect(await say("Eva", "noterat Sent: för sent")).toContain("Det finns inget pågående möte.");
    expect(await say("Eva", "ingress Annan")).toContain("Det finns inget pågående möte.");
    expect(await db.database.prisma.item.count()).toBe(items);
    expect((await meetingOn(JUNE_1)).lede).toBe("Om pengar och lokaler.");
    // `protokoll` without a date still finds the approved minutes that wait for `publicera`.
    expect(await say("Eva", "protokoll")).toContain("Noterat från Reglab 1 juni");
  });

  it("cancels the all-day meeting of the day with a plain `ställ in`", async () => {
    clock.set("2026-06-01T12:00:00Z"); // Monday 1 June 14:00
    expect(await say("Eva", "ställ in")).toContain("Mötet måndag 1 juni är inställt.");
    expect((await meetingOn(JUNE_1)).status).toBe("cancelled");
    expect((await meetingOn(JUNE_15)).status).toBe("planned");
  });

  it("names the meeting in English too", async () => {
    const english = new ChatSession(db.store, clock, "reglab-en", "en");
    const sayEn = async (text: string) => (await english.say("Eva", text)).text;
    await sayEn("council Reglab EN");
    await sayEn("meeting June 1");
    clock.set("2026-06-02T08:00:00Z");
    expect(await sayEn("note Premises: done")).toMatch(
      /^Noted #\d+: Premises – recorded in the meeting of June 1$/,
    );
    expect(await sayEn("lede About premises.")).toContain(
      "The lede of the meeting of June 1 is changed.",
    );
  });
});
