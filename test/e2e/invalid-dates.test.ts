import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ChatSession } from "../support/chat-session.js";
import { FixedClock } from "../support/console-harness.js";
import { openTempDatabase, type TempDatabase, tableCounts } from "../support/temp-database.js";

// Dates that do not exist are refused everywhere (architecture.md §11): after `senast`/`by`, where
// they used to fall into the action's text, in `ändra` of an action, and wherever a date is
// read. An item has no due date, so `ändra` of an item keeps "senast …" as text.

describe("a date that is not in the calendar", () => {
  let db: TempDatabase;
  let chat: ChatSession;
  const say = async (text: string, user = "Eva") => (await chat.say(user, text)).text;
  const actionTwo = () =>
    db.database.prisma.action.findFirstOrThrow({
      where: { ref: 2 },
      select: { text: true, dueAt: true, decidedDueAt: true, updatedAt: true },
    });

  beforeEach(async () => {
    db = await openTempDatabase();
    // Wednesday 20 May 2026, 10:00 in Stockholm.
    chat = new ChatSession(db.store, new FixedClock("2026-05-20T08:00:00Z"), "reglab");
    await say("råd Reglab");
    await say("möte idag kl 9");
    await say("noterat Ekonomi: Rådet informerades om budgeten.");
    await say("uppdrag @Anna Skicka rapporten senast 30 juni");
  });
  afterEach(async () => {
    await db.cleanup();
  });

  it.each([
    ["uppdrag @Anna Skicka rapporten senast 31 juni", "”31 juni” finns inte i kalendern"],
    ["uppdrag @Anna Skicka rapporten senast 29 februari 2027", "”29 februari 2027” finns inte"],
    ["action @Anna Send the report by June 31", "”June 31” finns inte i kalendern"],
    ["uppdrag #1 @Anna Skicka rapporten senast 31/6", "”31/6” finns inte i kalendern"],
    ["möte 31 juni kl 13 Stadshuset", "”31 juni” finns inte i kalendern"],
    ["flytta till 31 juni", "”31 juni” finns inte i kalendern"],
    ["skjut upp 2 till 2027-02-29", "”2027-02-29” finns inte i kalendern"],
    ["ställ in 31 april", "”31 april” finns inte i kalendern"],
    ["ändra 2 senast 31 juni", "”31 juni” finns inte i kalendern, så #2 är oförändrad"],
    ["ändra 2 Ring Anna senast 31 juni", "”31 juni” finns inte i kalendern, så #2"],
  ])("%s: refused, nothing stored or changed", async (typed, reply) => {
    const before = await tableCounts(db.database);
    const action = await actionTwo();
    expect(await say(typed)).toContain(reply);
    expect(await tableCounts(db.database)).toEqual(before);
    expect(await actionTwo()).toEqual(action);
  });

  it("says so in English in an English-speaking council", async () => {
    const english = new ChatSession(db.store, new FixedClock("2026-05-20T08:00:00Z"), "rsr", "en");
    await english.say("Eva", "council Regional council");
    await english.say("Eva", "meeting today at 9");
    const before = await tableCounts(db.database);
    const refused = await english.say("Eva", "action @Anna Send the report by June 31");
    expect(refused.text).toContain("“June 31” is not a day in the calendar");
    expect(await tableCounts(db.database)).toEqual(before);
  });

  it("keeps words that are no date as the action's text", async () => {
    await say("uppdrag @Anna Ring den som var senast på plats");
    const action = await db.database.prisma.action.findFirstOrThrow({ where: { ref: 3 } });
    expect(action).toMatchObject({ text: "Ring den som var senast på plats", dueAt: null });
  });

  it("lets an item keep “senast DATUM” as its text, and refuses a day that does not exist", async () => {
    expect(await say("ändra 1 Ekonomi: lämnas senast 30 maj")).toContain("#1");
    const item = await db.database.prisma.item.findFirstOrThrow({ where: { ref: 1 } });
    expect(item).toMatchObject({ heading: "Ekonomi", text: "lämnas senast 30 maj" });
    // A day that does not exist is refused in an item too: never kept as text (architecture.md §11).
    expect(await say("ändra 1 Ekonomi: lämnas senast 31 juni")).toContain(
      "”31 juni” finns inte i kalendern, så #1 är oförändrad",
    );
    const again = await db.database.prisma.item.findFirstOrThrow({ where: { ref: 1 } });
    expect(again.text).toBe("lämnas senast 30 maj");
  });

  it("changes only an action's due date with `ändra ID senast DATUM`", async () => {
    const before = await actionTwo();
    await say("ändra 2 senast 30 maj");
    const after = await actionTwo();
    expect(after.text).toBe(before.text);
    expect(after.dueAt?.toISOString()).toBe("2026-05-29T22:00:00.000Z");
    await say("ändra 2 Skicka den rättade rapporten senast 1 juni");
    expect(await actionTwo()).toMatchObject({
      text: "Skicka den rättade rapporten",
      dueAt: new Date("2026-05-31T22:00:00.000Z"),
    });
  });

  it("reads `uppdrag #ID @PERSON TEXT` as an action tied to item #ID", async () => {
    await say("uppdrag #1 @Anna Följ upp budgeten senast 30 maj");
    const action = await db.database.prisma.action.findFirstOrThrow({
      where: { ref: 3 },
      include: { item: true },
    });
    expect(action).toMatchObject({ text: "Följ upp budgeten", item: { ref: 1 } });
    const before = await tableCounts(db.database);
    expect(await say("uppdrag #1")).toContain("Det saknas något efter ”uppdrag #1”");
    expect(await tableCounts(db.database)).toEqual(before);
  });
});
