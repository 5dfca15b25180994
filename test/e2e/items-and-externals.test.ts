import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createReminderTick } from "../../src/scheduler/reminder-tick.js";
import { wireApp } from "../support/app-wiring.js";
import { ChatSession } from "../support/chat-session.js";
import { RecordingNotifier } from "../support/recording-notifier.js";
import { openTempDatabase, type TempDatabase, tableCounts } from "../support/temp-database.js";

// Issue 14 through the real command path on a real store: actions given to someone outside the
// chat (`@"Regionens kansli"`, `extern NAMN`, `@kansliet`), listed, minuted and in the digest
// but never reminded; an item's kind changed (an agenda point minuted without retyping it, §
// numbers without gaps and never reused) and its place moved. May 2026 in Stockholm is UTC+2.

/** Monday 11 May 2026, 08:00 in Stockholm: the meeting is at 13.00 today. */
const MONDAY_MORNING = "2026-05-11T06:00:00Z";

let db: TempDatabase;
let chat: ChatSession;
let app: ReturnType<typeof wireApp>;
const say = async (user: string, text: string) => (await chat.say(user, text)).text;
const itemNumbered = (ref: number) =>
  db.database.prisma.item.findFirstOrThrow({ where: { ref }, include: { meeting: true } });

beforeEach(async () => {
  db = await openTempDatabase();
  app = wireApp(db.store, { now: MONDAY_MORNING });
  chat = new ChatSession(db.store, app.clock, "reglab");
  await say("Sara", "råd Reglab");
  await say("Sara", "roll @Ordf ordförande");
  await say("Sara", "möte 2026-05-11 kl 13");
});
afterEach(async () => {
  await db.cleanup();
});

describe("actions for someone outside the chat", () => {
  it("names, lists and minutes them, and lets only the secretary mark their actions done", async () => {
    const first = await say(
      "Sara",
      'uppdrag @"Regionens kansli" Skicka underlag senast 2026-05-15',
    );
    expect(first).toContain("#1 Regionens kansli: Skicka underlag – senast 15 maj");
    expect(first).toContain(
      "Regionens kansli finns nu i rådet: nästa gång räcker @regionenskansli.",
    );

    expect(await say("Sara", "extern Kansliet")).toBe(
      "Kansliet kan nu få uppdrag som @kansliet. Påminnelser går inte ut till dem: uppdragen syns i listor, anteckningar och veckosammanställningen.",
    );
    expect(await say("Sara", 'extern "kansliet"')).toBe(
      "Kansliet finns redan och får uppdrag som @kansliet.",
    );
    expect(await say("Sara", "uppdrag @kansliet och @Anna Boka lokal senast 2026-05-15")).toContain(
      "#2 Anna och Kansliet: Boka lokal – senast 15 maj",
    );
    // Named once, the quoted form finds the same one: no second person, no "named" line.
    const again = await say("Sara", 'uppdrag @"Regionens Kansli" Ring regionen');
    expect(again).toContain("#3 Regionens kansli: Ring regionen");
    expect(again).not.toContain("nästa gång räcker");

    const council = await db.database.prisma.council.findFirstOrThrow();
    const externals = await db.database.prisma.person.findMany({
      where: { platform: "external" },
      orderBy: { externalId: "asc" },
    });
    expect(
      externals.map(({ workspaceId, externalId, displayName }) => [
        workspaceId,
        externalId,
        displayName,
      ]),
    ).toEqual([
      [council.id, "kansliet", "Kansliet"],
      [council.id, "regionenskansli", "Regionens kansli"],
    ]);

    const listed = await say("Anna", "uppdrag @kansliet");
    expect(listed).toContain("#2 Anna och Kansliet: Boka lokal");
    expect(listed).not.toContain("#1");
    const kansli = await say("Anna", 'uppdrag @"Regionens kansli"');
    expect(kansli).toContain("#1 Regionens kansli: Skicka underlag");
    expect(kansli).toContain("#3 Regionens kansli: Ring regionen");
    expect(await say("Anna", "öppna")).toContain("#1 Regionens kansli: Skicka underlag");

    // Someone on the console who happens to be called Kansliet is not the external.
    expect(await say("Kansliet", "klar 2")).toBe(
      "Bara den som har uppdraget, eller sekreteraren, kan markera det klart.",
    );
    expect(await say("Sara", "klar 3")).toContain("#3");
    expect((await db.database.prisma.action.findFirstOrThrow({ where: { ref: 3 } })).status).toBe(
      "done",
    );
    expect(await say("Anna", "visa 1")).toContain("Regionens kansli");

    app.clock.set("2026-05-11T11:30:00Z");
    await say("Sara", "noterat Läget: Rådet informerades.");
    const draft = await say("Sara", "protokoll");
    expect(draft).toContain("- Regionens kansli: Skicka underlag (senast 15 maj)");
    expect(draft).toMatch(/- (Anna och Kansliet|Kansliet och Anna): Boka lokal \(senast 15 maj\)/);
  });

  it("refuses a handle nobody named, and stores nothing for someone who is not the secretary", async () => {
    // On the console `@okänd` is a person; the quoted form is not.
    const before = await tableCounts(db.database);
    expect(await say("Anna", 'uppdrag @"Nytt kansli" Ring')).toBe(
      "Det får bara rådets sekreterare göra.",
    );
    expect(await say("Anna", "extern Nytt kansli")).toBe("Det får bara rådets sekreterare göra.");
    expect(await tableCounts(db.database)).toEqual(before);
    expect(await say("Sara", 'uppdrag @"!!" Ring')).toContain('”@"!!"”');
    expect(await say("Sara", "extern !!!")).toContain(
      "”!!!” går inte att skriva efter @: ett namn behöver minst en bokstav eller siffra.",
    );
  });

  it("plans no private reminder for them, while the digest lists their actions", async () => {
    await say("Sara", 'uppdrag @"Regionens kansli" Skicka underlag senast 2026-05-15');
    await say("Sara", "extern Kansliet");
    await say("Sara", "uppdrag @kansliet och @Anna Boka lokal senast 2026-05-15");
    const notifier = new RecordingNotifier();
    const tick = createReminderTick({
      deps: app.deps,
      notifier,
      platforms: ["local"],
      logger: app.logger,
      instance: "a",
    });
    await tick(new Date(MONDAY_MORNING));
    // Friday 15 May 09:00, the due date; Monday 18 May 09:00, overdue and the weekly digest.
    await tick(new Date("2026-05-15T07:00:00Z"));
    await tick(new Date("2026-05-18T07:00:00Z"));

    const rows = await db.database.prisma.reminder.findMany();
    const externals = await db.database.prisma.person.findMany({
      where: { platform: "external" },
    });
    expect(externals).toHaveLength(2);
    for (const external of externals) {
      expect(rows.filter((row) => row.recipient === `person:${external.id}`)).toEqual([]);
    }
    expect(rows.filter((row) => row.platform !== "local")).toEqual([]);

    // Anna is reminded before the meeting, on the due date and when it is overdue; they are not.
    const toAnna = notifier.delivered.filter(({ to }) => to === "person:anna");
    expect(toAnna.map(({ text }) => text.split("\n")[0]?.split(":")[0])).toEqual([
      "Inför mötet med Reglab måndag 11 maj kl. 13.00",
      "Påminnelse",
      "Försenade uppdrag – klara, eller ska de skjutas upp?",
    ]);
    expect(toAnna.every(({ text }) => text.includes("#2 Anna och Kansliet"))).toBe(true);
    expect(
      notifier.delivered.every(({ to }) => to === "person:anna" || to.startsWith("channel:")),
    ).toBe(true);
    const digest = notifier.delivered.find(({ text }) => text.includes("Regionens kansli"));
    expect(digest?.to).toBe("channel:reglab");
    expect(digest?.text).toContain("#1 Regionens kansli: Skicka underlag");
  });
});

describe("an item's kind and place", () => {
  beforeEach(async () => {
    await say("Sara", "möte 2026-05-25 kl 13");
    await say("Sara", "punkt Budget 2027");
    await say("Sara", "punkt Lokaler");
    app.clock.set("2026-05-11T11:30:00Z"); // 13.30, during the meeting
    await say("Sara", "beslut Remiss: Rådet svarar på remissen.");
  });

  it("minutes an agenda point without retyping it, and moves items within their meeting", async () => {
    expect(await say("Sara", "ändra 1 beslut Rådet antar budgeten.")).toBe(
      "#1 är nu ett beslut, § 2.",
    );
    expect(await say("Sara", "ändra 2 noterat")).toBe("#2 är nu noterat.");
    const budget = await itemNumbered(1);
    expect([budget.kind, budget.heading, budget.text, budget.paragraph]).toEqual([
      "decision",
      "Budget 2027",
      "Rådet antar budgeten.",
      2,
    ]);
    expect((await itemNumbered(2)).kind).toBe("info");

    expect(await say("Sara", "flytta 3 före 1")).toBe("#3 ligger nu före #1.");
    expect(await say("Sara", "flytta 3 före 1")).toBe("#3 ligger redan före #1.");
    const draft = await say("Sara", "protokoll");
    const order = ["Remiss", "Budget 2027", "Lokaler"].map((heading) => draft.indexOf(heading));
    expect(order.every((at, index) => at > (order[index - 1] ?? -1))).toBe(true);
    expect(draft).toContain("§ 2");

    const audit = await db.database.prisma.auditEntry.findMany({
      where: { action: { in: ["moved", "changed"] }, entityType: "item" },
      orderBy: { at: "asc" },
    });
    expect(audit.map((entry) => entry.action)).toEqual(["changed", "changed", "moved"]);
  });

  it("keeps § numbers without gaps in a draft, and never changes or reuses one on record", async () => {
    await say("Sara", "ändra 1 beslut");
    await say("Sara", "beslut Tredje: Rådet beslutar.");
    expect((await itemNumbered(4)).paragraph).toBe(3);

    // In a draft the number goes, and the later decision closes the gap.
    expect(await say("Sara", "ändra 1 noterat")).toBe(
      "#1 är nu noterat.\n\nBeslutet efter den fick en § lägre, så att numren följer på varandra.",
    );
    expect([(await itemNumbered(1)).paragraph, (await itemNumbered(4)).paragraph]).toEqual([
      null,
      2,
    ]);
    const renumbered = await db.database.prisma.auditEntry.findMany({
      where: { action: "renumbered" },
    });
    expect(renumbered.map((entry) => [entry.before, entry.after])).toEqual([
      ['{"paragraph":3}', '{"paragraph":2}'],
    ]);

    // Approved and published: § 2 is on record. It stays with #4, whatever #4 becomes.
    await say("Ordf", "justera");
    await say("Sara", "publicera");
    expect(await say("Sara", "ändra 4 diskussion")).toBe(
      "#4 är nu en diskussion.\n\nDen behåller § 2, som redan har justerats eller publicerats, så att numret aldrig står för något annat beslut.",
    );
    const reopened = await itemNumbered(4);
    expect([reopened.paragraph, reopened.meeting.minutesStatus]).toEqual([2, "draft"]);
    expect(
      await db.database.prisma.auditEntry.count({ where: { action: "reopened" } }),
    ).toBeGreaterThan(0);
    expect(await say("Sara", "ändra 1 beslut")).toBe("#1 är nu ett beslut, § 3.");
    expect(await say("Sara", "ändra 4 beslut")).toBe("#4 är nu ett beslut, § 2.");
  });

  it("refuses moves it cannot make, and leaves an action's text to ändra as before", async () => {
    await say("Sara", "uppdrag @Anna Boka lokal");
    app.clock.set("2026-05-12T08:00:00Z");
    expect(await say("Sara", "punkt Nästa gång")).toContain("#5");
    expect(await say("Sara", "flytta 5 före 1")).toBe(
      "#5 och #1 hör till olika möten. Bara punkter i samma möte kan byta ordning.",
    );
    expect(await say("Sara", "flytta 4 före 1")).toBe("#4 är ett uppdrag, inte en punkt.");
    expect(await say("Sara", "flytta 1 före 1")).toBe("#1 kan inte flyttas före sig själv.");
    expect(await say("Sara", "flytta 99 före 1")).toBe(
      "Det finns ingen punkt eller inget uppdrag med nummer #99.",
    );
    expect(await say("Anna", "ändra 1 beslut")).toBe("Det får bara rådets sekreterare göra.");
    expect(await say("Anna", "flytta 2 före 1")).toBe("Det får bara rådets sekreterare göra.");
    // `ändra 4 beslut …` of an action is a correction of its text, as it always was.
    expect(await say("Sara", "ändra 4 beslut om lokal")).toBe("Ändrat #4.");
    expect((await db.database.prisma.action.findFirstOrThrow({ where: { ref: 4 } })).text).toBe(
      "beslut om lokal",
    );
    // And the meeting still moves.
    expect(await say("Sara", "flytta 25 maj till 26 maj")).toContain("26 maj");
  });

  it("leaves numbering to the justering in protocol mode", async () => {
    await say("Sara", "läge protokoll");
    expect(await say("Sara", "ändra 2 beslut")).toBe(
      "#2 är nu ett beslut. Det får sin § när protokollet justeras.",
    );
  });
});
