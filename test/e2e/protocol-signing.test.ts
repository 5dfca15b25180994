import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ChatSession } from "../support/chat-session.js";
import { FixedClock } from "../support/console-harness.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

// Justering in protocol mode (architecture.md §12) where it can go wrong: content that moves between
// signatures, meetings justerade out of order, signatures at the same moment, the chair as
// justerare, a council without a chair, a substitute named twice, § approvals and the header.

/** Monday 1 February 2027, 09:00 in Stockholm. */
const FIRST_MEETING_DAY = "2027-02-01T08:00:00Z";

describe("signing a protocol", () => {
  let db: TempDatabase;
  let clock: FixedClock;
  let chat: ChatSession;
  const say = async (user: string, text: string) => (await chat.say(user, text)).text;
  const standing = () =>
    db.database.prisma.minutesApproval.findMany({ where: { voidedAt: null, itemId: null } });

  beforeEach(async () => {
    db = await openTempDatabase();
    clock = new FixedClock(FIRST_MEETING_DAY);
    chat = new ChatSession(db.store, clock, "norr");
    await say("Sara", "råd Samverkansrådet Norr");
    await say("Sara", "läge protokoll");
    await say("Sara", "roll @Maria ordförande");
    await say("Sara", "ledamot @Maria @Anna @Bertil @Cecilia");
    await say("Sara", "ersättare @Erik @Frida");
  });
  afterEach(async () => {
    await db.cleanup();
  });

  /** A meeting today with a decision and Anna as justerare. */
  async function meetingToday(): Promise<void> {
    await say("Sara", "möte idag kl 13");
    await say("Sara", "justerare @Anna");
    await say("Sara", "beslut Budget: Rådet fastställer budgeten.");
  }

  it("voids earlier signatures when what they saw has changed, and asks everyone again", async () => {
    await meetingToday();
    expect(await say("Maria", "justera")).toContain("Väntar på Anna.");
    // The deadline in the header moves: the chair signed other content than Anna now sees.
    await say("Sara", "påminnelser justering 10d");
    const anna = await say("Anna", "justera");
    expect(anna).toContain("som därför har strukits");
    expect(anna).toContain("Väntar på Maria.");
    expect((await standing()).map((approval) => approval.personId)).toHaveLength(1);
    expect(await say("Maria", "justera")).toContain("är justerat");
    const meeting = await db.database.prisma.meeting.findFirstOrThrow();
    expect(meeting.minutesStatus).toBe("approved");
  });

  it("numbers a protocol justerat after a later meeting's after that one's §§", async () => {
    await meetingToday();
    clock.set("2027-02-08T08:00:00Z");
    await say("Sara", "möte idag kl 13");
    await say("Sara", "justerare @Bertil");
    await say("Sara", "noterat Information: Rådet informerades.");
    await say("Maria", "justera 8 februari");
    expect(await say("Bertil", "justera 8 februari")).toContain("är justerat");
    // The first meeting, still waiting, is justerat now: its §§ follow the second's 1–8.
    await say("Maria", "justera 1 februari");
    expect(await say("Anna", "justera 1 februari")).toContain("är justerat");
    const items = await db.database.prisma.item.findMany({
      orderBy: { paragraph: "asc" },
      include: { meeting: true },
    });
    const paragraphsOf = (day: string) =>
      items
        .filter((item) => item.meeting.startsAt.toISOString().startsWith(day))
        .map((item) => item.paragraph);
    expect(paragraphsOf("2027-02-08")).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(paragraphsOf("2027-02-01")).toEqual([9, 10, 11, 12, 13, 14, 15, 16]);
  });

  it("makes the protocol justerat when the last two sign at the same moment", async () => {
    await say("Sara", "möte idag kl 13");
    await say("Sara", "justerare @Anna @Bertil");
    await say("Sara", "beslut Budget: Rådet fastställer budgeten.");
    await say("Anna", "justera");
    await Promise.all([say("Maria", "justera"), say("Bertil", "justera")]);
    const meeting = await db.database.prisma.meeting.findFirstOrThrow();
    expect(meeting.minutesStatus).toBe("approved");
    expect(await standing()).toHaveLength(3);
  });

  it("keeps the chair from being a justerare too, and a council without a chair from justering", async () => {
    await say("Sara", "möte idag kl 13");
    expect(await say("Sara", "justerare @Maria")).toBe(
      "Maria är ordförande och justerar protokollet ändå. Utse en annan ledamot till justerare.",
    );
    await say("Sara", "justerare @Anna");
    await say("Sara", "beslut Budget: Rådet fastställer budgeten.");
    await say("Sara", "roll @Maria ledamot");
    expect(await say("Anna", "justera")).toContain("Rådet har ingen ordförande");
    expect(await standing()).toHaveLength(0);
  });

  it("counts a member once when a second substitute is named for them", async () => {
    await say("Sara", "möte idag kl 13");
    await say("Sara", "närvarande @Maria");
    await say("Sara", "ersättare @Erik för @Bertil");
    expect(await say("Sara", "ersättare @Frida för @Bertil")).toBe(
      "Frida tjänstgör för Bertil.\n\nObs! Mötet är inte beslutsmässigt: 2 av 4 ledamöter deltar, minst 3 behövs. Det står i protokollet.",
    );
    const attendance = await db.database.prisma.attendance.findMany({
      where: { substituteForId: { not: null } },
      include: { person: true },
    });
    expect(attendance.map((row) => row.person.displayName)).toEqual(["Frida"]);
  });

  it("voids a § approved at the meeting when its header changes", async () => {
    await meetingToday();
    await say("Sara", "omedelbar 8");
    await say("Maria", "justera 8");
    expect(await say("Anna", "justera 8")).toContain("är omedelbart justerad");
    await say("Sara", "närvarande @Maria @Anna @Bertil");
    const approvals = await db.database.prisma.minutesApproval.findMany({
      where: { itemId: { not: null } },
    });
    expect(approvals).toHaveLength(2);
    expect(approvals.every((approval) => approval.voidedAt !== null)).toBe(true);
    expect(await say("Sara", "publicera 8")).toBe(
      "#8 är inte justerad än av alla som ska justera.",
    );
  });
});
