import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/store/database.js";
import { createStore } from "../../src/store/store.js";
import { ChatSession } from "../support/chat-session.js";
import { FixedClock } from "../support/console-harness.js";
import { type RunningMain, startMain } from "../support/main-process.js";
import { createTempDatabaseUrl, onPostgres } from "../support/temp-database.js";

// What SQLite's single writer hid (architecture.md §14): commands writing to one database at once.
// On PostgreSQL through two instances' connections (each its own pool), as behind a load
// balancer. SQLite is one instance's database (§8): its writers share that instance's
// connection — two in one thread could not even take turns, since better-sqlite3 waits for
// SQLite's lock synchronously. And search, which differs per dialect, with what it must never
// do on either.

const NOW = "2026-03-02T08:00:00Z"; // Monday 2 March, 09:00 in Stockholm

describe("concurrent writers", () => {
  let removeDatabase: () => Promise<void>;
  let databases: Database[];

  beforeEach(async () => {
    const created = await createTempDatabaseUrl();
    removeDatabase = created.remove;
    const first = await openDatabase(created.url);
    databases = onPostgres ? [first, await openDatabase(created.url)] : [first];
  });

  afterEach(async () => {
    for (const database of databases) await database.close();
    await removeDatabase();
  });

  it("numbers decisions, notes and actions given at once uniquely and without gaps", async () => {
    const clock = new FixedClock(NOW);
    const sessions = [0, 1].map(
      (i) =>
        new ChatSession(createStore(databases[i % databases.length] as Database), clock, "reglab"),
    );
    const [first] = sessions as [ChatSession];
    await first.say("Eva", "råd Reglab");
    await first.say("Eva", "roll @Olle sekreterare");
    await first.say("Eva", "möte idag kl 10");

    const commands = Array.from({ length: 60 }, (_, i) => {
      const user = i % 3 === 0 ? "Olle" : "Eva";
      if (i % 5 === 3) return { user, text: `noterat Not ${i}: text` };
      if (i % 5 === 4) return { user, text: `uppdrag @Anna Uppdrag ${i}` };
      return { user, text: `beslut Beslut ${i}: text` };
    });
    const replies = await Promise.all(
      commands.map(({ user, text }, i) =>
        (sessions[i % 2] as ChatSession).say(user, text).then((said) => said.text),
      ),
    );

    expect(
      replies.filter((reply) => !/^(Beslut § \d+ |Noterat #|Nytt uppdrag)/.test(reply)),
    ).toEqual([]);
    const { prisma } = databases[0] as Database;
    const items = await prisma.item.findMany();
    const actions = await prisma.action.findMany();
    const decisions = items.filter((item) => item.kind === "decision");
    const count = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    const ascending = (numbers: Array<number | null>) => numbers.map(Number).sort((a, b) => a - b);
    expect(ascending(decisions.map((item) => item.paragraph))).toEqual(count(36));
    expect(ascending([...items, ...actions].map((entry) => entry.ref))).toEqual(count(60));
    expect(ascending(items.map((item) => item.position))).toEqual(count(items.length));
    // Each answer gave the § and the number that were stored.
    for (const decision of decisions) {
      expect(replies).toContain(
        `Beslut § ${decision.paragraph} (#${decision.ref}): ${decision.heading}`,
      );
    }
  });
});

describe("two instances on one database", () => {
  // Two real programs, each with its own connection, as two instances behind a load balancer
  // (or two started on one SQLite file). In one process two SQLite connections cannot take
  // turns (see above); across processes SQLite's lock and busy timeout make them.
  const PER_INSTANCE = 40;
  let mains: RunningMain[] = [];
  let removeDatabase: (() => Promise<void>) | undefined;
  afterEach(async () => {
    // Ended also when the test failed half-way (end() after exit is a no-op).
    await Promise.all(mains.map((main) => main.end()));
    mains = [];
    await removeDatabase?.();
    removeDatabase = undefined;
  });

  it("numbers decisions given through both at once uniquely and without gaps", {
    timeout: 180_000,
  }, async () => {
    const created = await createTempDatabaseUrl();
    removeDatabase = created.remove;
    const env = { DATABASE_URL: created.url, REMINDER_SCHEDULE: "off" };
    const first = startMain({ ...env, LOCAL_USER: "Eva" });
    const second = startMain({ ...env, LOCAL_USER: "Olle" });
    mains = [first, second];
    // Eva makes the council (she is its secretary) and Olle a second secretary; then both are
    // ready and give their decisions at the same moment.
    first.write("råd Reglab", "roll @Olle sekreterare", "möte idag kl 10", "/som Eva");
    await first.waitForOutput("Du skriver nu som Eva.");
    second.write("/som Olle");
    await second.waitForOutput("Du skriver nu som Olle.");

    const decisions = (who: string) =>
      Array.from({ length: PER_INSTANCE }, (_, i) => `beslut ${who} ${i + 1}: Rådet beslutar.`);
    first.write(...decisions("Eva"));
    second.write(...decisions("Olle"));
    const stopped = await Promise.all([first.end(), second.end()]);

    const answers: Array<{ paragraph: number; ref: number; heading: string }> = [];
    for (const { code, stderr, stdout } of stopped) {
      expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
      for (const [, paragraph, ref, heading] of stdout.matchAll(
        /^Beslut § (\d+) \(#(\d+)\): (.+)$/gm,
      )) {
        answers.push({ paragraph: Number(paragraph), ref: Number(ref), heading: String(heading) });
      }
    }
    const database = await openDatabase(created.url);
    try {
      const items = await database.prisma.item.findMany({ where: { kind: "decision" } });
      const stored = items.map(({ paragraph, ref, heading }) => ({
        paragraph: Number(paragraph),
        ref,
        heading,
      }));
      const byParagraph = <T extends { paragraph: number }>(list: T[]) =>
        [...list].sort((a, b) => a.paragraph - b.paragraph);
      // Each answer gave the § and the number that were stored, and all of them are there.
      expect(byParagraph(answers)).toEqual(byParagraph(stored));
      const count = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
      expect(stored.map((item) => item.paragraph).sort((a, b) => a - b)).toEqual(
        count(2 * PER_INSTANCE),
      );
      expect(stored.map((item) => item.ref).sort((a, b) => a - b)).toEqual(count(2 * PER_INSTANCE));
      // The two wrote at the same time: neither one's decisions took one block of §.
      const paragraphsOf = (who: string) =>
        stored.filter((item) => item.heading.startsWith(`${who} `)).map((item) => item.paragraph);
      const [eva, olle] = [paragraphsOf("Eva"), paragraphsOf("Olle")];
      expect(Math.min(...eva)).toBeLessThan(Math.max(...olle));
      expect(Math.min(...olle)).toBeLessThan(Math.max(...eva));
    } finally {
      await database.close();
    }
  });
});

describe("search", () => {
  let removeDatabase: () => Promise<void>;
  let database: Database;
  const clock = new FixedClock(NOW);
  const session = (channel: string, locale: "sv" | "en" = "sv") =>
    new ChatSession(createStore(database), clock, channel, locale);
  const say = async (chat: ChatSession, text: string) => (await chat.say("Eva", text)).text;

  beforeEach(async () => {
    let url: string;
    ({ url, remove: removeDatabase } = await createTempDatabaseUrl());
    database = await openDatabase(url);
  });

  afterEach(async () => {
    await database.close();
    await removeDatabase();
  });

  it("never returns another council's items", async () => {
    const reglab = session("reglab");
    const radet = session("radet");
    for (const [chat, name] of [
      [reglab, "Reglab"],
      [radet, "Samverkansrådet"],
    ] as const) {
      await say(chat, `råd ${name}`);
      await say(chat, "möte idag kl 10");
      await say(chat, `noterat Budget: ${name} gick igenom budgeten.`);
    }
    expect(await say(reglab, "sök budget")).toContain("Reglab gick igenom budgeten.");
    expect(await say(reglab, "sök budget")).not.toContain("Samverkansrådet");
    expect(await say(radet, "sök budget")).not.toContain("Reglab");
    expect(await say(reglab, "sök Samverkansrådet")).toContain("Inga träffar");
  });

  it("reads quotes, backslashes and query operators in a search as words, never as syntax", async () => {
    const chat = session("reglab");
    await say(chat, "råd Reglab");
    await say(chat, "möte idag kl 10");
    await say(chat, "noterat Budget: O'Brien och \\ backslash");
    expect(await say(chat, `sök "O'Brien" \\ (budget) & | ! : * <->`)).toContain("O'Brien och");
    // The store is given words as they come (the command keeps letters and digits only): a
    // word that were read as query syntax would throw here.
    const store = createStore(database);
    const { id } = await database.prisma.council.findFirstOrThrow();
    for (const word of ['"', "'", "\\", "\\'", "O'Brien", "a&b|c!(d):*", "<->", '"OR*', "NEAR("]) {
      await store.search.search(id, [word], 10);
      await store.search.search(id, ["budget", word], 10);
    }
  });

  it.runIf(onPostgres)(
    "stems Swedish in a Swedish council: valideringen finds validering",
    async () => {
      const chat = session("reglab");
      await say(chat, "råd Reglab");
      await say(chat, "möte idag kl 10");
      await say(chat, "noterat Validering: Rutiner för validering av data.");
      expect(await say(chat, "sök valideringen")).toContain("Rutiner för validering av data.");
    },
  );

  it.runIf(onPostgres)("stems English in an English council", async () => {
    const chat = session("board", "en");
    await say(chat, "council Board");
    await say(chat, "meeting today at 10");
    await say(chat, "note Budget: The board approved the budget policy.");
    expect(await say(chat, "search approving policies")).toContain("approved the budget policy");
    // Swedish stemming is the Swedish councils': here "valideringen" is just a word.
    await say(chat, "note Data: Validering av data.");
    expect(await say(chat, "search valideringen")).not.toContain("Validering av data.");
  });
});
