// The store's hot queries on the seeded database through Noterat's repositories (Prisma and
// its driver adapter), against the floor of the very same SQL statements prepared once on the
// driver itself: better-sqlite3 (read-only) on SQLite, `pg` on PostgreSQL, where the same data
// is measured too when a server is available. Both run in this process, one after the other.
import { performance } from "node:perf_hooks";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import type { Prisma } from "../src/generated/prisma/client.js";
import {
  type ActionFilter,
  countOpenActionsQuery,
  openActionsQuery,
} from "../src/store/actions-repository.js";
import { openDatabase } from "../src/store/database.js";
import type { Dialect } from "../src/store/database-url.js";
import { postgresSearchQuery, searchQuery } from "../src/store/search-repository.js";
import { createStore, type Store } from "../src/store/store.js";
import type { BenchContext, Benchmark, Figure } from "./benchmark.js";
import { type LatencySummary, summarize } from "./latency.js";
import { STORE_QUERY_RATIO } from "./targets.js";

const WARMUP = 20;
/** Calls per query; a search is ~10× a list, so fewer of them keep the run short. */
const CALLS = { list: 1_000, search: 200 };
/** As the list commands ask (src/handlers/list-actions.ts). */
const LIST_LIMIT = 50;
const SEARCH_LIMIT = 20;
/** Prefixes of words in the seeded headings and texts, from common to rare. */
const SEARCH_WORDS = [["kollektiv"], ["budget"], ["kommunerna"], ["remiss", "strategi"], ["vård"]];

interface Query {
  figure: string;
  calls: number;
  /** The n-th call through the store. */
  ours(n: number): Promise<unknown>;
  /** The same statements for the n-th call, straight on the driver. */
  floor(n: number): Promise<unknown>;
}

/** The floor's driver: each distinct statement prepared once, raw rows back. */
interface Floor {
  dialect: Dialect;
  rows(query: Prisma.Sql): Promise<unknown[]>;
  close(): Promise<void>;
}

/** What both databases are asked: the same councils and assignees in the same order. */
interface Subjects {
  councilIds: string[];
  personIds: string[];
}

interface Measured {
  figures: Figure[];
  details: Record<string, { ours: LatencySummary; floor: LatencySummary }>;
}

export const storeBenchmark: Benchmark = {
  name: "store",
  title: "Store queries: Noterat's repositories vs the same SQL on the driver",
  postgres: true,
  async run(context) {
    const seeded = await context.database();
    const postgres = await context.postgres();
    const subjects: Subjects = {
      councilIds: seeded.councils.map((council) => council.id),
      personIds: await assigneesOf(seeded.url),
    };
    const { councilIds, personIds } = subjects;
    const sqlite = await measureOn(context, seeded.url, sqliteFloor(seeded.path), "", subjects);
    const onPostgres = postgres
      ? await measureOn(
          context,
          postgres.url,
          await postgresFloor(postgres.url),
          " (PostgreSQL)",
          subjects,
        )
      : undefined;
    return {
      figures: [...sqlite.figures, ...(onPostgres?.figures ?? [])],
      notes: [
        `${CALLS.list} calls per list and ${CALLS.search} searches, each after ${WARMUP} unmeasured, over ${councilIds.length} councils and ${personIds.length} assignees; ours and the floor run the same statements (the repositories export them)`,
        `a list is the first ${LIST_LIMIT} open actions with their assignees, and their count when there are more (as the list commands ask); search: ${SEARCH_WORDS.map((words) => words.join(" ")).join(", ")} in turn, ${SEARCH_LIMIT} hits at most`,
        "ours: Prisma's $queryRaw through the better-sqlite3 adapter, rows mapped to records; floor: statements prepared once on better-sqlite3, raw rows",
        ...(postgres
          ? [
              `(PostgreSQL): the same calls on ${postgres.server}, the seeded data copied there; ours through @prisma/adapter-pg, floor: the same statements prepared once on one pg connection (search is PostgreSQL's own statement: tsvector in the council's language)`,
            ]
          : ["no PostgreSQL server was available: SQLite only"]),
      ],
      details: { ...sqlite.details, ...onPostgres?.details },
    };
  },
};

/** The queries on one database against its floor, each figure's name followed by `suffix`. */
async function measureOn(
  context: BenchContext,
  url: string,
  floor: Floor,
  suffix: string,
  { councilIds, personIds }: Subjects,
): Promise<Measured> {
  const database = await openDatabase(url);
  try {
    const store = createStore(database);
    const queries: Query[] = [
      listQuery(store, floor, "open actions of a council (öppna)", (n) => ({
        councilIds: [at(councilIds, n)],
      })),
      listQuery(store, floor, "my actions across councils (mina)", (n) => ({
        assigneeId: at(personIds, n),
      })),
      searchQueryOf(store, floor, councilIds),
    ];
    const figures: Figure[] = [];
    const details: Measured["details"] = {};
    for (const query of queries) {
      const figure = `${query.figure}${suffix}`;
      context.log(`store: ${figure}`);
      const ours = await measure(query.calls, (n) => query.ours(n));
      const floored = await measure(query.calls, (n) => query.floor(n));
      details[figure] = { ours, floor: floored };
      figures.push(
        {
          figure: `${query.figure} p50${suffix}`,
          unit: "ms",
          ours: ours.p50,
          floor: floored.p50,
          target: STORE_QUERY_RATIO,
        },
        { figure: `${query.figure} p99${suffix}`, unit: "ms", ours: ours.p99, floor: floored.p99 },
      );
    }
    return { figures, details };
  } finally {
    await floor.close();
    await database.close();
  }
}

/** Up to 1 000 people with actions, looked up once so that both databases get the same. */
async function assigneesOf(url: string): Promise<string[]> {
  const database = await openDatabase(url);
  try {
    const assignees = await database.prisma.actionAssignee.findMany({
      select: { personId: true },
      distinct: ["personId"],
      take: 1_000,
    });
    return assignees.map((row) => row.personId);
  } finally {
    await database.close();
  }
}

function listQuery(
  store: Store,
  floor: Floor,
  figure: string,
  filterOf: (n: number) => Omit<ActionFilter, "limit">,
): Query {
  return {
    figure,
    calls: CALLS.list,
    async ours(n) {
      const filter = filterOf(n);
      const found = await store.actions.open({ ...filter, limit: LIST_LIMIT });
      return found.length < LIST_LIMIT ? found.length : store.actions.countOpen(filter);
    },
    async floor(n) {
      const filter = filterOf(n);
      const rows = await floor.rows(openActionsQuery({ ...filter, limit: LIST_LIMIT }));
      // Rows are per assignee: count actions, as the store does.
      const found = new Set(rows.map((row) => (row as { id: string }).id)).size;
      return found < LIST_LIMIT ? found : (await floor.rows(countOpenActionsQuery(filter)))[0];
    },
  };
}

function searchQueryOf(store: Store, floor: Floor, councilIds: string[]): Query {
  const wordsOf = (n: number) => at(SEARCH_WORDS, n);
  const statement = floor.dialect === "postgresql" ? postgresSearchQuery : searchQuery;
  return {
    figure: "search in a council (sök)",
    calls: CALLS.search,
    ours: (n) => store.search.search(at(councilIds, n), wordsOf(n), SEARCH_LIMIT),
    async floor(n) {
      const query = statement(at(councilIds, n), wordsOf(n), SEARCH_LIMIT);
      return query ? floor.rows(query) : [];
    },
  };
}

/**
 * better-sqlite3, read-only, bound to a query's values as Prisma's adapter binds them: instants
 * as ISO text with "+00:00".
 */
function sqliteFloor(path: string): Floor {
  const driver = new BetterSqlite3(path, { readonly: true });
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    dialect: "sqlite",
    async rows(query) {
      let statement = statements.get(query.sql);
      if (!statement) {
        statement = driver.prepare(query.sql);
        statements.set(query.sql, statement);
      }
      const values = query.values.map((value) =>
        value instanceof Date ? value.toISOString().replace("Z", "+00:00") : value,
      );
      return statement.all(...values);
    },
    close: async () => {
      driver.close();
    },
  };
}

/** One pg connection; a named statement is prepared on its first use and reused after. */
async function postgresFloor(url: string): Promise<Floor> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const names = new Map<string, string>();
  return {
    dialect: "postgresql",
    async rows(query) {
      let name = names.get(query.text);
      if (!name) {
        name = `floor_${names.size}`;
        names.set(query.text, name);
      }
      // Instants as UTC text: the columns are timestamps without a zone, holding UTC.
      const values = query.values.map((value) =>
        value instanceof Date ? value.toISOString() : value,
      );
      return (await client.query({ name, text: query.text, values })).rows;
    },
    close: () => client.end(),
  };
}

async function measure(calls: number, call: (n: number) => unknown): Promise<LatencySummary> {
  for (let n = 0; n < WARMUP; n += 1) await call(n);
  const samples: number[] = [];
  for (let n = WARMUP; n < WARMUP + calls; n += 1) {
    const started = performance.now();
    await call(n);
    samples.push(performance.now() - started);
  }
  return summarize(samples, { count: 0, first: undefined });
}

function at<T>(values: readonly T[], n: number): T {
  const value = values[n % values.length];
  if (value === undefined) throw new Error("store benchmark: nothing to query");
  return value;
}
