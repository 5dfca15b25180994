// `npm run db:copy -- --from file:./data/noterat.db --to postgresql://…`: moves an installation
// to another database (see store/copy-database.ts), then prints each table's rows on both sides.
// Exit 0 when every count matches, 1 when one differs or the copy fails, 2 on a usage error.
import { parseArgs } from "node:util";
import { CopyRefused, type CopyReport, copyDatabase } from "./store/copy-database.js";
import { maskedUrl } from "./store/database-url.js";

const USAGE = "usage: npm run db:copy -- --from file:./data/noterat.db --to postgresql://…";

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function main(args: string[]): Promise<number> {
  let from: string | undefined;
  let to: string | undefined;
  try {
    ({ from, to } = parseArgs({
      args,
      options: { from: { type: "string" }, to: { type: "string" } },
    }).values);
  } catch (error) {
    err(`db:copy: ${messageOf(error)}\n${USAGE}`);
    return 2;
  }
  if (!from || !to) {
    err(`db:copy: both --from and --to are needed\n${USAGE}`);
    return 2;
  }
  // No password reaches the terminal, also not inside a driver's error message.
  const masked = (text: string) =>
    text.replaceAll(from, maskedUrl(from)).replaceAll(to, maskedUrl(to));
  out(`Copying ${maskedUrl(from)} to ${maskedUrl(to)} …`);
  let report: CopyReport;
  try {
    report = await copyDatabase(from, to, (table, rows) => err(`  ${table}: ${rows} copied`));
  } catch (error) {
    const reason = masked(messageOf(error));
    err(error instanceof CopyRefused ? `db:copy: ${reason}` : `db:copy failed: ${reason}`);
    err("Nothing was copied.");
    return 1;
  }
  out(countTable(report));
  const differing = report.counts.filter((count) => count.source !== count.target);
  if (differing.length > 0) {
    out(
      `Counts differ for ${differing.map((count) => count.table).join(", ")}: the copy is not complete (was the source in use? stop Noterat first).`,
    );
    return 1;
  }
  const rows = report.counts.reduce((sum, count) => sum + count.target, 0);
  out(`Every table's count matches (${rows} rows).`);
  return 0;
}

function countTable(report: CopyReport): string {
  const rows = [
    ["table", "from", "to"],
    ...report.counts.map((count) => [count.table, String(count.source), String(count.target)]),
  ];
  const width = (column: number) => Math.max(...rows.map((row) => (row[column] ?? "").length));
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          column === 0 ? cell.padEnd(width(column)) : cell.padStart(width(column)),
        )
        .join("  "),
    )
    .join("\n");
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    err(`db:copy failed: ${messageOf(error)}`);
    process.exitCode = 1;
  },
);
