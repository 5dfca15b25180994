import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PEOPLE, SlackAppHarness } from "../../support/slack-app-harness.js";

// architecture.md §9: a delivery Slack sends again (X-Slack-Retry-Num, the same trigger id) does
// not create a second item or action; the retry gets the first result as its answer.

const { eva, anna } = PEOPLE;

describe("a slash command delivered twice", () => {
  let h: SlackAppHarness;

  beforeEach(async () => {
    h = await SlackAppHarness.start();
    await h.command(eva.id, "råd Regionala samverkansrådet");
    await h.command(eva.id, "möte idag kl 13:00");
  });
  afterEach(async () => {
    await h.stop();
  });

  it("creates one item, and answers the retry with the first result", async () => {
    const triggerId = "1776150000.1234.abcdef0123456789";
    const text = "noterat Budget: Rådet informerades.";
    const first = await h.command(eva.id, text, { triggerId });
    const retry = await h.command(eva.id, text, { triggerId, retryNum: 1 });
    expect(first.text).toBe("Noterat #1: Budget");
    expect(retry.status).toBe(200);
    expect(retry.text).toBe("Noterat #1: Budget");
    expect(await h.prisma.item.count()).toBe(1);
    expect(await h.prisma.item.findFirstOrThrow()).toMatchObject({
      dedupKey: `slack:${h.teamId}:${triggerId}`,
    });
    expect(
      await h.prisma.auditEntry.count({ where: { entityType: "item", action: "created" } }),
    ).toBe(1);
  });

  it("creates one item when both deliveries arrive at once", async () => {
    const triggerId = "1776150000.5678.0123456789abcdef";
    const text = "beslut Budget: Ramarna antas.";
    const answers = await Promise.all([
      h.command(eva.id, text, { triggerId }),
      h.command(eva.id, text, { triggerId, retryNum: 1 }),
    ]);
    expect(answers.map((answer) => answer.text)).toEqual([
      "Beslut § 1 (#1): Budget",
      "Beslut § 1 (#1): Budget",
    ]);
    expect(await h.prisma.item.count()).toBe(1);
  });

  it("creates one action", async () => {
    const triggerId = "1776150000.9012.fedcba9876543210";
    const text = `uppdrag <@${anna.id}> Skicka förslaget senast 20 april`;
    await h.command(eva.id, text, { triggerId });
    const retry = await h.command(eva.id, text, { triggerId, retryNum: 2 });
    expect(retry.text).toContain("#1 Anna B: Skicka förslaget – senast 20 april");
    expect(await h.prisma.action.count()).toBe(1);
    expect(await h.prisma.actionAssignee.count()).toBe(1);
  });

  it("still records the same words typed twice as two items (they are two deliveries)", async () => {
    const text = "noterat Budget: Rådet informerades.";
    await h.command(eva.id, text);
    expect((await h.command(eva.id, text)).text).toBe("Noterat #2: Budget");
    expect(await h.prisma.item.count()).toBe(2);
  });
});
