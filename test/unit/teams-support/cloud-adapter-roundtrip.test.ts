/**
 * A real botbuilder 4.23 CloudAdapter, served on 127.0.0.1 by test/support/teams-http.ts,
 * answering activities built by teams-activities.ts through FakeBotConnector. Proves the
 * fakes speak the protocol botbuilder speaks, and pins down botbuilder's behaviour.
 */
import {
  ActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  CardFactory,
  type ConversationReference,
  MessageFactory,
  TeamsInfo,
  TurnContext,
} from "botbuilder";
import type { ConnectorClient } from "botframework-connector";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  NOTERAT_BOT,
  postActivity,
  teamsCardAction,
  teamsInstall,
  teamsMessage,
} from "../../support/teams-activities.js";
import {
  ANNA,
  BERIT,
  guardNetwork,
  type NetworkGuard,
  startHarness,
  TENANT,
  type TeamsHarness,
} from "./harness.js";
import { at, fieldPaths, fixture, missingFrom, record } from "./helpers.js";

const PERSONAL = { id: "a:1personal-chat-anna", conversationType: "personal" } as const;
const CHANNEL = {
  id: "19:ledning@thread.tacv2;messageid=1700000000000",
  conversationType: "channel",
  teamId: "19:team-region@thread.tacv2",
} as const;
const CARD = {
  type: "AdaptiveCard",
  version: "1.5",
  body: [{ type: "TextBlock", text: "Protokoll 2024-05-01" }],
  actions: [{ type: "Action.Execute", title: "Godkänn", verb: "approve", data: { minutesId: 42 } }],
};
const APP_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

/** The trivial bot: echoes, sends a card on "kort", greets when installed, answers card clicks. */
class EchoBot extends ActivityHandler {
  readonly references: Array<Partial<ConversationReference>> = [];
  readonly heard: string[] = [];

  constructor() {
    super();
    this.onMessage(async (context, next) => {
      this.references.push(TurnContext.getConversationReference(context.activity));
      // In channels the text starts with the bot's own <at>Noterat</at>.
      const text = TurnContext.removeRecipientMention(context.activity).trim();
      this.heard.push(text);
      if (text === "kort") {
        await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(CARD)));
      } else {
        await context.sendActivity(`echo: ${text}`);
      }
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id === context.activity.recipient.id) {
          await context.sendActivity("Hej! Jag är Noterat.");
        }
      }
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    _context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    return {
      statusCode: 200,
      type: "application/vnd.microsoft.card.adaptive",
      value: {
        type: "AdaptiveCard",
        version: "1.5",
        body: [
          {
            type: "TextBlock",
            text: `${invokeValue.action.verb}: ${JSON.stringify(invokeValue.action.data)}`,
          },
        ],
      },
    };
  }
}

let guard: NetworkGuard;

beforeAll(() => {
  // Nothing in this file may leave 127.0.0.1.
  guard = guardNetwork();
});

afterAll(() => {
  guard.restore();
});

describe("CloudAdapter with authentication off", () => {
  let harness: TeamsHarness;
  let bot: EchoBot;

  beforeEach(async () => {
    bot = new EchoBot();
    harness = await startHarness((context) => bot.run(context));
  });

  afterEach(async () => {
    await harness.stop();
  });

  function message(
    text: string,
    extra: Partial<Parameters<typeof teamsMessage>[0]> = {},
  ): Record<string, unknown> {
    return teamsMessage({
      serviceUrl: harness.fake.serviceUrl,
      tenantId: TENANT,
      conversation: PERSONAL,
      from: ANNA,
      text,
      ...extra,
    });
  }

  it("replies to a message at /v3/conversations/{id}/activities/{replyToId}, shaped like the capture", async () => {
    const inbound = message("hej");
    const answer = await postActivity(harness.server.url, inbound);
    // The reply is sent before the inbound POST is answered: no waiting needed.
    expect(answer).toEqual({ status: 200, body: undefined });
    expect(harness.fake.requests.map((r) => r.path)).toEqual([
      `/v3/conversations/${encodeURIComponent(PERSONAL.id)}/activities/${String(inbound.id)}`,
    ]);
    const [reply] = harness.fake.activities;
    expect(reply).toMatchObject({
      route: "reply",
      method: "POST",
      conversationId: PERSONAL.id,
      replyToId: inbound.id,
      activity: {
        type: "message",
        text: "echo: hej",
        from: NOTERAT_BOT,
        recipient: ANNA,
        replyToId: inbound.id,
      },
    });
    // Authentication off: botbuilder sends no token.
    expect(reply).not.toHaveProperty("authorization");

    const captured = at(
      fixture("teams-outbound-captured-botbuilder-4.23.3.json"),
      "requests",
      0,
      "body",
    );
    expect(missingFrom(fieldPaths(captured), fieldPaths(reply?.activity))).toEqual([]);
    // Our inbound activity carries conversation.tenantId (as current Teams does); the capture's did not.
    expect(missingFrom(fieldPaths(reply?.activity), fieldPaths(captured))).toEqual([
      "conversation.tenantId",
    ]);
  });

  it("sends an Adaptive Card reply that fake.cards() returns, shaped like the capture", async () => {
    await postActivity(harness.server.url, message("kort"));
    expect(harness.fake.cards()).toEqual([CARD]);
    const captured = at(
      fixture("teams-outbound-captured-botbuilder-4.23.3.json"),
      "requests",
      1,
      "body",
    );
    const sent = harness.fake.activities[0]?.activity;
    // The card's own content is the bot's business; compare the envelope.
    const envelope = (paths: string[]): string[] =>
      paths.filter((path) => !path.startsWith("attachments[].content."));
    expect(missingFrom(envelope(fieldPaths(captured)), envelope(fieldPaths(sent)))).toEqual([]);
    expect(missingFrom(envelope(fieldPaths(sent)), envelope(fieldPaths(captured)))).toEqual([
      "conversation.tenantId",
    ]);
  });

  it("in a channel: the bot sees the text without its mention; the reply goes to the thread's id", async () => {
    const inbound = message("protokoll", { conversation: CHANNEL, botMention: true });
    expect(inbound.text).toBe("<at>Noterat</at> protokoll");
    await postActivity(harness.server.url, inbound);
    expect(bot.heard).toEqual(["protokoll"]);
    // ";" and "@" in the id arrive URL-encoded and are decoded by the fake.
    expect(harness.fake.requests[0]?.path).toContain(
      "19%3Aledning%40thread.tacv2%3Bmessageid%3D1700000000000",
    );
    expect(harness.fake.sentTo(CHANNEL.id).map((a) => record(a.activity).text)).toEqual([
      "echo: protokoll",
    ]);
  });

  it("answers an adaptiveCard/action invoke in the HTTP response body, not via the connector", async () => {
    const click = teamsCardAction({
      serviceUrl: harness.fake.serviceUrl,
      tenantId: TENANT,
      conversation: PERSONAL,
      from: ANNA,
      verb: "approve",
      data: { minutesId: 42 },
      replyToId: "1700000000001",
    });
    const answer = await postActivity(harness.server.url, click);
    expect(answer).toEqual({
      status: 200,
      body: {
        statusCode: 200,
        type: "application/vnd.microsoft.card.adaptive",
        value: {
          type: "AdaptiveCard",
          version: "1.5",
          body: [{ type: "TextBlock", text: 'approve: {"minutesId":42}' }],
        },
      },
    });
    expect(harness.fake.requests).toEqual([]);
  });

  it("greets when installed (conversationUpdate with the bot in membersAdded)", async () => {
    const install = teamsInstall({
      serviceUrl: harness.fake.serviceUrl,
      tenantId: TENANT,
      from: ANNA,
      conversationType: "channel",
      teamId: CHANNEL.teamId,
    });
    expect((await postActivity(harness.server.url, install)).status).toBe(200);
    expect(harness.fake.sentTo(CHANNEL.teamId).map((a) => record(a.activity).text)).toEqual([
      "Hej! Jag är Noterat.",
    ]);
  });

  it("continueConversationAsync posts a proactive message: to …/activities/{uuid}, not …/activities", async () => {
    await postActivity(harness.server.url, message("spara mig"));
    const reference = bot.references[0];
    if (reference === undefined) throw new Error("the bot stored no conversation reference");
    harness.fake.clear();

    await harness.adapter.continueConversationAsync("", reference, async (context) => {
      await context.sendActivity("Påminnelse: protokollet ska justeras.");
    });
    // botbuilder makes a continuation activity with a fresh uuid id and replies to it, so a
    // proactive send is a "reply" to an activity Teams never saw (Teams accepts that).
    const [proactive] = await harness.fake.waitForActivities(1);
    expect(proactive).toMatchObject({
      route: "reply",
      conversationId: PERSONAL.id,
      replyToId: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
      activity: { text: "Påminnelse: protokollet ska justeras.", recipient: ANNA },
    });

    // POST …/activities (no replyToId) is reached through the connector client itself.
    harness.fake.clear();
    await harness.adapter.continueConversationAsync("", reference, async (context) => {
      const client = context.turnState.get<ConnectorClient>(harness.adapter.ConnectorClientKey);
      await client.conversations.sendToConversation(PERSONAL.id, {
        type: "message",
        text: "utan replyToId",
        from: NOTERAT_BOT,
        conversation: { id: PERSONAL.id, isGroup: false, conversationType: "personal", name: "" },
      });
    });
    expect(harness.fake.activities).toMatchObject([
      { route: "send", conversationId: PERSONAL.id, activity: { text: "utan replyToId" } },
    ]);
    expect(harness.fake.activities[0]).not.toHaveProperty("replyToId");
  });

  it("updateActivity and deleteActivity reach PUT and DELETE with the sent activity's id", async () => {
    await harness.stop();
    harness = await startHarness(async (context) => {
      const sent = await context.sendActivity("version 1");
      const id = sent?.id;
      if (id === undefined) throw new Error("no id for the sent activity");
      await context.updateActivity({ ...MessageFactory.text("version 2"), id });
      await context.deleteActivity(id);
    });
    await postActivity(harness.server.url, message("x"));
    const [sent, updated, deleted] = harness.fake.activities;
    expect(sent?.route).toBe("reply");
    expect(updated).toMatchObject({
      route: "update",
      method: "PUT",
      activityId: sent?.id,
      activity: { text: "version 2" },
    });
    expect(deleted).toMatchObject({ route: "delete", method: "DELETE", activityId: sent?.id });
  });

  it("createConversationAsync (a proactive 1:1 chat) creates, then sends into the new conversation", async () => {
    let created: Partial<ConversationReference> | undefined;
    await harness.adapter.createConversationAsync(
      "",
      "msteams",
      harness.fake.serviceUrl,
      "https://api.botframework.com",
      {
        isGroup: false,
        bot: NOTERAT_BOT,
        members: [{ id: BERIT.id, name: BERIT.name }],
        tenantId: TENANT,
        channelData: { tenant: { id: TENANT } },
      },
      async (context) => {
        created = TurnContext.getConversationReference(context.activity);
        await context.sendActivity("Hej Berit, du har en uppgift.");
      },
    );
    const [create, first] = harness.fake.activities;
    expect(create).toMatchObject({
      route: "create",
      conversationId: expect.stringMatching(/^a:new/),
      activity: { isGroup: false, bot: NOTERAT_BOT, members: [{ id: BERIT.id }], tenantId: TENANT },
    });
    expect(created?.conversation?.id).toBe(create?.conversationId);
    // botbuilder gives its "create" event the conversation's id as activity id, so the first
    // message is a reply "to" the conversation id.
    expect(first).toMatchObject({
      route: "reply",
      conversationId: create?.conversationId,
      replyToId: create?.conversationId,
      activity: { text: "Hej Berit, du har en uppgift." },
    });
  });

  it("TeamsInfo.getMember and getPagedMembers parse the fake's TeamsChannelAccounts (team ids in channels)", async () => {
    await harness.stop();
    const members = [
      { ...ANNA, email: "anna.lind@region.example", userPrincipalName: "anna.lind@region.example" },
      { ...BERIT, email: "berit.ek@region.example", userPrincipalName: "berit.ek@region.example" },
    ];
    const results: unknown[] = [];
    harness = await startHarness(
      async (context) => {
        results.push(await TeamsInfo.getMember(context, context.activity.from.id));
        results.push(await TeamsInfo.getPagedMembers(context, 1));
      },
      { fake: { members, tenantId: TENANT } },
    );
    await postActivity(harness.server.url, message("vem är jag?"));
    expect(results[0]).toEqual({ ...members[0], tenantId: TENANT, userRole: "user" });
    expect(results[1]).toEqual({
      members: [expect.objectContaining({ id: ANNA.id, aadObjectId: ANNA.aadObjectId })],
      continuationToken: "1",
    });
    expect(harness.fake.requests.map((r) => r.path)).toEqual([
      `/v3/conversations/${encodeURIComponent(PERSONAL.id)}/members/${encodeURIComponent(ANNA.id)}`,
      `/v3/conversations/${encodeURIComponent(PERSONAL.id)}/pagedmembers`,
    ]);

    harness.fake.clear();
    results.length = 0;
    await postActivity(harness.server.url, message("i kanalen", { conversation: CHANNEL }));
    // In a channel TeamsInfo asks the team, not the channel thread.
    expect(harness.fake.requests[0]?.path).toBe(
      `/v3/conversations/${encodeURIComponent(CHANNEL.teamId)}/members/${encodeURIComponent(ANNA.id)}`,
    );
    expect(results[0]).toMatchObject({ id: ANNA.id, name: ANNA.name });
  });

  it("answers 400 to a body that is not an activity, and 405 to a GET, without running the bot", async () => {
    for (const body of [{}, { text: "no type" }]) {
      expect((await postActivity(harness.server.url, body)).status).toBe(400);
    }
    const get = await fetch(`${harness.server.url}/api/messages`);
    expect(get.status).toBe(405);
    const bad = await fetch(`${harness.server.url}/api/messages`, {
      method: "POST",
      body: "{oops",
    });
    expect(bad.status).toBe(400);
    expect(bot.heard).toEqual([]);
  });
});

describe("CloudAdapter with an app id (authentication on)", () => {
  const auth = {
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: "not-a-real-secret",
    MicrosoftAppType: "MultiTenant",
  };
  let harness: TeamsHarness;
  let turns = 0;
  let logged: ReturnType<typeof vi.spyOn>;

  beforeEach(async () => {
    turns = 0;
    // CloudAdapter console.error()s every refused request itself; keep the output readable.
    logged = vi.spyOn(console, "error").mockImplementation(() => {});
    harness = await startHarness(
      async () => {
        turns += 1;
      },
      { auth },
    );
  });

  afterEach(async () => {
    logged.mockRestore();
    await harness.stop();
  });

  function inbound(): Record<string, unknown> {
    return teamsMessage({
      serviceUrl: harness.fake.serviceUrl,
      tenantId: TENANT,
      conversation: PERSONAL,
      from: ANNA,
      text: "hej",
    });
  }

  it("refuses a request without Authorization with 401, using no network", async () => {
    const hostsBefore = guard.hosts.length;
    const answer = await postActivity(harness.server.url, inbound());
    expect(answer).toEqual({ status: 401, body: "Unauthorized Access. Request is not authorized" });
    // A header that is not a JWT is refused as quickly.
    const garbage = await postActivity(harness.server.url, inbound(), {
      authorization: "Bearer garbage",
    });
    expect(garbage).toEqual({ status: 401, body: "Unauthorized. No valid identity." });
    expect(turns).toBe(0);
    expect(harness.fake.requests).toEqual([]);
    // Only our own fetches to the bot server: no OpenID metadata, no token endpoint.
    expect(new Set(guard.hosts.slice(hostsBefore))).toEqual(new Set(["127.0.0.1"]));
    expect(logged).toHaveBeenCalled();
  });

  it("fetches OpenID metadata for a JWT-shaped token; unreachable, that is a 500, not a 401", async () => {
    const hostsBefore = guard.hosts.length;
    const encode = (value: unknown): string =>
      Buffer.from(JSON.stringify(value)).toString("base64url");
    const token = [
      encode({ alg: "RS256", typ: "JWT", kid: "made-up" }),
      encode({
        iss: "https://api.botframework.com",
        aud: APP_ID,
        exp: Math.floor(Date.now() / 1000) + 600,
      }),
      "c2lnbmF0dXJl",
    ].join(".");
    const answer = await postActivity(harness.server.url, inbound(), {
      authorization: `Bearer ${token}`,
    });
    expect(answer.status).toBe(500);
    expect(String(answer.body)).toContain("login.botframework.com");
    expect(guard.hosts.slice(hostsBefore)).toContain("login.botframework.com");
    expect(turns).toBe(0);
  });

  it("our env names passed straight through leave authentication OFF (botbuilder reads MicrosoftAppId)", async () => {
    await harness.stop();
    harness = await startHarness(
      async () => {
        turns += 1;
      },
      { auth: { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: "secret" } },
    );
    expect((await postActivity(harness.server.url, inbound())).status).toBe(200);
    expect(turns).toBe(1);
  });
});
