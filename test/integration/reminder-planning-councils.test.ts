// At a daily reminder moment every council of the installation is planned at once: the store
// must answer for a thousand councils and more (Prisma refuses over 999 values in one SQLite
// statement, and a refused plan stopped every reminder for good).
import { afterEach, beforeEach, expect, it } from "vitest";
import type { Place } from "../../src/domain/records.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

const at = new Date("2026-05-20T10:00:00Z");
const place: Place = { platform: "local", workspaceId: "local", channelId: "reglab" };

let db: TempDatabase;
beforeEach(async () => {
  db = await openTempDatabase();
});
afterEach(async () => {
  await db.cleanup();
});

it("plans the minutes of protocol councils among 1 200 councils asked at once", async () => {
  const eva = await db.store.people.ensure({ ...place, externalId: "eva", displayName: "Eva" });
  const council = await db.store.councils.create({
    name: "Reglab",
    place,
    creatorId: eva.id,
    locale: "sv",
    timeZone: "Europe/Stockholm",
    at,
  });
  await db.database.prisma.council.update({
    where: { id: council.id },
    data: { mode: "protocol" },
  });
  const meeting = await db.store.meetings.create({
    councilId: council.id,
    startsAt: new Date("2026-05-19T08:00:00Z"),
    hasTime: true,
    place: null,
    actorId: eva.id,
    at,
  });
  const others = Array.from({ length: 1_199 }, (_, n) => `council-${n}`);
  const planned = await db.store.reminders.planningMinutes(
    [...others.slice(0, 700), council.id, ...others.slice(700)],
    new Date("2026-05-18T00:00:00Z"),
    at,
  );
  expect(planned.map((minutes) => minutes.meetingId)).toEqual([meeting.id]);
});
