import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FakeSlackCall } from "../../support/fake-slack-api.js";
import { isRecord } from "../../support/fake-slack-blocks.js";
import {
  CHANNEL,
  callMessage,
  PEOPLE,
  SlackAppHarness,
  textOf,
  textsIn,
} from "../../support/slack-app-harness.js";

// architecture.md §4: a post bigger than one Slack message is split, never cut: the first message
// in the channel, the rest as replies in its thread, each within Slack's limits (the fake
// refuses a message that is not, as Slack does). Publishing again edits the messages and
// deletes those no longer needed.

const { eva, olle } = PEOPLE;
const ITEMS = 200;

/** Text with characters that grow when escaped, so limits are met on what is sent. */
function itemText(index: number): string {
  const filler = "Rådet informerades om läget & tidplanen <2027>. ".repeat(
    index % 7 === 0 ? 60 : 8,
  );
  return `Text ${index}: ${filler.trim()}`;
}

describe("minutes longer than one Slack message", () => {
  let h: SlackAppHarness;

  beforeEach(async () => {
    h = await SlackAppHarness.start();
    await h.command(eva.id, "råd Regionala samverkansrådet");
    await h.command(eva.id, "möte idag kl 13:00");
    await h.command(eva.id, `roll <@${olle.id}> ordförande`);
  });
  afterEach(async () => {
    await h.stop();
  });

  /** Items stored through the store, as the commands would store them (quicker for 200). */
  async function recordItems(count: number): Promise<void> {
    const meeting = await h.prisma.meeting.findFirstOrThrow();
    const author = await h.prisma.person.findFirstOrThrow({ where: { externalId: eva.id } });
    for (let index = 1; index <= count; index++) {
      await h.db.store.items.record({
        councilId: meeting.councilId,
        meetingId: meeting.id,
        kind: index % 10 === 0 ? "decision" : "info",
        heading: `Punkt ${index}`,
        text: itemText(index),
        authorId: author.id,
        paragraphYear: 2026,
        at: h.clock.now(),
      });
    }
  }

  async function approveAndPublish(): Promise<string> {
    expect((await h.command(olle.id, "justera")).text).toContain("är justerade av Olle");
    return (await h.command(eva.id, "publicera")).text;
  }

  function checkLimits(calls: FakeSlackCall[]): void {
    for (const call of calls) {
      const { blocks, text } = callMessage(call);
      expect(text.length).toBeGreaterThan(0);
      expect(blocks.length).toBeLessThanOrEqual(50);
      for (const block of blocks) {
        if (!isRecord(block) || !isRecord(block.text)) continue;
        const limit = block.type === "header" ? 150 : 3000;
        expect(String(block.text.text).length).toBeLessThanOrEqual(limit);
      }
    }
  }

  /** How often each item's heading appears in the messages now in the channel. */
  function headingCounts(): Map<number, number> {
    const counts = new Map<number, number>();
    const text = h.fake
      .messagesIn(CHANNEL)
      .flatMap((message) => textsIn(message.blocks))
      .join("\n");
    for (const match of text.matchAll(/\*Punkt (\d+)\*/g)) {
      const index = Number(match[1]);
      counts.set(index, (counts.get(index) ?? 0) + 1);
    }
    return counts;
  }

  it("posts a 200-item meeting as a thread of valid messages, and edits it after removals", async () => {
    await recordItems(ITEMS);
    expect(await approveAndPublish()).toBe(
      "”Noterat från Regionala samverkansrådet 14 april” är publicerad i 1 av 1 kanal.",
    );
    const posts = h.fake.callsTo("chat.postMessage");
    expect(posts.length).toBeGreaterThanOrEqual(4);
    expect(posts.filter((call) => call.injected !== undefined)).toEqual([]);
    checkLimits(posts);

    const messages = h.fake.messagesIn(CHANNEL);
    expect(messages).toHaveLength(posts.length);
    const [first, ...continuations] = messages;
    expect(first?.thread_ts).toBeUndefined();
    expect(first?.blocks).toContainEqual(expect.objectContaining({ type: "header" }));
    for (const [index, message] of continuations.entries()) {
      expect(message.thread_ts).toBe(first?.ts);
      expect(textsIn(message.blocks)[0]).toBe(
        `Noterat från Regionala samverkansrådet 14 april (forts. ${index + 2}/${posts.length})`,
      );
    }
    // Every item once, in order, with its text; the closing at the end.
    const counts = headingCounts();
    expect([...counts.keys()]).toEqual(Array.from({ length: ITEMS }, (_, i) => i + 1));
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    const all = textOf(posts.map(callMessage));
    expect(all).toContain("Beslut § 20");
    // A text too long for one section continues in the next: split at a space, never cut.
    const escaped = itemText(7)
      .replaceAll("&", "&amp;")
      .replaceAll("<", "&lt;")
      .replaceAll(">", "&gt;");
    expect(all.replace(/\s+/g, " ")).toContain(escaped);
    // No documents link and no next meeting: the post ends without a "Nästa möte" part.
    expect(all).not.toContain("Nästa möte");
    const refs = await h.prisma.publishedMessage.findMany({ orderBy: { part: "asc" } });
    expect(refs.map((ref) => ref.messageRef)).toEqual(messages.map((message) => message.ts));

    // Most items withdrawn (the last through `stryk`, which sends the minutes back to draft):
    // the post shrinks to fewer messages, edited in place.
    await h.prisma.item.updateMany({
      where: { ref: { gt: 21 } },
      data: { removedAt: h.clock.now() },
    });
    expect((await h.command(eva.id, "stryk 21")).text).toContain("Struket #21.");
    expect(await approveAndPublish()).toContain("är publicerad i 1 av 1 kanal");

    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(posts.length);
    const updates = h.fake.callsTo("chat.update");
    const deletes = h.fake.callsTo("chat.delete");
    expect(updates.length).toBeGreaterThanOrEqual(1);
    expect(updates.length).toBeLessThan(posts.length);
    checkLimits(updates);
    expect(updates.map((call) => call.args.ts)).toEqual(
      messages.slice(0, updates.length).map((message) => message.ts),
    );
    expect(deletes.map((call) => call.args.ts)).toEqual(
      messages.slice(updates.length).map((message) => message.ts),
    );
    expect(h.fake.messagesIn(CHANNEL)).toHaveLength(updates.length);
    expect([...headingCounts().keys()]).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await h.prisma.publishedMessage.count()).toBe(updates.length);
  });

  it("posts the whole thread anew when its first message was deleted in Slack", async () => {
    await recordItems(60);
    await approveAndPublish();
    const before = h.fake.messagesIn(CHANNEL);
    expect(before.length).toBeGreaterThanOrEqual(2);

    // Someone deleted the post: Slack no longer finds its first message to edit.
    h.fake.failNext("chat.update", { error: "message_not_found" });
    await h.command(eva.id, "noterat Tillägg: En sak till.");
    expect(await approveAndPublish()).toContain("är publicerad i 1 av 1 kanal");

    expect(h.fake.callsTo("chat.update").map((call) => call.injected)).toEqual([
      { error: "message_not_found" },
    ]);
    const known = new Set(before.map((message) => message.ts));
    const [first, ...continuations] = h.fake
      .messagesIn(CHANNEL)
      .filter((message) => !known.has(message.ts));
    expect(first?.thread_ts).toBeUndefined();
    expect(textsIn(first?.blocks)[0]).toBe("Noterat från Regionala samverkansrådet 14 april");
    // Its continuations follow it into the new thread; the old messages are deleted.
    expect(continuations.length).toBeGreaterThanOrEqual(1);
    for (const message of continuations) expect(message.thread_ts).toBe(first?.ts);
    expect(h.fake.callsTo("chat.delete").map((call) => call.args.ts)).toEqual(
      before.map((message) => message.ts),
    );
    expect(h.fake.messagesIn(CHANNEL)).toEqual([first, ...continuations]);
    const refs = await h.prisma.publishedMessage.findMany({ orderBy: { part: "asc" } });
    expect(refs.map((ref) => ref.messageRef)).toEqual(
      [first, ...continuations].map((message) => message?.ts),
    );
  });
});
