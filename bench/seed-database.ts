// A realistic Noterat database in a temporary folder: the schema from the project's own
// migration runner, then rows bulk-inserted with better-sqlite3 in one transaction. Rows are
// generated first and inserted table by table, so that each table's insert time (with its
// indexes and, for Item, the ItemSearch trigger) can be reported.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import BetterSqlite3 from "better-sqlite3";
import { addDays } from "../src/domain/dates/local-date.js";
import { localDateOf, toInstant, toLocal } from "../src/domain/dates/zoned-time.js";
import { openDatabase } from "../src/store/database.js";
import { seededRandom } from "../test/support/seeded-random.js";
import {
  actionText,
  displayName,
  HEADINGS,
  idMaker,
  itemText,
  PLACES,
  pick,
  slackId,
  sqlTime,
} from "./seed-data.js";

export interface SeedSizes {
  councils: number;
  meetingsPerCouncil: number;
  itemsPerCouncil: number;
  actionsPerCouncil: number;
  people: number;
  /** Ordinary members per council besides its secretary and chair. */
  membersPerCouncil: number;
}

/** Issue 3's data set: 1 000 councils, 20 000 meetings, 100 000 items and actions, 5 000 people. */
export const REALISTIC_SIZES: SeedSizes = {
  councils: 1_000,
  meetingsPerCouncil: 20,
  itemsPerCouncil: 100,
  actionsPerCouncil: 100,
  people: 5_000,
  membersPerCouncil: 10,
};

export interface SeedOptions {
  sizes: SeedSizes;
  /** The first N councils hold a meeting today (the write benchmarks log items in it). */
  councilsMeetingToday: number;
  workspaceId: string;
  timeZone: string;
  now: Date;
  seed: number;
}

export interface SeededCouncil {
  id: string;
  channelId: string;
  secretary: SeededPerson;
  meetsToday: boolean;
}

export interface SeededPerson {
  userId: string;
  displayName: string;
}

export interface SeededDatabase {
  url: string;
  path: string;
  councils: SeededCouncil[];
  people: SeededPerson[];
  rows: Record<string, number>;
  /** Milliseconds: schema (migrations), row generation, each table's insert, checkpoint, total. */
  timings: Record<string, number>;
  fileBytes: number;
  /** The seeding process's resident memory right after seeding, in bytes. */
  rssAfterSeeding: number;
  cleanup(): void;
}

type Row = Record<string, string | number | null>;

const MEETING_INTERVAL_DAYS = 28;
const DUE_SPREAD_DAYS = 182;
/** Insert order: every foreign key points at a table already filled. */
const TABLES = [
  "Person",
  "Council",
  "ChannelBinding",
  "Membership",
  "Meeting",
  "MinutesSnapshot",
  "MinutesApproval",
  "Item",
  "Action",
  "ActionAssignee",
  "AuditEntry",
] as const;
type Table = (typeof TABLES)[number];

export async function seedDatabase(options: SeedOptions): Promise<SeededDatabase> {
  const started = performance.now();
  const directory = mkdtempSync(join(tmpdir(), "noterat-bench-"));
  const path = join(directory, "noterat.db");
  const url = `file:${path}`;
  const timings: Record<string, number> = {};

  let mark = performance.now();
  const database = await openDatabase(url);
  await database.close();
  timings.schema = performance.now() - mark;

  mark = performance.now();
  const generated = generateRows(options);
  timings.generate = performance.now() - mark;

  const db = new BetterSqlite3(path);
  try {
    db.pragma("cache_size = -65536");
    db.transaction(() => {
      // The search trigger costs ~30 µs per item; one INSERT … SELECT afterwards fills the
      // same ItemSearch rows in a tenth of the time. The trigger is put back as it was.
      const trigger = withoutTrigger(db, ITEM_SEARCH_TRIGGER);
      for (const table of TABLES) {
        const tableStart = performance.now();
        insertAll(db, table, generated.rows[table]);
        timings[`insert ${table}`] = performance.now() - tableStart;
      }
      mark = performance.now();
      db.exec(
        `INSERT INTO "ItemSearch" ("itemId", "councilId", "heading", "text") SELECT "id", "councilId", "heading", "text" FROM "Item"`,
      );
      db.exec(trigger);
      timings["fill ItemSearch"] = performance.now() - mark;
      mark = performance.now();
    })();
    timings.commit = performance.now() - mark;
    mark = performance.now();
    db.pragma("wal_checkpoint(TRUNCATE)");
    timings.checkpoint = performance.now() - mark;
  } finally {
    db.close();
  }
  timings.total = performance.now() - started;

  return {
    url,
    path,
    councils: generated.councils,
    people: generated.people,
    rows: Object.fromEntries(TABLES.map((table) => [table, generated.rows[table].length])),
    timings,
    fileBytes: statSync(path).size,
    rssAfterSeeding: process.memoryUsage().rss,
    cleanup: () => rmSync(directory, { recursive: true, force: true }),
  };
}

const ITEM_SEARCH_TRIGGER = "Item_search_insert";

/** Drops a trigger and returns the SQL that creates it again, as the migration wrote it. */
function withoutTrigger(db: BetterSqlite3.Database, name: string): string {
  const row: unknown = db
    .prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`)
    .get(name);
  const sql = typeof row === "object" && row !== null && "sql" in row ? row.sql : undefined;
  if (typeof sql !== "string") throw new Error(`seed: trigger ${name} not found`);
  db.exec(`DROP TRIGGER "${name}"`);
  return sql;
}

function insertAll(db: BetterSqlite3.Database, table: Table, rows: Row[]): void {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first);
  const statement = db.prepare(
    `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES (${columns.map((column) => `@${column}`).join(", ")})`,
  );
  for (const row of rows) statement.run(row);
}

interface Generated {
  rows: Record<Table, Row[]>;
  councils: SeededCouncil[];
  people: SeededPerson[];
}

function generateRows(options: SeedOptions): Generated {
  const { sizes, timeZone, workspaceId, now } = options;
  const random = seededRandom(options.seed);
  const rows: Record<Table, Row[]> = {
    Person: [],
    Council: [],
    ChannelBinding: [],
    Membership: [],
    Meeting: [],
    MinutesSnapshot: [],
    MinutesApproval: [],
    Item: [],
    Action: [],
    ActionAssignee: [],
    AuditEntry: [],
  };
  const ids = {
    person: idMaker("person"),
    council: idMaker("council"),
    binding: idMaker("binding"),
    meeting: idMaker("meeting"),
    snapshot: idMaker("snapshot"),
    approval: idMaker("approval"),
    item: idMaker("item"),
    action: idMaker("action"),
    audit: idMaker("audit"),
  };
  const today = localDateOf(now, timeZone);
  // toInstant and toLocal go through Intl: compute each day once, not once per row.
  const dayCache = new Map<number, { instant: Date; sql: string; year: number }>();
  const at = (dayOffset: number, hour: number) => {
    const key = dayOffset * 24 + hour;
    let day = dayCache.get(key);
    if (!day) {
      const instant = toInstant(addDays(today, dayOffset), { hour, minute: 0 }, timeZone);
      day = { instant, sql: sqlTime(instant), year: toLocal(instant, timeZone).year };
      dayCache.set(key, day);
    }
    return day;
  };
  const nowSql = sqlTime(now);
  const audit = (councilId: string, actorId: string, entityType: string, entityId: string) => {
    rows.AuditEntry.push({
      id: ids.audit(),
      councilId,
      actorId,
      action: "created",
      entityType,
      entityId,
      before: null,
      after: JSON.stringify({ seeded: true }),
      at: nowSql,
    });
  };

  const people: SeededPerson[] = [];
  const personIds: string[] = [];
  for (let index = 0; index < sizes.people; index += 1) {
    const person = { userId: slackId("U", index), displayName: displayName(index) };
    const id = ids.person();
    people.push(person);
    personIds.push(id);
    rows.Person.push({
      id,
      platform: "slack",
      workspaceId,
      externalId: person.userId,
      displayName: person.displayName,
      locale: null,
      reference: null,
      createdAt: nowSql,
    });
  }
  const personId = (index: number) => personIds[index % personIds.length] ?? "";

  const councils: SeededCouncil[] = [];
  const pastMeetings = Math.round(sizes.meetingsPerCouncil * 0.75);
  for (let c = 0; c < sizes.councils; c += 1) {
    const councilId = ids.council();
    const meetsToday = c < options.councilsMeetingToday;
    const secretaryIndex = c;
    const secretaryId = personId(secretaryIndex);
    const chairId = personId(sizes.councils + c);
    const secretary = people[secretaryIndex % people.length] ?? { userId: "", displayName: "" };
    const channelId = slackId("C", c);
    councils.push({ id: councilId, channelId, secretary, meetsToday });
    rows.ChannelBinding.push({
      id: ids.binding(),
      councilId,
      platform: "slack",
      workspaceId,
      channelId,
      reference: null,
      createdAt: nowSql,
    });

    const members = new Set([secretaryId, chairId]);
    const ordinaryFrom = 2 * sizes.councils;
    const ordinaryCount = Math.max(1, sizes.people - ordinaryFrom);
    while (members.size < 2 + sizes.membersPerCouncil) {
      members.add(personId(ordinaryFrom + Math.floor(random() * ordinaryCount)));
    }
    const memberIds = [...members];
    for (const memberId of memberIds) {
      const role =
        memberId === secretaryId ? "secretary" : memberId === chairId ? "chair" : "member";
      rows.Membership.push({ councilId, personId: memberId, role, createdAt: nowSql });
    }

    // Meeting k is k − past intervals from today; councils that do not meet today are shifted
    // a few days into the future so that their "current" meeting is another one.
    const shift = meetsToday ? 0 : 1 + (c % 20);
    let ref = 1;
    const paragraphs = new Map<number, number>();
    for (let k = 0; k < sizes.meetingsPerCouncil; k += 1) {
      const offset = (k - pastMeetings) * MEETING_INTERVAL_DAYS + shift;
      const starts = at(offset, 13);
      const held = offset < 0;
      const meetingId = ids.meeting();
      const snapshotId = held ? ids.snapshot() : null;
      rows.Meeting.push({
        id: meetingId,
        councilId,
        startsAt: starts.sql,
        hasTime: 1,
        place: pick(random, PLACES),
        documentsUrl: held ? "https://rvn.se/handlingar" : null,
        lede: null,
        status: "planned",
        minutesStatus: held ? "published" : "draft",
        approvedAt: held ? at(offset + 7, 9).sql : null,
        approvedById: held ? chairId : null,
        publishedAt: held ? at(offset + 8, 9).sql : null,
        publishedById: held ? secretaryId : null,
        approvedSnapshotId: snapshotId,
        publishedSnapshotId: snapshotId,
        createdAt: at(offset - 30, 9).sql,
        updatedAt: at(held ? offset + 8 : offset - 30, 9).sql,
      });
      audit(councilId, secretaryId, "meeting", meetingId);

      const itemIds: string[] = [];
      const minuted: Row[] = [];
      const itemCount = share(sizes.itemsPerCouncil, sizes.meetingsPerCouncil, k);
      for (let position = 1; position <= itemCount; position += 1) {
        const kind = offset > 0 ? "agenda" : pickKind(random);
        let paragraph: number | null = null;
        if (kind === "decision") {
          paragraph = (paragraphs.get(starts.year) ?? 0) + 1;
          paragraphs.set(starts.year, paragraph);
        }
        const itemId = ids.item();
        if (kind !== "agenda") itemIds.push(itemId);
        const item: Row = {
          id: itemId,
          councilId,
          meetingId,
          ref,
          kind,
          heading: pick(random, HEADINGS),
          text: itemText(random),
          position,
          paragraph,
          paragraphYear: paragraph === null ? null : starts.year,
          authorId: secretaryId,
          dedupKey: null,
          sourceUrl: null,
          removedAt: null,
          createdAt: starts.sql,
          updatedAt: starts.sql,
        };
        rows.Item.push(item);
        minuted.push(item);
        audit(councilId, secretaryId, "item", itemId);
        ref += 1;
      }
      if (snapshotId) {
        const approvedAt = at(offset + 7, 9).sql;
        const { document, sha256 } = frozenMinutes(minuted);
        rows.MinutesSnapshot.push({
          id: snapshotId,
          meetingId,
          document,
          sha256,
          createdAt: approvedAt,
        });
        rows.MinutesApproval.push({
          id: ids.approval(),
          meetingId,
          personId: chairId,
          snapshotId,
          sha256,
          at: approvedAt,
          voidedAt: null,
        });
      }

      // Actions are given at meetings already held (and today's).
      const actionCount =
        k > pastMeetings ? 0 : share(sizes.actionsPerCouncil, pastMeetings + 1, k);
      for (let index = 0; index < actionCount; index += 1) {
        const actionId = ids.action();
        const roll = random();
        const status = roll < 0.7 ? "open" : roll < 0.95 ? "done" : "cancelled";
        const assignees = pickDistinct(random, memberIds, 1 + Math.floor(random() * 3));
        const due = at(Math.floor((random() * 2 - 1) * DUE_SPREAD_DAYS), 0);
        rows.Action.push({
          id: actionId,
          councilId,
          meetingId,
          itemId: itemIds.length > 0 && random() < 0.6 ? pick(random, itemIds) : null,
          ref,
          text: actionText(random, ref),
          dueAt: due.sql,
          status,
          createdById: secretaryId,
          completedAt:
            status === "done" ? (offset + 10 < 0 ? at(offset + 10, 12).sql : nowSql) : null,
          completedById: status === "done" ? (assignees[0] ?? secretaryId) : null,
          dedupKey: null,
          removedAt: status === "cancelled" ? at(offset + 1, 12).sql : null,
          createdAt: starts.sql,
          updatedAt: starts.sql,
        });
        for (const assignee of assignees) {
          rows.ActionAssignee.push({ actionId, personId: assignee });
        }
        audit(councilId, secretaryId, "action", actionId);
        ref += 1;
      }
    }
    rows.Council.push({
      id: councilId,
      name: `Regionala samverkansrådet ${c + 1}`,
      locale: "sv",
      timeZone,
      nextRef: ref,
      createdAt: at(-pastMeetings * MEETING_INTERVAL_DAYS - 60, 9).sql,
    });
  }
  return { rows, councils, people };
}

/**
 * A held meeting's minutes as the current version keeps them once approved: a snapshot with
 * its SHA-256 (without one, start-up would compile and store one for each of the 15 000 held
 * meetings first). The document is the minuted items as JSON, about a compiled one's size; no
 * benchmark reads it.
 */
function frozenMinutes(items: Row[]): { document: string; sha256: string } {
  const document = JSON.stringify(
    items.map(({ ref, kind, heading, text, paragraph }) => ({
      ref,
      kind,
      heading,
      text,
      paragraph,
    })),
  );
  return { document, sha256: createHash("sha256").update(document).digest("hex") };
}

/** The k-th of `parts` near-equal shares of `total` (shares sum to `total`). */
function share(total: number, parts: number, k: number): number {
  return Math.floor((total * (k + 1)) / parts) - Math.floor((total * k) / parts);
}

function pickKind(random: () => number): string {
  const roll = random();
  return roll < 0.5 ? "info" : roll < 0.75 ? "discussion" : "decision";
}

function pickDistinct(random: () => number, values: string[], count: number): string[] {
  const chosen = new Set<string>();
  while (chosen.size < Math.min(count, values.length)) chosen.add(pick(random, values));
  return [...chosen];
}
