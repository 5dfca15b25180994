import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ChatSession } from "../support/chat-session.js";
import { FixedClock } from "../support/console-harness.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

// What is refused changes nothing: every test counts the rows of every table before and after.

describe("refusals, bad input and retries", () => {
  let db: TempDatabase;
  let chat: ChatSession;

  const counts = async () => {
    const { prisma } = db.database;
    return {
      councils: await prisma.council.count(),
      bindings: await prisma.channelBinding.count(),
      memberships: await prisma.membership.count(),
      meetings: await prisma.meeting.count(),
      items: await prisma.item.count(),
      actions: await prisma.action.count(),
      audit: await prisma.auditEntry.count(),
      approved: await prisma.meeting.count({ where: { minutesStatus: { not: "draft" } } }),
      done: await prisma.action.count({ where: { status: "done" } }),
      removed: await prisma.item.count({ where: { removedAt: { not: null } } }),
    };
  };

  beforeEach(async () => {
    db = await openTempDatabase();
    chat = new ChatSession(db.store, new FixedClock("2026-05-20T08:00:00Z"), "reglab");
    await chat.say("Eva", "råd Reglab");
    await chat.say("Eva", "möte idag kl 13");
    await chat.say("Eva", "noterat Budget: Information om budgeten.");
    await chat.say("Eva", "uppdrag @Anna Skicka förslaget");
    await chat.say("Eva", "roll @Lisa ledamot");
  });
  afterEach(async () => {
    await db.cleanup();
  });

  async function expectRefused(user: string, text: string, answer: RegExp | string) {
    const before = await counts();
    const said = await chat.say(user, text);
    expect(said.reply.audience).toBe("caller");
    if (typeof answer === "string") expect(said.text).toContain(answer);
    else expect(said.text).toMatch(answer);
    expect(await counts()).toEqual(before);
  }

  it.each([
    ["noterat Ny punkt: text", "Det får bara rådets sekreterare göra."],
    ["beslut Ny: text", "Det får bara rådets sekreterare göra."],
    ["uppdrag @Lisa Gör något", "Det får bara rådets sekreterare göra."],
    ["möte 1 juni", "Det får bara rådets sekreterare göra."],
    ["roll @Lisa sekreterare", "Det får bara rådets sekreterare göra."],
    ["handlingar https://rvn.se", "Det får bara rådets sekreterare göra."],
    ["ingress Ny ingress", "Det får bara rådets sekreterare göra."],
    ["punkt Något", "Det får bara rådets sekreterare göra."],
    ["ändra 1 Ny text", "Det får bara rådets sekreterare göra."],
    ["stryk 1", "Det får bara rådets sekreterare göra."],
    ["ställ in", "Det får bara rådets sekreterare göra."],
    ["flytta till 2 juni", "Det får bara rådets sekreterare göra."],
    ["publicera", "Det får bara rådets sekreterare göra."],
    ["protokoll", "Utkastet visas bara för sekreteraren, ordföranden och justerare."],
    ["justera", "Det får bara ordföranden eller en justerare göra."],
    ["klar 2", "Bara den som har uppdraget, eller sekreteraren, kan markera det klart."],
  ])("a member may not: %s", async (text, answer) => {
    await expectRefused("Lisa", text, answer);
  });

  it("lets anyone read, and stores nothing for it", async () => {
    const before = await counts();
    const reads = ["nästa", "öppna", "mina", "försenade", "sök budget", "hjälp", "dagordning"];
    for (const text of [...reads, "uppdrag @Anna", "uppdrag @Ingen"]) {
      const said = await chat.say("Okänd", text);
      expect(said.text).not.toMatch(/får bara/);
    }
    expect((await chat.say("Okänd", "uppdrag @Anna")).text).toContain("Skicka förslaget");
    expect(await counts()).toEqual(before);
  });

  it("refuses approval by the secretary and publishing before approval", async () => {
    await expectRefused("Eva", "justera", "Det får bara ordföranden eller en justerare göra.");
    await expectRefused("Eva", "publicera", "Anteckningarna är inte justerade än.");
  });

  it("keeps the last secretary", async () => {
    await expectRefused("Eva", "roll @Eva ledamot", "Rådet behöver minst en sekreterare.");
  });

  it("answers in a channel with no council", async () => {
    const other = new ChatSession(db.store, chat.clock, "annan-kanal");
    const before = await counts();
    expect((await other.say("Eva", "noterat A: B")).text).toContain("hör inte till något råd");
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["möte 31/4", /31\/4/],
    ["möte 0000-01-01", /0000-01-01/],
    ["flytta till 0000-02-02", /0000-02-02/],
    ["möte 30 maj kl 25:00", /25:00/],
    ["möte", /möte DATUM/],
    ["uppdrag anna Gör något", /anna/],
    ["uppdrag @Anna", /Inga öppna uppdrag|#2/],
    ["klar abc", /abc/],
    ["klar 0", /0/],
    ["klar -3", /-3/],
    ["klar 999", "Det finns ingen punkt eller inget uppdrag med nummer #999."],
    ["klar 1", "#1 är en punkt, inte ett uppdrag."],
    ["ändra 2 senast 31 juni", "”31 juni” finns inte i kalendern, så #2 är oförändrad."],
    ["noterat Rubrik:", /noterat RUBRIK: TEXT/],
    ["noterat Ingen rubrik här", /noterat RUBRIK: TEXT/],
    [`noterat Lång: ${"x".repeat(10_000)}`, /4000|4 000/],
    ["roll @Anna kung", /kung/],
    ["handlingar inte en länk", /handlingar URL/],
    ["öppna allt", /öppna/],
    ["blaha", /blaha/],
    ["", /hjälp/],
  ])("bad input %#: %s", async (text, answer) => {
    const before = await counts();
    const said = await chat.say("Eva", text);
    if (typeof answer === "string") expect(said.text).toContain(answer);
    else expect(said.text).toMatch(answer);
    expect(said.reply.audience).toBe("caller");
    expect(await counts()).toEqual(before);
  });

  it("completes an action once when two people press Klar at the same moment", async () => {
    const answers = await Promise.all([chat.say("Anna", "klar 2"), chat.say("Eva", "klar 2")]);
    expect(answers.filter((said) => said.text.includes("är redan klart"))).toHaveLength(1);
    const completions = await db.database.prisma.auditEntry.count({
      where: { action: "completed" },
    });
    expect(completions).toBe(1);
  });

  it("makes one item and one action of a retried delivery", async () => {
    const first = await chat.say("Eva", "noterat Retry: samma leverans", "Ev001");
    const second = await chat.say("Eva", "noterat Retry: samma leverans", "Ev001");
    expect(second.text).toBe(first.text);
    await chat.say("Eva", "uppdrag @Anna Samma uppdrag", "Ev002");
    await chat.say("Eva", "uppdrag @Anna Samma uppdrag", "Ev002");
    const { prisma } = db.database;
    expect(await prisma.item.count({ where: { heading: "Retry" } })).toBe(1);
    expect(await prisma.action.count({ where: { text: "Samma uppdrag" } })).toBe(1);
  });

  it("does not leak one council's actions into another's channel", async () => {
    const other = new ChatSession(db.store, chat.clock, "malardalsradet");
    await other.say("Per", "råd Mälardalsrådet");
    await other.say("Per", "uppdrag @Anna Hemligt uppdrag");
    expect((await chat.say("Eva", "öppna")).text).not.toContain("Hemligt");
    expect((await other.say("Per", "öppna")).text).not.toContain("Skicka förslaget");
    expect((await other.say("Per", "sök budget")).text).toContain("Inga träffar");
    // Anna's own list spans both of her councils.
    const mine = (await chat.say("Anna", "mina")).text;
    expect(mine).toContain("Hemligt uppdrag");
    expect(mine).toContain("Skicka förslaget");
  });
});
