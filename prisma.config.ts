// Prisma CLI configuration. The JS schema engine with the better-sqlite3 adapter is used
// because the Rust engines cannot be downloaded on our machines (see README, Operations).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () =>
    new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./data/noterat.db" }),
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
