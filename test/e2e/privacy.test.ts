import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createReminderTick } from "../../src/scheduler/reminder-tick.js";
import { ChatSession } from "../support/chat-session.js";
import { FixedClock } from "../support/console-harness.js";
import { RecordingNotifier } from "../support/recording-notifier.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

// Privacy and records (architecture.md §15) through the command path every surface takes: the
// personal-data check before publishing, the register extract, forgetting a person.

/** Skatteverket's test number: a valid date and check digit. */
const PERSONAL_NUMBER = "19121212-1212";
const PHONE = "070-123 45 67";
const EMAIL = "anna.berg@region.se";

describe("privacy", () => {
  let db: TempDatabase;
  let clock: FixedClock;
  let chat: ChatSession;
  const say = async (user: string, text: string) => (await chat.say(user, text)).text;
  const prisma = () => db.database.prisma;
  const meeting = () => prisma().meeting.findFirstOrThrow({ orderBy: { startsAt: "asc" } });
  /** Every table's row count: what "nothing changed" is checked against. */
  const counts = async () => ({
    people: await prisma().person.count(),
    memberships: await prisma().membership.count(),
    assignees: await prisma().actionAssignee.count(),
    audit: await prisma().auditEntry.count(),
    confirmations: await prisma().pendingConfirmation.count(),
    reminders: await prisma().reminder.count(),
    published: chat.publications.length,
  });

  beforeEach(async () => {
    db = await openTempDatabase();
    clock = new FixedClock("2026-12-03T08:00:00Z"); // Thursday 3 December, 09:00 in Stockholm
    chat = new ChatSession(db.store, clock, "reglab");
    await say("Eva", "råd Reglab");
    await say("Eva", "roll @Ordf ordförande");
    await say("Eva", "möte idag kl 13 Sundsvall");
  });
  afterEach(async () => {
    await db.cleanup();
  });

  describe("the personal-data check", () => {
    it("names each finding masked in the draft, refuses to publish, and publishes once the text is changed", async () => {
      await say(
        "Eva",
        `noterat Ärende: Sökande ${PERSONAL_NUMBER} nås på ${PHONE} eller ${EMAIL}.`,
      );
      await say("Eva", "beslut Lokal: Rådet hyr Stadshuset enligt RS 2026/123 för 1 250 000 kr.");
      const draft = await say("Eva", "protokoll");
      expect(draft).toContain("Möjliga personuppgifter – kontrollera innan publicering");
      expect(draft).toContain("#1: personnummer 19••••••-••12");
      expect(draft).toContain("#1: telefonnummer 07•-••• •• 67");
      expect(draft).toMatch(/#1: e-postadress an[•.]+@[•]+\.se/);
      // Case numbers, amounts and dates are no personal data.
      expect(draft).not.toContain("#2:");
      await say("Ordf", "justera");
      const before = await counts();
      const refused = await say("Eva", "publicera");
      expect(refused).toContain("Publiceringen stoppades: texten kan innehålla personuppgifter");
      expect(refused).toContain("#1: personnummer 19••••••-••12");
      expect(refused).toContain("`publicera ändå`");
      // The warnings never repeat the data they warn about.
      const warnings = draft.slice(draft.indexOf("Möjliga personuppgifter"));
      for (const secret of [PERSONAL_NUMBER, "121212-1212", PHONE, EMAIL]) {
        expect(warnings).not.toContain(secret);
        expect(refused).not.toContain(secret);
      }
      expect(await counts()).toEqual(before);
      expect((await meeting()).minutesStatus).toBe("approved");

      await say("Eva", "ändra 1 Ärende: Sökande nås via kansliet.");
      expect(await say("Eva", "protokoll")).not.toContain("Möjliga personuppgifter");
      await say("Ordf", "justera");
      expect(await say("Eva", "publicera")).toContain("publicerad");
      expect(chat.publications).toHaveLength(1);
    });

    it("publishes anyway when the secretary says so, and the audit trail records the findings masked", async () => {
      await say("Eva", `noterat Kontakt: Frågor till ${EMAIL}.`);
      await say("Ordf", "justera");
      expect(await say("Eva", "publicera ändå")).toContain("publicerad");
      expect(chat.publications).toHaveLength(1);
      const entry = await prisma().auditEntry.findFirstOrThrow({
        where: { action: "published-anyway" },
      });
      expect(entry.entityId).toBe((await meeting()).id);
      expect(JSON.parse(entry.after ?? "{}")).toEqual({
        findings: [
          { place: { type: "item", ref: 1 }, kind: "email", masked: expect.stringMatching(/^an/) },
        ],
      });
      expect(entry.after).not.toContain(EMAIL);
    });

    it("refuses `publicera ändå` when nothing was found, and changes nothing", async () => {
      await say("Eva", "noterat Ekonomi: Budgeten 2027 (dnr 2026-00123) presenterades 2026-12-03.");
      await say("Ordf", "justera");
      const before = await counts();
      expect(await say("Eva", "publicera ändå")).toBe(
        "Kontrollen hittade inga personuppgifter, så det finns inget att publicera ändå. Skriv `publicera`.",
      );
      expect(await counts()).toEqual(before);
      expect((await meeting()).minutesStatus).toBe("approved");
      expect(await say("Eva", "publicera")).toContain("publicerad");
    });

    it("checks the protocol too, in protocol mode", async () => {
      await say("Eva", "läge protokoll");
      clock.set("2026-12-10T08:00:00Z");
      await say("Eva", "möte idag kl 13");
      await say("Eva", "ledamot @Ordf @Bo");
      await say("Eva", "närvarande @Ordf @Bo");
      await say("Eva", "beslut Bidrag: Bidrag beviljas.");
      const decision = await prisma().item.findFirstOrThrow({ where: { heading: "Bidrag" } });
      await say("Eva", `anteckning ${decision.ref} Sökanden nås på 08-123 456 78.`);
      const draft = await say("Eva", "protokoll");
      expect(draft).toContain(`#${decision.ref}: telefonnummer 08-••• ••• 78`);
    });
  });

  describe("mina uppgifter", () => {
    it("lists what is held about the caller across councils, with the whole of it as JSON", async () => {
      await say("Eva", "uppdrag @Anna Skicka avtalet senast 20 december");
      const other = new ChatSession(db.store, clock, "mälardalen");
      await other.say("Bo", "råd Mälardalsrådet");
      await other.say("Bo", "ledamot @Anna");
      const { reply, text } = await chat.say("Anna", "mina uppgifter");
      expect(reply.audience).toBe("caller");
      expect(text).toContain("Det här har Noterat sparat om dig (Anna)");
      expect(text).toContain("Roller: ledamot i Mälardalsrådet");
      expect(text).toContain("Uppdrag till dig: 1 (öppna: 1)");
      const file = reply.blocks.find((block) => block.type === "document");
      if (file?.type !== "document" || file.kind !== "personal-data") throw new Error("no file");
      expect(file.filename).toBe("noterat-mina-uppgifter-2026-12-03.json");
      const data = JSON.parse(file.json);
      expect(data.person).toMatchObject({
        platform: "local",
        externalId: "anna",
        displayName: "Anna",
      });
      expect(data.actionsAssigned).toEqual([
        expect.objectContaining({ council: "Reglab", text: "Skicka avtalet", status: "open" }),
      ]);
      expect(data.roles).toEqual([
        expect.objectContaining({ council: "Mälardalsrådet", role: "member" }),
      ]);
      // Only the caller's own: Eva's council and items are not Anna's data.
      expect(data.itemsAuthored).toEqual([]);
      expect(file.json).not.toContain("Eva");
    });

    it("tells someone never stored that nothing is held, and stores nobody", async () => {
      await say("Eva", "uppdrag @Anna Skicka avtalet senast 20 december");
      const before = await counts();
      expect(await say("Okänd", "mina uppgifter")).toBe(
        "Noterat har inga uppgifter sparade om dig.",
      );
      // Nor are anyone else's actions "mine" to someone never stored.
      expect(await say("Okänd", "mina")).not.toContain("Skicka avtalet");
      expect(await counts()).toEqual(before);
    });
  });

  describe("glöm @P", () => {
    beforeEach(async () => {
      await say("Eva", "ledamot @Anna");
      await say("Eva", "uppdrag @Anna Skicka avtalet senast 20 december");
    });

    it("refuses what it cannot do, and changes nothing", async () => {
      const before = await counts();
      expect(await say("Anna", "glöm @Ordf")).toContain("sekreterare");
      expect(await say("Eva", "glöm @Ingen")).toBe(
        "Ingen finns inte i rådet, så det finns inget att glömma.",
      );
      expect(await say("Eva", "glöm @Eva")).toBe(
        "Du kan inte glömma dig själv. Be en annan sekreterare i rådet.",
      );
      expect(await say("Eva", "ja")).toBe("Det finns inget att bekräfta just nu.");
      expect(await say("Eva", "glöm")).toContain("glöm @PERSON");
      expect(await counts()).toEqual(before);
    });

    it("asks first; anything but `ja` cancels and is not run", async () => {
      const asked = await say("Eva", "glöm @Anna");
      expect(asked).toContain("Vill du att Noterat glömmer Anna i Reglab?");
      expect(asked).toContain("Svara `ja` inom 10 minuter");
      expect(await prisma().pendingConfirmation.count()).toBe(1);
      const before = await counts();
      expect(await say("Eva", "noterat Nytt: Ska inte sparas nu.")).toBe(
        "Avbrutet: Anna glömdes inte, och inget ändrades. Skriv ditt kommando igen.",
      );
      expect(await prisma().item.count()).toBe(0);
      expect(await counts()).toEqual({ ...before, confirmations: 0 });
      expect(await say("Eva", "ja")).toBe("Det finns inget att bekräfta just nu.");
      expect(await say("Eva", "öppna")).toContain("Anna: Skicka avtalet");
    });

    it("does not act on a `ja` that comes too late", async () => {
      await say("Eva", "glöm @Anna");
      clock.set("2026-12-03T08:11:00Z");
      expect(await say("Eva", "ja")).toBe("Det finns inget att bekräfta just nu.");
      expect(await prisma().membership.count({ where: { person: { externalId: "anna" } } })).toBe(
        1,
      );
      // An expired question does not swallow the next command either.
      await say("Eva", "glöm @Anna");
      clock.set("2026-12-03T08:30:00Z");
      expect(await say("Eva", "öppna")).toContain("Anna: Skicka avtalet");
    });

    it("forgets P in the council: roles, pending reminders, the name in drafts and open actions; published minutes keep it", async () => {
      // Published minutes that name Anna, and reminders waiting for her.
      await say("Eva", "noterat Avtal: Anna Berg redogjorde.");
      await say("Ordf", "justera");
      await say("Eva", "publicera");
      const published = await meeting();
      clock.set("2026-12-10T08:00:00Z");
      await say("Eva", "möte idag kl 13");
      await say("Eva", "noterat Inköp: Leverantören har svarat.");
      await say("Eva", "uppdrag @Anna Ring leverantören senast 18 december");
      const anna = await prisma().person.findFirstOrThrow({ where: { externalId: "anna" } });
      await prisma().reminder.create({
        data: {
          key: "due:test:anna",
          councilId: published.councilId,
          kind: "due",
          recipient: `person:${anna.id}`,
          platform: "local",
          subjectId: published.councilId,
          dueAt: new Date("2026-12-18T08:00:00Z"),
          nextAttemptAt: new Date("2026-12-18T08:00:00Z"),
          payload: "{}",
        },
      });
      const annaAudit = await prisma().auditEntry.count({ where: { actorId: anna.id } });

      await say("Eva", "glöm @Anna");
      const done = await say("Eva", "ja");
      expect(done).toContain("Anna är glömd i Reglab.");
      expect(done).toContain("Roller borttagna: 1");
      expect(done).toContain("påminnelser borttagna: 1");

      expect(await prisma().person.findUnique({ where: { id: anna.id } })).toBeNull();
      expect(await prisma().reminder.count({ where: { recipient: `person:${anna.id}` } })).toBe(0);
      const open = await say("Eva", "öppna");
      expect(open).toContain("(borttagen person): Skicka avtalet");
      expect(open).toContain("(borttagen person): Ring leverantören");
      expect(open).not.toContain("Anna:");
      expect(await say("Eva", "protokoll")).toContain("(borttagen person): Ring leverantören");
      // The published record keeps the name, byte for byte.
      const kept = await prisma().meeting.findUniqueOrThrow({ where: { id: published.id } });
      expect(kept.publishedDocument).toContain("Anna: Skicka avtalet");
      expect(kept.minutesStatus).toBe("published");
      // The audit trail keeps a pseudonymous id, not Anna's.
      const forgotten = await prisma().auditEntry.findFirstOrThrow({
        where: { action: "forgotten" },
      });
      expect(forgotten.entityType).toBe("person");
      const pseudonym = await prisma().person.findUniqueOrThrow({
        where: { id: forgotten.entityId },
      });
      expect(pseudonym.displayName).toBe("(borttagen person)");
      expect(pseudonym.externalId).not.toBe("anna");
      const entries = await prisma().auditEntry.findMany();
      expect(entries.some((entry) => JSON.stringify(entry).includes(anna.id))).toBe(false);
      expect(annaAudit).toBe(0);

      // Anna writes again: a new person, with nothing held.
      expect(await say("Anna", "mina uppgifter")).toBe(
        "Noterat har inga uppgifter sparade om dig.",
      );
      expect(await say("Anna", "mina")).not.toContain("Ring leverantören");
    });

    it("reopens approved minutes not yet published that name P", async () => {
      await say("Eva", "noterat Avtal: Rådet informerades.");
      await say("Ordf", "justera");
      expect((await meeting()).minutesStatus).toBe("approved");
      await say("Eva", "glöm @Anna");
      expect(await say("Eva", "ja")).toContain("justerade utkast som måste justeras igen: 1");
      expect((await meeting()).minutesStatus).toBe("draft");
      await say("Ordf", "justera");
      await say("Eva", "publicera");
      const { document } = chat.publications.at(-1) ?? {};
      expect(JSON.stringify(document)).toContain("(borttagen person): Skicka avtalet");
      expect(JSON.stringify(document)).not.toContain("Anna");
    });

    it("cancels on an answer that is not understood either", async () => {
      await say("Eva", "glöm @Anna");
      expect(await say("Eva", "nej tack")).toBe(
        "Avbrutet: Anna glömdes inte, och inget ändrades. Skriv ditt kommando igen.",
      );
      expect(await say("Eva", "ja")).toBe("Det finns inget att bekräfta just nu.");
      expect(await say("Eva", "öppna")).toContain("Anna: Skicka avtalet");
    });

    it("plans no reminder for the pseudonym that took P's place", async () => {
      await say("Eva", "glöm @Anna");
      await say("Eva", "ja");
      const notifier = new RecordingNotifier();
      const tick = createReminderTick({
        deps: chat.deps,
        notifier,
        platforms: ["local"],
        logger: pino({ level: "silent" }),
      });
      // The action was due 20 December: due and overdue reminders would fall on these days.
      for (const day of ["2026-12-18", "2026-12-21", "2026-12-28"]) {
        await tick(new Date(`${day}T08:00:00Z`));
      }
      const pseudonym = await prisma().person.findFirstOrThrow({
        where: { displayName: "(borttagen person)" },
      });
      expect(
        await prisma().reminder.count({ where: { recipient: `person:${pseudonym.id}` } }),
      ).toBe(0);
      expect(notifier.delivered.some((message) => message.to.includes(pseudonym.id))).toBe(false);
      // The channel's digest still lists the action, under the pseudonym.
      expect(notifier.delivered.map((message) => message.text).join("\n")).toContain(
        "(borttagen person)",
      );
    });

    it("names the items whose own text still has the name", async () => {
      await say("Eva", "noterat Avtal: Anna redogjorde för avtalet.");
      await say("Eva", "glöm @Anna");
      expect(await say("Eva", "ja")).toContain("Namnet står kvar i texten i #2.");
    });

    it("does not reopen minutes that merely share letters with the name", async () => {
      await say("Eva", "ledamot @Bo");
      await say("Eva", "noterat Bokslut: Bokslutet godkändes.");
      await say("Ordf", "justera");
      await say("Eva", "glöm @Bo");
      expect(await say("Eva", "ja")).toContain("justerade utkast som måste justeras igen: 0");
      expect((await meeting()).minutesStatus).toBe("approved");
    });

    it("takes a forgotten justerare off minutes still being signed, so that they can be justerade", async () => {
      await say("Eva", "läge protokoll");
      clock.set("2026-12-10T08:00:00Z");
      await say("Eva", "möte idag kl 13");
      await say("Eva", "ledamot @Ordf @Bo");
      await say("Eva", "närvarande @Ordf @Anna @Bo");
      await say("Eva", "beslut Bidrag: Bidrag beviljas.");
      await say("Eva", "justerare @Anna");
      await say("Ordf", "justera");
      await say("Anna", "mina");
      await say("Eva", "glöm @Anna");
      expect(await say("Eva", "ja")).toContain("Välj en ny med `justerare @…`.");
      const signing = await prisma().meeting.findFirstOrThrow({ orderBy: { startsAt: "desc" } });
      expect(await prisma().meetingApprover.count({ where: { meetingId: signing.id } })).toBe(0);
      await say("Eva", "justerare @Bo");
      await say("Ordf", "justera");
      await say("Bo", "justera");
      const done = await prisma().meeting.findUniqueOrThrow({ where: { id: signing.id } });
      expect(done.minutesStatus).toBe("approved");
    });

    it("keeps P for the other councils P belongs to", async () => {
      const other = new ChatSession(db.store, clock, "mälardalen");
      await other.say("Bo", "råd Mälardalsrådet");
      await other.say("Bo", "ledamot @Anna");
      await say("Eva", "glöm @Anna");
      await say("Eva", "ja");
      const anna = await prisma().person.findFirstOrThrow({ where: { externalId: "anna" } });
      expect(await prisma().membership.findMany({ where: { personId: anna.id } })).toEqual([
        expect.objectContaining({ role: "member" }),
      ]);
      expect((await other.say("Bo", "medlemmar")).text).toContain("Anna");
      expect(await say("Eva", "öppna")).toContain("(borttagen person): Skicka avtalet");
    });
  });
});
