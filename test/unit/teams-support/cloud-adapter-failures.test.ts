/**
 * Each failure FakeBotConnector can inject, as a real CloudAdapter's bot experiences it.
 * botbuilder's connector client (@azure/core-rest-pipeline's default retry policy) retries
 * 429 after Retry-After, and 5xx and dropped connections with exponential back-off
 * (0.5–1 s, 1–2 s, 2–4 s), 3 retries in all: only the 4th failure reaches the bot. Those
 * slow cases run concurrently, each with its own fake and adapter.
 */
import { type ConversationReference, TeamsInfo, type TurnContext } from "botbuilder";
import type { ConnectorClient } from "botframework-connector";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ConnectorFailure, FailableRoute } from "../../support/fake-bot-connector.js";
import { NOTERAT_BOT, postActivity, teamsMessage } from "../../support/teams-activities.js";
import {
  ANNA,
  BERIT,
  guardNetwork,
  type NetworkGuard,
  startHarness,
  TENANT,
  type TeamsHarness,
} from "./harness.js";

const PERSONAL = { id: "a:1personal-chat-anna", conversationType: "personal" } as const;
/** botbuilder's default: the first attempt plus 3 retries. */
const ATTEMPTS = 4;

let guard: NetworkGuard;

beforeAll(() => {
  guard = guardNetwork();
});

afterAll(() => {
  guard.restore();
});

/** What the bot saw of one connector call: its error, or that it succeeded, and how long it took. */
interface Outcome {
  error?: unknown;
  ok: boolean;
  ms: number;
}

async function attempt(action: () => Promise<unknown>): Promise<Outcome> {
  const started = Date.now();
  try {
    await action();
    return { ok: true, ms: Date.now() - started };
  } catch (error) {
    return { error, ok: false, ms: Date.now() - started };
  }
}

/** A bot whose single turn performs `action` inside try/catch and reports the outcome. */
async function withBot(
  action: (context: TurnContext, harness: TeamsHarness) => Promise<unknown>,
): Promise<{ harness: TeamsHarness; run: () => Promise<{ outcome: Outcome; status: number }> }> {
  let outcome: Outcome | undefined;
  let harnessRef: TeamsHarness | undefined;
  const harness = await startHarness(async (context) => {
    if (harnessRef === undefined) throw new Error("harness not ready");
    const ready = harnessRef;
    outcome = await attempt(() => action(context, ready));
  });
  harnessRef = harness;
  return {
    harness,
    run: async () => {
      const inbound = teamsMessage({
        serviceUrl: harness.fake.serviceUrl,
        tenantId: TENANT,
        conversation: PERSONAL,
        from: ANNA,
        text: "hej",
      });
      const { status } = await postActivity(harness.server.url, inbound);
      if (outcome === undefined) throw new Error("the bot did not run");
      return { outcome, status };
    },
  };
}

/** A RestError from @azure/core-rest-pipeline, as far as a bot needs to read it. */
function restError(error: unknown): { statusCode?: unknown; code?: unknown; name?: unknown } {
  if (typeof error !== "object" || error === null)
    throw new TypeError(`not an error: ${String(error)}`);
  return {
    statusCode: "statusCode" in error ? error.statusCode : undefined,
    code: "code" in error ? error.code : undefined,
    name: "name" in error ? error.name : undefined,
  };
}

const ROSTER: ConnectorFailure = { status: 403, code: "BotNotInConversationRoster" };

describe("403 BotNotInConversationRoster: not retried, the bot catches it on every route", () => {
  const cases: Array<{
    route: FailableRoute;
    action: (context: TurnContext, harness: TeamsHarness) => Promise<unknown>;
  }> = [
    { route: "reply", action: (context) => context.sendActivity("svar") },
    {
      route: "send",
      action: (context, harness) =>
        context.turnState
          .get<ConnectorClient>(harness.adapter.ConnectorClientKey)
          .conversations.sendToConversation(PERSONAL.id, {
            type: "message",
            text: "x",
            from: NOTERAT_BOT,
            conversation: {
              id: PERSONAL.id,
              isGroup: false,
              conversationType: "personal",
              name: "",
            },
          }),
    },
    {
      route: "update",
      action: (context) =>
        context.updateActivity({ type: "message", id: "1700000000001", text: "ny" }),
    },
    { route: "delete", action: (context) => context.deleteActivity("1700000000001") },
    {
      route: "create",
      action: (_context, harness) =>
        harness.adapter.createConversationAsync(
          "",
          "msteams",
          harness.fake.serviceUrl,
          "https://api.botframework.com",
          {
            isGroup: false,
            bot: NOTERAT_BOT,
            members: [{ id: BERIT.id, name: BERIT.name }],
            tenantId: TENANT,
            channelData: {},
          },
          async (created) => {
            await created.sendActivity("unreachable");
          },
        ),
    },
    { route: "members", action: (context) => TeamsInfo.getMember(context, ANNA.id) },
  ];

  for (const { route, action } of cases) {
    it(`${route}`, async () => {
      const { harness, run } = await withBot(action);
      try {
        harness.fake.failNext(route, ROSTER);
        const { outcome, status } = await run();
        expect(status).toBe(200);
        expect(outcome.ok).toBe(false);
        expect(restError(outcome.error)).toEqual({
          statusCode: 403,
          code: "BotNotInConversationRoster",
          name: "RestError",
        });
        expect(harness.fake.pendingFailures(route)).toBe(0);
        // One attempt only: 4xx other than 408/429 are not retried.
        expect(harness.fake.requests).toHaveLength(1);
      } finally {
        await harness.stop();
      }
    });
  }
});

describe("retried failures", () => {
  it.concurrent("429 four times: the bot catches RestError 429 Throttled", async ({ expect }) => {
    const { harness, run } = await withBot((context) => context.sendActivity("svar"));
    try {
      harness.fake.failNext("reply", { status: 429, retryAfter: 0 }, ATTEMPTS);
      const { outcome } = await run();
      expect(restError(outcome.error)).toEqual({
        statusCode: 429,
        code: "Throttled",
        name: "RestError",
      });
      expect(harness.fake.activities).toHaveLength(ATTEMPTS);
      expect(harness.fake.texts()).toEqual([]);
    } finally {
      await harness.stop();
    }
  });

  it.concurrent("429 once: botbuilder waits Retry-After and delivers, the bot sees no error", async ({
    expect,
  }) => {
    const { harness, run } = await withBot((context) => context.sendActivity("svar"));
    try {
      harness.fake.failNext("reply", { status: 429, retryAfter: 1 });
      const { outcome } = await run();
      expect(outcome.ok).toBe(true);
      expect(outcome.ms).toBeGreaterThanOrEqual(950);
      expect(harness.fake.activities.map((a) => a.injected)).toEqual([
        { status: 429, retryAfter: 1 },
        undefined,
      ]);
      expect(harness.fake.texts()).toEqual(["svar"]);
    } finally {
      await harness.stop();
    }
  });

  it.concurrent("500 four times: the bot catches RestError 500 ServiceError after back-off", async ({
    expect,
  }) => {
    const { harness, run } = await withBot((context) => context.sendActivity("svar"));
    try {
      harness.fake.failNext("reply", { status: 500 }, ATTEMPTS);
      const { outcome } = await run();
      expect(restError(outcome.error)).toEqual({
        statusCode: 500,
        code: "ServiceError",
        name: "RestError",
      });
      expect(harness.fake.activities).toHaveLength(ATTEMPTS);
      // 0.5–1 s + 1–2 s + 2–4 s of back-off.
      expect(outcome.ms).toBeGreaterThanOrEqual(3400);
    } finally {
      await harness.stop();
    }
  });

  it.concurrent("500 once: retried after 0.5–1 s and delivered", async ({ expect }) => {
    const { harness, run } = await withBot((context) => context.sendActivity("svar"));
    try {
      harness.fake.failNext("reply", { status: 500 });
      const { outcome } = await run();
      expect(outcome.ok).toBe(true);
      expect(outcome.ms).toBeGreaterThanOrEqual(450);
      expect(harness.fake.texts()).toEqual(["svar"]);
    } finally {
      await harness.stop();
    }
  });

  it.concurrent("dropped four times: the bot catches a RestError ECONNRESET (no status)", async ({
    expect,
  }) => {
    const { harness, run } = await withBot((context) => context.sendActivity("svar"));
    try {
      harness.fake.failNext("reply", { drop: true }, ATTEMPTS);
      const { outcome } = await run();
      expect(restError(outcome.error)).toEqual({
        statusCode: undefined,
        code: "ECONNRESET",
        name: "RestError",
      });
      expect(harness.fake.activities).toHaveLength(ATTEMPTS);
    } finally {
      await harness.stop();
    }
  });
});

describe("delays and uncaught errors", () => {
  it("a delay is not an error: sendActivity (and the inbound POST) just take longer; botbuilder has no timeout", async () => {
    const { harness, run } = await withBot((context) => context.sendActivity("svar"));
    try {
      harness.fake.failNext("reply", { delayMs: 400 });
      const started = Date.now();
      const { outcome, status } = await run();
      expect(outcome.ok).toBe(true);
      expect(outcome.ms).toBeGreaterThanOrEqual(380);
      expect(status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(380);
    } finally {
      await harness.stop();
    }
  });

  it("a delay the bot must bound is bounded by the bot's own deadline", async () => {
    const deadline = (ms: number): Promise<never> =>
      new Promise((_resolve, reject) => {
        setTimeout(() => reject(new Error(`deadline of ${ms} ms passed`)), ms);
      });
    const { harness, run } = await withBot((context) =>
      Promise.race([context.sendActivity("svar"), deadline(100)]),
    );
    try {
      harness.fake.failNext("reply", { delayMs: 500 });
      const { outcome } = await run();
      expect(outcome.ok).toBe(false);
      expect(String(outcome.error)).toContain("deadline of 100 ms");
    } finally {
      await harness.stop();
    }
  });

  it("uncaught, a connector error fails the inbound POST with 500, or reaches adapter.onTurnError", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const harness = await startHarness(async (context) => {
      await context.sendActivity("svar");
    });
    try {
      const inbound = (): Record<string, unknown> =>
        teamsMessage({
          serviceUrl: harness.fake.serviceUrl,
          tenantId: TENANT,
          conversation: PERSONAL,
          from: ANNA,
          text: "hej",
        });
      harness.fake.failNext("reply", ROSTER);
      const unhandled = await postActivity(harness.server.url, inbound());
      expect(unhandled).toEqual({
        status: 500,
        body: "The bot is not part of the conversation roster.",
      });
      expect(logged).toHaveBeenCalled();

      const seen: unknown[] = [];
      harness.adapter.onTurnError = async (_context, error) => {
        seen.push(error);
      };
      harness.fake.failNext("reply", ROSTER);
      const handled = await postActivity(harness.server.url, inbound());
      expect(handled.status).toBe(200);
      expect(seen.map(restError)).toEqual([
        { statusCode: 403, code: "BotNotInConversationRoster", name: "RestError" },
      ]);
    } finally {
      logged.mockRestore();
      await harness.stop();
    }
  });

  it("proactive sends fail the same way, as a rejection of continueConversationAsync", async () => {
    const harness = await startHarness(async () => {});
    try {
      const reference: Partial<ConversationReference> = {
        channelId: "msteams",
        serviceUrl: harness.fake.serviceUrl,
        conversation: { id: PERSONAL.id, isGroup: false, conversationType: "personal", name: "" },
        bot: NOTERAT_BOT,
        user: ANNA,
      };
      harness.fake.failNext("reply", ROSTER);
      await expect(
        harness.adapter.continueConversationAsync("", reference, async (context) => {
          await context.sendActivity("påminnelse");
        }),
      ).rejects.toMatchObject({ statusCode: 403, code: "BotNotInConversationRoster" });
      expect(guard.hosts.every((host) => host === "127.0.0.1")).toBe(true);
    } finally {
      await harness.stop();
    }
  });
});
