import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ReminderNotice } from "../../src/handlers/reminder-notice.js";
import { renderReplyText } from "../../src/render/reply-text.js";
import { createReminderTick } from "../../src/scheduler/reminder-tick.js";
import { openDatabase } from "../../src/store/database.js";
import { createStore } from "../../src/store/store.js";
import { type AppWiring, wireApp } from "../support/app-wiring.js";
import { ChatSession } from "../support/chat-session.js";
import { RecordingNotifier, recipientOf } from "../support/recording-notifier.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

// Protocol mode's deadlines (architecture.md §12) through the real outbox, on a SQLite file (or
// PostgreSQL with NOTERAT_TEST_DATABASE=postgresql): planned from what the store holds, sent
// once, skipped when the minutes moved on, and nothing at all for a council in notes mode.
//
// Reglab meets Mon 1 June 2026 13:00 (Stockholm, UTC+2). Sara is secretary, Maria chairs, Anna
// and Bo are chosen to approve; the deadline is 14 days later, Mon 15 June.

/** Wed 3 June 09:00: the secretary's first reminder. */
const WED_3 = "2026-06-03T07:00:00.000Z";
/** Fri 12 June 09:00: three days before the deadline. */
const FRI_12 = "2026-06-12T07:00:00.000Z";
/** The day before the deadline is a Sunday: Mon 15 June at the hours' opening, 08:00. */
const MON_15 = "2026-06-15T06:00:00.000Z";
/** Tue 16 June 09:00: the deadline has passed. */
const TUE_16 = "2026-06-16T07:00:00.000Z";
const HOUR = 3_600_000;

let temp: TempDatabase;

beforeEach(async () => {
  temp = await openTempDatabase();
});
afterEach(async () => {
  await temp.cleanup();
});

interface Reglab {
  app: AppWiring;
  chat: ChatSession;
  councilId: string;
  meetingId: string;
  people: Record<"sara" | "maria" | "anna" | "bo", string>;
}

async function reglab(mode: "protocol" | "notes" = "protocol"): Promise<Reglab> {
  const app = wireApp(temp.store, { now: "2026-05-25T08:00:00Z" });
  const chat = new ChatSession(temp.store, app.clock);
  await chat.say("Sara", "råd Reglab");
  await chat.say("Sara", "möte 2026-06-01 kl 13:00");
  await chat.say("Sara", "roll @Maria ordförande");
  await chat.say("Sara", "roll @Anna ledamot");
  await chat.say("Sara", "roll @Bo ledamot");
  const { prisma } = temp.database;
  const council = await prisma.council.findFirstOrThrow({ where: { name: "Reglab" } });
  const meeting = await prisma.meeting.findFirstOrThrow({ where: { councilId: council.id } });
  const ids = Object.fromEntries(
    (await prisma.person.findMany()).map((person) => [person.externalId, person.id]),
  ) as Reglab["people"];
  // The protocol commands' own tests cover how these come about (`läge protokoll`,
  // `justerare @Anna @Bo`); here they are the state the deadlines are planned from.
  await prisma.council.update({ where: { id: council.id }, data: { mode } });
  await prisma.meetingApprover.createMany({
    data: [
      { meetingId: meeting.id, personId: ids.anna, position: 1 },
      { meetingId: meeting.id, personId: ids.bo, position: 2 },
    ],
  });
  return { app, chat, councilId: council.id, meetingId: meeting.id, people: ids };
}

function tickOf(app: AppWiring, notifier: RecordingNotifier, instance = "a") {
  return createReminderTick({
    deps: app.deps,
    notifier,
    platforms: ["local"],
    logger: app.logger,
    instance,
  });
}

/** A person's approval of the whole minutes, as `justera` records it. */
async function approve(council: Reglab, who: keyof Reglab["people"], at: string) {
  await temp.database.prisma.minutesApproval.create({
    data: {
      meetingId: council.meetingId,
      personId: council.people[who],
      sha256: "0".repeat(64),
      at: new Date(at),
    },
  });
}

/** The deadline rows: local day, kind, recipient, status, why not sent. */
async function deadlineRows(council: Reglab) {
  const names = Object.fromEntries(Object.entries(council.people).map(([name, id]) => [id, name]));
  const rows = await temp.database.prisma.reminder.findMany({
    where: { kind: { in: ["minutes-due", "approval-due"] } },
    orderBy: [{ dueAt: "asc" }, { key: "asc" }],
  });
  // Sorted as text: the rows' keys end in person ids, which order nobody by name.
  return rows
    .map((row) => {
      const on = (JSON.parse(row.payload) as { on: string }).on;
      const who = names[row.recipient.replace("person:", "")] ?? row.recipient;
      return [on, row.kind, who, row.status, row.lastError ?? ""].join(" ").trim();
    })
    .sort();
}

/**
 * Ticks through (from, to], ending at `to`, doing what `events` says at their hour first. The
 * reminders here fall at 06:00 or 07:00 UTC: every hour around those, every third besides.
 */
async function run(
  tick: (now: Date) => Promise<unknown>,
  from: string,
  to: string,
  events: Record<string, () => Promise<void>> = {},
): Promise<void> {
  const end = Date.parse(to);
  for (let at = Date.parse(from) + HOUR; at <= end; at += HOUR) {
    const hour = new Date(at).getUTCHours();
    const event = events[new Date(at).toISOString()];
    if (!event && at !== end && (hour < 4 || hour > 8) && hour % 3 !== 0) continue;
    await event?.();
    await tick(new Date(at));
  }
}

/** What reached a person: when, to whom, and the notice (its text as the console shows it). */
interface Received {
  at: string;
  to: string;
  text: string;
  notice: ReminderNotice;
}

/** A platform that records the notices sent to people, with the time of the tick. */
function personalInbox(): {
  notifier: RecordingNotifier;
  received: Received[];
  now: { at: string };
} {
  const received: Received[] = [];
  const now = { at: "" };
  const notifier = new RecordingNotifier((notice) => {
    const to = recipientOf(notice);
    if (to.startsWith("person:")) {
      received.push({ at: now.at, to, text: renderReplyText(notice.reply).trim(), notice });
    }
    return null;
  });
  return { notifier, received, now };
}

describe("protocol-mode deadline reminders", () => {
  it("remind the secretary until the minutes are compiled, and each signer until they approved, once each", async () => {
    const council = await reglab();
    const { notifier, received, now } = personalInbox();
    const tick = tickOf(council.app, notifier);
    const timed = async (at: Date) => {
      now.at = at.toISOString();
      await tick(at);
    };
    await run(timed, "2026-06-01T12:00:00Z", "2026-06-18T12:00:00Z", {
      // Thursday 4 June: Sara compiles the minutes (`protokoll`).
      "2026-06-04T08:00:00.000Z": async () => {
        await temp.database.prisma.meeting.update({
          where: { id: council.meetingId },
          data: { compiledAt: new Date("2026-06-04T08:00:00Z") },
        });
      },
      "2026-06-13T08:00:00.000Z": () => approve(council, "anna", "2026-06-13T08:00:00Z"),
      "2026-06-15T08:00:00.000Z": () => approve(council, "maria", "2026-06-15T08:00:00Z"),
    });

    const sorted = received.sort((a, b) => `${a.at}${a.to}`.localeCompare(`${b.at}${b.to}`));
    expect(sorted.map(({ at, to }) => `${at} ${to}`)).toEqual([
      `${WED_3} person:sara`,
      `${FRI_12} person:anna`,
      `${FRI_12} person:bo`,
      `${FRI_12} person:maria`,
      `${MON_15} person:bo`,
      `${MON_15} person:maria`,
      `${TUE_16} person:bo`,
    ]);
    expect(await deadlineRows(council)).toEqual([
      "2026-06-03 minutes-due sara sent",
      "2026-06-12 approval-due anna sent",
      "2026-06-12 approval-due bo sent",
      "2026-06-12 approval-due maria sent",
      "2026-06-14 approval-due bo sent",
      "2026-06-14 approval-due maria sent",
      "2026-06-16 approval-due bo sent",
    ]);

    const text = (index: number) => sorted[index]?.text;
    expect(text(0)).toBe(
      "Påminnelse: protokollet från mötet med Reglab 1 juni är inte sammanställt än. Sammanställ det med `protokoll 2026-06-01`, så att det kan justeras senast måndag 15 juni.",
    );
    expect(text(1)).toBe(
      "Påminnelse: protokollet från mötet med Reglab 1 juni ska vara justerat senast måndag 15 juni, om 3 dagar, och du har inte justerat det än. Läs det med `protokoll 2026-06-01` och justera med `justera 2026-06-01`.",
    );
    expect(text(4)).toContain("senast måndag 15 juni, idag, och du har inte justerat det än.");
    expect(text(6)).toBe(
      "Protokollet från mötet med Reglab 1 juni skulle ha varit justerat senast måndag 15 juni, och du har inte justerat det än. Läs det med `protokoll 2026-06-01` och justera med `justera 2026-06-01`.",
    );
    // The signer's reminder carries a Justera button for that meeting; the secretary's none.
    const blocks = (index: number) => sorted[index]?.notice.reply.blocks ?? [];
    expect(blocks(1).at(-1)).toEqual({
      type: "buttons",
      buttons: [
        {
          label: "Justera",
          command: "approve 2026-06-01",
          councilId: council.councilId,
          style: "primary",
        },
      ],
    });
    expect(blocks(0).map(({ type }) => type)).toEqual(["text"]);
  });

  it("are never planned for a council in notes mode", async () => {
    const council = await reglab("notes");
    const notifier = new RecordingNotifier();
    await run(tickOf(council.app, notifier), "2026-06-01T12:00:00Z", "2026-06-17T12:00:00Z");
    expect(await deadlineRows(council)).toEqual([]);
    expect(notifier.delivered.filter(({ to }) => to.startsWith("person:"))).toEqual([]);
  });

  it("stop once the minutes are approved, also one that waited for a platform that was down", async () => {
    const council = await reglab();
    await temp.database.prisma.meeting.update({
      where: { id: council.meetingId },
      data: { compiledAt: new Date("2026-06-02T08:00:00Z") },
    });
    let down = false;
    const notifier = new RecordingNotifier(() =>
      down ? { ok: false, reason: "http-503", retryable: true } : null,
    );
    const tick = tickOf(council.app, notifier);
    await run(tick, "2026-06-11T12:00:00Z", "2026-06-12T06:00:00Z");
    down = true;
    await tick(new Date(FRI_12));
    // While the platform is away, all three approve and the minutes are justerade.
    for (const who of ["maria", "anna", "bo"] as const) await approve(council, who, FRI_12);
    await temp.database.prisma.meeting.update({
      where: { id: council.meetingId },
      data: { minutesStatus: "approved" },
    });
    down = false;
    await run(tick, FRI_12, "2026-06-17T12:00:00Z");
    expect(await deadlineRows(council)).toEqual([
      "2026-06-12 approval-due anna skipped minutes-approved",
      "2026-06-12 approval-due bo skipped minutes-approved",
      "2026-06-12 approval-due maria skipped minutes-approved",
    ]);
    expect(notifier.delivered.filter(({ to }) => to.startsWith("person:"))).toEqual([]);
  });

  it("skip the one person who approved while their reminder waited, and send the others'", async () => {
    const council = await reglab();
    let down = false;
    const notifier = new RecordingNotifier(() =>
      down ? { ok: false, reason: "http-503", retryable: true } : null,
    );
    const tick = tickOf(council.app, notifier);
    await run(tick, "2026-06-11T12:00:00Z", "2026-06-12T06:00:00Z");
    down = true;
    await tick(new Date(FRI_12));
    await approve(council, "anna", FRI_12);
    down = false;
    await tick(new Date(Date.parse(FRI_12) + HOUR));
    expect(await deadlineRows(council)).toEqual([
      "2026-06-12 approval-due anna skipped approved",
      "2026-06-12 approval-due bo sent",
      "2026-06-12 approval-due maria sent",
    ]);
  });

  it("catch up after two days off with what is still the latest, and supersede what is not", async () => {
    const council = await reglab();
    await temp.database.prisma.meeting.update({
      where: { id: council.meetingId },
      data: { compiledAt: new Date("2026-06-02T08:00:00Z") },
    });
    const notifier = new RecordingNotifier();
    const tick = tickOf(council.app, notifier);
    await run(tick, "2026-06-10T00:00:00Z", "2026-06-11T06:00:00Z");
    // Down from Thursday 08:00 to Saturday 08:00: Friday's reminder is still the latest.
    await run(tick, "2026-06-13T05:00:00Z", "2026-06-13T06:00:00Z");
    expect(await deadlineRows(council)).toEqual([
      "2026-06-12 approval-due anna sent",
      "2026-06-12 approval-due bo sent",
      "2026-06-12 approval-due maria sent",
    ]);
    // Down again until Tuesday noon: Monday's has given way to the one that the deadline passed.
    await run(tick, "2026-06-16T09:00:00Z", "2026-06-16T10:00:00Z");
    expect((await deadlineRows(council)).slice(3)).toEqual([
      "2026-06-14 approval-due anna skipped superseded",
      "2026-06-14 approval-due bo skipped superseded",
      "2026-06-14 approval-due maria skipped superseded",
      "2026-06-16 approval-due anna sent",
      "2026-06-16 approval-due bo sent",
      "2026-06-16 approval-due maria sent",
    ]);
    expect(notifier.delivered.filter(({ to }) => to.startsWith("person:"))).toHaveLength(6);
  });

  it("are sent once when two instances tick at the same moment, and once more ticks change nothing", async () => {
    const council = await reglab();
    const first = new RecordingNotifier();
    const second = new RecordingNotifier();
    const other = await openDatabase(temp.url);
    try {
      const otherApp = wireApp(createStore(other), { now: "2026-06-12T06:00:00Z" });
      await run(tickOf(council.app, first), "2026-06-11T12:00:00Z", "2026-06-12T06:00:00Z");
      await Promise.all([
        tickOf(council.app, first, "a")(new Date(FRI_12)),
        tickOf(otherApp, second, "b")(new Date(FRI_12)),
      ]);
      await tickOf(otherApp, second, "b")(new Date(FRI_12));
      await tickOf(council.app, first, "a")(new Date(Date.parse(FRI_12) + 60_000));
    } finally {
      await other.close();
    }
    const toPeople = [...first.delivered, ...second.delivered]
      .map(({ to }) => to)
      .filter((to) => to.startsWith("person:"))
      .sort();
    expect(toPeople).toEqual(["person:anna", "person:bo", "person:maria"]);
  });

  it("follow the deadline the secretary sets, and `påminnelser` names it", async () => {
    const council = await reglab();
    council.app.clock.set("2026-06-02T08:00:00Z");
    const said = await council.chat.say("Sara", "påminnelser justering 10d");
    expect(said.text).toContain("Justering: senast 10 dagar efter mötet");
    await temp.database.prisma.meeting.update({
      where: { id: council.meetingId },
      data: { compiledAt: new Date("2026-06-02T08:00:00Z") },
    });
    const notifier = new RecordingNotifier();
    await run(tickOf(council.app, notifier), "2026-06-02T08:00:00Z", "2026-06-13T12:00:00Z");
    // Deadline Thu 11 June: Mon 8 and Wed 10 before it, Fri 12 after.
    expect((await deadlineRows(council)).filter((row) => row.includes(" maria "))).toEqual([
      "2026-06-08 approval-due maria sent",
      "2026-06-10 approval-due maria sent",
      "2026-06-12 approval-due maria sent",
    ]);
    const passed = notifier.delivered.filter(({ to }) => to === "person:maria").at(-1);
    expect(passed?.text).toContain("senast torsdag 11 juni");
  });
});
