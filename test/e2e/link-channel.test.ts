import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ChatSession } from "../support/chat-session.js";
import { FixedClock } from "../support/console-harness.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

describe("koppla: one council in several channels", () => {
  let db: TempDatabase;
  let clock: FixedClock;
  let first: ChatSession;
  let second: ChatSession;

  beforeEach(async () => {
    db = await openTempDatabase();
    clock = new FixedClock("2026-05-20T08:00:00Z");
    first = new ChatSession(db.store, clock, "reglab");
    second = new ChatSession(db.store, clock, "reglab-ledning");
    await first.say("Eva", "råd Reglab");
  });
  afterEach(async () => {
    await db.cleanup();
  });

  const codeFrom = (text: string) => /`koppla ([A-Z0-9]{4}-[A-Z0-9]{4})`/.exec(text)?.[1] ?? "";

  it("binds a second channel with a one-time code from the secretary", async () => {
    const asked = await first.say("Eva", "koppla");
    expect(asked.reply.audience).toBe("caller");
    const code = codeFrom(asked.text);
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    expect((await second.say("Evas.andra.konto", `koppla ${code.toLowerCase()}`)).text).toContain(
      "Den här kanalen hör nu till Reglab. Evas.andra.konto är sekreterare.",
    );
    await second.say("Evas.andra.konto", "möte idag kl 13");
    await first.say("Eva", "noterat Från första kanalen: text");
    expect((await second.say("Någon", "sök första")).text).toContain("Från första kanalen");
    expect(await db.database.prisma.council.count()).toBe(1);
    expect(await db.database.prisma.channelBinding.count()).toBe(2);

    await second.say("Evas.andra.konto", "roll @Ordf ordförande");
    await first.say("Ordf", "justera");
    await first.say("Eva", "publicera");
    expect(first.publications[0]?.channels.map((place) => place.channelId)).toEqual([
      "reglab",
      "reglab-ledning",
    ]);

    // Used once only.
    const third = new ChatSession(db.store, clock, "tredje");
    expect((await third.say("X", `koppla ${code}`)).text).toContain("Koden är okänd");
    expect(await db.database.prisma.channelBinding.count()).toBe(2);
  });

  it("refuses codes from non-secretaries, old codes and odd words", async () => {
    expect((await first.say("Lisa", "koppla")).text).toContain("bara rådets sekreterare");
    const code = codeFrom((await first.say("Eva", "koppla")).text);
    clock.set("2026-05-20T09:01:00Z");
    expect((await second.say("Eva", `koppla ${code}`)).text).toContain("äldre än en timme");
    expect((await second.say("Eva", "koppla 12345")).text).toContain("ingen kopplingskod");
    expect(await db.database.prisma.channelBinding.count()).toBe(1);
  });
});
