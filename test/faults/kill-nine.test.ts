import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { FakeSlackApi } from "../support/fake-slack-api.js";
import { seededRandom } from "../support/seeded-random.js";
import { postToSlackEndpoint, slashCommand } from "../support/slack-requests.js";
import { BotProcess } from "./bot-process.js";

// architecture.md §9: "A crash at any point loses no acknowledged command." The bot runs as its own
// process (src/main.ts, Slack over HTTP against the fake Web API), takes a stream of
// `/noterat noterat …` and `/noterat beslut …` from several clients at once, and is killed
// with SIGKILL in the middle of it, three times; started again on the same file, it has every
// item it acknowledged — once, with the number (and §) it answered — and SQLite finds the file
// intact.

const SIGNING_SECRET = "fault-test-signeringsnyckel";
const CHANNEL = "C0FAULTS01";
const EVA = "U0EVA00001";
/** Seeds where in the load each kill falls; change it to replay another run. */
const SEED = 20_260_414;
const ROUNDS = 3;
/** Clients sending at once, each waiting for its answer before the next command. */
const CLIENTS = 4;

interface Sent {
  heading: string;
  /** Every fifth command is a decision, which also takes the next § number. */
  decision: boolean;
  responseId: string;
  /** "Noterat #12: Punkt 3-17" from the acknowledgement, when it carried the answer. */
  answer?: string;
  /** The request got no HTTP answer: the process died with it. */
  interrupted?: boolean;
}

describe("a bot killed with SIGKILL in the middle of a write load", () => {
  let fake: FakeSlackApi | undefined;
  let bot: BotProcess | undefined;
  let directory: string | undefined;

  afterEach(async () => {
    await bot?.kill9();
    await fake?.stop();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it("has every acknowledged item after a restart, once, and an intact database", async () => {
    fake = new FakeSlackApi({
      users: { [EVA]: { real_name: "Eva Ek", display_name: "Eva", tz: "Europe/Stockholm" } },
    });
    await fake.start();
    directory = mkdtempSync(join(tmpdir(), "noterat-faults-"));
    const databasePath = join(directory, "noterat.db");
    const env = {
      DATABASE_URL: `file:${databasePath}`,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: fake.team.botToken,
      SLACK_API_URL: fake.url,
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "info",
      NOTERAT_EXPORT_DIR: join(directory, "published"),
      TZ: process.env.TZ ?? "UTC",
    };
    const slack = fake;
    let sequence = 0;
    const send = async (url: string, text: string) => {
      sequence += 1;
      const responseId = `kill-nine-${sequence}`;
      const http = await postToSlackEndpoint(
        `${url}/slack/events`,
        slashCommand({
          teamId: slack.team.id,
          channelId: CHANNEL,
          userId: EVA,
          text,
          responseUrl: slack.responseUrl(responseId),
        }),
        { signingSecret: SIGNING_SECRET },
      );
      return { responseId, status: http.status, answer: answerIn(http.json) };
    };

    bot = await BotProcess.start(env);
    expect((await send(bot.url, "råd Felprovsrådet")).answer).toContain("Felprovsrådet");
    expect((await send(bot.url, "möte idag kl 13:00")).status).toBe(200);

    const random = seededRandom(SEED);
    const sent: Sent[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const running = bot;
      // Somewhere between the 30th and the 110th acknowledgement of this round.
      const killAfter = 30 + Math.floor(random() * 80);
      let acknowledged = 0;
      // …and then within the next 25 ms, wherever the other clients' commands are by then.
      const killDelayMs = random() * 25;
      let killed: Promise<unknown> | undefined;
      let next = 0;
      // Each client sends until a request of its own dies with the process.
      const client = async (): Promise<void> => {
        for (;;) {
          next += 1;
          const entry: Sent = {
            heading: `Punkt ${round}-${next}`,
            decision: next % 5 === 0,
            responseId: "",
          };
          sent.push(entry);
          const verb = entry.decision ? "beslut" : "noterat";
          try {
            const result = await send(running.url, `${verb} ${entry.heading}: Text ${next}.`);
            entry.responseId = result.responseId;
            if (result.answer !== undefined) entry.answer = result.answer;
          } catch {
            entry.interrupted = true;
            return;
          }
          if (entry.answer !== undefined) acknowledged += 1;
          if (acknowledged >= killAfter && killed === undefined) {
            killed = new Promise((resolve) => setTimeout(resolve, killDelayMs)).then(() =>
              running.kill9(),
            );
          }
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, client));
      expect(await killed).toEqual({ code: null, signal: "SIGKILL" });
      // The kill fell in the middle of the load: other clients' commands died with it.
      expect(sent.filter((entry) => entry.heading.startsWith(`Punkt ${round}-`))).toEqual(
        expect.arrayContaining([expect.objectContaining({ interrupted: true })]),
      );
      bot = await BotProcess.start(env);
    }

    // A command slower than Slack's deadline is acknowledged through its response_url.
    for (const entry of sent) {
      const late = fake.responsesTo(entry.responseId).map((response) => answerIn(response.body));
      entry.answer ??= late.find((answer) => answer !== undefined);
    }
    const acknowledged = sent.filter((entry) => entry.answer !== undefined);
    expect(acknowledged.length).toBeGreaterThanOrEqual(3 * 30);

    // The restarted bot goes on where it stopped.
    const after = await send(bot.url, "noterat Efter omstart: Allt finns kvar.");
    expect(after.answer).toMatch(/^Noterat #\d+: Efter omstart$/);
    expect(await bot.stop()).toEqual({ code: 0, signal: null });
    bot = undefined;

    const db = new BetterSqlite3(databasePath, { readonly: true });
    try {
      expect(db.pragma("integrity_check")).toEqual([{ integrity_check: "ok" }]);
      expect(db.pragma("foreign_key_check")).toEqual([]);
      const items = db
        .prepare<
          [],
          { id: string; ref: number; heading: string; text: string; paragraph: number | null }
        >('SELECT id, ref, heading, text, paragraph FROM "Item"')
        .all();
      const byHeading = new Map<string, typeof items>();
      for (const item of items) {
        byHeading.set(item.heading, [...(byHeading.get(item.heading) ?? []), item]);
      }
      // Every acknowledged command is there once, with the number its answer gave.
      const missing = acknowledged.filter((entry) => byHeading.get(entry.heading)?.length !== 1);
      expect(missing).toEqual([]);
      for (const entry of acknowledged) {
        const [item] = byHeading.get(entry.heading) ?? [];
        expect(entry.answer).toBe(
          entry.decision
            ? `Beslut § ${item?.paragraph} (#${item?.ref}): ${entry.heading}`
            : `Noterat #${item?.ref}: ${entry.heading}`,
        );
        expect(item?.text).toBe(`Text ${entry.heading.split("-")[1]}.`);
      }
      // Nothing else, nothing twice, nothing half-written: an item is there with its audit
      // entry and its search row, or not at all.
      const sentHeadings = new Set([...sent.map((entry) => entry.heading), "Efter omstart"]);
      expect(items.filter((item) => !sentHeadings.has(item.heading))).toEqual([]);
      expect([...byHeading.values()].filter((same) => same.length > 1)).toEqual([]);
      // § numbers run without gaps through the crashes (one series: same council, same year).
      const paragraphs = items.flatMap((item) => (item.paragraph === null ? [] : [item.paragraph]));
      expect(paragraphs.sort((a, b) => a - b)).toEqual(paragraphs.map((_, i) => i + 1));
      const audited = db
        .prepare<[], { entityId: string; n: number }>(
          `SELECT "entityId", COUNT(*) AS n FROM "AuditEntry"
           WHERE "entityType" = 'item' AND "action" = 'created' GROUP BY "entityId"`,
        )
        .all();
      expect(new Map(audited.map((row) => [row.entityId, row.n]))).toEqual(
        new Map(items.map((item) => [item.id, 1])),
      );
      const searchable = db
        .prepare<[], { itemId: string }>('SELECT "itemId" FROM "ItemSearch"')
        .all()
        .map((row) => row.itemId);
      expect(searchable.sort()).toEqual(items.map((item) => item.id).sort());
    } finally {
      db.close();
    }
  });
});

/** The first line of the answer's text ("Noterat #12: Punkt 1-3"), if it is a message. */
function answerIn(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null || !("text" in body)) return undefined;
  const text = String(body.text);
  return text === "" ? undefined : text;
}
