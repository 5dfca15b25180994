import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NAME_LIMIT } from "../../src/domain/display-name.js";
import { ChatSession } from "../support/chat-session.js";
import { FixedClock, runScript } from "../support/console-harness.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

// How people are named in the console: a mention is how the writer typed the name, and never
// renames someone stored; names are one short line, as on Slack and Teams.

describe("names in the console", () => {
  let db: TempDatabase;
  let clock: FixedClock;
  beforeEach(async () => {
    db = await openTempDatabase();
    clock = new FixedClock("2026-05-20T08:00:00Z");
  });
  afterEach(async () => {
    await db.cleanup();
  });

  const storedNames = async () =>
    (await db.database.prisma.person.findMany({ orderBy: { externalId: "asc" } })).map(
      (person) => person.displayName,
    );

  it("keeps a stored name when a mention writes it otherwise", async () => {
    const chat = new ChatSession(db.store, clock, "reglab");
    await chat.say("Eva", "råd Reglab");
    await chat.say("Eva", "möte idag kl 13");
    await chat.say("Eva", "ledamot @Anna");
    expect(await storedNames()).toEqual(["Anna", "Eva"]);

    const assigned = await chat.say("Eva", "uppdrag @anna Skicka förslaget");
    expect(assigned.text).toContain("Anna");
    expect(await storedNames()).toEqual(["Anna", "Eva"]);
    // The person writing is named as they write: that is how a name changes.
    await chat.say("ANNA", "mina");
    await chat.say("Eva", "uppdrag @anna Ring kansliet");
    expect(await storedNames()).toEqual(["ANNA", "Eva"]);
  });

  it("cuts a long name, the writer's own or a mentioned one", async () => {
    const long = `L${"å".repeat(300)}`;
    await runScript(
      db.store,
      clock,
      ["råd Reglab", "möte idag kl 13", `ledamot @M${"e".repeat(300)}`],
      {
        user: long,
      },
    );
    const names = await storedNames();
    expect(names).toEqual([long.slice(0, NAME_LIMIT), `M${"e".repeat(NAME_LIMIT - 1)}`]);
  });
});
