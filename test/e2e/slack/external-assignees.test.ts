import { describe, expect, it } from "vitest";
import { CHANNEL, PEOPLE, withSlackApp } from "../../support/slack-app-harness.js";

// Issue 14 on Slack: actions for someone outside the chat, written `@"Regionens kansli"` (also
// with the curly quotes a phone types) or `@kansliet` once named, beside Slack's own `<@U…>`
// mentions; they are never sent a message. And a channel that refuses the post is named as
// Slack names it.

const { eva, per } = PEOPLE;

describe("assignees outside the chat on Slack", () => {
  it("reads both forms beside Slack mentions, lists them, and never writes to them", () =>
    withSlackApp({}, async (h) => {
      await h.command(eva.id, "råd Regionala samverkansrådet");
      await h.command(eva.id, "möte idag kl 13:00");

      const first = await h.command(
        eva.id,
        `uppdrag @"Regionens kansli" och <@${per.id}> Skicka underlag senast 30 april`,
      );
      expect(first.text).toContain("#1 Per Persson och Regionens kansli: Skicka underlag");
      expect(first.text).toContain("nästa gång räcker @regionenskansli");

      expect((await h.command(eva.id, "extern Kansliet")).text).toContain(
        "Kansliet kan nu få uppdrag som @kansliet.",
      );
      expect(
        (await h.command(eva.id, `uppdrag <@${per.id}>, @kansliet Boka lokal`)).text,
      ).toContain("#2 Kansliet och Per Persson: Boka lokal");
      expect((await h.command(eva.id, "uppdrag @“Regionens kansli” Ring regionen")).text).toContain(
        "#3 Regionens kansli: Ring regionen",
      );

      const listed = await h.command(per.id, "uppdrag @kansliet");
      expect(listed.text).toContain("#2 Kansliet och Per Persson: Boka lokal");
      expect(listed.text).not.toContain("#3");
      expect((await h.command(per.id, 'uppdrag @"Regionens kansli"')).text).toContain("#3");

      // `@okänd` is no Slack mention: a handle nobody named, refused with how to name one.
      const unknown = await h.command(eva.id, "uppdrag @okänd Ring");
      expect(unknown.text).toContain("Ingen i rådet heter @okänd.");
      expect(await h.prisma.action.count()).toBe(3);

      // Slack was never asked about them, nor sent anything for them.
      const externals = await h.prisma.person.findMany({ where: { platform: "external" } });
      expect(externals.map((person) => person.externalId).sort()).toEqual([
        "kansliet",
        "regionenskansli",
      ]);
      const userIds = h.fake.callsTo("users.info").map((call) => call.args.user);
      expect(userIds.every((user) => user === eva.id || user === per.id)).toBe(true);
      const channels = h.fake.callsTo("chat.postMessage").map((call) => call.args.channel);
      expect(channels.filter((channel) => channel !== CHANNEL)).toEqual([]);
    }));

  // The slash command's channel_name is kept with the binding: a refused channel is named by it.
  it("names a channel that refuses the post by its Slack name", () =>
    withSlackApp({}, async (h) => {
      await h.command(eva.id, "råd Regionala samverkansrådet");
      await h.command(eva.id, "möte idag kl 13:00");
      await h.command(eva.id, "noterat Budget: Rådet informerades.");
      await h.command(eva.id, `roll <@${PEOPLE.olle.id}> ordförande`);
      await h.command(PEOPLE.olle.id, "justera");
      h.fake.failNext("chat.postMessage", { error: "not_in_channel" });
      const refused = await h.command(eva.id, "publicera");
      // The harness's slash commands carry channel_name: the channel id in lower case.
      expect(refused.text).toContain(
        `Kunde inte publicera i #${CHANNEL.toLowerCase()} (not_in_channel).`,
      );
      expect(refused.text).not.toContain(`slack:${CHANNEL}`);
    }));
});
