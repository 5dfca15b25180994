// One database's figures for the scale benchmark: `öppna` and `sök` typed by the first council's
// secretary in its channel, through handleCommand as every surface runs them (the council and
// roles looked up, the text parsed, the handler, the reply rendered as the console renders it),
// and the reminder tick at the week's busiest minute on an empty outbox.
import { performance } from "node:perf_hooks";
import { readLocalMention } from "../src/bots/local/local-mentions.js";
import type { Reply, ReplyBlock } from "../src/domain/reply.js";
import type { HandlerDeps } from "../src/handlers/context.js";
import { handleCommand } from "../src/handlers/handle-command.js";
import { fanOutPublisher } from "../src/handlers/publisher-fan-out.js";
import { createCommandRegistry } from "../src/handlers/registry.js";
import { renderReplyText } from "../src/render/reply-text.js";
import type { TickReport } from "../src/scheduler/reminder-tick.js";
import { openDatabase } from "../src/store/database.js";
import { createStore } from "../src/store/store.js";
import { type LatencySummary, summarize } from "./latency.js";
import { countingTick } from "./reminder-tick-process.js";
import type { SeededDatabase } from "./seed-database.js";

/** How long a figure is sampled: `samples` calls, or fewer once `ms` have passed (`least` at least). */
export interface Budget {
  warmup: number;
  samples: number;
  least: number;
  ms: number;
}

export interface ScaleMeasurement {
  open: LatencySummary;
  search: LatencySummary;
  tick: LatencySummary;
  /** Messages one tick handed to the notifier, and what it reported. */
  messages: number;
  report?: TickReport;
  /** Why the tick failed, when it did: its figures are then NaN. */
  tickError?: string;
}

const NO_FAILURES = { count: 0, first: undefined };

/** Words of seed-data.ts's headings and texts, taken in turn: each matches about 1 item in 8. */
const SEARCH_WORDS = ["budget", "kommunerna", "kollektiv"];

export async function measureScale(
  seeded: SeededDatabase,
  at: { now: Date; workspaceId: string },
  budgets: { command: Budget; tick: Budget },
): Promise<ScaleMeasurement> {
  const { now, workspaceId } = at;
  const council = seeded.councils[0];
  if (!council) throw new Error("scale benchmark: no council seeded");
  const { userId, displayName } = council.secretary;
  const database = await openDatabase(seeded.url);
  try {
    const store = createStore(database);
    const deps: HandlerDeps = {
      store,
      clock: { now: () => now },
      defaults: { locale: "sv", timeZone: "Europe/Stockholm" },
      publisher: fanOutPublisher({}),
    };
    const registry = createCommandRegistry();
    const say = async (text: string, expected: ReplyBlock["type"]) => {
      const reply = await handleCommand(deps, registry, {
        actor: { platform: "slack", workspaceId, externalId: userId, displayName },
        place: { platform: "slack", workspaceId, channelId: council.channelId },
        text,
        readMention: readLocalMention,
      });
      renderReplyText(reply);
      check(reply, text, expected);
    };
    const open = await sample(budgets.command, () => say("öppna", "actions"));
    const search = await sample(budgets.command, (n) =>
      say(`sök ${SEARCH_WORDS[n % SEARCH_WORDS.length]}`, "list"),
    );

    const { tick, messages } = countingTick(store, now);
    let last: { report: TickReport; messages: number } | undefined;
    try {
      const ticks = await sample(
        budgets.tick,
        async () => {
          const before = messages();
          const report = await tick(now);
          last = { report, messages: messages() - before };
        },
        async () => {
          // A server has ticked every minute before this one: only this minute is planned.
          await database.prisma.reminder.deleteMany({});
          await database.prisma.reminderCursor.deleteMany({});
          await store.reminders.advancePlannedThrough(new Date(now.getTime() - 60_000));
        },
      );
      return { open, search, tick: ticks, messages: last?.messages ?? 0, report: last?.report };
    } catch (error) {
      // A tick that throws at this size is a finding to print, not the end of the run.
      const message = error instanceof Error ? error.message : String(error);
      const tickError = message.trim().split("\n").at(-1) ?? message;
      return { open, search, tick: summarize([], NO_FAILURES), messages: 0, tickError };
    }
  } finally {
    await database.close();
  }
}

/** A reply that is not the list asked for (an error, "none") would measure something else. */
function check(reply: Reply, text: string, expected: ReplyBlock["type"]): void {
  const kind = reply.blocks[0]?.type;
  if (kind !== expected) {
    throw new Error(`scale benchmark: "${text}" answered ${kind ?? "nothing"}, not ${expected}`);
  }
}

/** Calls `call` (after an untimed `prepare`) within the budget; each call's time is a sample. */
async function sample(
  budget: Budget,
  call: (n: number) => Promise<void>,
  prepare?: () => Promise<void>,
): Promise<LatencySummary> {
  for (let n = 0; n < budget.warmup; n += 1) {
    await prepare?.();
    await call(n);
  }
  const samples: number[] = [];
  const deadline = performance.now() + budget.ms;
  while (
    samples.length < budget.least ||
    (samples.length < budget.samples && performance.now() < deadline)
  ) {
    await prepare?.();
    const started = performance.now();
    await call(budget.warmup + samples.length);
    samples.push(performance.now() - started);
  }
  return summarize(samples, NO_FAILURES);
}
