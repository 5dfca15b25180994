// A 200-item meeting's post: compiled from the meeting's records, then rendered with every
// renderer (architecture.md §4). Floor for a renderer: JSON.stringify of the same document, the
// cheapest walk that writes all of it out. Pure computation, in this process.
import { performance } from "node:perf_hooks";
import { compileMinutes, type MinutesSource } from "../src/domain/minutes/compile-minutes.js";
import type { MinutesDocument } from "../src/domain/minutes/document.js";
import type { MinutedItemKind } from "../src/domain/types.js";
import { renderMinutesCards } from "../src/render/adaptive-card/minutes-cards.js";
import { renderMinutesMessages } from "../src/render/block-kit/minutes-messages.js";
import { renderMinutesHtml } from "../src/render/minutes-html.js";
import { renderMinutesMarkdown } from "../src/render/minutes-markdown.js";
import { renderMinutesText } from "../src/render/minutes-text.js";
import { seededRandom } from "../test/support/seeded-random.js";
import type { Benchmark, Figure } from "./benchmark.js";
import { type LatencySummary, summarize } from "./latency.js";
import { actionText, displayName, HEADINGS, itemText, pick } from "./seed-data.js";
import { MINUTES_MS } from "./targets.js";

const ITEMS = 200;
/** One action for every third item, and a few given at the meeting with no item. */
const ACTIONS = 70;
const WARMUP = 10;
const RUNS = 100;

const RENDERERS: Array<[string, (doc: MinutesDocument) => unknown]> = [
  ["Markdown", renderMinutesMarkdown],
  ["HTML", renderMinutesHtml],
  ["text", renderMinutesText],
  ["Block Kit", renderMinutesMessages],
  ["Adaptive Card", renderMinutesCards],
];

export const minutesBenchmark: Benchmark = {
  name: "minutes",
  title: `Minutes: a ${ITEMS}-item meeting compiled and rendered with every renderer`,
  async run() {
    const source = meetingSource(seededRandom(7));
    const document = compileMinutes(source);
    const compile = measure(() => compileMinutes(source));
    const floor = measure(() => JSON.stringify(document));
    const renders = RENDERERS.map(([name, render]) => ({
      name,
      ...measure(() => render(document)),
    }));
    const all = measure(() => {
      const compiled = compileMinutes(source);
      for (const [, render] of RENDERERS) render(compiled);
    });
    const figures: Figure[] = [
      { figure: "compile p50", unit: "ms", ours: compile.p50 },
      ...renders.map(({ name, p50 }) => ({
        figure: `render ${name} p50`,
        unit: "ms" as const,
        ours: p50,
        floor: floor.p50,
      })),
      { figure: "compile + every renderer p50", unit: "ms", ours: all.p50, target: MINUTES_MS },
      { figure: "compile + every renderer p99", unit: "ms", ours: all.p99 },
    ];
    return {
      figures,
      notes: [
        `${ITEMS} items (info, discussion, decisions with § numbers) of one to four sentences, ${ACTIONS} actions; ${RUNS} runs each after ${WARMUP} unmeasured`,
        `output: ${JSON.stringify(document).length} characters as JSON, ${renderMinutesMessages(document).length} Slack messages, ${renderMinutesCards(document).length} Adaptive Cards`,
        "floor of each renderer: JSON.stringify of the document",
      ],
      details: { compile, floor, renders, all },
    };
  },
};

function meetingSource(random: () => number): MinutesSource {
  const kinds: MinutedItemKind[] = ["info", "discussion", "decision"];
  let paragraph = 0;
  const items = Array.from({ length: ITEMS }, (_, index) => {
    const kind = pick(random, kinds);
    return {
      ref: index + 1,
      kind,
      heading: pick(random, HEADINGS),
      // Now and then a second paragraph, and text that every renderer must escape.
      text: `${itemText(random)}${index % 7 === 0 ? `\n\n${itemText(random)} <Bilaga & karta>` : ""}`,
      paragraph: kind === "decision" ? ++paragraph : null,
    };
  });
  const actions = Array.from({ length: ACTIONS }, (_, index) => ({
    ref: ITEMS + index + 1,
    itemRef: index < 60 ? index * 3 + 1 : null,
    text: actionText(random, index),
    assignees: [displayName(index), displayName(index + 100)],
    due: { year: 2026, month: 6, day: 1 + (index % 28) },
    status: "open" as const,
  }));
  return {
    locale: "sv",
    timeZone: "Europe/Stockholm",
    now: new Date("2026-05-20T12:00:00Z"),
    council: { name: "Regionala samverkansrådet" },
    meeting: {
      startsAt: new Date("2026-05-20T11:00:00Z"),
      lede: null,
      documentsUrl: "https://rvn.se/handlingar",
      publishedAt: new Date("2026-05-21T09:50:00Z"),
    },
    items,
    actions,
    nextMeeting: { startsAt: new Date("2026-06-17T11:00:00Z") },
  };
}

function measure(run: () => unknown): LatencySummary {
  for (let index = 0; index < WARMUP; index += 1) run();
  const samples: number[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return summarize(samples, { count: 0, first: undefined });
}
