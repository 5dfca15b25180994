import { afterEach, describe, expect, it } from "vitest";
import { ChatSession } from "../support/chat-session.js";
import { FixedClock } from "../support/console-harness.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

// `råd NAMN` binds the channel to a council of that name only for that council's secretary. To
// anyone else it answers as if no council had the name, and creates a council of their own: it
// must not tell a stranger which councils a workspace has, nor let them into one.

const NOW = "2026-05-20T08:00:00Z";

describe("råd NAMN where a council of that name exists", () => {
  const databases: TempDatabase[] = [];
  afterEach(async () => {
    for (const db of databases.splice(0)) await db.cleanup();
  });

  async function workspace(withReglab: boolean) {
    const db = await openTempDatabase();
    databases.push(db);
    const clock = new FixedClock(NOW);
    const channel = (name: string) => new ChatSession(db.store, clock, name);
    if (withReglab) {
      const reglab = channel("reglab");
      await reglab.say("Eva", "råd Reglab");
      await reglab.say("Eva", "möte idag kl 13");
      await reglab.say("Eva", "noterat Hemligt: Rådet informerades om känsliga planer.");
    }
    return { db, channel };
  }

  it("answers a stranger the same whether the name exists or not", async () => {
    const exists = await workspace(true);
    const absent = await workspace(false);
    const there = await exists.channel("annan").say("Bo", "råd Reglab");
    const notThere = await absent.channel("annan").say("Bo", "råd Reglab");
    expect(there.reply).toEqual(notThere.reply);
    expect(there.text).toBe(
      "Rådet Reglab är skapat och hör till den här kanalen. Bo är rådets sekreterare. Nästa steg: planera ett möte med `möte DATUM`.",
    );
  });

  it("gives the stranger a council of their own, with nothing of the other's", async () => {
    const { db, channel } = await workspace(true);
    const bo = channel("annan");
    await bo.say("Bo", "råd Reglab");
    await bo.say("Bo", "möte idag kl 15");
    expect((await bo.say("Bo", "sök Hemligt")).text).not.toContain("känsliga planer");
    const councils = await db.database.prisma.council.findMany({
      include: { bindings: true, memberships: { include: { person: true } } },
      orderBy: { createdAt: "asc" },
    });
    expect(
      councils.map((council) => ({
        name: council.name,
        channels: council.bindings.map((binding) => binding.channelId),
        secretaries: council.memberships.map((membership) => membership.person.displayName),
      })),
    ).toEqual([
      { name: "Reglab", channels: ["reglab"], secretaries: ["Eva"] },
      { name: "Reglab", channels: ["annan"], secretaries: ["Bo"] },
    ]);
  });

  it("binds another channel to the council its secretary names, not to a namesake", async () => {
    const { db, channel } = await workspace(true);
    await channel("annan").say("Bo", "råd Reglab");
    expect((await channel("reglab-ledning").say("Eva", "råd Reglab")).text).toBe(
      "Den här kanalen hör nu också till Reglab.",
    );
    expect((await channel("reglab-ledning").say("Eva", "sök Hemligt")).text).toContain(
      "känsliga planer",
    );
    expect((await channel("bos-andra").say("Bo", "råd Reglab")).text).toBe(
      "Den här kanalen hör nu också till Reglab.",
    );
    expect((await channel("bos-andra").say("Bo", "sök Hemligt")).text).not.toContain(
      "känsliga planer",
    );
    expect(await db.database.prisma.council.count()).toBe(2);
  });
});
