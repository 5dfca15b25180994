// `npm run bench scale` (issue 16, point 4): how `öppna`, `sök` and the reminder tick grow with
// the data. At 1× the database holds one council shaped as a council of the realistic data set
// (REALISTIC_SIZES divided by its council count); it then grows to 10×, 100× and 1 000× in two
// ways, each on databases of its own seeded here (not the run's shared one):
// - one council: that council's own meetings, items and actions ×k, its 12 members the same.
//   What a missing index or an N+1 loop over a council's rows costs shows here.
// - councils: k councils of 1× each (1 000× is the realistic data set). `öppna` and `sök` of
//   one council should not grow at all with the others' data; the tick plans and sends for all.
import type { Benchmark, Figure } from "./benchmark.js";
import { nextMondayNine } from "./reminder-tick-process.js";
import {
  type CurveRow,
  formatCurves,
  type Growth,
  growthOf,
  SCALES,
  scaleLabel,
} from "./scale-curve.js";
import { type Budget, measureScale, type ScaleMeasurement } from "./scale-measure.js";
import { REALISTIC_SIZES, type SeedSizes, seedDatabase } from "./seed-database.js";

const WORKSPACE = "TSCALE0001";
/** As run.ts seeds the shared database: 250 of its 1 000 councils meet today. */
const MEETING_TODAY_SHARE = 0.25;
const PEOPLE_PER_COUNCIL = REALISTIC_SIZES.people / REALISTIC_SIZES.councils;
const BUDGETS: { command: Budget; tick: Budget } = {
  command: { warmup: 10, samples: 300, least: 20, ms: 2_000 },
  // A tick at 1 000 councils takes half a minute: one is enough there.
  tick: { warmup: 0, samples: 5, least: 1, ms: 5_000 },
};
const WARM_UP: typeof BUDGETS = {
  command: { warmup: 0, samples: 20, least: 20, ms: 0 },
  tick: { warmup: 0, samples: 2, least: 2, ms: 0 },
};

interface Curve {
  key: string;
  /** What k× means, for the table's heading. */
  title: string;
  sizes(scale: number): SeedSizes;
  /** The first councils meet on the day of seeding (as the shared database's first 250). */
  meetingToday(scale: number): number;
  /** `öppna` and `sök` of one council: growing at most linearly, or not at all. */
  commands: CurveRow["expected"];
}

/** Secretaries and chairs come first among the seeded people, ordinary members after them. */
function peopleFor(councils: number): number {
  return Math.max(PEOPLE_PER_COUNCIL * councils, 2 * councils + REALISTIC_SIZES.membersPerCouncil);
}

const CURVES: Curve[] = [
  {
    key: "council",
    // Its meetings stay 28 days apart, so at 1 000× they go back centuries: what counts here
    // is how many rows the council has, not their dates.
    title: "one council's meetings, items and actions ×k (its 12 members the same)",
    sizes: (k) => ({
      ...REALISTIC_SIZES,
      councils: 1,
      people: peopleFor(1),
      meetingsPerCouncil: REALISTIC_SIZES.meetingsPerCouncil * k,
      itemsPerCouncil: REALISTIC_SIZES.itemsPerCouncil * k,
      actionsPerCouncil: REALISTIC_SIZES.actionsPerCouncil * k,
    }),
    meetingToday: () => 1,
    commands: "linear",
  },
  {
    key: "councils",
    title: "k councils of 1× each (1 000×: the shared database's 1 000 councils)",
    sizes: (k) => ({ ...REALISTIC_SIZES, councils: k, people: peopleFor(k) }),
    meetingToday: (k) => Math.ceil(k * MEETING_TODAY_SHARE),
    commands: "flat",
  },
];

interface Point extends ScaleMeasurement {
  scale: number;
  rows: Record<string, number>;
  seedMs: number;
}

export const scaleBenchmark: Benchmark = {
  name: "scale",
  title: "Scale: öppna, sök and the reminder tick as the data grows 10×, 100× and 1 000×",
  async run(context) {
    const seededAt = new Date();
    const now = nextMondayNine(seededAt);
    const at = { now, workspaceId: WORKSPACE };
    const point = async (curve: Curve, scale: number, warm = false): Promise<Point> => {
      const name = `scale: ${curve.key} ${scaleLabel(scale)}`;
      context.log(`${name}: seeding`);
      const seeded = await seedDatabase({
        sizes: curve.sizes(scale),
        councilsMeetingToday: curve.meetingToday(scale),
        workspaceId: WORKSPACE,
        timeZone: "Europe/Stockholm",
        now: seededAt,
        seed: 3,
      });
      try {
        // The process's first commands and ticks compile code: not a figure of 1×.
        if (warm) await measureScale(seeded, at, WARM_UP);
        context.log(`${name}: measuring`);
        const measured = await measureScale(seeded, at, BUDGETS);
        return {
          scale,
          rows: seeded.rows,
          seedMs: seeded.timings.total ?? Number.NaN,
          ...measured,
        };
      } finally {
        seeded.cleanup();
      }
    };
    // 1× is the same database on both curves: one council.
    const [first, ...others] = CURVES;
    if (!first) throw new Error("scale benchmark: no curve");
    const base = await point(first, SCALES[0], true);
    const curves: Array<{ curve: Curve; points: Point[]; growth: Growth[] }> = [];
    for (const curve of [first, ...others]) {
      const points = [base];
      for (const scale of SCALES.slice(1)) points.push(await point(curve, scale));
      curves.push({ curve, points, growth: growthRows(curve, points) });
    }

    const { command, tick } = BUDGETS;
    return {
      figures: curves.flatMap(({ curve, points }) => figuresAt(curve, points)),
      notes: [
        `at each scale: \`öppna\` and \`sök WORD\` (${command.samples} calls or ${command.ms / 1000} s each, at least ${command.least}, after ${command.warmup} unmeasured) typed by the first council's secretary, through handleCommand with the command registry, the reply rendered as the console renders it; the reminder tick (createReminderTick, a notifier that takes every message at once) at Monday 09:00 on an empty outbox, ${tick.samples} ticks or ${tick.ms / 1000} s, at least ${tick.least}: its p99 is the slowest tick (with one tick, the only one)`,
        "growth: k in time ∝ scale^k (1 linear, 0 flat) from 10× and from 100× to 1 000×; flagged above 1.1, and a command of one council while other councils grow above 0.3 from 10×",
        ...curves.map(
          ({ curve, points, growth }) =>
            `${curve.title}; messages per tick ${points.map((p) => p.messages).join(" / ")}; seeded in ${points.map((p) => (p.seedMs / 1000).toFixed(1)).join(" / ")} s:\n\n${formatCurves(growth)}\n`,
        ),
        ...curves.flatMap(({ curve, points }) =>
          points
            .filter((p) => p.tickError !== undefined)
            .map((p) => `TICK FAILED at ${curve.key} ${scaleLabel(p.scale)}: ${p.tickError}`),
        ),
      ],
      details: {
        now: now.toISOString(),
        budgets: BUDGETS,
        curves: Object.fromEntries(
          curves.map(({ curve, points, growth }) => [curve.key, { points, growth }]),
        ),
      },
    };
  },
};

/** What each curve shows; `command`: a command of one council, as the curve expects them to grow. */
const MEASURES: Array<{ figure: string; command: boolean; value(point: Point): number }> = [
  { figure: "öppna p50", command: true, value: (p) => p.open.p50 },
  { figure: "öppna p99", command: true, value: (p) => p.open.p99 },
  { figure: "sök p50", command: true, value: (p) => p.search.p50 },
  { figure: "sök p99", command: true, value: (p) => p.search.p99 },
  { figure: "tick p50", command: false, value: (p) => p.tick.p50 },
  { figure: "tick p99", command: false, value: (p) => p.tick.p99 },
];

/** The curve's rows: each figure at every scale, and how it grows. */
function growthRows(curve: Curve, points: Point[]): Growth[] {
  return MEASURES.map(({ figure, command, value }) =>
    growthOf({
      figure: `${figure} (ms)`,
      expected: command ? curve.commands : "linear",
      values: points.map(value),
    }),
  );
}

/** The largest scale's figures, for the run's table and the JSON. */
function figuresAt(curve: Curve, points: Point[]): Figure[] {
  const last = points.at(-1);
  if (!last) return [];
  return MEASURES.map(({ figure, value }) => ({
    figure: `${curve.key} ${scaleLabel(last.scale)}: ${figure}`,
    unit: "ms",
    ours: value(last),
  }));
}
