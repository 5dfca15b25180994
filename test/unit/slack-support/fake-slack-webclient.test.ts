import {
  type RetryOptions,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
  WebClient,
  WebClientEvent,
} from "@slack/web-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeSlackApi } from "../../support/fake-slack-api.js";
import { silentLogger } from "./helpers.js";

// The real client, as Bolt's `clientOptions` configures it, against the fake: proves the
// fake's answers and failures look to @slack/web-api 8 exactly like Slack's.

let fake: FakeSlackApi;

beforeEach(async () => {
  fake = new FakeSlackApi({
    users: { U0ANNA: { real_name: "Anna Lind", display_name: "Anna", tz: "Europe/Stockholm" } },
  });
  await fake.start();
});

afterEach(async () => {
  await fake.stop();
});

const NO_RETRIES: RetryOptions = { retries: 0 };

function client(
  retryConfig: RetryOptions = NO_RETRIES,
  extra: { rejectRateLimitedCalls?: boolean; timeout?: number } = {},
) {
  return new WebClient(fake.team.botToken, {
    slackApiUrl: fake.url,
    retryConfig,
    logger: silentLogger,
    ...extra,
  });
}

const blocks = [{ type: "section", text: { type: "mrkdwn", text: "*Beslut:* budgeten antas" } }];

describe("WebClient against FakeSlackApi", () => {
  it("posts a message: blocks arrive parsed, the token from the Authorization header", async () => {
    const result = await client().chat.postMessage({ channel: "C1", text: "Beslut", blocks });
    expect(result.ok).toBe(true);
    expect(result.channel).toBe("C1");
    expect(result.message?.text).toBe("Beslut");
    expect(fake.callsTo("chat.postMessage")).toEqual([
      {
        method: "chat.postMessage",
        args: { channel: "C1", text: "Beslut", blocks },
        token: fake.team.botToken,
      },
    ]);
  });

  it("opens a view, reads a user and exchanges an OAuth code", async () => {
    const web = client();
    const opened = await web.views.open({
      trigger_id: "1.2.3",
      view: { type: "modal", title: { type: "plain_text", text: "Ny punkt" }, blocks },
    });
    expect(opened.view?.id).toMatch(/^V/);
    expect(fake.callsTo("views.open")[0]?.args.view).toMatchObject({ type: "modal", blocks });

    const info = await web.users.info({ user: "U0ANNA" });
    expect(info.user?.profile?.display_name).toBe("Anna");

    const install = await new WebClient(undefined, {
      slackApiUrl: fake.url,
      retryConfig: NO_RETRIES,
      logger: silentLogger,
    }).oauth.v2.access({ client_id: "1.2", client_secret: "hemligt", code: "kod" });
    expect(install.access_token).toBe(fake.team.botToken);
    expect(install.team?.id).toBe(fake.team.id);
  });

  it("{ok:false} becomes WebAPIPlatformError with Slack's error code", async () => {
    fake.failNext("chat.postMessage", { error: "channel_not_found" });
    const error = await client()
      .chat.postMessage({ channel: "C0GONE", text: "x" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebAPIPlatformError);
    if (error instanceof WebAPIPlatformError) expect(error.data.error).toBe("channel_not_found");
  });

  it("users.info for an unknown user is a platform error user_not_found", async () => {
    await expect(client().users.info({ user: "U0NOBODY" })).rejects.toMatchObject({
      data: { error: "user_not_found" },
    });
  });

  it("429 becomes WebAPIRateLimitedError with Retry-After when the client rejects rate-limited calls", async () => {
    fake.failNext("chat.postMessage", { status: 429, retryAfter: 30 });
    const error = await client(NO_RETRIES, { rejectRateLimitedCalls: true })
      .chat.postMessage({ channel: "C1", text: "x" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebAPIRateLimitedError);
    if (error instanceof WebAPIRateLimitedError) expect(error.retryAfter).toBe(30);
  });

  it("429 by default: the client pauses for Retry-After, emits rate_limited, then retries", async () => {
    fake.failNext("chat.postMessage", { status: 429, retryAfter: 0 });
    const web = client({ retries: 1, factor: 1, minTimeout: 10, maxTimeout: 20 });
    const pauses: number[] = [];
    web.on(WebClientEvent.RATE_LIMITED, (seconds: number) => pauses.push(seconds));
    const result = await web.chat.postMessage({ channel: "C1", text: "x" });
    expect(result.ok).toBe(true);
    expect(pauses).toEqual([0]);
    expect(fake.callsTo("chat.postMessage")).toHaveLength(2);
  });

  it("429 with no retries left surfaces as a request error (what a bot sees in production after 10)", async () => {
    fake.failNext("chat.postMessage", { status: 429, retryAfter: 0 });
    const error = await client()
      .chat.postMessage({ channel: "C1", text: "x" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebAPIRequestError);
    expect(String(error)).toMatch(/rate limit/);
  });

  it("HTTP 500 becomes WebAPIHTTPError", async () => {
    fake.failNext("chat.update", { status: 500 });
    const error = await client()
      .chat.update({ channel: "C1", ts: "1.2", text: "x" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebAPIHTTPError);
    if (error instanceof WebAPIHTTPError) expect(error.statusCode).toBe(500);
  });

  it("a dropped connection becomes WebAPIRequestError", async () => {
    fake.failNext("chat.postMessage", { drop: true });
    await expect(client().chat.postMessage({ channel: "C1", text: "x" })).rejects.toBeInstanceOf(
      WebAPIRequestError,
    );
  });

  it("a late answer arrives, or times the client out", async () => {
    fake.failNext("auth.test", { delayMs: 100 });
    expect((await client().auth.test()).ok).toBe(true);
    fake.failNext("auth.test", { delayMs: 2000 });
    await expect(client(NO_RETRIES, { timeout: 50 }).auth.test()).rejects.toBeInstanceOf(
      WebAPIRequestError,
    );
  });

  it("with retries configured, succeeds after one 500", async () => {
    fake.failNext("chat.postMessage", { status: 500 });
    const result = await client({
      retries: 2,
      factor: 1,
      minTimeout: 10,
      maxTimeout: 20,
    }).chat.postMessage({
      channel: "C1",
      text: "till slut",
    });
    expect(result.ok).toBe(true);
    const calls = fake.callsTo("chat.postMessage");
    expect(calls.map((call) => call.injected)).toEqual([{ status: 500 }, undefined]);
  });
});
