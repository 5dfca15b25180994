import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createReminderTick } from "../../../src/scheduler/reminder-tick.js";
import {
  buttonsIn,
  CHANNEL,
  callMessage,
  dmOf,
  findButton,
  PEOPLE,
  SlackAppHarness,
  textOf,
} from "../../support/slack-app-harness.js";

// architecture.md §5 on Slack: the reminder tick, on a fixed clock, sends through the Slack surface's
// notifier to the fake Web API: the meeting reminder to the council's channel, each
// assignee's actions to their DM, one message each (the agenda item is #1, the actions #2–#4). The buttons in the DM work as anywhere.

const { eva, olle, anna } = PEOPLE;
const logger = pino({ level: process.env.NOTERAT_TEST_LOG ?? "silent" });

/** Wednesday 15 April 2026, 09:00 in Stockholm: a week before the meeting; #2 and #3 due. */
const WEDNESDAY_0900 = new Date("2026-04-15T07:00:00Z");
const THURSDAY_0900 = new Date("2026-04-16T07:00:00Z");

describe("reminders on Slack", () => {
  let h: SlackAppHarness;

  beforeEach(async () => {
    // Tuesday 14 April 2026, 11:00 in Stockholm.
    h = await SlackAppHarness.start();
    await h.command(eva.id, "råd Reglab");
    await h.command(eva.id, "möte 2026-04-22 kl 13:00 Sundsvall");
    await h.command(eva.id, "punkt Budget 2027");
    await h.command(eva.id, "handlingar https://example.se/reglab/handlingar");
    await h.command(eva.id, `uppdrag <@${olle.id}> Skicka remissvaret senast 2026-04-15`);
    await h.command(eva.id, `uppdrag <@${olle.id}> Boka lokal senast 2026-04-15`);
    await h.command(eva.id, `uppdrag <@${anna.id}> Ring regionen senast 2026-04-30`);
  });
  afterEach(async () => {
    await h.stop();
  });

  const tick = () =>
    createReminderTick({
      deps: h.deps,
      notifier: h.surface.notifier,
      platforms: ["slack"],
      logger,
      instance: "e2e",
    });

  it("posts the meeting reminder in the channel and each assignee's actions in their DM; Klar and Skjut upp work there", async () => {
    const run = tick();
    // The first tick of an installation plans from a minute back: nothing yet.
    expect((await run(new Date("2026-04-14T09:05:00Z"))).claimed).toBe(0);
    h.fake.clear();

    const report = await run(WEDNESDAY_0900);
    // Two outbox rows: the channel's, and Olle's two due actions in one.
    expect(report).toMatchObject({ sent: 2, retried: 0, failed: 0 });
    const posts = h.fake.callsTo("chat.postMessage");
    expect(posts.map((call) => call.args.channel).sort()).toEqual([CHANNEL, olle.id]);

    const postTo = (channel: string) => {
      const call = posts.find((candidate) => candidate.args.channel === channel);
      if (!call) throw new Error(`nothing posted to ${channel}`);
      return callMessage(call);
    };
    const meeting = postTo(CHANNEL);
    const meetingText = textOf([meeting]);
    expect(meetingText).toContain("Reglab");
    expect(meetingText).toContain("Budget 2027");
    expect(meetingText).toContain("https://example.se/reglab/handlingar");
    // The agenda begins with the follow-up of actions, each with its Klar button (architecture.md §11).
    expect(meetingText).toContain("Uppföljning av uppdrag: öppna (3)");
    expect(meetingText).toContain("#4 Anna B: Ring regionen – senast 30 april · utanför möte");
    expect(
      buttonsIn([meeting])
        .filter((button) => button.label === "Klar")
        .map((b) => b.command),
    ).toEqual(["done 2", "done 3", "done 4"]);

    // Both of Olle's actions due today, in one message, each with its two buttons.
    const dm = postTo(olle.id);
    expect(textOf([dm])).toContain("Skicka remissvaret");
    expect(textOf([dm])).toContain("Boka lokal");
    expect(buttonsIn([dm]).map((button) => [button.label, button.command])).toEqual([
      ["Klar", "done 2"],
      ["Skjut upp en vecka", "postpone 2"],
      ["Klar", "done 3"],
      ["Skjut upp en vecka", "postpone 3"],
    ]);
    // Nothing for Anna: her action is due in two weeks.
    expect(posts.some((call) => call.args.channel === anna.id)).toBe(false);
    const rows = await h.prisma.reminder.findMany({ where: { status: "sent" } });
    expect(rows).toHaveLength(2);
    const dmPost = h.fake.messagesIn(dmOf(olle.id))[0];
    const [dueRow] = rows.filter((row) => row.kind === "due");
    expect(dueRow?.sentRef).toBe(`${dmOf(olle.id)}:${dmPost?.ts}`);
    const [first, second] = await h.prisma.action.findMany({ orderBy: { ref: "asc" } });
    expect(JSON.parse(dueRow?.payload ?? "{}").actions).toEqual([
      { actionId: first?.id, due: "2026-04-15" },
      { actionId: second?.id, due: "2026-04-15" },
    ]);

    // Clicked in the DM, as Slack sends it: the message is the bot's, not ephemeral.
    const where = { channelId: dmOf(olle.id), messageTs: dmPost?.ts ?? "", ephemeral: false };
    const done = await h.click(olle.id, findButton([dm], { command: "done 2" }), where);
    expect(done.text).toContain("Klart, markerat av Olle");
    const later = await h.click(olle.id, findButton([dm], { command: "postpone 3" }), where);
    expect(later.status).toBe(200);
    const [doneAction, postponed] = await h.prisma.action.findMany({ orderBy: { ref: "asc" } });
    expect(doneAction?.status).toBe("done");
    expect(postponed?.status).toBe("open");
    expect(postponed?.dueAt?.toISOString()).toBe("2026-04-21T22:00:00.000Z");

    // The next morning: #2 is done and #3 is no longer overdue; nothing goes to Olle.
    h.fake.clear();
    const next = await run(THURSDAY_0900);
    expect(next.failed).toBe(0);
    expect(h.fake.callsTo("chat.postMessage").filter((c) => c.args.channel === olle.id)).toEqual(
      [],
    );
    expect(
      (await h.prisma.reminder.findMany({ where: { kind: { in: ["due", "overdue"] } } })).map(
        (row) => [row.kind, row.status],
      ),
    ).toEqual([["due", "sent"]]);
  });

  it("gives up with Slack's error code when Slack refuses, one attempt each", async () => {
    const run = tick();
    await run(new Date("2026-04-14T09:05:00Z"));
    h.fake.failNext("chat.postMessage", { error: "channel_not_found" }, 2);
    expect(await run(WEDNESDAY_0900)).toMatchObject({ sent: 0, failed: 2, retried: 0 });
    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(2);
    const rows = await h.prisma.reminder.findMany();
    expect(rows.map((row) => [row.status, row.lastError])).toEqual([
      ["failed", "channel_not_found"],
      ["failed", "channel_not_found"],
    ]);
    expect((await run(new Date("2026-04-15T08:00:00Z"))).claimed).toBe(0);
  });

  it("hands a 429 back to the outbox at once, and sends after Retry-After", async () => {
    const run = tick();
    await run(new Date("2026-04-14T09:05:00Z"));
    h.fake.failNext("chat.postMessage", { status: 429, retryAfter: 120 }, 2);
    // One attempt each in this tick: the client does not pause 120 s inside it.
    expect(await run(WEDNESDAY_0900)).toMatchObject({ sent: 0, failed: 0, retried: 2 });
    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(2);
    const rows = await h.prisma.reminder.findMany();
    expect(rows.map((row) => [row.status, row.lastError, row.nextAttemptAt.toISOString()])).toEqual(
      Array(2).fill(["pending", "slack_webapi_rate_limited_error", "2026-04-15T07:02:00.000Z"]),
    );
    // Retry-After (2 minutes) outweighs the first back-off (1 minute).
    expect((await run(new Date("2026-04-15T07:01:00Z"))).claimed).toBe(0);
    expect(await run(new Date("2026-04-15T07:02:00Z"))).toMatchObject({ sent: 2 });
    const delivered = h.fake.callsTo("chat.postMessage").filter((call) => !call.injected);
    expect(delivered.map((call) => call.args.channel).sort()).toEqual([CHANNEL, olle.id]);
  });
});
