import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeBotConnector, type FakeMember } from "../../support/fake-bot-connector.js";
import { record } from "./helpers.js";

const CONVERSATION = "a:1pK0;messageid=17@thread.skype";
const ENCODED = encodeURIComponent(CONVERSATION);
const ANNA: FakeMember = {
  id: "29:anna",
  name: "Anna Lind",
  aadObjectId: "aad-anna",
  email: "anna.lind@region.example",
  userPrincipalName: "anna.lind@region.example",
};
const BERIT: FakeMember = { id: "29:berit", name: "Berit Ek", aadObjectId: "aad-berit" };
const CARL: FakeMember = { id: "29:carl", name: "Carl Ny", aadObjectId: "aad-carl" };

let fake: FakeBotConnector;

beforeEach(async () => {
  fake = new FakeBotConnector({ members: [ANNA, BERIT, CARL], tenantId: "tenant-1" });
  await fake.start();
});

afterEach(async () => {
  await fake.stop();
});

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

async function call(
  method: string,
  path: string,
  body?: unknown,
  authorization?: string,
): Promise<Answer> {
  const response = await fetch(`${fake.serviceUrl}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json; charset=utf-8" }),
      ...(authorization === undefined ? {} : { authorization }),
    },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === "" ? undefined : JSON.parse(text),
  };
}

function message(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: "message", text, ...extra };
}

function card(title: string): Record<string, unknown> {
  return {
    type: "message",
    attachments: [
      { contentType: "text/html", content: "<b>not a card</b>" },
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        content: {
          type: "AdaptiveCard",
          version: "1.5",
          body: [{ type: "TextBlock", text: title }],
        },
      },
    ],
  };
}

describe("lifecycle", () => {
  it("serves on 127.0.0.1 with a trailing-slash serviceUrl, and start/stop are idempotent", async () => {
    expect(fake.serviceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await fake.start();
    await fake.stop();
    await fake.stop();
    expect(() => fake.serviceUrl).toThrow(/not started/);
    await fake.start();
  });
});

describe("activity routes", () => {
  it("reply: POST …/activities/{id} answers a new id and records the decoded ids", async () => {
    const answer = await call(
      "POST",
      `v3/conversations/${ENCODED}/activities/1700000000001`,
      message("hej"),
      "Bearer t",
    );
    expect(answer.status).toBe(200);
    const id = record(answer.body).id;
    expect(id).toMatch(/^\d+$/);
    expect(fake.activities).toEqual([
      {
        route: "reply",
        method: "POST",
        conversationId: CONVERSATION,
        replyToId: "1700000000001",
        id,
        activity: message("hej"),
        authorization: "Bearer t",
      },
    ]);
  });

  it("send: POST …/activities answers a new id; ids are unique and increasing", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 20; i++) {
      const path =
        i % 2 === 0
          ? `v3/conversations/${ENCODED}/activities`
          : `v3/conversations/${ENCODED}/activities/1`;
      ids.push(Number(record((await call("POST", path, message(`m${i}`))).body).id));
    }
    expect(new Set(ids).size).toBe(20);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(fake.activities[0]).toMatchObject({
      route: "send",
      method: "POST",
      conversationId: CONVERSATION,
    });
    expect(fake.activities[0]).not.toHaveProperty("replyToId");
    expect(fake.activities[0]).not.toHaveProperty("authorization");
  });

  it("update: PUT answers the same id; delete: DELETE answers 200 with no body", async () => {
    const updated = await call(
      "PUT",
      `v3/conversations/${ENCODED}/activities/1700000000005`,
      message("ny"),
    );
    expect(updated).toMatchObject({ status: 200, body: { id: "1700000000005" } });
    const deleted = await call("DELETE", `v3/conversations/${ENCODED}/activities/1700000000005`);
    expect(deleted).toMatchObject({ status: 200, body: undefined });
    expect(fake.activities.map((a) => [a.route, a.method, a.conversationId, a.activityId])).toEqual(
      [
        ["update", "PUT", CONVERSATION, "1700000000005"],
        ["delete", "DELETE", CONVERSATION, "1700000000005"],
      ],
    );
  });

  it("create: POST /v3/conversations answers { id, activityId, serviceUrl }; a 1:1 chat keeps its id", async () => {
    const parameters = {
      isGroup: false,
      bot: { id: "28:bot" },
      members: [{ id: ANNA.id }],
      tenantId: "tenant-1",
      activity: message("välkommen"),
    };
    const first = await call("POST", "v3/conversations", parameters);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.stringMatching(/^a:new/),
      activityId: expect.stringMatching(/^\d+$/),
      serviceUrl: fake.serviceUrl,
    });
    const again = await call("POST", "v3/conversations", { ...parameters, activity: undefined });
    expect(record(again.body).id).toBe(record(first.body).id);
    expect(again.body).not.toHaveProperty("activityId");
    const other = await call("POST", "v3/conversations", {
      ...parameters,
      members: [{ id: BERIT.id }],
    });
    expect(record(other.body).id).not.toBe(record(first.body).id);

    const channelPost = await call("POST", "v3/conversations", {
      isGroup: true,
      channelData: { channel: { id: "19:ledning@thread.tacv2" } },
      activity: message("ny tråd"),
    });
    const { id, activityId } = record(channelPost.body);
    expect(id).toBe(`19:ledning@thread.tacv2;messageid=${String(activityId)}`);

    expect(fake.activities[0]).toMatchObject({
      route: "create",
      conversationId: record(first.body).id,
      activityId: record(first.body).activityId,
      activity: parameters,
    });
    expect(fake.sentTo(String(record(first.body).id)).map((a) => a.route)).toEqual(["create"]);
    expect(fake.texts()).toEqual(["välkommen", "välkommen", "ny tråd"]);
  });

  it("accepts a region segment before v3, as in https://smba.trafficmanager.net/amer/", async () => {
    const answer = await call("POST", `amer/v3/conversations/${ENCODED}/activities`, message("x"));
    expect(answer.status).toBe(200);
    expect(fake.activities[0]?.conversationId).toBe(CONVERSATION);
  });

  it("answers 404 with Teams' error body to anything else, and 400 to a body that is not JSON", async () => {
    for (const [method, path] of [
      ["GET", `v3/conversations/${ENCODED}/activities`],
      ["PATCH", `v3/conversations/${ENCODED}/activities/1`],
      ["GET", `v3/conversations/${ENCODED}/members`],
      ["POST", "api/messages"],
      ["GET", "v3/conversations"],
      ["POST", `v3/conversations/${ENCODED}/activities/1/extra`],
    ] as const) {
      const answer = await call(method, path);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.body).toEqual({ error: { code: "NotFound", message: expect.any(String) } });
    }
    const bad = await call("POST", `v3/conversations/${ENCODED}/activities`, "{not json");
    expect(bad).toMatchObject({ status: 400, body: { error: { code: "BadArgument" } } });
    expect(fake.activities).toEqual([]);
    expect(fake.requests).toHaveLength(7);
    expect(fake.requests[0]).toEqual({
      method: "GET",
      path: `/v3/conversations/${ENCODED}/activities`,
      route: undefined,
    });
  });
});

describe("member routes", () => {
  it("GET …/members/{userId} answers a TeamsChannelAccount by 29: id, AAD object id or UPN", async () => {
    const expected = {
      id: ANNA.id,
      name: ANNA.name,
      aadObjectId: ANNA.aadObjectId,
      email: ANNA.email,
      userPrincipalName: ANNA.userPrincipalName,
      tenantId: "tenant-1",
      userRole: "user",
    };
    for (const key of [ANNA.id, ANNA.aadObjectId, "Anna.Lind@region.example"]) {
      const answer = await call(
        "GET",
        `v3/conversations/${ENCODED}/members/${encodeURIComponent(key)}`,
      );
      expect(answer, key).toMatchObject({ status: 200, body: expected });
    }
    const missing = await call("GET", `v3/conversations/${ENCODED}/members/29%3Anobody`);
    expect(missing).toMatchObject({
      status: 404,
      body: { error: { code: "MemberNotFoundInConversation" } },
    });
    expect(fake.requests.map((r) => r.route)).toEqual(["member", "member", "member", "member"]);
    expect(fake.activities).toEqual([]);
  });

  it("GET …/pagedmembers pages with pageSize and continuationToken; setMembers overrides per conversation", async () => {
    const first = await call("GET", `v3/conversations/${ENCODED}/pagedmembers?pageSize=2`);
    expect(first.body).toEqual({
      members: [
        expect.objectContaining({ id: ANNA.id }),
        expect.objectContaining({ id: BERIT.id }),
      ],
      continuationToken: expect.any(String),
    });
    const token = encodeURIComponent(String(record(first.body).continuationToken));
    const second = await call(
      "GET",
      `v3/conversations/${ENCODED}/pagedmembers?pageSize=2&continuationToken=${token}`,
    );
    expect(second.body).toEqual({
      members: [expect.objectContaining({ id: CARL.id, userRole: "user" })],
    });

    fake.setMembers("19:team@thread.tacv2", [BERIT]);
    const team = await call(
      "GET",
      `v3/conversations/${encodeURIComponent("19:team@thread.tacv2")}/pagedmembers`,
    );
    expect(team.body).toEqual({ members: [expect.objectContaining({ id: BERIT.id })] });
    fake.addMember({ id: "29:dan", name: "Dan", aadObjectId: "aad-dan" });
    const all = await call("GET", `v3/conversations/${ENCODED}/pagedmembers`);
    expect(record(all.body).members).toHaveLength(4);
  });
});

describe("inspection helpers", () => {
  it("sentTo, texts and cards see delivered posts and updates, not failed attempts or other chats", async () => {
    await call("POST", `v3/conversations/${ENCODED}/activities/1`, message("ett"));
    await call("POST", `v3/conversations/${ENCODED}/activities`, card("Protokoll"));
    fake.failNext("reply", { status: 500 });
    await call("POST", `v3/conversations/${ENCODED}/activities/1`, message("misslyckad"));
    fake.failNext("send", { delayMs: 1 });
    await call("POST", `v3/conversations/${ENCODED}/activities`, message("sen"));
    await call("PUT", `v3/conversations/${ENCODED}/activities/1`, card("Uppdaterad"));
    await call("POST", "v3/conversations/a%3Aother/activities", message("annan"));

    expect(fake.sentTo(CONVERSATION).map((a) => a.route)).toEqual(["reply", "send", "send"]);
    expect(fake.sentTo("a:other")).toHaveLength(1);
    expect(fake.texts()).toEqual(["ett", "sen", "annan"]);
    expect(fake.cards()).toEqual([
      { type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: "Protokoll" }] },
      { type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: "Uppdaterad" }] },
    ]);
    const failed = fake.activities[2];
    expect(failed).toMatchObject({ route: "reply", injected: { status: 500 } });
    expect(failed).not.toHaveProperty("id");

    fake.clear();
    expect(fake.activities).toEqual([]);
    expect(fake.requests).toEqual([]);
    expect(fake.texts()).toEqual([]);
  });

  it("waitForActivities resolves when enough arrived, and times out naming what it saw", async () => {
    const waiting = fake.waitForActivities(2, 2000);
    await call("POST", `v3/conversations/${ENCODED}/activities`, message("a"));
    await call("POST", `v3/conversations/${ENCODED}/activities`, message("b"));
    expect((await waiting).map((a) => record(a.activity).text)).toEqual(["a", "b"]);
    await expect(fake.waitForActivities(3, 50)).rejects.toThrow(/timed out after 50 ms.*have 2/);
  });
});

describe("failure injection", () => {
  const reply = `v3/conversations/${ENCODED}/activities/1`;

  it("429: Retry-After header and Teams' error body", async () => {
    fake.failNext("reply", { status: 429, retryAfter: 7 });
    const answer = await call("POST", reply, message("x"));
    expect(answer.status).toBe(429);
    expect(answer.headers.get("retry-after")).toBe("7");
    expect(answer.body).toEqual({ error: { code: "Throttled", message: "Too many requests." } });
  });

  it("500 and 403 BotNotInConversationRoster: Teams' error bodies", async () => {
    fake.failNext("send", { status: 500 });
    fake.failNext("send", { status: 403, code: "BotNotInConversationRoster" });
    const path = `v3/conversations/${ENCODED}/activities`;
    expect(await call("POST", path, message("x"))).toMatchObject({
      status: 500,
      body: { error: { code: "ServiceError" } },
    });
    expect(await call("POST", path, message("x"))).toMatchObject({
      status: 403,
      body: { error: { code: "BotNotInConversationRoster", message: expect.any(String) } },
    });
    expect((await call("POST", path, message("x"))).status).toBe(200);
  });

  it("delayMs answers normally but late; drop closes the connection unanswered", async () => {
    fake.failNext("update", { delayMs: 150 });
    const started = Date.now();
    const late = await call("PUT", reply, message("x"));
    expect(late).toMatchObject({ status: 200, body: { id: "1" } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    fake.failNext("reply", { drop: true });
    await expect(call("POST", reply, message("x"))).rejects.toThrow();
    expect(fake.activities.at(-1)).toMatchObject({ injected: { drop: true } });
  });

  it("times, '*', route before '*', pendingFailures, member routes and validation", async () => {
    fake.failNext("*", { status: 500 }, 1);
    fake.failNext("create", { status: 403, code: "BotNotInConversationRoster" }, 2);
    expect(fake.pendingFailures("create")).toBe(2);
    expect((await call("POST", "v3/conversations", { members: [{ id: ANNA.id }] })).status).toBe(
      403,
    );
    expect((await call("POST", "v3/conversations", { members: [{ id: ANNA.id }] })).status).toBe(
      403,
    );
    expect(fake.pendingFailures("create")).toBe(0);
    expect((await call("DELETE", reply)).status).toBe(500);
    expect((await call("DELETE", reply)).status).toBe(200);
    expect(fake.pendingFailures("*")).toBe(0);

    fake.failNext("members", { status: 429, retryAfter: 0 });
    expect((await call("GET", `v3/conversations/${ENCODED}/members/29%3Aanna`)).status).toBe(429);

    fake.failNext("reply", { status: 500 }, 3);
    fake.clearFailures();
    expect(fake.pendingFailures("reply")).toBe(0);
    expect(() => fake.failNext("reply", { status: 500 }, -1)).toThrow(RangeError);
    expect(() => fake.failNext("reply", { status: 429, retryAfter: 1.5 })).toThrow(RangeError);
    expect(() => fake.failNext("reply", { delayMs: -1 })).toThrow(RangeError);
  });

  it("stop() does not wait for a pending delay", async () => {
    fake.failNext("reply", { delayMs: 10_000 });
    const pending = call("POST", reply, message("x")).catch((error: unknown) => error);
    await fake.waitForActivities(1);
    const started = Date.now();
    await fake.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
  });
});
