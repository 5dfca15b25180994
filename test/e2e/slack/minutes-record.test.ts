import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createReminderTick } from "../../../src/scheduler/reminder-tick.js";
import {
  CHANNEL,
  callMessage,
  dmOf,
  findButton,
  PEOPLE,
  SlackAppHarness,
  type SlackMessageBody,
  textOf,
} from "../../support/slack-app-harness.js";

// Approved minutes are a record (architecture.md §11), on Slack end to end: once published, the post
// stays byte for byte what was approved while its actions are completed and postponed (typed,
// and with the buttons of a reminder in a DM), while actions are given between meetings and a
// new meeting is planned; publishing again leaves it as it is. Only a change to the meeting's
// own content reopens it, and the post approved and published again says "Rättad".

const { eva, olle, anna, per } = PEOPLE;
const logger = pino({ level: process.env.NOTERAT_TEST_LOG ?? "silent" });

const TITLE = "Noterat från Regionala samverkansrådet 14 april";
const PUBLISHED = `”${TITLE}” är publicerad i 1 av 1 kanal.`;
const CHECKSUM_LINE = /^Kontrollsumma \(SHA-256\): ([0-9a-f]{64})$/;

/** Wednesday 15 April 2026, 09:00 in Stockholm: the morning #3 and #4 are due. */
const WEDNESDAY_0900 = "2026-04-15T07:00:00Z";

/** The one mrkdwn text of a context block, or undefined for any other block. */
function contextText(block: unknown): string | undefined {
  const { type, elements } = (block ?? {}) as { type?: unknown; elements?: unknown };
  if (type !== "context" || !Array.isArray(elements) || elements.length !== 1) return undefined;
  const [element] = elements as Array<{ text?: unknown }>;
  return typeof element?.text === "string" ? element.text : undefined;
}

/** The same bytes as Slack received them: the blocks' JSON, key order included. */
function json(value: unknown): string {
  return JSON.stringify(value);
}

describe("published minutes on Slack are a record", () => {
  let h: SlackAppHarness;
  /** The post as it was first published in the council's channel. */
  let post: SlackMessageBody;
  let postTs: string;

  const meeting = () =>
    h.prisma.meeting.findFirstOrThrow({ where: { startsAt: new Date("2026-04-14T11:00:00Z") } });

  beforeEach(async () => {
    // Tuesday 14 April 2026, 11:00 in Stockholm; the meeting is at 13:00 today.
    h = await SlackAppHarness.start();
    await h.command(eva.id, "råd Regionala samverkansrådet");
    await h.command(eva.id, `roll <@${olle.id}> ordförande`);
    await h.command(eva.id, "möte idag kl 13:00 Sundsvall");
    await h.command(eva.id, "noterat Kollektivtrafik: Rådet informerades om tidplanen.");
    await h.command(
      eva.id,
      "beslut Regional exportsamverkan: Regionen tackar ja till erbjudandet.",
    );
    await h.command(eva.id, `uppdrag <@${olle.id}> Skicka remissvaret senast 2026-04-15`); // #3
    await h.command(eva.id, `uppdrag <@${olle.id}> Boka lokal senast 2026-04-15`); // #4
    await h.command(eva.id, `uppdrag <@${anna.id}> Ring regionen senast 2026-04-30`); // #5
    expect((await h.command(olle.id, "justera")).text).toMatch(/Kontrollsumma [0-9a-f]{12}\.$/);
    expect((await h.command(eva.id, "publicera")).text).toBe(PUBLISHED);

    const [call, ...others] = h.fake.callsTo("chat.postMessage");
    expect(others).toEqual([]);
    expect(call?.args.channel).toBe(CHANNEL);
    post = callMessage(call ?? { method: "", args: {} });
    postTs = h.fake.messagesIn(CHANNEL)[0]?.ts ?? "";
    expect(postTs).not.toBe("");
  });
  afterEach(async () => {
    await h.stop();
  });

  /** The meeting's record is as it was published: one approval, the same snapshot, no reopen. */
  async function expectStillPublished(): Promise<void> {
    const row = await meeting();
    expect(row.minutesStatus).toBe("published");
    expect(row.correctedAt).toBeNull();
    expect(row.publishedSnapshotId).toBe(row.approvedSnapshotId);
    expect(await h.prisma.minutesSnapshot.count()).toBe(1);
    expect(await h.prisma.minutesApproval.count({ where: { voidedAt: null } })).toBe(1);
    expect(await h.prisma.auditEntry.count({ where: { action: "reopened" } })).toBe(0);
  }

  /**
   * `publicera 14 april` again: the post in the channel is edited with exactly the blocks it was
   * first posted with (or left alone), and nothing new is posted.
   */
  async function expectRepublishedUnchanged(): Promise<void> {
    await expectStillPublished();
    const updates = h.fake.callsTo("chat.update").length;
    const posts = h.fake.callsTo("chat.postMessage").filter((c) => c.args.channel === CHANNEL);
    expect((await h.command(eva.id, "publicera 14 april")).text).toBe(PUBLISHED);
    for (const update of h.fake.callsTo("chat.update").slice(updates)) {
      expect(update.args).toMatchObject({ channel: CHANNEL, ts: postTs, text: post.text });
      expect(json(update.args.blocks)).toBe(json(post.blocks));
    }
    expect(h.fake.callsTo("chat.postMessage").filter((c) => c.args.channel === CHANNEL)).toEqual(
      posts,
    );
    expect(h.fake.callsTo("chat.delete")).toEqual([]);
    expect(h.fake.messagesIn(CHANNEL).map((message) => message.ts)).toEqual([postTs]);
    expect(json(h.fake.message(CHANNEL, postTs)?.blocks)).toBe(json(post.blocks));
    await expectStillPublished();
  }

  it("publishes the approved snapshot: the stamp, no correction mark, the full checksum last", async () => {
    const snapshot = await h.prisma.minutesSnapshot.findFirstOrThrow();
    expect(post.text).toBe(TITLE);
    expect(post.blocks[0]).toMatchObject({ type: "header", text: { text: TITLE } });
    expect(contextText(post.blocks[1])).toBe("2026-04-14 11:00");
    expect(textOf([post])).not.toContain("Rättad");
    expect(contextText(post.blocks.at(-1))).toBe(`Kontrollsumma (SHA-256): ${snapshot.sha256}`);
    // The actions as decided at the meeting.
    expect(textOf([post])).toContain("Olle: Skicka remissvaret (senast 15 april)");
    expect(textOf([post])).toContain("Anna B: Ring regionen (senast 30 april)");
  });

  it("stays byte for byte the same through done and postpone (typed and from the reminder's buttons), a later action and a new meeting", async () => {
    // Typed by the assignee in the channel.
    expect((await h.command(anna.id, "skjut upp 5")).status).toBe(200);
    expect((await h.command(anna.id, "klar 5")).text).toContain("Klart, markerat av Anna B");
    expect(await h.prisma.action.findFirstOrThrow({ where: { ref: 5 } })).toMatchObject({
      status: "done",
      dueAt: new Date("2026-05-06T22:00:00Z"),
    });
    await expectRepublishedUnchanged();

    // The next morning the reminder in Olle's DM, and his clicks on its buttons there.
    const run = createReminderTick({
      deps: h.deps,
      notifier: h.surface.notifier,
      platforms: ["slack"],
      logger,
      instance: "e2e",
    });
    await run(new Date("2026-04-14T09:05:00Z"));
    h.clock.set(WEDNESDAY_0900);
    expect(await run(new Date(WEDNESDAY_0900))).toMatchObject({ sent: 1, failed: 0 });
    const reminder = h.fake.callsTo("chat.postMessage").find((c) => c.args.channel === olle.id);
    const dm = callMessage(reminder ?? { method: "", args: {} });
    const where = {
      channelId: dmOf(olle.id),
      messageTs: h.fake.messagesIn(dmOf(olle.id))[0]?.ts ?? "",
      ephemeral: false,
    };
    const done = await h.click(
      olle.id,
      findButton([dm], { label: "Klar", command: "done 3" }),
      where,
    );
    expect(done.text).toContain("Klart, markerat av Olle");
    const later = findButton([dm], { label: "Skjut upp en vecka", command: "postpone 4" });
    expect((await h.click(olle.id, later, where)).status).toBe(200);
    const [three, four] = await h.prisma.action.findMany({
      where: { ref: { in: [3, 4] } },
      orderBy: { ref: "asc" },
    });
    expect(three?.status).toBe("done");
    expect(four?.dueAt).toEqual(new Date("2026-04-21T22:00:00Z"));
    await expectRepublishedUnchanged();

    // A week later, a day without a meeting: an action of the council, and one tied to § 1.
    h.clock.set("2026-04-21T08:00:00Z");
    const between = await h.command(eva.id, `uppdrag <@${per.id}> Boka lokal för hösten`);
    expect(between.text).toContain("#6 Per Persson: Boka lokal för hösten");
    const tied = await h.command(eva.id, `uppdrag #2 <@${anna.id}> Följ upp exportsamverkan`);
    expect(tied.text).toContain("#7 Anna B: Följ upp exportsamverkan");
    const item = await h.prisma.item.findFirstOrThrow({ where: { ref: 2 } });
    const given = await h.prisma.action.findMany({
      where: { ref: { in: [6, 7] } },
      orderBy: { ref: "asc" },
    });
    expect(given.map((action) => [action.meetingId, action.itemId])).toEqual([
      [null, null],
      [null, item.id],
    ]);
    await expectRepublishedUnchanged();

    // The next meeting planned, with its agenda and documents.
    await h.command(eva.id, "möte 2026-05-19 kl 13:00 Härnösand");
    await h.command(eva.id, "punkt Budget 2028");
    await h.command(eva.id, "handlingar https://example.se/radet/handlingar-maj");
    const next = await h.prisma.meeting.findFirstOrThrow({
      where: { startsAt: new Date("2026-05-19T11:00:00Z") },
    });
    expect(next.documentsUrl).toBe("https://example.se/radet/handlingar-maj");
    expect((await meeting()).documentsUrl).toBeNull();
    await expectRepublishedUnchanged();
    // The post never learnt of the meeting planned after it was approved.
    expect(textOf([post])).not.toContain("19 maj");
  });

  it("reopens on a change to an item, voids the approval, and the post published again says Rättad under the stamp", async () => {
    const first = await h.prisma.minutesSnapshot.findFirstOrThrow();
    // Done and postponed first: the new approval still records the actions as decided.
    await h.command(olle.id, "klar 3");
    await h.command(olle.id, "skjut upp 4");

    h.clock.set("2026-04-15T07:30:00Z");
    const edited = await h.command(eva.id, "ändra 1 Kollektivtrafik: Ny tidplan i maj.");
    expect(edited.text).toBe("Ändrat #1.");
    expect((await meeting()).minutesStatus).toBe("draft");
    const [voided] = await h.prisma.minutesApproval.findMany();
    expect(voided?.voidedAt).toEqual(new Date("2026-04-15T07:30:00Z"));
    const reopened = await h.prisma.auditEntry.findFirstOrThrow({ where: { action: "reopened" } });
    expect(JSON.parse(reopened.after ?? "{}")).toMatchObject({
      cause: { entityType: "item", ref: 1, change: "changed" },
    });

    // Until the change is approved, the post stays as it was.
    expect((await h.command(eva.id, "publicera 14 april")).text).toContain("inte justerade");
    expect(h.fake.callsTo("chat.update")).toEqual([]);
    expect(json(h.fake.message(CHANNEL, postTs)?.blocks)).toBe(json(post.blocks));

    const approved = await h.command(olle.id, "justera 14 april");
    const short = /Kontrollsumma ([0-9a-f]{12})\.$/.exec(approved.text)?.[1];
    expect(short).toBeDefined();
    expect(short).not.toBe(first.sha256.slice(0, 12));
    h.clock.set("2026-04-15T08:05:00Z");
    expect((await h.command(eva.id, "publicera 14 april")).text).toBe(PUBLISHED);

    const [update, ...more] = h.fake.callsTo("chat.update");
    expect(more).toEqual([]);
    expect(update?.args).toMatchObject({ channel: CHANNEL, ts: postTs });
    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(1);
    const corrected = callMessage(update ?? { method: "", args: {} });
    // Title and stamp as first published, then the correction mark as a context block.
    expect(json(corrected.blocks.slice(0, 2))).toBe(json(post.blocks.slice(0, 2)));
    expect(corrected.blocks[2]).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: "Rättad 2026-04-15 10.05", verbatim: true }],
    });
    const checksum = CHECKSUM_LINE.exec(contextText(corrected.blocks.at(-1)) ?? "")?.[1];
    const second = await h.prisma.minutesSnapshot.findFirstOrThrow({
      where: { id: { not: first.id } },
    });
    expect(checksum).toBe(second.sha256);
    expect(second.sha256.slice(0, 12)).toBe(short);
    const shown = textOf([corrected]);
    expect(shown).toContain("Ny tidplan i maj.");
    expect(shown).not.toContain("Rådet informerades om tidplanen.");
    expect(shown).toContain("Olle: Skicka remissvaret (senast 15 april)");
    expect(shown).toContain("Olle: Boka lokal (senast 15 april)");
    expect(json(h.fake.message(CHANNEL, postTs)?.blocks)).toBe(json(corrected.blocks));

    // Publishing the same approval again later changes nothing, the correction mark included.
    h.clock.set("2026-04-16T09:00:00Z");
    expect((await h.command(eva.id, "publicera 14 april")).text).toBe(PUBLISHED);
    for (const again of h.fake.callsTo("chat.update").slice(1)) {
      expect(json(again.args.blocks)).toBe(json(corrected.blocks));
    }
    expect(json(h.fake.message(CHANNEL, postTs)?.blocks)).toBe(json(corrected.blocks));
  });
});
