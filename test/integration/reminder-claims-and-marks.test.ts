import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OutboxEntry } from "../../src/domain/reminders/outbox-entries.js";
import { sentMarks } from "../../src/scheduler/sent-marks.js";
import { openDatabase } from "../../src/store/database.js";
import type { SentMark } from "../../src/store/reminders-repository.js";
import { createStore } from "../../src/store/store.js";
import { wireApp } from "../support/app-wiring.js";
import { ChatSession } from "../support/chat-session.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

// Claims by id and sent marks as a group commit (architecture.md §5), on the real store: two
// instances never claim one row, every mark written survives, and a mark lost in a crash only
// means its rows go out again after the lease.

const NOW = new Date("2026-05-15T07:00:00Z");
const LEASE_MS = 5 * 60_000;
const RECIPIENTS = 120;
const claiming = { platforms: ["local" as const], leaseMs: LEASE_MS };

let temp: TempDatabase;

beforeEach(async () => {
  temp = await openTempDatabase();
});
afterEach(async () => {
  await temp.cleanup();
});

/** A council with two due rows for each of RECIPIENTS people. */
async function dueRows(): Promise<void> {
  const app = wireApp(temp.store, { now: NOW.toISOString() });
  await new ChatSession(temp.store, app.clock).say("Sara", "råd Reglab");
  const council = await temp.database.prisma.council.findFirstOrThrow();
  const entries: OutboxEntry[] = [];
  for (let person = 0; person < RECIPIENTS; person += 1) {
    for (const kind of ["due", "overdue"] as const) {
      entries.push({
        key: `${kind}:${council.id}:person:p${person}:2026-05-15`,
        councilId: council.id,
        kind,
        recipient: `person:p${person}`,
        platform: "local",
        subjectId: council.id,
        dueAt: NOW,
        payload: { kind, on: "2026-05-15", actions: [] },
        reason: null,
      });
    }
  }
  await temp.store.reminders.record(entries, NOW);
}

async function claimAll(instance: string, at: Date, store = temp.store) {
  const due = await store.reminders.dueByRecipient(at, claiming);
  return store.reminders.claim(due.flat(), at, { ...claiming, instance, claimedAt: at });
}

async function stored() {
  return temp.database.prisma.reminder.findMany({ orderBy: { key: "asc" } });
}

describe("claims by id", () => {
  it("reads each recipient's due rows together, oldest first", async () => {
    await dueRows();
    const due = await temp.store.reminders.dueByRecipient(NOW, claiming);
    expect(due).toHaveLength(RECIPIENTS);
    expect(due.every((ids) => ids.length === 2)).toBe(true);
    // Nothing is due for a platform this instance does not run, nor before its time.
    expect(await temp.store.reminders.dueByRecipient(NOW, { ...claiming, platforms: [] })).toEqual(
      [],
    );
    expect(
      await temp.store.reminders.dueByRecipient(new Date(NOW.getTime() - 1), claiming),
    ).toEqual([]);
  });

  it("gives two instances claiming the same rows at once disjoint claims that cover them all", async () => {
    await dueRows();
    const other = await openDatabase(temp.url);
    try {
      const otherStore = createStore(other);
      // Both read who is due, then claim the same recipients in batches, interleaved.
      const [mine, theirs] = await Promise.all([
        temp.store.reminders.dueByRecipient(NOW, claiming),
        otherStore.reminders.dueByRecipient(NOW, claiming),
      ]);
      const claimed = { a: [] as string[], b: [] as string[] };
      for (let start = 0; start < RECIPIENTS; start += 50) {
        const [a, b] = await Promise.all([
          temp.store.reminders.claim(mine.slice(start, start + 50).flat(), NOW, {
            ...claiming,
            instance: "a",
            claimedAt: NOW,
          }),
          otherStore.reminders.claim(theirs.slice(start, start + 50).flat(), NOW, {
            ...claiming,
            instance: "b",
            claimedAt: NOW,
          }),
        ]);
        claimed.a.push(...a.map(({ id }) => id));
        claimed.b.push(...b.map(({ id }) => id));
      }
      const overlap = claimed.a.filter((id) => claimed.b.includes(id));
      expect(overlap).toEqual([]);
      expect(claimed.a.length + claimed.b.length).toBe(RECIPIENTS * 2);
      const rows = await stored();
      expect(
        rows.every(
          (row) => row.status === "pending" && row.claimedBy !== null && row.attempts === 1,
        ),
      ).toBe(true);
      expect(
        rows
          .filter((row) => row.claimedBy === "a")
          .map(({ id }) => id)
          .sort(),
      ).toEqual([...claimed.a].sort());
    } finally {
      await other.close();
    }
  });

  it("claims past another instance's open write transaction, never a row that transaction is taking", async () => {
    await dueRows();
    const other = await openDatabase(temp.url);
    try {
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let begun = () => {};
      const writing = new Promise<void>((resolve) => {
        begun = resolve;
      });
      // The other instance skips p0's rows in a transaction that stays open across an await:
      // on SQLite it holds the write lock meanwhile, on PostgreSQL those rows' locks.
      const transaction = other.prisma.$transaction(async (tx) => {
        await tx.reminder.updateMany({
          where: { recipient: "person:p0" },
          data: { status: "skipped", lastError: "done meanwhile" },
        });
        begun();
        await held;
      });
      await writing;
      const claim = claimAll("a", NOW);
      // SQLite: the claim waits for the lock without blocking the process, so the transaction
      // can finish; PostgreSQL: it skips the locked rows at once.
      setTimeout(release, 50);
      await transaction;
      const claimed = await claim;
      expect(claimed).toHaveLength((RECIPIENTS - 1) * 2);
      expect(claimed.some(({ recipient }) => recipient === "person:p0")).toBe(false);
      const rows = await stored();
      expect(rows.filter((row) => row.status === "skipped")).toHaveLength(2);
    } finally {
      await other.close();
    }
  });

  it("claims a row again only after its lease ran out, counting the attempt", async () => {
    await dueRows();
    expect(await claimAll("dead", NOW)).toHaveLength(RECIPIENTS * 2);
    expect(await claimAll("survivor", new Date(NOW.getTime() + LEASE_MS - 1))).toEqual([]);
    const later = new Date(NOW.getTime() + LEASE_MS);
    const reclaimed = await claimAll("survivor", later);
    expect(reclaimed).toHaveLength(RECIPIENTS * 2);
    expect(reclaimed.every(({ attempts }) => attempts === 2)).toBe(true);
  });
});

describe("sent marks as a group commit", () => {
  it("writes the first mark at once and those that came meanwhile in one statement, each with its reference", async () => {
    await dueRows();
    const claimed = await claimAll("a", NOW);
    const writes: number[] = [];
    const marks = sentMarks(
      async (batch) => {
        writes.push(batch.length);
        await temp.store.reminders.markSent(batch, "a", NOW);
      },
      (error) => {
        throw error;
      },
    );
    for (const row of claimed) marks.add({ ids: [row.id], ref: `ref-${row.key}` });
    await marks.settled();
    expect(writes).toEqual([1, claimed.length - 1]);
    const rows = await stored();
    expect(rows.every((row) => row.status === "sent" && row.sentRef === `ref-${row.key}`)).toBe(
      true,
    );
    expect(rows.every((row) => row.sentAt?.getTime() === NOW.getTime())).toBe(true);
  });

  it("loses only the marks of a failed write: their rows stay claimed and are claimed again after the lease", async () => {
    await dueRows();
    const claimed = await claimAll("a", NOW);
    const lost: SentMark[] = [];
    let calls = 0;
    const marks = sentMarks(
      async (batch) => {
        calls += 1;
        // The process dies (or the database fails) during the second write.
        if (calls === 2) throw new Error("disk I/O error");
        await temp.store.reminders.markSent(batch, "a", NOW);
      },
      (_error, batch) => lost.push(...batch),
    );
    const [first, ...rest] = claimed;
    if (!first) throw new Error("no rows claimed");
    marks.add({ ids: [first.id], ref: "r-first" });
    for (const row of rest.slice(0, 10)) marks.add({ ids: [row.id], ref: `r-${row.id}` });
    await marks.settled();
    // A write after the failed one goes through.
    marks.add({ ids: rest.slice(10).map(({ id }) => id), ref: "r-rest" });
    await marks.settled();

    expect(lost.flatMap(({ ids }) => ids).sort()).toEqual(
      rest
        .slice(0, 10)
        .map(({ id }) => id)
        .sort(),
    );
    const rows = await stored();
    const lostIds = new Set(lost.flatMap(({ ids }) => ids));
    expect(
      rows
        .filter((row) => row.status === "pending" && row.claimedBy === "a")
        .map(({ id }) => id)
        .sort(),
    ).toEqual([...lostIds].sort());
    expect(rows.filter((row) => row.status === "sent")).toHaveLength(RECIPIENTS * 2 - 10);
    // Within the lease nobody takes them; after it, another instance does, once.
    expect(await claimAll("b", new Date(NOW.getTime() + 60_000))).toEqual([]);
    const again = await claimAll("b", new Date(NOW.getTime() + LEASE_MS));
    expect(again.map(({ id }) => id).sort()).toEqual([...lostIds].sort());
  });

  it("marks only rows the instance still holds: a row another claimed after the lease stays theirs", async () => {
    await dueRows();
    const claimed = await claimAll("slow", NOW);
    await claimAll("b", new Date(NOW.getTime() + LEASE_MS));
    const written = await temp.store.reminders.markSent(
      [{ ids: claimed.map(({ id }) => id), ref: "late" }],
      "slow",
      NOW,
    );
    expect(written).toBe(0);
    const rows = await stored();
    expect(rows.every((row) => row.status === "pending" && row.claimedBy === "b")).toBe(true);
  });
});
