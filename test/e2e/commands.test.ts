import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Locale } from "../../src/domain/types.js";
import { ChatSession } from "../support/chat-session.js";
import { FixedClock } from "../support/console-harness.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

// Every command of architecture.md §3, once with the Swedish words and once with the English ones,
// checked on the replies people read and on what the database holds afterwards.

interface Words {
  locale: Locale;
  help: string;
  council: string;
  meeting: string;
  at: string;
  note: string;
  discussion: string;
  decision: string;
  action: string;
  by: string;
  open: string;
  mine: string;
  overdue: string;
  actions: string;
  done: string;
  postpone: string;
  minutes: string;
  approve: string;
  publish: string;
  search: string;
  role: string;
  chair: string;
  documents: string;
  lede: string;
  agendaAdd: string;
  agendaShow: string;
  next: string;
  edit: string;
  remove: string;
  cancel: string;
  move: string;
  to: string;
  expect: Record<
    | "help"
    | "created"
    | "scheduled"
    | "noted"
    | "decided"
    | "open"
    | "overdue"
    | "forbidden"
    | "approved"
    | "published"
    | "moved"
    | "next"
    | "cancelled",
    string
  >;
}

const SWEDISH: Words = {
  locale: "sv",
  help: "hjälp",
  council: "råd",
  meeting: "möte",
  at: "kl",
  note: "noterat",
  discussion: "diskussion",
  decision: "beslut",
  action: "uppdrag",
  by: "senast",
  open: "öppna",
  mine: "mina",
  overdue: "försenade",
  actions: "uppdrag",
  done: "klar",
  postpone: "skjut upp",
  minutes: "protokoll",
  approve: "justera",
  publish: "publicera",
  search: "sök",
  role: "roll",
  chair: "ordförande",
  documents: "handlingar",
  lede: "ingress",
  agendaAdd: "punkt",
  agendaShow: "dagordning",
  next: "nästa",
  edit: "ändra",
  remove: "stryk",
  cancel: "ställ in",
  move: "flytta",
  to: "till",
  expect: {
    help: "möte DATUM",
    created: "Rådet Reglab är skapat",
    scheduled: "Möte planerat: onsdag 20 maj kl. 13.00, Stadshuset.",
    noted: "Noterat #1: Budget",
    decided: "Beslut § 1 (#3): Exportsamverkan",
    open: "Öppna uppdrag (2)",
    overdue: "#4 Anna och Per: Skicka förslaget – senast 25 maj (försenat)",
    forbidden: "Bara den som har uppdraget, eller sekreteraren, kan markera det klart.",
    approved: "justerade av Ordf",
    published: "är publicerad i 1 av 1 kanal",
    moved: "är flyttat till fredag 12 juni kl. 10.00",
    next: "Nästa möte med Reglab: onsdag 10 juni kl. 9.00.",
    cancelled: "är inställt",
  },
};

const ENGLISH: Words = {
  locale: "en",
  help: "help",
  council: "council",
  meeting: "meeting",
  at: "at",
  note: "note",
  discussion: "discussion",
  decision: "decision",
  action: "action",
  by: "by",
  open: "open",
  mine: "mine",
  overdue: "overdue",
  actions: "actions",
  done: "done",
  postpone: "postpone",
  minutes: "minutes",
  approve: "approve",
  publish: "publish",
  search: "search",
  role: "role",
  chair: "chair",
  documents: "documents",
  lede: "lede",
  agendaAdd: "agenda",
  agendaShow: "agenda",
  next: "next",
  edit: "edit",
  remove: "remove",
  cancel: "cancel",
  move: "move",
  to: "to",
  expect: {
    help: "meeting DATE",
    created: "The council Reglab is created",
    scheduled: "Meeting scheduled: Wednesday, May 20 at 13:00, Stadshuset.",
    noted: "Noted #1: Budget",
    decided: "Decision § 1 (#3): Exportsamverkan",
    open: "Open actions (2)",
    overdue: "#4 Anna and Per: Skicka förslaget – by May 25 (overdue)",
    forbidden: "Only the person with the action, or the secretary, can mark it done.",
    approved: "approved by Ordf",
    published: "is published in 1 of 1 channel",
    moved: "is moved to Friday, June 12 at 10:00",
    next: "Next meeting of Reglab: Wednesday, June 10 at 9:00.",
    cancelled: "is cancelled",
  },
};

describe.each([SWEDISH, ENGLISH])("the command language in $locale", (w) => {
  let db: TempDatabase;
  let clock: FixedClock;
  let chat: ChatSession;

  beforeEach(async () => {
    db = await openTempDatabase();
    // Wednesday 20 May 2026, 10:00 in Stockholm.
    clock = new FixedClock("2026-05-20T08:00:00Z");
    chat = new ChatSession(db.store, clock, "reglab", w.locale);
  });
  afterEach(async () => {
    await db.cleanup();
  });

  it("runs a whole council cycle with every command", async () => {
    const { prisma } = db.database;
    const say = async (user: string, text: string) => (await chat.say(user, text)).text;

    expect(await say("Eva", w.help)).toContain(w.expect.help);
    expect(await say("Eva", `${w.council} Reglab`)).toContain(w.expect.created);
    const council = await prisma.council.findFirstOrThrow({ include: { memberships: true } });
    expect(council.memberships.map((m) => m.role)).toEqual(["secretary"]);

    expect(await say("Eva", `${w.meeting} 2026-05-20 ${w.at} 13:00 Stadshuset`)).toContain(
      w.expect.scheduled,
    );
    expect(await say("Eva", `${w.note} Budget: Vi fick information om budgeten.`)).toContain(
      w.expect.noted,
    );
    await say("Eva", `${w.discussion} Strategi: Vi diskuterade strategin.`);
    expect(
      await say("Eva", `${w.decision} Exportsamverkan: Rådet ställer sig bakom ansökan.`),
    ).toContain(w.expect.decided);
    const items = await prisma.item.findMany({ orderBy: { ref: "asc" } });
    expect(items.map((i) => [i.ref, i.kind, i.paragraph])).toEqual([
      [1, "info", null],
      [2, "discussion", null],
      [3, "decision", 1],
    ]);

    await say("Eva", `${w.action} @Anna @Per Skicka förslaget ${w.by} 2026-05-25`);
    await say("Eva", `${w.action} @Anna Ring kommunerna`);
    const actions = await prisma.action.findMany({
      include: { assignees: { include: { person: true } }, item: true },
      orderBy: { ref: "asc" },
    });
    expect(actions.map((a) => [a.ref, a.text, a.assignees.length, a.item?.ref])).toEqual([
      [4, "Skicka förslaget", 2, 3],
      [5, "Ring kommunerna", 1, 3],
    ]);
    expect(actions[0]?.dueAt).toEqual(new Date("2026-05-24T22:00:00Z"));

    expect(await say("Eva", w.open)).toContain(w.expect.open);
    const annas = await say("Anna", w.mine);
    expect(annas).toContain("#4");
    expect(annas).toContain("#5");
    expect(await say("Per", w.mine)).not.toContain("#5");
    const anna = await say("Eva", `${w.actions} @Anna`);
    expect(anna).toContain("#4");
    expect(anna).toContain("#5");

    clock.set("2026-05-27T08:00:00Z");
    const overdue = await say("Eva", w.overdue);
    expect(overdue).toContain(w.expect.overdue);
    expect(overdue).not.toContain("#5");

    expect(await say("Eva", `${w.done} 5`)).toContain("#5");
    expect(await say("Per", `${w.done} 4`)).toContain("#4");
    await prisma.action.updateMany({ where: { ref: 5 }, data: { status: "open" } });
    expect(await say("Per", `${w.done} 5`)).toContain(w.expect.forbidden);
    expect((await prisma.action.findFirstOrThrow({ where: { ref: 5 } })).status).toBe("open");

    expect(await say("Anna", `${w.search} budget`)).toContain("#1");

    await say("Eva", `${w.role} @Ordf ${w.chair}`);
    const chair = await prisma.membership.findFirstOrThrow({
      where: { person: { externalId: "ordf" } },
    });
    expect(chair.role).toBe("chair");

    await say("Eva", `${w.lede} En egen ingress.`);
    const held = await prisma.meeting.findFirstOrThrow({
      where: { startsAt: new Date("2026-05-20T11:00:00Z") },
    });
    expect(held.lede).toBe("En egen ingress.");

    await say("Eva", `${w.meeting} 2026-06-10 ${w.at} 09:00`);
    // On a day without a meeting the documents are the coming meeting's.
    await say("Eva", `${w.documents} https://rvn.se/handlingar`);
    const planned = await prisma.meeting.findFirstOrThrow({
      where: { startsAt: new Date("2026-06-10T07:00:00Z") },
    });
    expect(planned.documentsUrl).toBe("https://rvn.se/handlingar");
    await say("Eva", `${w.agendaAdd} Uppföljning av budgeten`);
    expect(await say("Anna", w.agendaShow)).toContain("Uppföljning av budgeten");
    const next = await say("Anna", w.next);
    expect(next).toContain(w.expect.next);
    expect(next).toContain("Uppföljning av budgeten");

    // Postponed a week from today, since its due date is unset; then to a date.
    await say("Anna", `${w.postpone} 5`);
    expect((await prisma.action.findFirstOrThrow({ where: { ref: 5 } })).dueAt).toEqual(
      new Date("2026-06-02T22:00:00Z"),
    );
    await say("Eva", `${w.edit} 5 ${w.by} 2026-06-30`);
    const moved = await prisma.action.findFirstOrThrow({ where: { ref: 5 } });
    expect([moved.text, moved.dueAt]).toEqual([
      "Ring kommunerna",
      new Date("2026-06-29T22:00:00Z"),
    ]);
    await say("Eva", `${w.edit} 1 Budget 2026: Ny text om budgeten.`);
    await say("Eva", `${w.remove} 2`);
    const edited = await prisma.item.findMany({
      where: { ref: { in: [1, 2] } },
      orderBy: { ref: "asc" },
    });
    expect([edited[0]?.heading, edited[0]?.text]).toEqual(["Budget 2026", "Ny text om budgeten."]);
    expect(edited[1]?.removedAt).toBeInstanceOf(Date);

    const draft = await chat.say("Eva", w.minutes);
    expect(draft.reply.audience).toBe("caller");
    const document = draft.reply.blocks.find((b) => b.type === "minutes");
    expect(document?.type === "minutes" && document.document.sections.map((s) => s.ref)).toEqual([
      1, 3,
    ]);
    expect(draft.text).toContain("En egen ingress.");

    expect(await say("Ordf", w.approve)).toContain(w.expect.approved);
    const published = await chat.say("Eva", w.publish);
    expect(published.text).toContain(w.expect.published);
    expect(chat.publications).toHaveLength(1);
    expect(chat.publications[0]?.channels).toEqual([
      { platform: "local", workspaceId: "local", channelId: "reglab" },
    ]);
    expect(chat.publications[0]?.document.sections.map((s) => s.heading)).toEqual([
      "Budget 2026",
      "Exportsamverkan",
    ]);
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: held.id } })).minutesStatus).toBe(
      "published",
    );

    expect(await say("Eva", `${w.move} 2026-06-10 ${w.to} 2026-06-12 ${w.at} 10:00`)).toContain(
      w.expect.moved,
    );
    expect(await say("Eva", `${w.cancel} 2026-06-12`)).toContain(w.expect.cancelled);
    const coming = await prisma.meeting.findFirstOrThrow({
      where: { startsAt: new Date("2026-06-12T08:00:00Z") },
    });
    expect(coming.status).toBe("cancelled");

    const audit = await prisma.auditEntry.groupBy({ by: ["action"], _count: true });
    expect(audit.map((row) => row.action).sort()).toEqual(
      [
        "approved",
        "cancelled",
        "changed",
        "completed",
        "created",
        "moved",
        "published",
        "removed",
        "rescheduled",
        "role-set",
      ].sort(),
    );
  });
});
