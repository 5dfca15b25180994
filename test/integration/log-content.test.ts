import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { startHttpServer } from "../../src/bots/http-server.js";
import { runConsole } from "../../src/bots/local/console-session.js";
import { localPublisher } from "../../src/bots/local/local-publisher.js";
import { createSlackSurface } from "../../src/bots/slack/slack-surface.js";
import type { HandlerDeps } from "../../src/handlers/context.js";
import { fanOutPublisher } from "../../src/handlers/publisher-fan-out.js";
import { createCommandRegistry } from "../../src/handlers/registry.js";
import { createLogger } from "../../src/logger.js";
import type { Database } from "../../src/store/database.js";
import { wireApp } from "../support/app-wiring.js";
import { FixedClock } from "../support/console-harness.js";
import { FakeSlackApi } from "../support/fake-slack-api.js";
import { runMain, type Stopped } from "../support/main-process.js";
import { CHANNEL, PEOPLE, SIGNING_SECRET } from "../support/slack-app-harness.js";
import { postToSlackEndpoint, slashCommand } from "../support/slack-requests.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

// architecture.md §15: logs carry no message text, no names people typed and no credentials. The
// logs of a whole meeting, of failures (in the store, on Slack) and of a configuration error
// are captured at the most talkative level and searched for every word and secret used.

/** Everything logged, as JSON lines. */
class CapturedLog {
  text = "";
  write(chunk: string): void {
    this.text += chunk;
  }
  get entries(): Array<Record<string, unknown>> {
    return this.text
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }
  find(msg: string): Record<string, unknown> | undefined {
    return this.entries.find((entry) => entry.msg === msg);
  }
}

/** What the people typed and were called: none of it may be logged. */
const CONTENT = [
  "Hemliga rådet",
  "Lönnebo gård",
  "Rubrik Alfa",
  "budgetramen för Ängsö",
  "Beslut Beta",
  "anna.svensson@example.se",
  "Bertil Hemligsson",
  "Cecilia",
  "Skicka förslaget till Ängsö",
  "Trasig rubrik",
  "trasig text om Ängsö",
  "Slackrådet Gamma",
  "Slackrubrik Delta",
  "slacktext om Ängsö",
  "Trasig slackrubrik",
  "trasig slacktext",
  // Slack profiles: real and display names.
  "Eva Ek",
  "Olle Olsson",
  "Olle",
];

/** The store refuses items whose heading starts "Trasig", with the values in its message, as a database does (PostgreSQL: "Key (…)=(…)"). */
async function refuseBrokenItems(database: Database): Promise<void> {
  if (database.dialect === "postgresql") {
    await database.prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_item() RETURNS trigger AS $$ BEGIN
        IF NEW."heading" LIKE 'Trasig%' THEN
          RAISE EXCEPTION 'refused: % / %', NEW."heading", NEW."text";
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await database.prisma.$executeRawUnsafe(
      `CREATE TRIGGER refuse_item BEFORE INSERT ON "Item" FOR EACH ROW EXECUTE FUNCTION refuse_item()`,
    );
    return;
  }
  await database.prisma.$executeRawUnsafe(`
    CREATE TRIGGER refuse_item BEFORE INSERT ON "Item" WHEN NEW."heading" LIKE 'Trasig%'
    BEGIN SELECT RAISE(ABORT, 'refused: ' || NEW."heading" || ' / ' || NEW."text"); END`);
}

function expectNoContent(log: string, secrets: string[] = []): void {
  for (const word of [...CONTENT, ...secrets]) expect(log, word).not.toContain(word);
}

/** The stored error as the serializer left it: a type, a code, frames. */
function expectSafeError(entry: Record<string, unknown> | undefined): Record<string, unknown> {
  expect(entry).toBeDefined();
  const err = entry?.err as Record<string, unknown>;
  expect(err).toMatchObject({ type: expect.any(String) });
  expect(err).not.toHaveProperty("message");
  expect(String(err.stack)).toMatch(/^\s+at /);
  return err;
}

/**
 * What an operator learns of the refused insert (logging an item runs on the store's prepared
 * statements): the driver's error and the database's code.
 */
const STORE_FAILURE = {
  type: expect.stringMatching(/^(SqliteError|DatabaseError)$/),
  code: expect.stringMatching(/^(SQLITE_CONSTRAINT_TRIGGER|P0001)$/),
};

let temp: TempDatabase | undefined;
afterEach(async () => {
  await temp?.cleanup();
  temp = undefined;
});

describe("what the logs hold", () => {
  it("of a whole meeting in local mode and a command that fails in the store: ids and codes, no content", async () => {
    temp = await openTempDatabase();
    const log = new CapturedLog();
    const logger = createLogger("trace", log);
    const clock = new FixedClock("2026-04-14T09:00:00Z");
    const output = new PassThrough();
    let said = "";
    output.on("data", (chunk: Buffer) => {
      said += chunk.toString("utf8");
    });
    const exportDir = mkdtempSync(join(tmpdir(), "noterat-logs-"));
    const deps: HandlerDeps = {
      store: temp.store,
      clock,
      defaults: { locale: "sv", timeZone: "Europe/Stockholm" },
      publisher: fanOutPublisher({ local: localPublisher(output) }),
    };
    const converse = async (lines: string[]) => {
      const input = new PassThrough();
      const done = runConsole({
        input,
        output,
        interactive: false,
        deps,
        registry: createCommandRegistry(),
        logger,
        user: "Sekreteraren",
        channel: "konsol",
        exportDir,
      });
      input.end(`${lines.join("\n")}\n`);
      await done;
    };

    await converse([
      "råd Hemliga rådet",
      "möte idag kl 13:00 Lönnebo gård",
      "noterat Rubrik Alfa: Vi talade om budgetramen för Ängsö.",
      "beslut Beslut Beta: Kontakta anna.svensson@example.se och Bertil Hemligsson.",
      "uppdrag @Cecilia Skicka förslaget till Ängsö senast om två veckor",
      "roll @Ordf ordförande",
      "protokoll",
      "/som Ordf",
      "justera",
      "/som Sekreteraren",
      "publicera",
      "publicera ändå",
    ]);
    expect(said).toContain("Beslut Beta");
    await refuseBrokenItems(temp.database);
    await converse(["noterat Trasig rubrik: En trasig text om Ängsö."]);
    expect(said).toContain("Något gick fel");

    expectNoContent(log.text);
    const failed = log.find("command failed");
    expect(failed).toMatchObject({
      level: 50,
      length: "noterat Trasig rubrik: En trasig text om Ängsö.".length,
    });
    expect(expectSafeError(failed)).toMatchObject(STORE_FAILURE);
  });

  describe("on Slack", () => {
    let fake: FakeSlackApi | undefined;
    let stop: (() => Promise<void>) | undefined;
    afterEach(async () => {
      await stop?.();
      await fake?.stop();
      stop = undefined;
      fake = undefined;
    });

    it("of a meeting, a publish Slack refuses and a slash command whose handler throws", async () => {
      temp = await openTempDatabase();
      const log = new CapturedLog();
      const logger = createLogger("trace", log);
      fake = new FakeSlackApi({
        users: Object.fromEntries(Object.values(PEOPLE).map((person) => [person.id, person.user])),
      });
      await fake.start();
      const slackFake = fake;
      // As serve() wires it, with the logger under test.
      const { deps, publishers } = wireApp(temp.store, { now: "2026-04-14T09:00:00Z" });
      const surface = await createSlackSurface({
        config: {
          mode: "single",
          signingSecret: SIGNING_SECRET,
          botToken: slackFake.team.botToken,
          apiUrl: slackFake.url,
        },
        deps,
        registry: createCommandRegistry(),
        logger,
        retryConfig: { retries: 0 },
      });
      publishers.slack = surface.publisher;
      const listener = surface.listener;
      if (!listener) throw new Error("no HTTP listener");
      const server = await startHttpServer({
        host: "127.0.0.1",
        port: 0,
        routes: [{ prefix: "/slack/", listener }],
        logger,
      });
      stop = () => server.close();
      let sequence = 0;
      const slash = async (userId: string, text: string): Promise<string> => {
        sequence += 1;
        const responseId = `command-${sequence}`;
        const result = await postToSlackEndpoint(
          `${server.url}/slack/events`,
          slashCommand({
            teamId: slackFake.team.id,
            channelId: CHANNEL,
            userId,
            text,
            responseUrl: slackFake.responseUrl(responseId),
          }),
          { signingSecret: SIGNING_SECRET },
        );
        expect(result.status).toBe(200);
        if (result.body !== "") return result.body;
        const [response] = await slackFake.waitForResponses(responseId);
        return JSON.stringify(response?.body);
      };

      const { eva, olle } = PEOPLE;
      await slash(eva.id, "råd Slackrådet Gamma");
      await slash(eva.id, "möte idag kl 13:00");
      await slash(eva.id, "noterat Slackrubrik Delta: Vi talade om slacktext om Ängsö.");
      await slash(eva.id, `roll <@${olle.id}> ordförande`);
      await slash(olle.id, "justera");
      slackFake.failNext("chat.postMessage", { error: "channel_not_found" });
      expect(await slash(eva.id, "publicera")).toContain("channel_not_found");
      await refuseBrokenItems(temp.database);
      expect(await slash(eva.id, "noterat Trasig slackrubrik: En trasig slacktext.")).toContain(
        "Något gick fel",
      );

      expectNoContent(log.text, [SIGNING_SECRET, slackFake.team.botToken]);
      // Bolt's and the Web API client's own lines are there, by the same rules.
      expect(log.entries.some((entry) => entry.component === "slack")).toBe(true);
      const refused = log.find("publishing to Slack failed");
      expect(refused).toMatchObject({ level: 40, reason: "channel_not_found" });
      expect(expectSafeError(refused)).toMatchObject({
        code: "slack_webapi_platform_error",
        slackError: "channel_not_found",
      });
      const thrown = log.find("slash command failed");
      expect(thrown).toMatchObject({ level: 50, teamId: slackFake.team.id, channelId: CHANNEL });
      expect(expectSafeError(thrown)).toMatchObject(STORE_FAILURE);
    });
  });

  it("of a configuration error and a database that cannot be reached: the variables named, no secret", async () => {
    const secrets = {
      password: "Hemligt-lösen-4711",
      botToken: "xoxp-hemlig-anvandartoken-4711",
      appToken: "xoxa-hemlig-apptoken-4711",
      signingSecret: "hemlig-signeringsnyckel-4711",
      teamsPassword: "hemligt-teams-losen-4711",
    };
    const misconfigured = await start({
      DATABASE_URL: `mysql://noterat:${secrets.password}@db.example.se/noterat`,
      SLACK_SIGNING_SECRET: secrets.signingSecret,
      SLACK_BOT_TOKEN: secrets.botToken,
      SLACK_APP_TOKEN: secrets.appToken,
      MICROSOFT_APP_ID: "not-a-guid",
      MICROSOFT_APP_PASSWORD: secrets.teamsPassword,
    });
    expect(misconfigured.code).toBe(1);
    const lines = misconfigured.stderr.trimEnd().split("\n");
    expect(lines).toEqual([
      expect.stringContaining(
        'Configuration error: DATABASE_URL = "mysql://noterat:***@db.example.se/noterat": must be',
      ),
      expect.stringMatching(/^Configuration error: SLACK_BOT_TOKEN: must be a bot token/),
      expect.stringMatching(/^Configuration error: SLACK_APP_TOKEN: must be an app-level token/),
      expect.stringMatching(/^Configuration error: MICROSOFT_APP_ID = "not-a-guid": /),
    ]);
    const unreachable = await start({
      DATABASE_URL: `postgresql://noterat:${secrets.password}@127.0.0.1:1/noterat`,
    });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(
      /^Noterat stopped: cannot connect to PostgreSQL at postgresql:\/\/noterat:\*\*\*@127\.0\.0\.1:1\/noterat/,
    );
    for (const { stdout, stderr } of [misconfigured, unreachable]) {
      for (const secret of Object.values(secrets)) expect(stdout + stderr).not.toContain(secret);
    }
  });
});

/** The real program with only these settings, at its most talkative log level. */
function start(env: Record<string, string>): Promise<Stopped> {
  return runMain({ LOG_LEVEL: "trace", ...env });
}
