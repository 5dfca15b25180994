import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ChatSession } from "../support/chat-session.js";
import { FixedClock } from "../support/console-harness.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

// architecture.md §11 through the real command path on a real SQLite file: actions given between
// meetings belong to the council and to no minutes, `uppdrag #ID` ties one to an earlier item,
// every agenda begins with the follow-up of actions, and `visa ID` shows an entry's history.
// November in Stockholm is UTC+1: 13:00Z is 14.00 local.

describe("follow-up of actions from meeting to meeting", () => {
  let db: TempDatabase;
  let clock: FixedClock;
  let chat: ChatSession;
  const say = async (user: string, text: string) => (await chat.say(user, text)).text;
  const actionNumbered = (ref: number) =>
    db.database.prisma.action.findFirstOrThrow({ where: { ref }, include: { item: true } });
  const meetingOn = (startsAt: string) =>
    db.database.prisma.meeting.findFirstOrThrow({ where: { startsAt: new Date(startsAt) } });

  beforeEach(async () => {
    db = await openTempDatabase();
    clock = new FixedClock("2026-11-02T08:00:00Z"); // Monday 2 November, 09:00 in Stockholm
    chat = new ChatSession(db.store, clock, "reglab");
    await say("Eva", "råd Reglab");
    await say("Eva", "roll @Ordf ordförande");
    await say("Eva", "möte 2026-11-05 kl 13");
    await say("Eva", "möte 2026-11-19 kl 13");
    await say("Eva", "möte 2026-12-03 kl 13");
    // The first meeting, Thursday 5 November: a decision with an action, a discussion with one.
    clock.set("2026-11-05T13:00:00Z");
    await say("Eva", "beslut Budget: Rådet antar budgeten.");
    await say("Eva", "uppdrag @Anna Skicka budgeten senast 20 november");
    await say("Eva", "diskussion Lokaler: Vi talade om lokaler.");
    await say("Eva", "uppdrag @Bo Boka lokal");
  });
  afterEach(async () => {
    await db.cleanup();
  });

  it("lists open actions with their origin and those done since the previous meeting, across three meetings", async () => {
    await say("Ordf", "justera");
    await say("Eva", "publicera");

    // Between meetings: a council action, and one tied to the first meeting's decision.
    clock.set("2026-11-10T09:00:00Z");
    expect(await say("Eva", "uppdrag @Cia Ring regionen")).toContain(
      "#5 Cia: Ring regionen · utanför möte",
    );
    expect(await say("Eva", "uppdrag #1 @Bo Följ upp budgeten")).toContain(
      "#6 Bo: Följ upp budgeten · § 1, 5 november",
    );
    const tied = await actionNumbered(6);
    expect([tied.meetingId, tied.item?.ref]).toEqual([null, 1]);
    expect((await meetingOn("2026-11-05T12:00:00Z")).minutesStatus).toBe("published");

    // Done before the second meeting: not followed up at the third.
    clock.set("2026-11-12T09:00:00Z");
    await say("Anna", "klar 2");

    // The second meeting, 19 November: a decision with an action; #5 is done during it.
    clock.set("2026-11-19T13:00:00Z");
    await say("Eva", "beslut Lokal: Rådet hyr lokal.");
    await say("Eva", "uppdrag @Anna Skriv avtal");
    clock.set("2026-11-19T13:30:00Z");
    await say("Cia", "klar 5");
    // A meeting planned and cancelled after it is no "previous meeting".
    await say("Eva", "möte 2026-11-26 kl 13");
    await say("Eva", "ställ in 26 november");

    clock.set("2026-11-25T09:00:00Z");
    await say("Eva", "punkt Verksamhetsplan");
    const followUp = [
      "Uppföljning av uppdrag: öppna (3)",
      "  #4 Bo: Boka lokal · mötet 5 november",
      "  #6 Bo: Följ upp budgeten · § 1, 5 november",
      "  #8 Anna: Skriv avtal · § 2, 19 november",
      "",
      "Klara sedan mötet 19 november (1)",
      "  #5 Cia: Ring regionen – klart · utanför möte",
    ].join("\n");
    expect(await say("Lisa", "dagordning")).toBe(
      [
        "Dagordning för mötet torsdag 3 december kl. 13.00",
        followUp,
        "Punkter på dagordningen\n  #9 Verksamhetsplan",
      ].join("\n\n"),
    );
    expect(await say("Lisa", "nästa")).toBe(
      [
        "Nästa möte med Reglab: torsdag 3 december kl. 13.00.",
        followUp,
        "Dagordning\n  #9 Verksamhetsplan",
      ].join("\n\n"),
    );

    // Listed actions carry their Klar buttons' ids, as lists do.
    const reply = (await chat.say("Lisa", "nästa")).reply;
    const listed = reply.blocks.flatMap((block) =>
      block.type === "actions" ? block.actions.map((entry) => [entry.ref, entry.status]) : [],
    );
    expect(listed).toEqual([
      [4, "open"],
      [6, "open"],
      [8, "open"],
      [5, "done"],
    ]);
  });

  it("gives an action on a day without a meeting to the council: approved minutes stay approved and do not show it", async () => {
    expect(await say("Ordf", "justera")).toContain("justerade av Ordf");
    const approvedAt = (await meetingOn("2026-11-05T12:00:00Z")).approvedAt;

    clock.set("2026-11-06T09:00:00Z"); // the next day: no meeting
    await say("Eva", "uppdrag @Bo Boka buss senast 1 december");
    const action = await actionNumbered(5);
    expect([action.meetingId, action.itemId]).toEqual([null, null]);
    const meeting = await meetingOn("2026-11-05T12:00:00Z");
    expect([meeting.minutesStatus, meeting.approvedAt]).toEqual(["approved", approvedAt]);
    expect(await db.database.prisma.auditEntry.count({ where: { action: "reopened" } })).toBe(0);

    const minutes = await say("Eva", "protokoll 5 november");
    expect(minutes).toContain("Bo: Boka lokal");
    expect(minutes).not.toContain("Boka buss");
    expect(await say("Eva", "publicera 5 november")).toContain("publicerad i 1 av 1");
    const [published] = chat.publications;
    expect(JSON.stringify(published?.document)).not.toContain("Boka buss");
  });

  it("ties `uppdrag #ID` to a minuted item without reopening its minutes, and refuses anything else", async () => {
    await say("Ordf", "justera");
    clock.set("2026-11-10T09:00:00Z");
    await say("Eva", "punkt Nästa års budget");
    const before = {
      actions: await db.database.prisma.action.count(),
      people: await db.database.prisma.person.count(),
    };
    expect(await say("Eva", "uppdrag #5 @Nygren Gör något")).toBe(
      "#5 är ingen antecknad punkt. `uppdrag #ID @PERSON TEXT` knyter ett uppdrag till en punkt i ett mötes anteckningar, till exempel ett beslut.",
    );
    expect(await say("Eva", "uppdrag #2 @Nygren Gör något")).toContain(
      "#2 är ingen antecknad punkt.",
    );
    expect(await say("Eva", "uppdrag #99 @Nygren Gör något")).toBe(
      "Det finns ingen punkt eller inget uppdrag med nummer #99.",
    );
    await say("Eva", "stryk 3");
    expect(await say("Eva", "uppdrag #3 @Nygren Gör något")).toContain(
      "#3 är ingen antecknad punkt.",
    );
    expect({
      actions: await db.database.prisma.action.count(),
      people: await db.database.prisma.person.count(),
    }).toEqual(before);

    // Removing #3 reopened the minutes; approved again, a tied action leaves them approved.
    await say("Ordf", "justera 5 november");
    expect(await say("Eva", "uppdrag #1 @Bo Följ upp budgeten senast 1 december")).toContain(
      "#6 Bo: Följ upp budgeten – senast 1 december · § 1, 5 november",
    );
    expect((await meetingOn("2026-11-05T12:00:00Z")).minutesStatus).toBe("approved");
    expect(await say("Eva", "protokoll 5 november")).not.toContain("Följ upp budgeten");
  });

  it("ties `uppdrag #ID` to an item of today's meeting as part of its minutes", async () => {
    expect(await say("Eva", "uppdrag #1 @Cia Bjud in regionen")).toContain(
      "#5 Cia: Bjud in regionen · § 1, 5 november",
    );
    const action = await actionNumbered(5);
    expect(action.meetingId).toBe((await meetingOn("2026-11-05T12:00:00Z")).id);
    expect(action.item?.ref).toBe(1);
    const minutes = await say("Eva", "protokoll");
    expect(minutes.indexOf("Cia: Bjud in regionen")).toBeLessThan(minutes.indexOf("Lokaler"));
  });

  it("shows an item in full with its history: logged, changed, removed", async () => {
    clock.set("2026-11-06T09:15:00Z");
    await say("Eva", "ändra 3 Lokalfrågan: Vi talade länge om lokaler.");
    clock.set("2026-11-07T10:30:00Z");
    await say("Eva", "stryk 3");
    expect(await say("Lisa", "visa 3")).toBe(
      [
        "#3 Diskussion: Lokalfrågan",
        "  Vi talade länge om lokaler.",
        "  Möte: torsdag 5 november kl. 13.00",
        "  Status: struken",
        "",
        "Historik",
        "  Antecknad av Eva 2026-11-05 14.00",
        "  Ändrad av Eva 2026-11-06 10.15. Tidigare: Lokaler: Vi talade om lokaler.",
        "  Struken av Eva 2026-11-07 11.30",
      ].join("\n"),
    );
    expect(await say("Lisa", "visa 1")).toContain("#1 Beslut § 1: Budget\n  Rådet antar budgeten.");
  });

  it("shows an action in full: origin, due date, two postponements, a correction and done, in order with who and when", async () => {
    clock.set("2026-11-16T08:00:00Z");
    await say("Anna", "skjut upp 2");
    clock.set("2026-11-20T09:15:00Z");
    await say("Eva", "skjut upp 2 till 4 december");
    clock.set("2026-11-23T12:00:00Z");
    await say("Eva", "ändra 2 Skicka den reviderade budgeten");
    clock.set("2026-12-01T15:45:00Z");
    await say("Anna", "klar 2");
    expect(await say("Lisa", "visa 2")).toBe(
      [
        "#2 Uppdrag: Skicka den reviderade budgeten",
        "  Ansvariga: Anna",
        "  Från: § 1, 5 november (#1)",
        "  Senast: 4 december",
        "  Status: klart",
        "",
        "Historik",
        "  Givet av Eva 2026-11-05 14.00, senast 20 november",
        "  Slutdatum flyttat från 20 november till 27 november, av Anna 2026-11-16 09.00",
        "  Slutdatum flyttat från 27 november till 4 december, av Eva 2026-11-20 10.15",
        "  Texten ändrad av Eva 2026-11-23 13.00. Tidigare: Skicka budgeten",
        "  Klart, markerat av Anna 2026-12-01 16.45",
      ].join("\n"),
    );
    await say("Eva", "stryk 4");
    const removed = await say("Lisa", "visa 4");
    expect(removed).toContain("  Från: mötet 5 november (#3)\n  Status: struket");
    expect(removed).toMatch(/Struket av Eva 2026-12-01 16\.45$/);
  });

  it("says so when `visa` names no item or action", async () => {
    expect(await say("Lisa", "visa 99")).toBe(
      "Det finns ingen punkt eller inget uppdrag med nummer #99.",
    );
  });
});

describe("follow-up before a council's first meeting", () => {
  it("lists every action done so far", async () => {
    const db = await openTempDatabase();
    try {
      const clock = new FixedClock("2026-11-04T09:00:00Z");
      const chat = new ChatSession(db.store, clock, "reglab");
      const say = async (user: string, text: string) => (await chat.say(user, text)).text;
      await say("Eva", "råd Reglab");
      await say("Eva", "möte 2026-11-20");
      await say("Eva", "uppdrag @Cia Ring regionen");
      await say("Cia", "klar 1");
      expect(await say("Eva", "nästa")).toBe(
        [
          "Nästa möte med Reglab: fredag 20 november.",
          "Uppföljning av uppdrag: inga öppna uppdrag.",
          "Klara hittills (1)\n  #1 Cia: Ring regionen – klart · utanför möte",
        ].join("\n\n"),
      );
    } finally {
      await db.cleanup();
    }
  });
});

describe("follow-up in English", () => {
  it("names origins and the follow-up in the council's language", async () => {
    const db = await openTempDatabase();
    try {
      const clock = new FixedClock("2026-11-05T13:00:00Z");
      const chat = new ChatSession(db.store, clock, "reglab", "en");
      const say = async (user: string, text: string) => (await chat.say(user, text)).text;
      await say("Eva", "council Reglab");
      await say("Eva", "meeting today at 13:00");
      await say("Eva", "meeting 2026-12-03 at 13:00");
      await say("Eva", "decision Budget: The council adopts the budget.");
      clock.set("2026-11-10T09:00:00Z");
      await say("Eva", "action @Cia Call the region");
      await say("Eva", "action #1 @Bo Follow up the budget by December 1");
      expect(await say("Eva", "next")).toContain(
        [
          "Follow-up of actions: open (2)",
          "  #3 Bo: Follow up the budget – by December 1 · § 1, November 5",
          "  #2 Cia: Call the region · between meetings",
        ].join("\n"),
      );
      expect(await say("Eva", "show 3")).toContain(
        "  From: § 1, November 5 (#1)\n  Due: December 1\n  Status: open\n\nHistory\n  Given by Eva 2026-11-10 10:00, due December 1",
      );
    } finally {
      await db.cleanup();
    }
  });
});
