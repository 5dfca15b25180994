// The figures as a table on stdout, and as JSON in bench/results/ (git-ignored).
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import type { BenchResult, Figure, Target } from "./benchmark.js";

const RESULTS_DIRECTORY = fileURLToPath(new URL("./results/", import.meta.url));

export function ratio(figure: Figure): number | undefined {
  return figure.floor === undefined || figure.floor === 0 ? undefined : figure.ours / figure.floor;
}

/** Whether the figure meets its target; undefined when it has none (or no floor to compare). */
export function meetsTarget(figure: Figure): boolean | undefined {
  const { target } = figure;
  if (!target) return undefined;
  const value = target.of === "ours" ? figure.ours : ratio(figure);
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return target.bound === "atMost" ? value <= target.value : value >= target.value;
}

function formatTarget(target: Target, unit: Figure["unit"]): string {
  const sign = target.bound === "atMost" ? "≤" : "≥";
  return target.of === "ours"
    ? `${sign} ${formatNumber(target.value)} ${unit}`
    : `${sign} ${formatRatio(target.value)} floor`;
}

function formatRatio(value: number): string {
  return `${value < 1 ? value.toPrecision(2) : value.toFixed(1)}×`;
}

export function formatTable(figures: Figure[]): string {
  const rows = [
    ["figure", "ours", "floor", "ratio", "target", "met"],
    ...figures.map((figure) => {
      const r = ratio(figure);
      const met = meetsTarget(figure);
      return [
        `${figure.figure} (${figure.unit})`,
        formatNumber(figure.ours),
        figure.floor === undefined ? "—" : formatNumber(figure.floor),
        r === undefined ? "—" : formatRatio(r),
        figure.target ? formatTarget(figure.target, figure.unit) : "",
        met === undefined ? "" : met ? "met" : "MISSED",
      ];
    }),
  ];
  return formatGrid(rows, leftAligned);
}

/** Rows of cells, the header first, as a Markdown table: `left` columns padded as text. */
export function formatGrid(rows: string[][], left: (column: number) => boolean): string {
  const columns = [...(rows[0] ?? []).keys()];
  const widths = columns.map((column) =>
    Math.max(...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => (left(column) ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(" | ")} |`;
  const [header, ...body] = rows;
  const rule = `|${widths.map((width, column) => (left(column) ? "-".repeat(width + 2) : `${"-".repeat(width + 1)}:`)).join("|")}|`;
  return [line(header ?? []), rule, ...body.map(line)].join("\n");
}

/** The figure's name and the target columns read as text; the numbers line up on the right. */
function leftAligned(column: number): boolean {
  return column === 0 || column >= 4;
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** Writes bench/results/<name>.json and returns its path. */
export function writeResult(name: string, title: string, result: BenchResult): string {
  mkdirSync(RESULTS_DIRECTORY, { recursive: true });
  const path = `${RESULTS_DIRECTORY}${name}.json`;
  const document = {
    benchmark: name,
    title,
    measuredAt: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? "",
      // Other work on the machine skews the figures: compare with the number of cores.
      loadAverage1m: loadavg()[0] ?? null,
    },
    figures: result.figures.map((figure) => ({
      ...figure,
      ratio: ratio(figure) ?? null,
      met: meetsTarget(figure) ?? null,
    })),
    notes: result.notes,
    ...result.details,
  };
  writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`);
  return path;
}

export function megabytes(bytes: number): number {
  return bytes / (1024 * 1024);
}
