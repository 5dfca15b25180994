import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { isoDate, pad2 } from "../../src/domain/dates/local-date.js";
import { toLocal } from "../../src/domain/dates/zoned-time.js";
import { FakeSlackApi } from "../support/fake-slack-api.js";
import { seededRandom } from "../support/seeded-random.js";
import { dmOf } from "../support/slack-app-harness.js";
import { postToSlackEndpoint, slashCommand } from "../support/slack-requests.js";
import { createTempDatabaseUrl, onPostgres } from "../support/temp-database.js";
import { BotProcess } from "./bot-process.js";

// Issue 12 point 6 (architecture.md §9, §14): two bot processes (src/main.ts, Slack over HTTP against
// one fake Web API) on one PostgreSQL database behind a "load balancer": clients spread notes,
// decisions and actions over both while one or the other is killed with SIGKILL and started
// again. Every acknowledged command is stored once with the number and § its answer gave, and
// numbers and § run without gaps. Both processes tick the reminder clock every second on the
// real clock; the reminders of four councils fall due at one minute, and each is posted once.

const SIGNING_SECRET = "two-instances-signeringsnyckel";
const ZONE = "Europe/Stockholm";
const EVA = "U0EVA00001";
const ANNA = "U0ANNA0001";
const OLLE = "U0OLLE0001";
/**
 * Members with an action in every reminded council, each reminded privately: more recipients
 * than one claim takes (50), so that the instances claim batch after batch, side by side.
 */
const MEMBERS = Array.from({ length: 60 }, (_, i) => `U0LED${String(i + 1).padStart(4, "0")}`);
/** Slack user id → display name; Eva is every council's secretary and sends every command. */
const PEOPLE: Record<string, string> = {
  [EVA]: "Eva",
  [ANNA]: "Anna",
  [OLLE]: "Olle",
  ...Object.fromEntries(MEMBERS.map((id, i) => [id, `Ledamot ${i + 1}`])),
};
/** The councils the load writes to, each its own series of numbers and §. */
const WRITERS = [
  { channel: "C0WRITE001", name: "Skrivrådet 1" },
  { channel: "C0WRITE002", name: "Skrivrådet 2" },
];
/** Council k meets k minutes after the reminder minute and is reminded k minutes before. */
const REMINDED = [1, 2, 3, 4].map((k) => ({
  k,
  channel: `C0REMIND0${k}`,
  name: `Påminnelserådet ${k}`,
}));
/** Seeds which process dies and where in the load; change it to replay another run. */
const SEED = 20_260_512;
/** Clients sending at once, each waiting for its answer before its next command. */
const CLIENTS = 6;
const MINUTE = 60_000;
/** The load with kills runs at least this long before the reminder minute. */
const MIN_LOAD_MS = 20_000;
/**
 * No kill this close to the reminder minute: the restarted process must be ticking by then,
 * and a process killed holding a claim would leave it to the 5-minute lease, beyond this test.
 */
const LAST_KILL_BEFORE_MS = 15_000;
/** How long after the reminder minute every reminder must have been posted. */
const DELIVERY_DEADLINE_MS = 30_000;

interface Sent {
  kind: "note" | "decision" | "action";
  council: string;
  /** The heading of an item, the text of an action: unique in the run. */
  subject: string;
  /** The Slack user an action is for. */
  assignee?: string;
  responseId?: string;
  /** The text of the answer, from the HTTP response or (when slower) the response_url. */
  answer?: string;
  /** The request got no HTTP answer: its process died with it. */
  interrupted?: boolean;
}

/** One instance behind the balancer: the process serving now, and every one it ran. */
interface Instance {
  bot: BotProcess;
  up: boolean;
  /** Killed ones too, for their logs. */
  history: BotProcess[];
}

describe.runIf(onPostgres)(
  "two instances on one database, one killed with SIGKILL (PostgreSQL only: NOTERAT_TEST_DATABASE=postgresql)",
  () => {
    let fake: FakeSlackApi | undefined;
    let instances: Instance[] = [];
    let database: { url: string; remove(): Promise<void> } | undefined;
    let directory: string | undefined;
    let load: Load | undefined;

    afterEach(async () => {
      await load?.stop();
      await Promise.all(instances.map((instance) => instance.bot.kill9()));
      await fake?.stop();
      await database?.remove();
      if (directory) rmSync(directory, { recursive: true, force: true });
    });

    it("stores every acknowledged command once, numbers and § without gaps, and sends each reminder once", async () => {
      const slack = new FakeSlackApi({
        users: Object.fromEntries(
          Object.entries(PEOPLE).map(([id, name]) => [
            id,
            { real_name: `${name} Test`, display_name: name, tz: ZONE },
          ]),
        ),
      });
      fake = slack;
      await slack.start();
      database = await createTempDatabaseUrl();
      directory = mkdtempSync(join(tmpdir(), "noterat-two-instances-"));
      const env = {
        DATABASE_URL: database.url,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_BOT_TOKEN: slack.team.botToken,
        SLACK_API_URL: slack.url,
        HOST: "127.0.0.1",
        PORT: "0",
        LOG_LEVEL: "info",
        NOTERAT_TIME_ZONE: ZONE,
        // Every second on both: their claims of the same due rows meet.
        REMINDER_SCHEDULE: "* * * * * *",
        NOTERAT_EXPORT_DIR: join(directory, "published"),
        TZ: process.env.TZ ?? "UTC",
      };
      const started = await Promise.all([BotProcess.start(env), BotProcess.start(env)]);
      instances = started.map((bot) => ({ bot, up: true, history: [bot] }));
      const send = commandSender(slack);

      const remindAt = await setUpCouncils(instances, send);
      const writes = new Load(instances, send);
      load = writes;
      writes.start();
      const interruptedPerRound = await killRounds(writes, remindAt - LAST_KILL_BEFORE_MS, env);
      // Both processes are ticking when the reminders fall due.
      expect(Date.now()).toBeLessThan(remindAt);
      // The kills fell in the middle of the load: requests died with the processes. (A single
      // round can land between requests on a busy machine; over the rounds some must not.)
      expect(interruptedPerRound.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);

      const inspector = new pg.Client({ connectionString: database.url });
      await inspector.connect();
      try {
        // The load goes on through the reminder minute until every reminder is sent.
        await untilRemindersSent(inspector, remindAt + DELIVERY_DEADLINE_MS);
        await writes.stop();

        // Both answer afterwards and go on numbering where the load stopped.
        const [writer] = WRITERS;
        const [a, b] = instances;
        if (!writer || !a || !b) throw new Error("no council or instance");
        const afterA = await send(a, writer.channel, "noterat Efter A: Båda svarar.");
        const afterB = await send(b, writer.channel, "beslut Efter B: Båda svarar.");
        expect(afterA.answer).toMatch(/^Noterat #\d+: Efter A$/);
        expect(afterB.answer).toMatch(/^Beslut § \d+ \(#\d+\): Efter B$/);
        writes.sent.push(
          { kind: "note", council: writer.name, subject: "Efter A", ...afterA },
          { kind: "decision", council: writer.name, subject: "Efter B", ...afterB },
        );
        expect(await a.bot.stop()).toEqual({ code: 0, signal: null });
        expect(await b.bot.stop()).toEqual({ code: 0, signal: null });

        // A command slower than Slack's deadline is acknowledged through its response_url.
        for (const entry of writes.sent) {
          if (entry.responseId === undefined) continue;
          const late = slack.responsesTo(entry.responseId).map(({ body }) => answerIn(body));
          entry.answer ??= late.find((answer) => answer !== undefined);
        }
        const answered = writes.sent.filter((entry) => entry.answer !== undefined);
        for (const kind of ["note", "decision", "action"]) {
          expect(answered.filter((entry) => entry.kind === kind).length).toBeGreaterThan(10);
        }
        for (const writer of WRITERS) await expectStoredOnce(inspector, writer.name, writes.sent);
        await expectRemindersSentOnce(inspector, slack);
      } finally {
        await inspector.end();
      }

      // No process logged an error, not even the killed ones before they died.
      const errors = instances
        .flatMap((instance) => instance.history)
        .flatMap((bot) => bot.log.split("\n"))
        .filter((line) => /"level":(50|60)/.test(line));
      expect(errors).toEqual([]);
    });
  },
);

type Send = (
  instance: Instance,
  channel: string,
  text: string,
) => Promise<{ responseId: string; answer?: string }>;

/** `/noterat TEXT` from Eva in the channel, to one instance. */
function commandSender(slack: FakeSlackApi): Send {
  let sequence = 0;
  return async (instance, channel, text) => {
    sequence += 1;
    const responseId = `two-instances-${sequence}`;
    const http = await postToSlackEndpoint(
      `${instance.bot.url}/slack/events`,
      slashCommand({
        teamId: slack.team.id,
        channelId: channel,
        userId: EVA,
        text,
        responseUrl: slack.responseUrl(responseId),
      }),
      { signingSecret: SIGNING_SECRET },
    );
    const answer = answerIn(http.json);
    return answer === undefined ? { responseId } : { responseId, answer };
  };
}

/**
 * The councils, set up over both instances: the writers' without reminders; the reminded ones
 * with an action for each of Anna, Olle and Eva and a meeting whose reminders (to the channel,
 * and each assignee's open actions privately) all fall due at one minute, which it returns.
 */
async function setUpCouncils(instances: Instance[], send: Send): Promise<number> {
  let turn = 0;
  const setUp = async (channel: string, text: string, answer: RegExp) => {
    const instance = instances[turn++ % instances.length];
    if (!instance) throw new Error("no instance");
    expect((await send(instance, channel, text)).answer).toMatch(answer);
  };
  for (const writer of WRITERS) {
    await setUp(writer.channel, `råd ${writer.name}`, /är skapat/);
    await setUp(writer.channel, "påminnelser av", /avstängda/);
    await setUp(writer.channel, "möte idag kl 00:00", /^Möte planerat/);
  }
  for (const { channel, k, name } of REMINDED) {
    await setUp(channel, `råd ${name}`, /är skapat/);
    const settings = `möte ${k}min uppdrag ${k}min sammanfattning av dagtid alltid helger`;
    await setUp(channel, `påminnelser ${settings}`, /^Påminnelserna är ändrade/);
    await setUp(channel, `uppdrag <@${ANNA}> Förbered ${k}`, /^Nytt uppdrag/);
    await setUp(channel, `uppdrag <@${OLLE}> <@${EVA}> Boka lokal ${k}`, /^Nytt uppdrag/);
    const members = MEMBERS.map((id) => `<@${id}>`).join(" ");
    await setUp(channel, `uppdrag ${members} Läs handlingarna ${k}`, /^Nytt uppdrag/);
  }
  // Far enough ahead for the kills, and on a whole minute, as meetings are.
  const remindAt = Math.ceil((Date.now() + MIN_LOAD_MS) / MINUTE) * MINUTE;
  for (const { channel, k } of REMINDED) {
    const local = toLocal(new Date(remindAt + k * MINUTE), ZONE);
    const at = `${isoDate(local)} kl ${pad2(local.hour)}:${pad2(local.minute)}`;
    await setUp(channel, `möte ${at} Rådhuset`, /^Möte planerat/);
  }
  return remindAt;
}

/**
 * Clients writing notes, decisions (every fifth) and actions (every seventh), each to one of
 * the writers' councils, alternating between the instances that are up as a load balancer
 * does. A request that dies with its process is not retried.
 */
class Load {
  readonly sent: Sent[] = [];
  acknowledged = 0;
  interrupted = 0;
  private stopping = false;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    readonly instances: Instance[],
    private readonly send: Send,
  ) {}

  start(): void {
    this.running = Promise.all(Array.from({ length: CLIENTS }, (_, index) => this.client(index)));
  }

  /** Lets every client finish the command it is waiting for. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  private async client(index: number): Promise<void> {
    const writer = WRITERS[index % WRITERS.length];
    if (!writer) return;
    for (let n = 1; !this.stopping; n++) {
      const instance = this.pick(index + n);
      const entry: Sent =
        n % 7 === 0
          ? {
              kind: "action",
              council: writer.name,
              subject: `Uppdrag c${index}-${n}`,
              assignee: n % 2 === 0 ? ANNA : OLLE,
            }
          : {
              kind: n % 5 === 0 ? "decision" : "note",
              council: writer.name,
              subject: `Punkt c${index}-${n}`,
            };
      this.sent.push(entry);
      const text =
        entry.kind === "action"
          ? `uppdrag <@${entry.assignee}> ${entry.subject}`
          : `${entry.kind === "decision" ? "beslut" : "noterat"} ${entry.subject}: Text ${n}.`;
      try {
        Object.assign(entry, await this.send(instance, writer.channel, text));
        if (entry.answer !== undefined) this.acknowledged += 1;
      } catch {
        entry.interrupted = true;
        this.interrupted += 1;
      }
    }
  }

  /** The instance whose turn it is, or the other while it is down. */
  private pick(turn: number): Instance {
    const preferred = this.instances[turn % this.instances.length];
    const instance = preferred?.up ? preferred : this.instances.find((other) => other.up);
    if (!instance) throw new Error("both instances are down");
    return instance;
  }
}

/**
 * Kills until `until`: a seeded victim, after a seeded number of acknowledgements and a seeded
 * few milliseconds, started again while the other instance takes the whole load. Returns how
 * many requests died with each kill.
 */
async function killRounds(
  load: Load,
  until: number,
  env: Record<string, string>,
): Promise<number[]> {
  const random = seededRandom(SEED);
  const interruptedPerRound: number[] = [];
  do {
    const victim = load.instances[Math.floor(random() * load.instances.length)];
    if (!victim) throw new Error("no instance to kill");
    const killAfter = load.acknowledged + 10 + Math.floor(random() * 40);
    const killDelayMs = random() * 25;
    while (load.acknowledged < killAfter) await sleep(2);
    await sleep(killDelayMs);
    const before = load.interrupted;
    victim.up = false;
    expect(await victim.bot.kill9()).toEqual({ code: null, signal: "SIGKILL" });
    victim.bot = await BotProcess.start(env);
    victim.history.push(victim.bot);
    victim.up = true;
    interruptedPerRound.push(load.interrupted - before);
  } while (Date.now() < until);
  return interruptedPerRound;
}

async function untilRemindersSent(db: pg.Client, deadline: number): Promise<void> {
  // Per reminded council: the meeting's, and everyone's open actions.
  const expected = REMINDED.length * (1 + Object.keys(PEOPLE).length);
  while (Date.now() < deadline) {
    const { rows } = await db.query<{ n: string }>(
      `SELECT COUNT(*) AS n FROM "Reminder" WHERE "status" = 'sent'`,
    );
    if (Number(rows[0]?.n) >= expected) return;
    await sleep(250);
  }
}

/**
 * In the council: each acknowledged command once, with the number (and §) its answer gave;
 * nothing else and nothing twice; numbers and § from 1 without gaps; one audit entry each.
 */
async function expectStoredOnce(db: pg.Client, council: string, sent: Sent[]): Promise<void> {
  const { rows: items } = await db.query<{
    id: string;
    ref: number;
    paragraph: number | null;
    subject: string;
  }>(
    `SELECT i."id", i."ref", i."paragraph", i."heading" AS subject FROM "Item" i
     JOIN "Council" c ON c."id" = i."councilId" WHERE c."name" = $1`,
    [council],
  );
  const { rows: actions } = await db.query<{ id: string; ref: number; subject: string }>(
    `SELECT a."id", a."ref", a."text" AS subject FROM "Action" a
     JOIN "Council" c ON c."id" = a."councilId" WHERE c."name" = $1`,
    [council],
  );
  const rows = [...items, ...actions.map((action) => ({ ...action, paragraph: null }))];
  const stored = new Map<string, typeof rows>();
  for (const row of rows) stored.set(row.subject, [...(stored.get(row.subject) ?? []), row]);

  const ours = sent.filter((entry) => entry.council === council);
  const acknowledged = ours.filter((entry) => entry.answer !== undefined);
  expect(acknowledged.filter((entry) => stored.get(entry.subject)?.length !== 1)).toEqual([]);
  for (const entry of acknowledged) {
    const [row] = stored.get(entry.subject) ?? [];
    // When the run crosses midnight, a note names the (yesterday's) meeting it went to.
    const answer = entry.answer?.replace(/ – antecknat i mötet .+$/, "");
    if (entry.kind === "action") {
      const line = `#${row?.ref} ${PEOPLE[entry.assignee ?? ""]}: ${entry.subject}`;
      expect(answer).toMatch(new RegExp(`^Nytt uppdrag\\n${line}( · .*)?$`));
    } else {
      expect(answer).toBe(
        entry.kind === "decision"
          ? `Beslut § ${row?.paragraph} (#${row?.ref}): ${entry.subject}`
          : `Noterat #${row?.ref}: ${entry.subject}`,
      );
    }
  }
  const subjects = new Set(ours.map((entry) => entry.subject));
  expect([...stored.keys()].filter((subject) => !subjects.has(subject))).toEqual([]);
  expect([...stored.values()].filter((same) => same.length > 1)).toEqual([]);
  // Items and actions share the council's numbers; decisions take its § (one year).
  const refs = rows.map((row) => row.ref).sort((x, y) => x - y);
  expect(refs).toEqual(refs.map((_, i) => i + 1));
  const paragraphs = rows.flatMap((row) => (row.paragraph === null ? [] : [row.paragraph]));
  expect(paragraphs.sort((x, y) => x - y)).toEqual(paragraphs.map((_, i) => i + 1));
  const { rows: audited } = await db.query<{ entityId: string; n: string }>(
    `SELECT "entityId", COUNT(*) AS n FROM "AuditEntry"
     WHERE "entityType" IN ('item', 'action') AND "action" = 'created'
       AND "councilId" = (SELECT "id" FROM "Council" WHERE "name" = $1)
     GROUP BY "entityId"`,
    [council],
  );
  expect(new Map(audited.map((row) => [row.entityId, Number(row.n)]))).toEqual(
    new Map(rows.map((row) => [row.id, 1])),
  );
}

/**
 * Every reminder of the minute claimed once and sent; Slack got exactly the messages the rows
 * name as sent (none twice, none without a row) and each reminder's text once.
 */
async function expectRemindersSentOnce(db: pg.Client, slack: FakeSlackApi): Promise<void> {
  const { rows } = await db.query<{ row: string; sentRef: string | null }>(
    `SELECT c."name" || ' ' || r."kind" || ' ' || COALESCE(p."externalId", 'channel') || ' '
       || r."status" || ' ' || r."attempts" AS row, r."sentRef"
     FROM "Reminder" r JOIN "Council" c ON c."id" = r."councilId"
     LEFT JOIN "Person" p ON r."recipient" = 'person:' || p."id"`,
  );
  // Each row once, sent at its first claim.
  expect(rows.map(({ row }) => row).sort()).toEqual(
    REMINDED.flatMap(({ name }) => [
      `${name} meeting channel sent 1`,
      ...Object.keys(PEOPLE).map((person) => `${name} prep ${person} sent 1`),
    ]).sort(),
  );

  const places = [...REMINDED.map(({ channel }) => channel), ...Object.keys(PEOPLE).map(dmOf)];
  const posted = places.flatMap((place) => slack.messagesIn(place));
  expect(slack.callsTo("chat.postMessage")).toHaveLength(posted.length);
  expect(posted.map((message) => `${message.channel}:${message.ts}`).sort()).toEqual(
    [...new Set(rows.map((row) => row.sentRef))].sort(),
  );
  const once = (place: string, text: string) =>
    expect(slack.messagesIn(place).filter((message) => message.text?.includes(text))).toHaveLength(
      1,
    );
  for (const { channel, k, name } of REMINDED) {
    once(channel, `Påminnelse: ${name} har möte ${k === 1 ? "om en minut" : `om ${k} minuter`}`);
    for (const person of Object.keys(PEOPLE)) once(dmOf(person), `Inför mötet med ${name}`);
  }
}

/** The text of an answer ("Noterat #12: Punkt c1-3"), if it is a message. */
function answerIn(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null || !("text" in body)) return undefined;
  const text = String(body.text);
  return text === "" ? undefined : text;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
