import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  DEFAULT_REMINDER_SETTINGS,
  type ReminderSettings,
} from "../../src/domain/reminders/reminder-settings.js";
import type { Locale } from "../../src/domain/types.js";
import { ChatSession } from "../support/chat-session.js";
import { FixedClock } from "../support/console-harness.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

// `påminnelser` / `reminders` in local mode through the real store: anyone reads the settings,
// the secretary changes them (audited), everyone else is refused and nothing changes, and the
// secretary sees the reminders that were given up.

describe("reminder settings", () => {
  let db: TempDatabase;
  let chat: ChatSession;
  let councilId: string;

  const settings = () => db.store.reminders.settingsOf(councilId);
  const say = async (user: string, text: string) => (await chat.say(user, text)).text;

  async function start(locale: Locale) {
    db = await openTempDatabase();
    // Wednesday 20 May 2026, 10:00 in Stockholm.
    chat = new ChatSession(db.store, new FixedClock("2026-05-20T08:00:00Z"), "reglab", locale);
    await chat.say("Eva", locale === "sv" ? "råd Reglab" : "council Reglab");
    await chat.say("Eva", locale === "sv" ? "roll @Lisa ledamot" : "role @Lisa member");
    councilId = (await db.database.prisma.council.findFirstOrThrow()).id;
  }

  async function failedReminder(key: string, dueAt: string, status = "failed") {
    await db.database.prisma.reminder.create({
      data: {
        key,
        councilId,
        kind: "meeting",
        recipient: "channel:gone",
        platform: "local",
        subjectId: "meeting",
        status,
        dueAt: new Date(dueAt),
        nextAttemptAt: new Date(dueAt),
        attempts: 5,
        lastError: "channel_not_found",
        payload: "{}",
      },
    });
  }

  afterEach(async () => {
    await db.cleanup();
  });

  describe("in Swedish", () => {
    beforeEach(async () => {
      await start("sv");
    });

    it("refuses a reminder time outside the hours (due reminders would come a day late), changing nothing", async () => {
      expect(await say("Eva", "påminnelser kl 19")).toBe(
        "Påminnelserna går kl. 19.00, utanför dagtiden 8.00–18.00: då skulle de vänta till nästa dag. Välj en tid inom dagtiden, eller ändra den med `dagtid`.",
      );
      expect(await settings()).toEqual(DEFAULT_REMINDER_SETTINGS);
      await say("Eva", "påminnelser kl 19 dagtid 08-20");
      expect((await settings()).at).toEqual({ hour: 19, minute: 0 });
    });

    it("shows the defaults to a member, without the secretary's part", async () => {
      const said = await chat.say("Lisa", "påminnelser");
      expect(said.reply.audience).toBe("caller");
      expect(said.text).toBe(
        [
          "Påminnelserna i Reglab är på.",
          "",
          "  Möten: 7 dagar före och 1 dag före, i kanalen med dagordning och handlingar",
          "  Egna öppna uppdrag inför mötet: 1 dag före, till var och en",
          "  Klockslag: kl. 9.00, för påminnelser i dagar, uppdrag som ska vara klara eller är försenade och sammanfattningen",
          "  Veckosammanfattning: varje måndag, i kanalen",
          "  Dagtid: 8.00–18.00 vardagar; det som faller utanför skickas när dagtiden börjar",
        ].join("\n"),
      );
    });

    it("lets the secretary change several settings at once, audited, and tells the channel", async () => {
      const said = await chat.say(
        "Eva",
        "påminnelser möte 3d 2h uppdrag av kl 8:30 sammanfattning fredag dagtid 7-19 helger",
      );
      expect(said.reply.audience).toBe("channel");
      expect(said.text).toContain("Påminnelserna är ändrade.");
      expect(said.text).toContain("Möten: 3 dagar före och 2 timmar före");
      expect(said.text).toContain("Egna öppna uppdrag inför mötet: ingen påminnelse");
      expect(said.text).toContain("Klockslag: kl. 8.30");
      expect(said.text).toContain("Veckosammanfattning: varje fredag");
      expect(said.text).toContain("Dagtid: 7.00–19.00 alla dagar");
      const expected: ReminderSettings = {
        enabled: true,
        meetingLeads: [
          { unit: "days", amount: 3 },
          { unit: "minutes", amount: 120 },
        ],
        actionsLead: null,
        at: { hour: 8, minute: 30 },
        digestDay: 5,
        window: { from: { hour: 7, minute: 0 }, to: { hour: 19, minute: 0 }, weekdaysOnly: false },
        approvalDeadlineDays: 14,
      };
      expect(await settings()).toEqual(expected);

      const audit = await db.database.prisma.auditEntry.findFirstOrThrow({
        where: { entityType: "council", action: "changed" },
        include: { actor: true },
      });
      expect(audit.entityId).toBe(councilId);
      expect(audit.actor.displayName).toBe("Eva");
      expect(JSON.parse(audit.before ?? "")).toEqual({
        reminderSettings: DEFAULT_REMINDER_SETTINGS,
      });
      expect(JSON.parse(audit.after ?? "")).toEqual({ reminderSettings: expected });

      // Later commands change only what they name; `påminnelser` shows what was stored.
      await say("Eva", "påminnelser av");
      expect(await settings()).toEqual({ ...expected, enabled: false });
      expect(await say("Lisa", "påminnelser")).toContain(
        "Påminnelserna i Reglab är avstängda: inga skickas förrän sekreteraren skriver `påminnelser på`.",
      );
      await say("Eva", "påminnelser på möte av sammanfattning av");
      expect(await settings()).toMatchObject({ enabled: true, meetingLeads: [], digestDay: null });
      expect(await say("Lisa", "påminnelser")).toContain("Möten: ingen påminnelse");
    });

    it("changes hours and weekends apart", async () => {
      const hours = { from: { hour: 8, minute: 0 }, to: { hour: 17, minute: 0 } };
      await say("Eva", "påminnelser dagtid 8-17");
      expect((await settings()).window).toEqual({ ...hours, weekdaysOnly: true });
      await say("Eva", "påminnelser helger");
      expect((await settings()).window).toEqual({ ...hours, weekdaysOnly: false });
      await say("Eva", "påminnelser dagtid alltid");
      expect((await settings()).window).toBeNull();
      expect(await say("Lisa", "påminnelser")).toContain("Dagtid: alla tider, alla dagar");
      await say("Eva", "påminnelser vardagar");
      expect((await settings()).window).toEqual({
        from: { hour: 0, minute: 0 },
        to: { hour: 23, minute: 59 },
        weekdaysOnly: true,
      });
      await say("Eva", "påminnelser helger");
      expect((await settings()).window).toBeNull();
    });

    it.each([
      ["Lisa", "påminnelser av", "Det får bara rådets sekreterare göra."],
      ["Okänd", "påminnelser möte 1d", "Det får bara rådets sekreterare göra."],
      ["Eva", "påminnelser möte 99d", "”99d” är ingen tid före mötet som går att använda."],
      ["Eva", "påminnelser dagtid 18-8", "”18-8” är ingen dagtid."],
      ["Eva", "påminnelser möte 7d snart", "Jag vet inte vad jag ska göra med ”snart” här."],
    ])("%s: %s changes nothing", async (user, text, answer) => {
      const counts = async () => ({
        audit: await db.database.prisma.auditEntry.count(),
        people: await db.database.prisma.person.count(),
      });
      const before = await counts();
      const said = await chat.say(user, text);
      expect(said.reply.audience).toBe("caller");
      expect(said.text).toContain(answer);
      expect(await settings()).toEqual(DEFAULT_REMINDER_SETTINGS);
      expect(await counts()).toEqual(before);
    });

    it("shows the right form under a mistake", async () => {
      expect(await say("Eva", "påminnelser möte")).toContain(
        "Det saknas något efter ”möte”.\n\nSkriv så här: `påminnelser [på|av] [möte 7d 1d]",
      );
    });

    it("shows the secretary the reminders given up in the last 30 days, and a member none", async () => {
      expect(await say("Eva", "påminnelser")).toContain(
        "Ingen påminnelse har misslyckats de senaste 30 dagarna.",
      );
      await failedReminder("recent", "2026-05-19T07:00:00Z");
      await failedReminder("long-ago", "2026-04-01T07:00:00Z");
      await failedReminder("sent", "2026-05-18T07:00:00Z", "sent");

      const shown = await say("Eva", "påminnelser");
      expect(shown).toContain(
        [
          "Påminnelser som inte gick fram de senaste 30 dagarna",
          "  Mötespåminnelse, tisdag 19 maj kl. 9.00: kanalen finns inte längre, eller appen ser den inte (channel_not_found)",
          "",
          "Ändra till exempel med `påminnelser möte 7d 1d kl 9`",
        ].join("\n"),
      );
      const member = await say("Lisa", "påminnelser");
      expect(member).not.toContain("channel_not_found");
      expect(member).not.toContain("misslyckats");
    });
  });

  describe("in English", () => {
    beforeEach(async () => {
      await start("en");
    });

    it("shows and changes the settings in the council's language", async () => {
      const shown = await say("Lisa", "reminders");
      expect(shown).toContain("Reminders in Reglab are on.");
      expect(shown).toContain("Meetings: 7 days before and 1 day before, in the channel");
      expect(shown).toContain("Time of day: 9:00");
      expect(shown).toContain("Weekly digest: every Monday, in the channel");
      expect(shown).toContain("Hours: 8:00–18:00 on weekdays");

      const changed = await say(
        "Eva",
        "reminders off meeting 1d 30min actions 2h hours always weekends",
      );
      expect(changed).toContain("The reminders are changed.");
      expect(changed).toContain("Reminders in Reglab are off");
      expect(changed).toContain("Meetings: 1 day before and 30 minutes before");
      expect(changed).toContain("Own open actions before the meeting: 2 hours before");
      expect(changed).toContain("Hours: any time, any day");
      expect(await settings()).toMatchObject({
        enabled: false,
        meetingLeads: [
          { unit: "days", amount: 1 },
          { unit: "minutes", amount: 30 },
        ],
        actionsLead: { unit: "minutes", amount: 120 },
        window: null,
      });

      await failedReminder("recent", "2026-05-19T07:00:00Z");
      expect(await say("Eva", "reminders")).toContain(
        "Reminders that failed in the last 30 days\n  Meeting reminder, Tuesday, May 19 at 9:00: the channel is gone, or the app cannot see it (channel_not_found)",
      );
      expect(await say("Lisa", "reminders digest off")).toContain(
        "Only the council's secretary may do that.",
      );
    });
  });
});
