// prisma/schema.prisma (SQLite) is the one schema we edit. Prisma 6 fixes a datasource's
// provider per schema file and per generated client, so PostgreSQL gets this derived copy:
// the same models, another provider, its own client. `--check` (CI) fails when the copy is
// stale; without it the copy is written.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SOURCE = fileURLToPath(new URL("./schema.prisma", import.meta.url));
const TARGET = fileURLToPath(new URL("./postgresql/schema.prisma", import.meta.url));

const HEADER = `// GENERATED from prisma/schema.prisma by prisma/derive-postgres-schema.ts: do not edit.
// (npm run db:pg-schema writes it; CI checks that it is up to date.)

`;

function derive(source: string): string {
  const replacements: Array<[RegExp, string]> = [
    [/provider = "sqlite"/, 'provider = "postgresql"'],
    [/url( +)= "file:\.\/dev\.db"/, 'url$1= "postgresql://localhost/noterat"'],
    [/output( +)= "\.\.\/src\/generated\/prisma"/, 'output$1= "../../src/generated/prisma-pg"'],
  ];
  let schema = source;
  for (const [pattern, replacement] of replacements) {
    if (!pattern.test(schema)) throw new Error(`schema.prisma no longer contains ${pattern}`);
    schema = schema.replace(pattern, replacement);
  }
  return HEADER + schema;
}

const derived = derive(readFileSync(SOURCE, "utf8"));
if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(TARGET, "utf8");
  } catch {
    // Missing counts as stale.
  }
  if (current !== derived) {
    process.stderr.write(
      "prisma/postgresql/schema.prisma is out of date: run `npm run db:pg-schema` and commit it.\n",
    );
    process.exit(1);
  }
} else {
  writeFileSync(TARGET, derived);
}
