import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createReminderTick } from "../../src/scheduler/reminder-tick.js";
import { type AppWiring, wireApp } from "../support/app-wiring.js";
import { ChatSession } from "../support/chat-session.js";
import type { FixedClock } from "../support/console-harness.js";
import { RecordingNotifier } from "../support/recording-notifier.js";
import { openTempDatabase, type TempDatabase, tableCounts } from "../support/temp-database.js";

// The council's administration (issue 14) through the command path every surface takes, on a
// real store: `språk`, `tidszon`, `koppla bort`, `logg` and `mitt språk`. A refusal changes no
// row anywhere.

/** Thursday 3 December 2026, 09:00 in Stockholm. */
const THURSDAY = "2026-12-03T08:00:00Z";
const QUARTER = 15 * 60_000;

describe("council administration", () => {
  let db: TempDatabase;
  let app: AppWiring;
  let clock: FixedClock;
  let chat: ChatSession;
  const say = async (user: string, text: string) => (await chat.say(user, text)).text;
  const prisma = () => db.database.prisma;
  const council = () => prisma().council.findFirstOrThrow();
  const counts = () => tableCounts(db.database);
  const lastAudit = () =>
    prisma().auditEntry.findFirstOrThrow({ orderBy: [{ at: "desc" }, { id: "desc" }] });
  /** A channel of the same workspace that belongs to no council (yet). */
  const channel = (name: string) => new ChatSession(db.store, clock, name);

  beforeEach(async () => {
    db = await openTempDatabase();
    app = wireApp(db.store, { now: THURSDAY });
    clock = app.clock;
    chat = new ChatSession(db.store, clock, "reglab");
    await say("Eva", "råd Reglab");
    await say("Eva", "roll @Ordf ordförande");
    await say("Eva", "roll @Just justerare");
    await say("Eva", "roll @Bo ledamot");
    await say("Eva", "möte 2026-12-08 kl 13 Stadshuset");
  });
  afterEach(async () => {
    await db.cleanup();
  });

  describe("språk", () => {
    it("changes the council's language, answers in it, and the channel goes on in it", async () => {
      const said = await chat.say("Eva", "språk en");
      expect(said.reply.audience).toBe("channel");
      expect(said.reply.locale).toBe("en");
      expect(said.text).toBe("The language of Reglab is now English.");
      expect((await council()).locale).toBe("en");
      const entry = await lastAudit();
      expect([entry.action, entry.entityType]).toEqual(["changed", "council"]);
      expect(JSON.parse(entry.before ?? "")).toEqual({ locale: "sv" });
      expect(JSON.parse(entry.after ?? "")).toEqual({ locale: "en" });
      expect(await say("Bo", "nästa")).toContain("Next meeting of Reglab: Tuesday, December 8");
      // Swedish words are still understood, and the reply is in the language chosen.
      expect(await say("Eva", "språk svenska")).toBe("Språket i Reglab är nu svenska.");
      expect(await say("Bo", "nästa")).toContain("Nästa möte med Reglab: tisdag 8 december");
    });

    it("says so when the council already has the language, changing nothing", async () => {
      const before = await counts();
      const said = await chat.say("Eva", "språk sv");
      expect(said.reply.audience).toBe("caller");
      expect(said.text).toBe("Språket i Reglab är redan svenska.");
      expect(await counts()).toEqual(before);
    });

    it("refuses a member, a word that is no language and a channel without a council, changing nothing", async () => {
      const before = await counts();
      expect(await say("Bo", "språk en")).toBe("Det får bara rådets sekreterare göra.");
      expect(await say("Ordf", "language en")).toBe("Det får bara rådets sekreterare göra.");
      const refused = await say("Eva", "språk finska");
      expect(refused).toContain("”finska” är inget språk Noterat kan.");
      expect(refused).toContain("`språk sv|en`");
      expect(await channel("tom").say("Eva", "språk en")).toMatchObject({
        text: "Den här kanalen hör inte till något råd än. Sekreteraren skapar ett med `råd NAMN`.",
      });
      expect(await counts()).toEqual(before);
      expect((await council()).locale).toBe("sv");
    });
  });

  describe("tidszon", () => {
    it("changes the zone; the meeting keeps its instant and the reply says what it reads as now", async () => {
      const { startsAt } = await prisma().meeting.findFirstOrThrow();
      const said = await chat.say("Eva", "tidszon europe/helsinki");
      expect(said.reply.audience).toBe("channel");
      expect(said.text).toBe(
        [
          "Tidszonen i Reglab är nu Europe/Helsinki. Möten med klockslag ligger kvar vid samma tidpunkt, så klockslaget kan visas annorlunda; heldagsmöten och slutdatum behåller sina datum.",
          "Nästa möte med Reglab: tisdag 8 december kl. 14.00, Stadshuset.",
        ].join("\n\n"),
      );
      expect((await council()).timeZone).toBe("Europe/Helsinki");
      expect((await prisma().meeting.findFirstOrThrow()).startsAt).toEqual(startsAt);
      expect(await say("Bo", "nästa")).toContain("tisdag 8 december kl. 14.00");
      const entry = await lastAudit();
      expect(JSON.parse(entry.before ?? "")).toEqual({ timeZone: "Europe/Stockholm" });
      expect(JSON.parse(entry.after ?? "")).toEqual({ timeZone: "Europe/Helsinki" });
    });

    it("keeps all-day meetings and due dates on their day, also westwards", async () => {
      await say("Eva", "ställ in 2026-12-08");
      await say("Eva", "möte 2026-12-15");
      await say("Eva", "uppdrag @Bo Boka lokal senast 2026-12-10");
      expect(await say("Eva", "tidszon Europe/London")).toContain(
        "Nästa möte med Reglab: tisdag 15 december.",
      );
      const allDay = await prisma().meeting.findFirstOrThrow({ where: { hasTime: false } });
      expect(allDay.startsAt.toISOString()).toBe("2026-12-15T00:00:00.000Z");
      const action = await prisma().action.findFirstOrThrow();
      expect(action.dueAt?.toISOString()).toBe("2026-12-10T00:00:00.000Z");
      expect(action.decidedDueAt?.toISOString()).toBe("2026-12-10T00:00:00.000Z");
      expect(await say("Bo", "mina")).toContain("senast 10 december");
      // The timed meeting, cancelled, kept its instant.
      const timed = await prisma().meeting.findFirstOrThrow({ where: { hasTime: true } });
      expect(timed.startsAt.toISOString()).toBe("2026-12-08T12:00:00.000Z");
    });

    it("refuses a zone that does not exist and a member, changing nothing", async () => {
      const before = await counts();
      const refused = await say("Eva", "tidszon Europe/Sundsvall");
      expect(refused).toContain("”Europe/Sundsvall” är ingen tidszon som Noterat känner till.");
      expect(refused).toContain("`tidszon ZON`");
      expect(await say("Bo", "tidszon Europe/Helsinki")).toBe(
        "Det får bara rådets sekreterare göra.",
      );
      expect(await say("Eva", "tidszon Europe/Stockholm")).toBe(
        "Tidszonen i Reglab är redan Europe/Stockholm.",
      );
      expect(await counts()).toEqual(before);
      expect((await council()).timeZone).toBe("Europe/Stockholm");
    });

    it("moves the reminders to the new zone's morning", async () => {
      await say("Eva", "uppdrag @Bo Boka lokal senast 2026-12-10");
      await say("Eva", "tidszon Europe/Helsinki");
      const notifier = new RecordingNotifier();
      const tick = createReminderTick({
        deps: app.deps,
        notifier,
        platforms: ["local"],
        logger: app.logger,
        instance: "a",
      });
      const dueAt: string[] = [];
      for (
        let at = Date.parse("2026-12-10T05:00:00Z");
        at <= Date.parse("2026-12-10T09:00:00Z");
      ) {
        const before = notifier.delivered.length;
        await tick(new Date(at));
        const sent = notifier.delivered.slice(before);
        if (sent.some(({ to, text }) => to === "person:bo" && text.includes("ska vara klara")))
          dueAt.push(new Date(at).toISOString());
        at += QUARTER;
      }
      // 09:00 in Helsinki, an hour before Stockholm's.
      expect(dueAt).toEqual(["2026-12-10T07:00:00.000Z"]);
    });
  });

  describe("koppla bort", () => {
    async function secondChannel(): Promise<ChatSession> {
      const code = /[A-Z2-9]{4}-[A-Z2-9]{4}/.exec(await say("Eva", "koppla"))?.[0];
      const other = channel("reglab-teams");
      expect((await other.say("Eva", `koppla ${code}`)).text).toContain("hör nu till Reglab");
      return other;
    }

    it("unbinds this channel; the council, its history and its other channels stay", async () => {
      const other = await secondChannel();
      const said = await chat.say("Eva", "koppla bort");
      expect(said.reply.audience).toBe("channel");
      expect(said.text).toBe(
        "Den här kanalen hör inte längre till Reglab. Rådet, dess historik och dess andra kanaler finns kvar. Sekreteraren kopplar tillbaka kanalen med `råd Reglab` här, eller med `koppla` i en annan av rådets kanaler och sedan koden här.",
      );
      expect(await prisma().channelBinding.findMany({ select: { channelId: true } })).toEqual([
        { channelId: "reglab-teams" },
      ]);
      const entry = await lastAudit();
      expect([entry.action, entry.entityType]).toEqual(["unbound", "binding"]);
      expect(JSON.parse(entry.before ?? "")).toEqual({
        platform: "local",
        workspaceId: "local",
        channelId: "reglab",
      });
      expect(await say("Eva", "nästa")).toContain("hör inte till något råd");
      expect((await other.say("Bo", "nästa")).text).toContain("Nästa möte med Reglab");
      // The secretary binds it again with `råd NAMN`: the same council, not a new one.
      expect(await say("Eva", "råd Reglab")).toBe("Den här kanalen hör nu också till Reglab.");
      expect(await prisma().council.count()).toBe(1);
    });

    it("unbinds the last channel too, and `råd NAMN` in the workspace reaches the council again", async () => {
      expect(await say("Eva", "koppla bort")).toBe(
        "Den här kanalen hör inte längre till Reglab, som nu inte har någon kanal. Rådet och dess historik finns kvar: sekreteraren når det igen med `råd Reglab` i en kanal i samma arbetsyta.",
      );
      expect(await prisma().channelBinding.count()).toBe(0);
      const again = channel("samverkan");
      expect((await again.say("Eva", "råd Reglab")).text).toBe(
        "Den här kanalen hör nu också till Reglab.",
      );
      expect(await prisma().council.count()).toBe(1);
      expect((await again.say("Bo", "nästa")).text).toContain(
        "Nästa möte med Reglab: tisdag 8 december kl. 13.00, Stadshuset.",
      );
    });

    it("refuses a member and a channel bound to nothing, changing nothing", async () => {
      const before = await counts();
      expect(await say("Bo", "koppla bort")).toBe("Det får bara rådets sekreterare göra.");
      expect(await say("Ordf", "unlink")).toBe("Det får bara rådets sekreterare göra.");
      expect((await channel("tom").say("Eva", "koppla bort")).text).toBe(
        "Den här kanalen hör inte till något råd än. Sekreteraren skapar ett med `råd NAMN`.",
      );
      expect((await say("Eva", "koppla bort nu")).split("\n\n")[0]).toBe(
        "Jag vet inte vad jag ska göra med ”nu” här.",
      );
      expect(await counts()).toEqual(before);
    });
  });

  describe("logg", () => {
    beforeEach(async () => {
      clock.set("2026-12-03T09:30:00Z");
      await say("Eva", "uppdrag @Bo Boka lokal senast 2026-12-10");
      clock.set("2026-12-03T09:45:00Z");
      await say("Eva", "flytta till 2026-12-09");
      clock.set("2026-12-03T10:00:00Z");
      await say("Eva", "tidszon Europe/Helsinki");
      clock.set("2026-12-03T10:15:00Z");
      await say("Eva", "ändra 1 Boka större lokal");
    });

    it("shows the council's entries newest first, in its zone, each as a readable line", async () => {
      const said = await chat.say("Ordf", "logg");
      expect(said.reply.audience).toBe("caller");
      expect(said.text).toBe(
        [
          "Logg för Reglab, senaste först",
          "  2026-12-03 12.15 Eva ändrade #1",
          "  2026-12-03 12.00 Eva ändrade rådets tidszon till Europe/Helsinki",
          "  2026-12-03 11.45 Eva flyttade mötet 8 december till 9 december",
          "  2026-12-03 11.30 Eva skapade #1",
          "  2026-12-03 10.00 Eva planerade mötet 8 december",
          "  2026-12-03 10.00 Eva gav Bo rollen ledamot",
          "  2026-12-03 10.00 Eva gav Just rollen justerare",
          "  2026-12-03 10.00 Eva gav Ordf rollen ordförande",
          "  2026-12-03 10.00 Eva skapade rådet",
        ].join("\n"),
      );
      // What the entries store as JSON is never shown as such.
      expect(said.text).not.toMatch(/[{}"]/);
    });

    it("shows one item's or action's entries by its number, for the chair and approvers too", async () => {
      const expected = [
        "Logg för #1, senaste först",
        "  2026-12-03 12.15 Eva ändrade #1",
        "  2026-12-03 11.30 Eva skapade #1",
      ].join("\n");
      expect(await say("Just", "logg 1")).toBe(expected);
      expect(await say("Eva", "log #1")).toBe(expected);
      expect(await say("Ordf", "logg 99")).toBe(
        "Det finns ingen punkt eller inget uppdrag med nummer #99.",
      );
    });

    it("shows a page of the latest entries and says that older ones are left out", async () => {
      for (let n = 1; n <= 12; n += 1) await say("Eva", `punkt Punkt ${n}`);
      const text = await say("Eva", "logg");
      const lines = text.split("\n").filter((line) => line.startsWith("  "));
      expect(lines).toHaveLength(20);
      expect(lines[0]).toBe("  2026-12-03 12.15 Eva skapade #13");
      expect(text).not.toContain("skapade rådet");
      expect(
        text.endsWith(
          "Äldre händelser visas inte här. En punkts eller ett uppdrags hela logg: `logg ID`.",
        ),
      ).toBe(true);
    });

    it("reads in the council's language, and shows an action it has no line for by its code", async () => {
      const councilId = (await council()).id;
      const eva = await prisma().person.findFirstOrThrow({ where: { externalId: "eva" } });
      await db.store.audit.record({
        councilId,
        actorId: eva.id,
        action: "archived",
        entityType: "council",
        entityId: councilId,
        at: new Date("2026-12-03T10:20:00Z"),
      });
      clock.set("2026-12-03T10:30:00Z");
      await say("Eva", "language en");
      const text = await say("Eva", "log");
      expect(text.split("\n").slice(0, 4)).toEqual([
        "Log of Reglab, newest first",
        "  2026-12-03 12:30 Eva changed the council's language to English",
        "  2026-12-03 12:20 Eva archived the council",
        "  2026-12-03 12:15 Eva changed #1",
      ]);
      expect(text).toContain(
        "  2026-12-03 11:45 Eva moved the meeting on December 8 to December 9",
      );
    });

    it("refuses a member, naming who may read it, changing nothing", async () => {
      const before = await counts();
      const said = await chat.say("Bo", "logg");
      expect(said.reply.audience).toBe("caller");
      expect(said.text).toBe("Loggen visas bara för sekreteraren, ordföranden och justerare.");
      expect(await say("Bo", "logg 1")).toBe(
        "Loggen visas bara för sekreteraren, ordföranden och justerare.",
      );
      expect((await say("Eva", "logg tolv")).split("\n\n")[0]).toBe(
        "”tolv” är inget nummer på en punkt eller ett uppdrag. Skriv numret som står i svaren, till exempel 12 eller #12.",
      );
      expect(await counts()).toEqual(before);
    });
  });

  describe("mitt språk", () => {
    it("gives a member of a Swedish council private replies and reminders in English; the channel stays Swedish", async () => {
      await say("Eva", "uppdrag @Bo Boka lokal senast 2026-12-10");
      const chosen = await chat.say("Bo", "mitt språk en");
      expect(chosen.reply).toMatchObject({ audience: "caller", locale: "en" });
      expect(chosen.text).toBe(
        "Noterat now answers you in English where only you see the answer, and your private reminders come in English. Council channels keep their council's language.",
      );
      expect((await prisma().person.findFirstOrThrow({ where: { externalId: "bo" } })).locale).toBe(
        "en",
      );

      const mine = await chat.say("Bo", "mina");
      expect(mine.reply.locale).toBe("en");
      expect(mine.text).toContain("Your open actions (1)");
      expect(mine.text).toContain("Boka lokal");
      expect(await say("Bo", "nästa")).toContain("Next meeting of Reglab: Tuesday, December 8");
      // Refusals and words not understood are the caller's alone too.
      expect(await say("Bo", "möte 2026-12-20")).toBe("Only the council's secretary may do that.");
      // Others in the council, and the channel, keep the council's language.
      expect(await say("Eva", "mina")).toBe("Inga öppna uppdrag.");
      expect(await say("Ordf", "nästa")).toContain("Nästa möte med Reglab");

      const notifier = new RecordingNotifier();
      const tick = createReminderTick({
        deps: app.deps,
        notifier,
        platforms: ["local"],
        logger: app.logger,
        instance: "a",
      });
      // Monday 7 December, 09:00 in Stockholm: the day before the meeting; Thursday 10: Bo's due date.
      for (const day of ["2026-12-07", "2026-12-10"]) {
        for (let at = Date.parse(`${day}T07:00:00Z`); at <= Date.parse(`${day}T09:00:00Z`); ) {
          await tick(new Date(at));
          at += QUARTER;
        }
      }
      const toBo = notifier.to("person:bo").map(({ text }) => text);
      expect(toBo.some((text) => text.includes("Reminder: actions due"))).toBe(true);
      expect(toBo.join("\n")).not.toMatch(/Påminnelse|Inför mötet/);
      const toChannel = notifier.to("channel:reglab").map(({ text }) => text);
      expect(toChannel.some((text) => text.includes("Påminnelse: Reglab har möte imorgon"))).toBe(
        true,
      );

      // A command the channel sees is in the council's language, whoever types it.
      const done = await chat.say("Bo", "klar 1");
      expect(done.reply).toMatchObject({ audience: "channel", locale: "sv" });
      expect(await say("Bo", "mitt språk sv")).toBe(
        "Noterat svarar dig nu på svenska när bara du ser svaret, och dina privata påminnelser kommer på svenska. Rådens kanaler behåller rådens språk.",
      );
    });

    it("works where there is no council, storing the person, and refuses a word that is no language", async () => {
      const personal = channel("bo-privat");
      const before = await counts();
      expect((await personal.say("Bo", "mitt språk klingonska")).text).toContain(
        "”klingonska” är inget språk Noterat kan.",
      );
      expect(await counts()).toEqual(before);
      expect((await personal.say("Ny", "my language en")).reply.locale).toBe("en");
      expect((await prisma().person.findFirstOrThrow({ where: { externalId: "ny" } })).locale).toBe(
        "en",
      );
      expect((await personal.say("Ny", "hjälp")).text).toContain("`help` –");
    });
  });

  it("lists the commands in `hjälp` in both languages", async () => {
    const help = await say("Eva", "hjälp");
    for (const form of [
      "`språk sv|en`",
      "`tidszon ZON`",
      "`koppla bort`",
      "`logg [ID]`",
      "`mitt språk sv|en`",
    ])
      expect(help).toContain(form);
    await say("Eva", "språk en");
    const english = await say("Eva", "help");
    for (const form of [
      "`language sv|en`",
      "`time zone ZONE`",
      "`unlink`",
      "`log [ID]`",
      "`my language sv|en`",
    ])
      expect(english).toContain(form);
  });
});
