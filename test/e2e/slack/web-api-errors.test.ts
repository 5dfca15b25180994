import { describe, expect, it } from "vitest";
import type { FakeFailure } from "../../support/fake-slack-api.js";
import { seededRandom } from "../../support/seeded-random.js";
import {
  CHANNEL,
  findButton,
  messageBody,
  PEOPLE,
  type SlackAppHarness,
  withSlackApp,
} from "../../support/slack-app-harness.js";

// When Slack's Web API refuses, throttles or is slow: a channel that refuses the post is named
// in the secretary's reply, and `publicera` again posts once; a 429 is waited out and retried;
// a command that cannot answer within Slack's deadline answers through its response_url.

const { eva, olle, per } = PEOPLE;

// Each test has its own app: they run at once, so that their waits overlap.
describe.concurrent("Web API errors while publishing", () => {
  async function approvedMeeting(h: SlackAppHarness): Promise<void> {
    await h.command(eva.id, "råd Regionala samverkansrådet");
    await h.command(eva.id, "möte idag kl 13:00");
    await h.command(eva.id, "noterat Budget: Rådet informerades.");
    await h.command(eva.id, `roll <@${olle.id}> ordförande`);
    await h.command(olle.id, "justera");
  }

  it("names a channel that refuses the post (not_in_channel), and posts once when asked again", () =>
    withSlackApp({}, async (h) => {
      await approvedMeeting(h);
      h.fake.failNext("chat.postMessage", { error: "not_in_channel" });

      const refused = await h.command(eva.id, "publicera");
      expect(refused.status).toBe(200);
      expect(refused.ack?.responseType).toBe("ephemeral");
      expect(refused.text).toContain("är publicerad i 0 av 1 kanal");
      expect(refused.text).toContain(
        `Kunde inte publicera i #${CHANNEL.toLowerCase()} (not_in_channel). Rätta det och skriv \`publicera\` igen.`,
      );
      expect(h.fake.pendingFailures("chat.postMessage")).toBe(0);
      expect(h.fake.messagesIn(CHANNEL)).toEqual([]);
      expect(await h.prisma.publishedMessage.count()).toBe(0);

      // /invite @Noterat, then again.
      const published = await h.command(eva.id, "publicera");
      expect(published.text).toBe(
        "”Noterat från Regionala samverkansrådet 14 april” är publicerad i 1 av 1 kanal.",
      );
      const posts = h.fake.callsTo("chat.postMessage");
      expect(posts.map((call) => call.injected)).toEqual([{ error: "not_in_channel" }, undefined]);
      expect(h.fake.callsTo("chat.update")).toEqual([]);
      expect(h.fake.messagesIn(CHANNEL)).toHaveLength(1);
      expect(await h.prisma.publishedMessage.count()).toBe(1);
    }));

  it("names the problem when the Publicera button hits a channel that is gone", () =>
    withSlackApp({}, async (h) => {
      await approvedMeeting(h);
      const publicera = findButton((await h.command(eva.id, "protokoll")).messages, {
        label: "Publicera",
      });
      h.fake.failNext("chat.postMessage", { error: "channel_not_found" });
      const refused = await h.click(eva.id, publicera);
      expect(refused.messages[0]?.responseType).toBe("ephemeral");
      expect(refused.text).toContain(
        `Kunde inte publicera i #${CHANNEL.toLowerCase()} (channel_not_found)`,
      );
      expect(h.fake.messagesIn(CHANNEL)).toEqual([]);
    }));

  it("waits out a 429 with Retry-After and posts once", () =>
    withSlackApp(
      { retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 10 } },
      async (h) => {
        await approvedMeeting(h);
        h.fake.failNext("chat.postMessage", { status: 429, retryAfter: 1 });

        const published = await h.command(eva.id, "publicera");
        expect(published.text).toBe(
          "”Noterat från Regionala samverkansrådet 14 april” är publicerad i 1 av 1 kanal.",
        );
        const posts = h.fake.callsTo("chat.postMessage");
        expect(posts.map((call) => call.injected)).toEqual([
          { status: 429, retryAfter: 1 },
          undefined,
        ]);
        expect(h.fake.messagesIn(CHANNEL)).toHaveLength(1);
        expect(await h.prisma.publishedMessage.count()).toBe(1);
      },
    ));

  it("acknowledges a command slower than Slack's deadline and answers through response_url", () =>
    withSlackApp({}, async (h) => {
      await h.command(eva.id, "råd Regionala samverkansrådet");
      // Per has not been seen before: his name is asked of users.info, which is slow today.
      h.fake.failNext("users.info", { delayMs: 2_700 });
      const late = await h.command(per.id, "nästa");
      expect(late.status).toBe(200);
      expect(late.ack).toBeUndefined();
      expect(late.messages).toHaveLength(1);
      expect(late.messages[0]?.responseType).toBe("ephemeral");
      expect(late.text).toContain("Inget möte är planerat.");
      expect(h.fake.responsesTo(late.responseId)).toHaveLength(1);
    }));

  it("does not keep a person's id as their name after users.info failed once", () =>
    withSlackApp({}, async (h) => {
      await h.command(eva.id, "råd Regionala samverkansrådet");
      await h.command(eva.id, "möte idag kl 13:00");
      h.fake.failNext("users.info", { status: 503 });
      // Without an answer from Slack, Per is shown by his id rather than refused.
      expect((await h.command(eva.id, `uppdrag <@${per.id}> Ring regionen`)).text).toContain(
        `#1 ${per.id}: Ring regionen`,
      );
      expect(h.fake.pendingFailures("users.info")).toBe(0);
      // The next command that names him asks Slack again, and his name is put right.
      expect((await h.command(eva.id, `uppdrag <@${per.id}> Boka lokal`)).text).toContain(
        "#2 Per Persson: Boka lokal",
      );
      expect(
        (await h.prisma.person.findFirstOrThrow({ where: { externalId: per.id } })).displayName,
      ).toBe("Per Persson");
      expect((await h.command(eva.id, "öppna")).text).toContain("#1 Per Persson: Ring regionen");
    }));

  // The test's own expect: expect.poll needs it in a concurrent test.
  it("keeps a burst of commands exactly once while users.info and response_url fail", ({
    expect,
  }) =>
    withSlackApp(
      { retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 10 } },
      async (h) => {
        await h.command(eva.id, "råd Regionala samverkansrådet");
        await h.command(eva.id, "möte idag kl 13:00");
        // Each action names someone Noterat has not seen, so each asks users.info first.
        const COMMANDS = 40;
        const people = Array.from(
          { length: COMMANDS },
          (_, i) => `U0BURST${String(i).padStart(3, "0")}`,
        );
        for (const [i, id] of people.entries()) {
          h.fake.setUser(id, {
            real_name: `Person ${i}`,
            display_name: `P${i}`,
            tz: "Europe/Stockholm",
          });
        }
        const failures: FakeFailure[] = [
          { status: 429, retryAfter: 0 },
          { status: 500 },
          { status: 503 },
          { drop: true },
          // Past Slack's deadline: the answer goes through response_url.
          { delayMs: 2_700 },
        ];
        h.fake.failRandomly("users.info", { rate: 0.5, failures, seed: 41 });
        h.fake.failRandomly("response_url", {
          rate: 0.3,
          failures: [{ status: 500 }, { status: 429, retryAfter: 0 }, { drop: true }],
          seed: 42,
        });
        // Every command at once; a seeded third of them delivered twice (X-Slack-Retry-Num).
        const random = seededRandom(43);
        const deliveries = people.flatMap((id, i) => {
          const options = { triggerId: `burst-${i}` };
          const first = h.slashRequest(eva.id, `uppdrag <@${id}> Uppgift ${i}`, options);
          const again = h.slashRequest(eva.id, `uppdrag <@${id}> Uppgift ${i}`, {
            ...options,
            retryNum: 1,
          });
          return random() < 1 / 3
            ? [
                { i, request: first },
                { i, request: again },
              ]
            : [{ i, request: first }];
        });
        const answers = await Promise.all(
          deliveries.map(async ({ i, request }) => ({ i, http: await h.send(request) })),
        );
        expect(answers.filter(({ http }) => http.status !== 200)).toEqual([]);
        const emptyAcks = answers.filter(({ http }) => messageBody(http.json) === undefined);
        // The burst met every kind of failure, and some answers had to go to response_url.
        const injected = h.fake.callsTo("users.info").map((call) => JSON.stringify(call.injected));
        for (const failure of failures) expect(injected).toContain(JSON.stringify(failure));
        expect(emptyAcks.length).toBeGreaterThan(0);

        // The late ones finish in the background: wait until each has tried its response_url.
        await expect
          .poll(
            () =>
              emptyAcks.every(
                ({ i }) =>
                  h.fake.responsesTo(`burst-${i}`).length >=
                  emptyAcks.filter((ack) => ack.i === i).length,
              ),
            { timeout: 15_000 },
          )
          .toBe(true);

        // Every command stored once, however often it was delivered and whatever failed.
        const actions = await h.prisma.action.findMany({ orderBy: { ref: "asc" } });
        expect(actions.map((action) => action.text).sort()).toEqual(
          people.map((_, i) => `Uppgift ${i}`).sort(),
        );
        expect(await h.prisma.actionAssignee.count()).toBe(COMMANDS);
        expect(
          await h.prisma.auditEntry.count({ where: { entityType: "action", action: "created" } }),
        ).toBe(COMMANDS);
        // Each answer that got through names the action as it was stored.
        const refOf = new Map(actions.map((action) => [action.text, action.ref]));
        const answered = [
          ...answers.map(({ i, http }) => ({ i, body: http.json })),
          ...people.flatMap((_, i) =>
            h.fake.responsesTo(`burst-${i}`).map((response) => ({ i, body: response.body })),
          ),
        ].flatMap(({ i, body }) => {
          const message = messageBody(body);
          return message ? [{ i, text: JSON.stringify(message.blocks) }] : [];
        });
        expect(answered.length).toBeGreaterThanOrEqual(COMMANDS);
        for (const { i, text } of answered) {
          expect(text).toContain(`#${refOf.get(`Uppgift ${i}`)} `);
          expect(text).toContain(`Uppgift ${i}`);
        }

        // Still up, and the next command works.
        h.fake.clearFailures();
        expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
        expect((await h.command(eva.id, "öppna")).text).toContain(`Öppna uppdrag (${COMMANDS})`);
      },
    ));
});
