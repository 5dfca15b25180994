// The store's hot queries on the seeded database through Noterat's repositories (Prisma and
// its better-sqlite3 adapter), against the floor of the very same SQL statements prepared once
// on a read-only better-sqlite3 connection. Both run in this process, one after the other.
import { performance } from "node:perf_hooks";
import BetterSqlite3 from "better-sqlite3";
import type { Prisma } from "../src/generated/prisma/client.js";
import {
  type ActionFilter,
  countOpenActionsQuery,
  openActionsQuery,
} from "../src/store/actions-repository.js";
import { openDatabase } from "../src/store/database.js";
import { searchQuery } from "../src/store/search-repository.js";
import { createStore, type Store } from "../src/store/store.js";
import type { Benchmark, Figure } from "./benchmark.js";
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
  floor(n: number): unknown;
}

export const storeBenchmark: Benchmark = {
  name: "store",
  title: "Store queries: Noterat's repositories vs the same SQL on better-sqlite3",
  async run(context) {
    const seeded = await context.database();
    const database = await openDatabase(seeded.url);
    const driver = new BetterSqlite3(seeded.path, { readonly: true });
    try {
      const store = createStore(database);
      const councilIds = seeded.councils.map((council) => council.id);
      const assignees = await database.prisma.actionAssignee.findMany({
        select: { personId: true },
        distinct: ["personId"],
        take: 1_000,
      });
      const personIds = assignees.map((row) => row.personId);
      const queries: Query[] = [
        listQuery(store, driver, "open actions of a council (öppna)", (n) => ({
          councilIds: [at(councilIds, n)],
        })),
        listQuery(store, driver, "my actions across councils (mina)", (n) => ({
          assigneeId: at(personIds, n),
        })),
        searchQueryOf(store, driver, councilIds),
      ];
      const figures: Figure[] = [];
      const details: Record<string, { ours: LatencySummary; floor: LatencySummary }> = {};
      for (const query of queries) {
        context.log(`store: ${query.figure}`);
        const ours = await measure(query.calls, (n) => query.ours(n));
        const floor = await measure(query.calls, (n) => query.floor(n));
        details[query.figure] = { ours, floor };
        figures.push(
          {
            figure: `${query.figure} p50`,
            unit: "ms",
            ours: ours.p50,
            floor: floor.p50,
            target: STORE_QUERY_RATIO,
          },
          { figure: `${query.figure} p99`, unit: "ms", ours: ours.p99, floor: floor.p99 },
        );
      }
      return {
        figures,
        notes: [
          `${CALLS.list} calls per list and ${CALLS.search} searches, each after ${WARMUP} unmeasured, over ${councilIds.length} councils and ${personIds.length} assignees; ours and the floor run the same statements (the repositories export them)`,
          `a list is the first ${LIST_LIMIT} open actions with their assignees, and their count when there are more (as the list commands ask); search: ${SEARCH_WORDS.map((words) => words.join(" ")).join(", ")} in turn, ${SEARCH_LIMIT} hits at most`,
          "ours: Prisma's $queryRaw through the better-sqlite3 adapter, rows mapped to records; floor: statements prepared once, raw rows",
        ],
        details,
      };
    } finally {
      driver.close();
      await database.close();
    }
  },
};

function listQuery(
  store: Store,
  driver: BetterSqlite3.Database,
  figure: string,
  filterOf: (n: number) => Omit<ActionFilter, "limit">,
): Query {
  const list = prepared(driver);
  const count = prepared(driver);
  return {
    figure,
    calls: CALLS.list,
    async ours(n) {
      const filter = filterOf(n);
      const found = await store.actions.open({ ...filter, limit: LIST_LIMIT });
      return found.length < LIST_LIMIT ? found.length : store.actions.countOpen(filter);
    },
    floor(n) {
      const filter = filterOf(n);
      const rows = list(openActionsQuery({ ...filter, limit: LIST_LIMIT })).all();
      // Rows are per assignee: count actions, as the store does.
      const found = new Set(rows.map((row) => (row as { id: string }).id)).size;
      return found < LIST_LIMIT ? found : count(countOpenActionsQuery(filter)).get();
    },
  };
}

function searchQueryOf(store: Store, driver: BetterSqlite3.Database, councilIds: string[]): Query {
  const search = prepared(driver);
  const wordsOf = (n: number) => at(SEARCH_WORDS, n);
  return {
    figure: "search in a council (sök)",
    calls: CALLS.search,
    ours: (n) => store.search.search(at(councilIds, n), wordsOf(n), SEARCH_LIMIT),
    floor(n) {
      const query = searchQuery(at(councilIds, n), wordsOf(n), SEARCH_LIMIT);
      return query ? search(query).all() : [];
    },
  };
}

/**
 * A statement prepared once per distinct SQL text (a filter's shape), bound to a query's
 * values as Prisma's adapter binds them: instants as ISO text with "+00:00".
 */
function prepared(driver: BetterSqlite3.Database) {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return (query: Prisma.Sql) => {
    let statement = statements.get(query.sql);
    if (!statement) {
      statement = driver.prepare(query.sql);
      statements.set(query.sql, statement);
    }
    const values = query.values.map((value) =>
      value instanceof Date ? value.toISOString().replace("Z", "+00:00") : value,
    );
    return { all: () => statement.all(...values), get: () => statement.get(...values) };
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
