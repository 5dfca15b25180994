import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { wireApp } from "../support/app-wiring.js";
import { ChatSession } from "../support/chat-session.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

// The reminder tick's reads on prepared statements (architecture.md §5), on the dialect under
// test: a slice of councils' open actions for planning, and what a claimed batch names.

const MONDAY = "2026-05-11T08:00:00Z";

let temp: TempDatabase;

beforeEach(async () => {
  temp = await openTempDatabase();
});
afterEach(async () => {
  await temp.cleanup();
});

/** A council with a meeting, an action done, and open ones for people and an external unit. */
async function council() {
  const app = wireApp(temp.store, { now: MONDAY });
  const chat = new ChatSession(temp.store, app.clock);
  await chat.say("Sara", "råd Reglab");
  await chat.say("Sara", "möte 2026-05-20 kl 13:00 Stadshuset");
  await chat.say("Sara", "uppdrag @Anna Läs förslaget senast 2026-05-15");
  await chat.say("Sara", "uppdrag @Anna @Bo Boka lokal senast 2026-05-18");
  await chat.say("Sara", 'uppdrag @"Regionens kansli" Skicka underlag');
  await chat.say("Sara", "uppdrag @Bo Ring regionen senast 2026-05-12");
  await chat.say("Sara", "klar 4");
  const { prisma } = temp.database;
  const councilRow = await prisma.council.findFirstOrThrow();
  const actions = await prisma.action.findMany({ orderBy: { ref: "asc" } });
  const people = await prisma.person.findMany();
  const personId = (name: string) => people.find((p) => p.displayName === name)?.id ?? "";
  return {
    councilId: councilRow.id,
    actionIds: actions.map(({ id }) => id),
    anna: personId("Anna"),
    bo: personId("Bo"),
    binding: await prisma.channelBinding.findFirstOrThrow(),
    meeting: await prisma.meeting.findFirstOrThrow(),
  };
}

describe("the reminder tick's reads", () => {
  it("reads a slice's open actions in number order, with the assignees a surface can reach", async () => {
    const { councilId, actionIds, anna, bo } = await council();
    const reachable = await temp.store.reminders.reachablePeople();
    const actions = await temp.store.reminders.planningActions(
      [councilId, "no-such-council"],
      reachable,
    );
    // #4 is done; the external unit's #3 has no one to remind.
    expect(actions.map(({ id }) => id)).toEqual([actionIds[0], actionIds[1]]);
    expect(actions[1]?.assignees.map(({ personId }) => personId).sort()).toEqual([anna, bo].sort());
    expect(actions[0]).toMatchObject({
      councilId,
      dueAt: new Date("2026-05-14T22:00:00Z"),
      assignees: [{ personId: anna, platform: "local" }],
    });
    expect(await temp.store.reminders.planningActions([], reachable)).toEqual([]);
    // Only those due before a bound: #2 is due 18 May (local midnight, 17 May 22:00Z).
    const dueSoon = await temp.store.reminders.planningActions(
      [councilId],
      reachable,
      new Date("2026-05-17T22:00:00Z"),
    );
    expect(dueSoon.map(({ id }) => id)).toEqual([actionIds[0]]);
    const dueByThen = await temp.store.reminders.planningActions(
      [councilId],
      reachable,
      new Date("2026-05-17T22:00:00.001Z"),
    );
    expect(dueByThen.map(({ id }) => id)).toEqual([actionIds[0], actionIds[1]]);
    // Everyone on a chat platform, with it; the external unit is not among them.
    const people = await temp.database.prisma.person.findMany();
    expect(reachable).toEqual(
      new Map(
        people
          .filter(({ platform }) => platform !== "external")
          .map(({ id, platform }) => [id, platform]),
      ),
    );
    expect(people.some(({ platform }) => platform === "external")).toBe(true);
  });

  it("reads everything a batch names at once, as the store's own lookups see it; what is gone is absent", async () => {
    const { councilId, actionIds, anna, binding, meeting } = await council();
    const subjects = await temp.store.reminderSubjects.read({
      personIds: [anna, "gone-person"],
      bindingIds: [binding.id, "gone-binding"],
      councilIds: [councilId],
      actionIds: [...actionIds, "gone-action"],
      meetingIds: [meeting.id, "gone-meeting"],
    });
    expect([...subjects.people.keys()]).toEqual([anna]);
    const stored = await temp.database.prisma.person.findUniqueOrThrow({ where: { id: anna } });
    expect(subjects.people.get(anna)).toEqual({
      id: anna,
      platform: "local",
      workspaceId: stored.workspaceId,
      externalId: stored.externalId,
      displayName: "Anna",
      locale: null,
    });
    expect(subjects.places.get(binding.id)).toEqual({
      platform: binding.platform,
      workspaceId: binding.workspaceId,
      channelId: binding.channelId,
    });
    expect(subjects.places.size).toBe(1);
    expect(subjects.councils.get(councilId)).toEqual(await temp.store.councils.byId(councilId));
    expect(subjects.settings.get(councilId)).toEqual(
      await temp.store.reminders.settingsOf(councilId),
    );
    expect(subjects.meetings.get(meeting.id)).toEqual(await temp.store.meetings.byId(meeting.id));
    expect(subjects.meetings.size).toBe(1);
    // Every action, whatever its status, as the actions repository gives it.
    expect([...subjects.actions.keys()].sort()).toEqual([...actionIds].sort());
    const done = subjects.actions.get(actionIds[3] ?? "");
    expect(done?.status).toBe("done");
    expect(done?.ref).toBe(4);
    const shared = subjects.actions.get(actionIds[1] ?? "");
    expect(shared?.assignees.map(({ displayName }) => displayName)).toEqual(["Anna", "Bo"]);
    expect(shared?.councilName).toBe("Reglab");
  });

  it("reads nothing for a batch that names nothing", async () => {
    const subjects = await temp.store.reminderSubjects.read({
      personIds: [],
      bindingIds: [],
      councilIds: [],
      actionIds: [],
      meetingIds: [],
    });
    expect(Object.values(subjects).every((map) => map.size === 0)).toBe(true);
  });
});
