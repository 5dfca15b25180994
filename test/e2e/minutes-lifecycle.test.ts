import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ChatSession } from "../support/chat-session.js";
import { FixedClock } from "../support/console-harness.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

// The "current meeting" rule and the draft → approved → published cycle, as architecture.md §3–§4
// describe them, including what happens when minutes change after approval.

describe("the current meeting and the minutes' life", () => {
  let db: TempDatabase;
  let clock: FixedClock;
  let chat: ChatSession;
  const say = async (user: string, text: string) => (await chat.say(user, text)).text;
  const statusOf = async (startsAt: string) =>
    (await db.database.prisma.meeting.findFirstOrThrow({ where: { startsAt: new Date(startsAt) } }))
      .minutesStatus;

  beforeEach(async () => {
    db = await openTempDatabase();
    clock = new FixedClock("2026-03-02T08:00:00Z"); // Monday 2 March, 09:00 in Stockholm
    chat = new ChatSession(db.store, clock, "reglab");
    await say("Eva", "råd Reglab");
    await say("Eva", "roll @Ordf ordförande");
  });
  afterEach(async () => {
    await db.cleanup();
  });

  it("uses today's meeting, else the latest unapproved one, else says how to schedule", async () => {
    expect(await say("Eva", "noterat A: a")).toContain("Planera ett med `möte DATUM`");
    await say("Eva", "möte 2026-02-20 kl 10");
    await say("Eva", "möte 2026-02-25 kl 10");
    expect(await say("Eva", "noterat Sent: till senaste ojusterade")).toContain(
      "antecknat i mötet 25 februari",
    );
    await say("Eva", "möte idag kl 15");
    await say("Eva", "noterat Idag: till dagens möte");
    const items = await db.database.prisma.item.findMany({
      include: { meeting: true },
      orderBy: { ref: "asc" },
    });
    expect(items.map((i) => [i.heading, i.meeting.startsAt.toISOString()])).toEqual([
      ["Sent", "2026-02-25T09:00:00.000Z"],
      ["Idag", "2026-03-02T14:00:00.000Z"],
    ]);
  });

  it("stores meeting times on DST days as the wall clock says", async () => {
    await say("Eva", "möte 29 mars kl 02:30"); // does not exist: the clocks jump 02:00 → 03:00
    await say("Eva", "möte 25 oktober kl 02:30"); // exists twice: the first (summer time) is taken
    await say("Eva", "möte 30 mars kl 13");
    const meetings = await db.database.prisma.meeting.findMany({ orderBy: { startsAt: "asc" } });
    expect(meetings.map((m) => m.startsAt.toISOString())).toEqual([
      "2026-03-29T01:30:00.000Z",
      "2026-03-30T11:00:00.000Z",
      "2026-10-25T00:30:00.000Z",
    ]);
  });

  it("sends approved minutes back to draft when an action, the documents or the lede change", async () => {
    await say("Eva", "möte idag kl 10");
    await say("Eva", "noterat A: a");
    const changes = [
      "uppdrag @Anna Ny sak",
      "ändra 2 Annan sak",
      "stryk 2",
      "handlingar rvn.se",
      "ingress Ny ingress",
      "noterat B: b",
    ];
    for (const change of changes) {
      await say("Ordf", "justera");
      expect(await statusOf("2026-03-02T09:00:00Z")).toBe("approved");
      await say("Eva", change);
      expect(await statusOf("2026-03-02T09:00:00Z"), change).toBe("draft");
    }
    const reopened = await db.database.prisma.auditEntry.count({ where: { action: "reopened" } });
    expect(reopened).toBe(changes.length);
  });

  it("offers the next step as a button to whoever may take it", async () => {
    await say("Eva", "möte idag kl 00:30"); // 23:30 UTC the day before: the button uses the local date
    await say("Eva", "noterat A: a");
    const commands = async (user: string) =>
      (await chat.say(user, "protokoll")).reply.blocks.flatMap((block) =>
        block.type === "buttons" ? block.buttons.map((button) => button.command) : [],
      );
    expect(await commands("Ordf")).toEqual(["approve 2026-03-02"]);
    expect(await commands("Eva")).toEqual([]);
    await say("Ordf", "justera");
    expect(await commands("Ordf")).toEqual([]);
    expect(await commands("Eva")).toEqual(["publish 2026-03-02"]);
    expect(await say("Eva", "publish 2026-03-02")).toContain("publicerad i 1 av 1");
  });

  it("refuses approving published minutes, publishes again after a change, and approves by date", async () => {
    await say("Eva", "möte idag kl 10");
    await say("Eva", "noterat A: a");
    expect(await say("Eva", "publicera")).toContain("inte justerade");
    await say("Ordf", "justera");
    await say("Eva", "publicera");
    expect(await say("Ordf", "justera")).toContain("redan publicerade");
    expect(await say("Eva", "publicera")).toContain("publicerad i 1 av 1");

    await say("Eva", "noterat B: en rättelse");
    expect(await statusOf("2026-03-02T09:00:00Z")).toBe("draft");
    expect(await say("Eva", "publicera")).toContain("inte justerade");

    // Two weeks later the next meeting is held; the corrected minutes are approved there by date.
    clock.set("2026-03-16T08:00:00Z");
    await say("Eva", "möte idag kl 10");
    expect(await say("Ordf", "justera 2 mars")).toContain("justerade av Ordf");
    await say("Eva", "publicera 2 mars");
    expect(await statusOf("2026-03-02T09:00:00Z")).toBe("published");
    expect(chat.publications.map((p) => p.document.sections.length)).toEqual([1, 1, 2]);
    expect(await say("Eva", "protokoll 3 mars")).toContain("Det finns inget planerat möte 3 mars.");
  });
});
