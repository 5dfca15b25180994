// The scale benchmark's curves: a figure at each scale, how fast it grows, and their table.
import { formatGrid, formatNumber } from "./report.js";

/** Multiples of one council's data. */
export const SCALES = [1, 10, 100, 1_000] as const;

/** One figure at each of SCALES, in order. */
export interface CurveRow {
  figure: string;
  values: number[];
  /** What it may do as the data grows: grow at most linearly, or stay flat. */
  expected: "linear" | "flat";
}

/** A row with how fast it grows and whether that is flagged, as the table and the JSON give it. */
export interface Growth extends CurveRow {
  /** From 10× and from 100× to 1 000×. */
  exponents: number[];
  flag?: string;
}

/**
 * Where the growth is read from (10× and 100×, to the largest scale): from 1× a fixed cost per
 * call hides the growth, and from 10× alone a steep last step is averaged away.
 */
const FROM = [1, 2];
/** Exponents above these are flagged; flatness only over the longer span (less noisy). */
const LIMITS = { linear: 1.1, flat: 0.3 };

/** k in time ∝ scale^k from SCALES[from] to the largest scale: 1 is linear, 0 flat. */
function exponent(values: number[], from: number): number {
  const last = SCALES.length - 1;
  const [start, end] = [values[from], values[last]];
  const [a, b] = [SCALES[from], SCALES[last]];
  if (start === undefined || end === undefined || a === undefined || b === undefined) {
    return Number.NaN;
  }
  return Math.log(end / start) / Math.log(b / a);
}

export function growthOf(row: CurveRow): Growth {
  const exponents = FROM.map((from) => exponent(row.values, from));
  const judged = row.expected === "flat" ? exponents.slice(0, 1) : exponents;
  const flag = row.values.some(Number.isNaN)
    ? "FAILED"
    : judged.some((k) => k > LIMITS[row.expected])
      ? row.expected === "linear"
        ? "WORSE THAN LINEAR"
        : "NOT FLAT"
      : undefined;
  return { ...row, exponents, ...(flag ? { flag } : {}) };
}

export function formatCurves(rows: Growth[]): string {
  const spans = FROM.map((from) => `${scaleLabel(SCALES[from] ?? 0)}→${scaleLabel(SCALES[3])}`);
  return formatGrid(
    [
      ["figure", ...SCALES.map(scaleLabel), ...spans.map((span) => `growth ${span}`), ""],
      ...rows.map((row) => [
        row.figure,
        ...row.values.map((value) => (Number.isNaN(value) ? "failed" : formatNumber(value))),
        ...row.exponents.map((k) => (Number.isNaN(k) ? "—" : `n^${k.toFixed(2)}`)),
        row.flag ?? "",
      ]),
    ],
    (column) => column === 0 || column === SCALES.length + FROM.length + 1,
  );
}

/** "1 000×": digit groups as the issue writes them. */
export function scaleLabel(scale: number): string {
  return `${scale.toLocaleString("sv-SE")}×`;
}
