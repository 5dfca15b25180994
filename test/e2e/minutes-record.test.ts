import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderMinutesHtml } from "../../src/render/minutes-html.js";
import { renderMinutesMarkdown } from "../../src/render/minutes-markdown.js";
import type { Store } from "../../src/store/store.js";
import { ChatSession } from "../support/chat-session.js";
import { FixedClock } from "../support/console-harness.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

// Approved minutes are a record (architecture.md §11): what the chair approved is what is published,
// byte for byte, until the meeting's own content changes and is approved again.

describe("approved minutes as a record", () => {
  let db: TempDatabase;
  let clock: FixedClock;
  let chat: ChatSession;
  const say = async (user: string, text: string) => (await chat.say(user, text)).text;
  const meeting = () =>
    db.database.prisma.meeting.findFirstOrThrow({ orderBy: { startsAt: "asc" } });
  /** The web files of the last publication, as the local surface writes them. */
  const lastPublished = () => {
    const publication = chat.publications.at(-1);
    if (!publication) throw new Error("nothing published");
    return {
      document: publication.document,
      html: renderMinutesHtml(publication.document),
      markdown: renderMinutesMarkdown(publication.document),
    };
  };

  beforeEach(async () => {
    db = await openTempDatabase();
    clock = new FixedClock("2026-12-03T08:00:00Z"); // Thursday 3 December, 09:00 in Stockholm
    chat = new ChatSession(db.store, clock, "reglab");
    await say("Eva", "råd Reglab");
    await say("Eva", "roll @Ordf ordförande");
    await say("Eva", "möte idag kl 13 Sundsvall");
    await say("Eva", "noterat Ekonomi: Rådet informerades om budgeten.");
    await say("Eva", "beslut Lokal: Rådet hyr Stadshuset.");
    await say("Eva", "uppdrag @Anna Skicka avtalet senast 20 december");
  });
  afterEach(async () => {
    await db.cleanup();
  });

  async function approveAndPublish(): Promise<string> {
    const approved = await say("Ordf", "justera");
    await say("Eva", "publicera");
    return /Kontrollsumma ([0-9a-f]{12})/.exec(approved)?.[1] ?? "";
  }

  it("freezes what was approved, with its checksum, and publishes exactly that", async () => {
    const approved = await say("Ordf", "justera");
    expect(approved).toMatch(/justerade av Ordf\. Kontrollsumma [0-9a-f]{12}\.$/);
    const short = /Kontrollsumma ([0-9a-f]{12})/.exec(approved)?.[1];
    const snapshot = await db.database.prisma.minutesSnapshot.findFirstOrThrow();
    expect(snapshot.sha256.slice(0, 12)).toBe(short);
    // Done before publishing: the approved text, not the action's live state, is published.
    await say("Anna", "klar 3");
    await say("Eva", "publicera");
    const published = lastPublished();
    expect(published.document.checksum?.sha256).toBe(snapshot.sha256);
    expect(published.html).toContain(`<meta name="noterat-sha256" content="${snapshot.sha256}">`);
    expect(published.html).toContain(`Kontrollsumma (SHA-256): ${snapshot.sha256}</p></footer>`);
    expect(published.markdown).toContain(`Kontrollsumma (SHA-256): ${snapshot.sha256}\n`);
    expect(published.markdown).toContain("Anna: Skicka avtalet (senast 20 december)\n");
    expect(published.markdown).not.toMatch(/klar|Rättad/);
    const audit = await db.database.prisma.auditEntry.findFirstOrThrow({
      where: { action: "approved" },
    });
    expect(JSON.parse(audit.after ?? "{}")).toMatchObject({ sha256: snapshot.sha256 });
  });

  it("keeps published minutes byte for byte through the actions' live changes, later actions and a new meeting", async () => {
    await approveAndPublish();
    const first = lastPublished();
    await say("Anna", "skjut upp 3");
    await say("Anna", "klar 3");
    clock.set("2026-12-10T09:00:00Z"); // a week later, no meeting that day
    await say("Eva", "uppdrag @Bo Boka lokal senast 10 december");
    await say("Bo", "skjut upp 4");
    await say("Eva", "skjut upp 4 till 14 januari");
    await say("Eva", "ändra 4 senast 20 januari");
    await say("Eva", "ändra 4 Boka en större lokal");
    await say("Eva", "möte 17 december kl 13");
    await say("Eva", "punkt Budget 2027");
    expect((await meeting()).minutesStatus).toBe("published");
    expect(await db.database.prisma.minutesApproval.count({ where: { voidedAt: null } })).toBe(1);
    const protocol = await say("Eva", "protokoll 3 december");
    expect(protocol).toContain("Så här publicerades anteckningarna");
    expect(protocol).not.toContain("utkast");
    await say("Eva", "publicera 3 december");
    const again = lastPublished();
    expect(again.html).toBe(first.html);
    expect(again.markdown).toBe(first.markdown);
    const later = await db.database.prisma.action.findFirstOrThrow({ where: { ref: 4 } });
    expect(later).toMatchObject({ meetingId: null, text: "Boka en större lokal" });
  });

  it("reopens on a change to the meeting's own content, voids the approval, and marks the new post corrected", async () => {
    const firstChecksum = await approveAndPublish();
    const first = lastPublished();
    clock.set("2026-12-04T09:30:00Z");
    const edited = await say("Eva", "ändra 1 Ekonomi: Rådet informerades om budgeten för 2027.");
    expect(edited).toContain("#1");
    expect((await meeting()).minutesStatus).toBe("draft");
    const approval = await db.database.prisma.minutesApproval.findFirstOrThrow();
    expect(approval.voidedAt).toEqual(new Date("2026-12-04T09:30:00Z"));
    const reopened = await db.database.prisma.auditEntry.findFirstOrThrow({
      where: { action: "reopened" },
    });
    expect(JSON.parse(reopened.after ?? "{}")).toMatchObject({
      cause: { entityType: "item", ref: 1, change: "changed" },
    });
    // The old post stays as it was until the change is approved and published.
    expect(await say("Eva", "publicera 3 december")).toContain("inte justerade");
    const secondChecksum = (/Kontrollsumma ([0-9a-f]{12})/.exec(
      await say("Ordf", "justera 3 december"),
    ) ?? [])[1];
    expect(secondChecksum).not.toBe(firstChecksum);
    await say("Eva", "publicera 3 december");
    const corrected = lastPublished();
    expect(corrected.document.stamp).toBe(first.document.stamp);
    expect(corrected.document.corrected).toBe("Rättad 2026-12-04 10.30");
    expect(corrected.html).toContain('<p class="stamp corrected">Rättad 2026-12-04 10.30</p>');
    expect(corrected.markdown).toContain("budgeten för 2027");
    // Publishing the same approval again changes nothing, the correction mark included.
    clock.set("2026-12-05T09:30:00Z");
    await say("Eva", "publicera 3 december");
    expect(lastPublished().html).toBe(corrected.html);
  });

  it("reopens when an action given at the meeting is corrected or withdrawn, not when it is done or postponed", async () => {
    await approveAndPublish();
    await say("Anna", "skjut upp 3");
    await say("Anna", "klar 3");
    expect((await meeting()).minutesStatus).toBe("published");
    await say("Eva", "ändra 3 Skicka det underskrivna avtalet");
    expect((await meeting()).minutesStatus).toBe("draft");
    await say("Ordf", "justera 3 december");
    await say("Eva", "stryk 3");
    expect((await meeting()).minutesStatus).toBe("draft");
  });

  it("verifies the published minutes against their approval, and notices a row edited behind its back", async () => {
    expect(await say("Anna", "verifiera")).toContain("inga publicerade anteckningar");
    const checksum = await approveAndPublish();
    const verified = await say("Anna", "verifiera");
    expect(verified).toContain(`stämmer med det som justerades: kontrollsumma ${checksum}`);
    expect(verified).toMatch(/Justerade av Ordf 2026-12-03 09\.00\./);
    expect(verified).toMatch(/Publicerade 2026-12-03 09\.00\./);
    expect(await say("Anna", "verify 3 december")).toContain("stämmer med");
    await db.database.prisma.$executeRawUnsafe(
      `UPDATE "MinutesSnapshot" SET "document" = replace("document", 'Stadshuset', 'Folkets hus')`,
    );
    const tampered = await say("Anna", "verifiera 3 december");
    expect(tampered).toContain("stämmer INTE med det som justerades");
    expect(tampered).toContain(`Justerad kontrollsumma ${checksum}`);
  });

  it("answers verify in English for an English council", async () => {
    const english = new ChatSession(db.store, clock, "english", "en");
    await english.say("Eva", "council Noterat test");
    expect((await english.say("Eva", "verify")).text).toBe(
      "This council has no published notes yet.",
    );
  });

  it("does not let an edit that lands while the chair approves slip past the approval", async () => {
    // Another instance changes item #1 between this instance's compile and its approval.
    const { store } = db;
    const racing: Store = {
      ...store,
      minutesRecord: Object.assign(Object.create(store.minutesRecord), {
        approve: async (...args: Parameters<Store["minutesRecord"]["approve"]>) => {
          const item = await store.items.byRef(args[0].councilId, 1);
          const eva = await db.database.prisma.person.findFirstOrThrow({
            where: { externalId: "eva" },
          });
          if (item)
            await store.items.change(item, { text: "Ändrat under tiden." }, eva.id, clock.now());
          return store.minutesRecord.approve(...args);
        },
      }) as Store["minutesRecord"],
    };
    const chair = new ChatSession(racing, clock, "reglab");
    expect((await chair.say("Ordf", "justera")).text).toContain(
      "Anteckningarna ändrades medan du justerade dem",
    );
    expect((await meeting()).minutesStatus).toBe("draft");
    expect(await db.database.prisma.minutesApproval.count({ where: { voidedAt: null } })).toBe(0);
    // Approved again, the minutes hold the change.
    await say("Ordf", "justera");
    await say("Eva", "publicera");
    expect(lastPublished().markdown).toContain("Ändrat under tiden.");
  });
});
