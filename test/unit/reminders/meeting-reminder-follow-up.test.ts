import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ReplyBlock } from "../../../src/domain/reply.js";
import { composeReminders } from "../../../src/handlers/compose-reminders.js";
import type { HandlerDeps } from "../../../src/handlers/context.js";
import type { OutboxReminder } from "../../../src/store/reminders-repository.js";
import type { Store } from "../../../src/store/store.js";
import { ChatSession } from "../../support/chat-session.js";
import { FixedClock } from "../../support/console-harness.js";
import { openTempDatabase, type TempDatabase } from "../../support/temp-database.js";

// The channel's meeting reminder begins with the follow-up of actions (architecture.md §11), in the
// blocks lists use (so that Slack and Teams give each action its Klar button), and costs the
// same few store calls whether the council has three open actions or thirty.

/** Tuesday 1 December 2026, 09:00 in Stockholm: the day before the meeting. */
const REMINDER_AT = "2026-12-01T08:00:00Z";
const MEETING_AT = "2026-12-02T12:00:00Z";

describe("the meeting reminder's follow-up", () => {
  let db: TempDatabase;
  let clock: FixedClock;
  let chat: ChatSession;

  beforeEach(async () => {
    db = await openTempDatabase();
    clock = new FixedClock("2026-11-04T12:00:00Z");
    chat = new ChatSession(db.store, clock, "reglab");
    await chat.say("Eva", "råd Reglab");
    await chat.say("Eva", "möte 2026-11-04 kl 13"); // held today
    await chat.say("Eva", "möte 2026-12-02 kl 13 Stadshuset");
    await chat.say("Eva", "beslut Budget: Rådet antar budgeten.");
    await chat.say("Eva", "uppdrag @Anna Skicka budgeten senast 20 november");
    clock.set("2026-11-10T09:00:00Z");
    await chat.say("Eva", "uppdrag @Bo Boka lokal");
    await chat.say("Anna", "klar 2");
    clock.set(REMINDER_AT);
  });
  afterEach(async () => {
    await db.cleanup();
  });

  /** Composes the channel's one-day meeting reminder, counting the store calls it makes. */
  async function meetingReminder(): Promise<{ blocks: ReplyBlock[]; calls: number }> {
    const { prisma } = db.database;
    const binding = await prisma.channelBinding.findFirstOrThrow();
    const meeting = await prisma.meeting.findFirstOrThrow({
      where: { startsAt: new Date(MEETING_AT) },
    });
    const reminder: OutboxReminder = {
      id: "r1",
      key: `meeting:${meeting.id}:1d`,
      councilId: binding.councilId,
      recipient: `channel:${binding.id}`,
      platform: "local",
      subjectId: meeting.id,
      dueAt: new Date(REMINDER_AT),
      kind: "meeting",
      payload: {
        kind: "meeting",
        meetingId: meeting.id,
        startsAt: meeting.startsAt.toISOString(),
        lead: { unit: "days", amount: 1 },
      },
      attempts: 1,
    };
    const counted = countingStore(db.store);
    const deps: HandlerDeps = {
      store: counted.store,
      clock,
      defaults: { locale: "sv", timeZone: "Europe/Stockholm" },
      publisher: { publish: async () => ({ outcomes: [], files: [] }) },
    };
    const { notices, skipped } = await composeReminders(deps, [reminder], clock.now());
    expect(skipped).toEqual([]);
    return { blocks: notices[0]?.notice.reply.blocks ?? [], calls: counted.calls() };
  }

  it("lists the open actions with their origin and those done since the previous meeting", async () => {
    const { blocks } = await meetingReminder();
    expect(blocks[0]).toEqual({
      type: "text",
      text: "Påminnelse: Reglab har möte imorgon, onsdag 2 december kl. 13.00, Stadshuset.",
    });
    const lists = blocks.flatMap((block) =>
      block.type === "actions"
        ? [[block.title, block.actions.map(({ ref, line, status }) => ({ ref, line, status }))]]
        : [],
    );
    expect(lists).toEqual([
      [
        "Uppföljning av uppdrag: öppna (1)",
        [{ ref: 3, line: "#3 Bo: Boka lokal · utanför möte", status: "open" }],
      ],
      [
        "Klara sedan mötet 4 november (1)",
        [
          {
            ref: 2,
            line: "#2 Anna: Skicka budgeten – senast 20 november – klart · § 1, 4 november",
            status: "done",
          },
        ],
      ],
    ]);
  });

  it("makes as many store calls for thirty open actions as for one", async () => {
    const few = (await meetingReminder()).calls;
    for (let n = 1; n <= 30; n += 1) await chat.say("Eva", `uppdrag @person${n} Läs ${n}`);
    for (let n = 1; n <= 30; n += 1) await chat.say(`person${n}`, `klar ${n + 3}`);
    for (let n = 31; n <= 60; n += 1) await chat.say("Eva", `uppdrag @person${n} Läs ${n}`);
    const { blocks, calls } = await meetingReminder();
    // Full lists are counted once more each: two calls more, however many actions there are.
    expect(calls).toBe(few + 2);
    const mores = blocks.flatMap((block) => (block.type === "actions" ? [block.more] : []));
    expect(mores).toEqual(["… och 6 till.", "… och 6 till."]);
  });
});

/** The store with every repository call counted: what a reminder costs, whatever the SQL. */
function countingStore(store: Store): { store: Store; calls: () => number } {
  let calls = 0;
  const counted = Object.fromEntries(
    Object.entries(store).map(([name, repository]) => [
      name,
      new Proxy(repository as object, {
        get(target, property, receiver) {
          const value = Reflect.get(target, property, receiver);
          if (typeof value !== "function") return value;
          return (...args: unknown[]) => {
            calls += 1;
            return value.apply(target, args);
          };
        },
      }),
    ]),
  ) as unknown as Store;
  return { store: counted, calls: () => calls };
}
