import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ChatSession } from "../support/chat-session.js";
import { FixedClock } from "../support/console-harness.js";
import { openTempDatabase, type TempDatabase, tableCounts } from "../support/temp-database.js";

// A date outside 1900–2199 is refused wherever a date is read, with the reply that names the
// years: "om 300 år" used to be scheduled, and "senast 30 maj 2300" kept as an action's text.

describe("a date outside the years", () => {
  let db: TempDatabase;
  let chat: ChatSession;
  const say = async (text: string) => (await chat.say("Eva", text)).text;
  const actionTwo = () =>
    db.database.prisma.action.findFirstOrThrow({
      where: { ref: 2 },
      select: { text: true, dueAt: true, updatedAt: true },
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
    ["möte om 300 år", "”om 300 år” finns inte i kalendern"],
    ["möte 30 maj 2300 Stadshuset", "”30 maj 2300” finns inte i kalendern"],
    ["flytta till om 300 år", "”om 300 år” finns inte i kalendern"],
    ["skjut upp 2 till om 300 år", "”om 300 år” finns inte i kalendern"],
    ["uppdrag @Anna Boka lokal senast om 300 år", "”om 300 år” finns inte i kalendern"],
    ["uppdrag @Anna Boka lokal senast 30 maj 2300", "”30 maj 2300” finns inte i kalendern"],
    ["ändra 2 senast om 300 år", "”om 300 år” finns inte i kalendern, så #2 är oförändrad"],
  ])("%s: refused with the years, nothing stored or changed", async (typed, reply) => {
    const before = await tableCounts(db.database);
    const action = await actionTwo();
    const said = await say(typed);
    expect(said).toContain(reply);
    expect(said).toContain("mellan 1900 och 2199");
    expect(await tableCounts(db.database)).toEqual(before);
    expect(await actionTwo()).toEqual(action);
  });
});
