import { describe, expect, it } from "vitest";
import { runMain, type Stopped } from "../support/main-process.js";
import { onPostgres } from "../support/temp-database.js";

// A database that cannot be used stops start-up with one line that says why, the password
// masked (issue 12, bad input): the real program, spawned as `npm start` runs it.

const PASSWORD = "s3cret-word";

function start(databaseUrl: string): Promise<Stopped> {
  return runMain({ DATABASE_URL: databaseUrl });
}

/** One line on stderr, nothing on stdout, exit code 1, and the password nowhere. */
function expectOneLine(stopped: Stopped, line: RegExp): void {
  expect(stopped.code).toBe(1);
  expect(stopped.stdout).toBe("");
  expect(stopped.stderr).toMatch(line);
  expect(stopped.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(stopped.stderr + stopped.stdout).not.toContain(PASSWORD);
}

describe("start-up with a database that cannot be used", () => {
  it("stops when nothing listens at the PostgreSQL address", async () => {
    expectOneLine(
      await start(`postgresql://noterat:${PASSWORD}@127.0.0.1:1/none`),
      /^Noterat stopped: cannot connect to PostgreSQL at postgresql:\/\/noterat:\*\*\*@127\.0\.0\.1:1\/none: connect ECONNREFUSED/,
    );
  });

  it("stops on a URL that is neither a SQLite file nor a PostgreSQL server", async () => {
    expectOneLine(
      await start(`mysql://noterat:${PASSWORD}@db/noterat`),
      /^Configuration error: DATABASE_URL = "mysql:\/\/noterat:\*\*\*@db\/noterat": must be a SQLite file/,
    );
  });

  it.runIf(onPostgres)(
    "stops when the database or the user does not exist on the server",
    async () => {
      const server = new URL(process.env.NOTERAT_TEST_PG_URL ?? "");
      server.password = PASSWORD;
      const missingDatabase = new URL(server);
      missingDatabase.pathname = "/noterat_missing";
      const missingUser = new URL(server);
      missingUser.username = "noterat_nobody";
      const [database, user] = await Promise.all([
        start(missingDatabase.toString()),
        start(missingUser.toString()),
      ]);
      expectOneLine(
        database,
        /^Noterat stopped: cannot connect to PostgreSQL at .*:\*\*\*@.*: database "noterat_missing" does not exist$/m,
      );
      expectOneLine(
        user,
        /^Noterat stopped: cannot connect to PostgreSQL at postgresql:\/\/noterat_nobody:\*\*\*@.*(role "noterat_nobody" does not exist|password authentication failed)/,
      );
    },
  );
});
