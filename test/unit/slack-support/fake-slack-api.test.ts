import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeSlackApi } from "../../support/fake-slack-api.js";
import { fixture, record, recordAt, sortedKeys } from "./helpers.js";

const examples = recordAt(fixture("slack-webapi-responses.json"), "methods");

/** The first (successful) documented example answer of a method. */
function example(method: string): Record<string, unknown> {
  const answers = examples[method];
  if (!Array.isArray(answers)) throw new Error(`no example for ${method}`);
  return record(answers[0]);
}

function expectKeysOf(actual: unknown, documented: unknown): void {
  expect(sortedKeys(actual)).toEqual(expect.arrayContaining(sortedKeys(documented)));
}

let fake: FakeSlackApi;

beforeEach(async () => {
  fake = new FakeSlackApi({
    users: {
      U0ANNA: {
        real_name: "Anna Lind",
        display_name: "Anna",
        tz: "Europe/Stockholm",
        email: "anna@example.se",
      },
    },
    channels: { C0RADET: { name: "regionala-samverkansradet" } },
  });
  await fake.start();
});

afterEach(async () => {
  await fake.stop();
});

/** Calls the fake the way @slack/web-api 8 does: a form body, objects as JSON strings. */
async function call(
  method: string,
  args: Record<string, unknown>,
  /** null: no Authorization header (undefined would pick the default). */
  token: string | null = fake.team.botToken,
): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(args)) {
    form.set(key, typeof value === "string" ? value : JSON.stringify(value));
  }
  const response = await fetch(`${fake.url}${method}`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
    body: form.toString(),
  });
  const text = await response.text();
  return { status: response.status, json: record(JSON.parse(text)), headers: response.headers };
}

const section = { type: "section", text: { type: "mrkdwn", text: "*Noterat*" } };

describe("FakeSlackApi answers", () => {
  it("serves on 127.0.0.1 with Bolt's slackApiUrl form and response URLs on the same server", () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
    expect(fake.responseUrl("kommando 1")).toBe(
      `${fake.url.replace("/api/", "")}/response/kommando%201`,
    );
  });

  it("auth.test: the configured team's ids", async () => {
    const { json } = await call("auth.test", {});
    expectKeysOf(json, example("auth.test"));
    expect(json).toMatchObject({
      ok: true,
      team_id: fake.team.id,
      user_id: fake.team.botUserId,
      bot_id: fake.team.botId,
    });
  });

  it("chat.postMessage: ok, channel, unique increasing ts, the message echoed", async () => {
    const first = await call("chat.postMessage", {
      channel: "C0RADET",
      text: "Hej",
      blocks: [section],
    });
    const second = await call("chat.postMessage", { channel: "C0RADET", text: "Igen" });
    expectKeysOf(first.json, example("chat.postMessage"));
    expect(first.json).toMatchObject({ ok: true, channel: "C0RADET" });
    const firstMessage = recordAt(first.json, "message");
    expect(firstMessage).toMatchObject({
      type: "message",
      text: "Hej",
      blocks: [section],
      bot_id: fake.team.botId,
      ts: first.json.ts,
    });
    expect(Number(second.json.ts)).toBeGreaterThan(Number(first.json.ts));
    expect(String(first.json.ts)).toMatch(/^\d{10}\.\d{6}$/);
    expect(fake.message("C0RADET", String(first.json.ts))?.text).toBe("Hej");
  });

  it("chat.postMessage to a user id answers with the DM channel, like Slack", async () => {
    const { json } = await call("chat.postMessage", { channel: "U0ANNA", text: "Påminnelse" });
    expect(json.channel).toBe("D0ANNA");
  });

  it("chat.postMessage refuses what Slack refuses: no text, too many blocks, too long a section", async () => {
    expect((await call("chat.postMessage", { channel: "C1" })).json.error).toBe("no_text");
    const many = Array.from({ length: 51 }, () => section);
    const tooMany = await call("chat.postMessage", { channel: "C1", text: "x", blocks: many });
    expect(tooMany.json).toMatchObject({ ok: false, error: "invalid_blocks" });
    const long = { type: "section", text: { type: "mrkdwn", text: "a".repeat(3001) } };
    const tooLong = await call("chat.postMessage", { channel: "C1", text: "x", blocks: [long] });
    expect(tooLong.json).toMatchObject({
      ok: false,
      error: "invalid_blocks",
      response_metadata: {
        messages: ["[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]"],
      },
    });
  });

  it("chat.postEphemeral, chat.update, chat.delete, chat.getPermalink", async () => {
    const ephemeral = await call("chat.postEphemeral", {
      channel: "C1",
      user: "U0ANNA",
      text: "Bara du",
    });
    expect(sortedKeys(ephemeral.json)).toEqual(sortedKeys(example("chat.postEphemeral")));

    const posted = await call("chat.postMessage", { channel: "C1", text: "Före" });
    const ts = String(posted.json.ts);
    const updated = await call("chat.update", {
      channel: "C1",
      ts,
      text: "Efter",
      blocks: [section],
    });
    expectKeysOf(updated.json, example("chat.update"));
    expect(updated.json).toMatchObject({ ok: true, channel: "C1", ts, text: "Efter" });
    expect(fake.message("C1", ts)).toMatchObject({ text: "Efter", blocks: [section] });

    const link = await call("chat.getPermalink", { channel: "C1", message_ts: ts });
    expect(link.json).toMatchObject({ ok: true, channel: "C1" });
    expect(String(link.json.permalink)).toBe(
      `https://${fake.team.domain}.fake-slack.test/archives/C1/p${ts.replace(".", "")}`,
    );

    expect((await call("chat.delete", { channel: "C1", ts })).json).toEqual({
      ok: true,
      channel: "C1",
      ts,
    });
    expect(fake.message("C1", ts)).toBeUndefined();
  });

  it("views.open, views.publish, views.update: the documented view object", async () => {
    const modal = {
      type: "modal",
      callback_id: "ny-punkt",
      title: { type: "plain_text", text: "Ny punkt" },
      submit: { type: "plain_text", text: "Spara" },
      private_metadata: '{"council":"rsr"}',
      blocks: [section],
    };
    const opened = await call("views.open", { trigger_id: "1.2.3", view: modal });
    const openedView = recordAt(opened.json, "view");
    expectKeysOf(openedView, recordAt(example("views.open"), "view"));
    expect(openedView).toMatchObject({
      type: "modal",
      callback_id: "ny-punkt",
      team_id: fake.team.id,
    });

    const noTrigger = await call("views.open", { view: modal });
    expect(noTrigger.json).toMatchObject({ ok: false, error: "invalid_arguments" });

    const updated = await call("views.update", {
      view_id: openedView.id,
      hash: openedView.hash,
      view: { ...modal, title: { type: "plain_text", text: "Sparad" } },
    });
    expectKeysOf(recordAt(updated.json, "view"), recordAt(example("views.update"), "view"));
    expect(recordAt(updated.json, "view").id).toBe(openedView.id);
    const stale = await call("views.update", {
      view_id: openedView.id,
      hash: openedView.hash,
      view: modal,
    });
    expect(stale.json).toEqual({ ok: false, error: "hash_conflict" });

    const home = { type: "home", blocks: [section] };
    const published = await call("views.publish", { user_id: "U0ANNA", view: home });
    expectKeysOf(recordAt(published.json, "view"), recordAt(example("views.publish"), "view"));
    const again = await call("views.publish", { user_id: "U0ANNA", view: home });
    expect(recordAt(again.json, "view").id).toBe(recordAt(published.json, "view").id);
  });

  it("users.info: configured users with profile, zone and locale on request; unknown → user_not_found", async () => {
    const { json } = await call("users.info", { user: "U0ANNA", include_locale: "true" });
    const user = recordAt(json, "user");
    const documented = recordAt(example("users.info"), "user");
    expectKeysOf(user, documented);
    expectKeysOf(user.profile, documented.profile);
    expect(user).toMatchObject({
      id: "U0ANNA",
      real_name: "Anna Lind",
      tz: "Europe/Stockholm",
      profile: { display_name: "Anna", real_name: "Anna Lind" },
    });
    // Stockholm is UTC+1 or UTC+2 depending on the day.
    expect([3600, 7200]).toContain(user.tz_offset);
    expect(String(user.tz_label)).toMatch(/Central European/);

    expect((await call("users.info", { user: "U0NOBODY" })).json).toEqual({
      ok: false,
      error: "user_not_found",
    });
    fake.setUser("U0NEW", { real_name: "Ny Person", display_name: "ny", tz: "Europe/Stockholm" });
    expect((await call("users.info", { user: "U0NEW" })).json.ok).toBe(true);
  });

  it("conversations.info: configured channels, made-up ones unless strict", async () => {
    const known = await call("conversations.info", { channel: "C0RADET" });
    expect(recordAt(known.json, "channel")).toMatchObject({
      id: "C0RADET",
      name: "regionala-samverkansradet",
      is_channel: true,
      is_member: true,
    });
    const im = await call("conversations.info", { channel: "D0ANNA" });
    expect(recordAt(im.json, "channel")).toMatchObject({ is_im: true, user: "U0ANNA" });

    const strict = new FakeSlackApi({ strictChannels: true });
    await strict.start();
    try {
      const response = await fetch(`${strict.url}conversations.info`, {
        method: "POST",
        headers: {
          authorization: "Bearer xoxb-x",
          "content-type": "application/x-www-form-urlencoded",
        },
        body: "channel=C0NOPE",
      });
      expect(await response.json()).toEqual({ ok: false, error: "channel_not_found" });
    } finally {
      await strict.stop();
    }
  });

  it("oauth.v2.access: a full v2 installation answer, no token needed", async () => {
    const { json } = await call(
      "oauth.v2.access",
      { client_id: "1.2", client_secret: "s", code: "kod" },
      null,
    );
    expect(json).toEqual({
      ok: true,
      app_id: fake.team.appId,
      authed_user: { id: fake.team.installerUserId },
      scope: fake.team.scope,
      token_type: "bot",
      access_token: fake.team.botToken,
      bot_user_id: fake.team.botUserId,
      team: { id: fake.team.id, name: fake.team.name },
      enterprise: null,
      is_enterprise_install: false,
    });
    expect(String(json.access_token)).toMatch(/^xoxb-/);
    expect(fake.callsTo("oauth.v2.access")[0]).toEqual({
      method: "oauth.v2.access",
      args: { client_id: "1.2", client_secret: "s", code: "kod" },
    });
  });

  it("oauth.v2.access installs another team for its code, and auth.test knows its token", async () => {
    const other = fake.addTeam(
      { id: "T0ANNAN", botToken: "xoxb-annan", botUserId: "U0BOT2" },
      "kod-2",
    );
    const { json } = await call("oauth.v2.access", { code: "kod-2" }, null);
    expect(json).toMatchObject({ access_token: "xoxb-annan", team: { id: "T0ANNAN" } });
    const auth = await call("auth.test", {}, other.botToken);
    expect(auth.json).toMatchObject({ team_id: "T0ANNAN", user_id: "U0BOT2" });
  });

  it("apps.uninstall revokes the caller's token; calls without a token are not_authed", async () => {
    expect((await call("apps.uninstall", { client_id: "1", client_secret: "s" })).json.ok).toBe(
      true,
    );
    expect((await call("chat.postMessage", { channel: "C1", text: "x" })).json).toEqual({
      ok: false,
      error: "token_revoked",
    });
    expect((await call("auth.test", {}, null)).json).toEqual({ ok: false, error: "not_authed" });
  });

  it("answers any other method with ok:true, and unknown paths with 404", async () => {
    expect((await call("reactions.add", { channel: "C1", name: "white_check_mark" })).json).toEqual(
      {
        ok: true,
      },
    );
    expect((await fetch(`${fake.url.replace("/api/", "")}/nowhere`)).status).toBe(404);
    expect((await fetch(`${fake.url}bad%20method`, { method: "POST" })).status).toBe(404);
  });

  it("never throws on odd input", async () => {
    const badJson = await fetch(`${fake.url}chat.postMessage`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer xoxb-x" },
      body: "{not json",
    });
    expect(await badJson.json()).toEqual({ ok: false, error: "invalid_json" });
    const garbage = await fetch(`${fake.url}chat.postMessage`, {
      method: "POST",
      headers: { authorization: "Bearer xoxb-x" },
      body: "%%%&&&=blocks=[",
    });
    expect(garbage.status).toBe(200);
    const badBlocks = await call("chat.postMessage", { channel: "C1", text: "x", blocks: "[{" });
    expect(badBlocks.json).toMatchObject({ ok: false, error: "invalid_blocks" });
    expect((await call("auth.test", {})).json.ok).toBe(true);
  });
});

describe("FakeSlackApi records", () => {
  it("every call with parsed blocks/attachments/view and the bearer token", async () => {
    await call("chat.postMessage", {
      channel: "C1",
      text: "Hej",
      blocks: [section],
      attachments: [{ text: "bilaga" }],
    });
    await call("views.open", { trigger_id: "t", view: { type: "modal", blocks: [] } });
    expect(fake.calls).toEqual([
      {
        method: "chat.postMessage",
        args: { channel: "C1", text: "Hej", blocks: [section], attachments: [{ text: "bilaga" }] },
        token: fake.team.botToken,
      },
      {
        method: "views.open",
        args: { trigger_id: "t", view: { type: "modal", blocks: [] } },
        token: fake.team.botToken,
      },
    ]);
    expect(fake.callsTo("views.open")).toHaveLength(1);
    fake.clear();
    expect(fake.calls).toEqual([]);
  });

  it("JSON bodies too, with the token taken from the body when there is no header", async () => {
    await fetch(`${fake.url}chat.postMessage`, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({
        token: "xoxb-i-kroppen",
        channel: "C1",
        text: "x",
        unfurl_links: false,
      }),
    });
    expect(fake.calls[0]).toMatchObject({
      method: "chat.postMessage",
      token: "xoxb-i-kroppen",
      args: { channel: "C1", unfurl_links: false },
    });
  });

  it("POSTs to a response_url", async () => {
    const url = fake.responseUrl("kommando-1");
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ response_type: "ephemeral", text: "Klart", replace_original: false }),
    });
    expect(response.status).toBe(200);
    expect(fake.responses).toEqual([
      {
        id: "kommando-1",
        body: { response_type: "ephemeral", text: "Klart", replace_original: false },
      },
    ]);
    expect(fake.responsesTo("kommando-1")).toHaveLength(1);
  });

  it("waitForCalls resolves when the call arrives, and times out with a clear message", async () => {
    const waiting = fake.waitForCalls("chat.postMessage");
    await call("chat.postMessage", { channel: "C1", text: "sen" });
    expect(await waiting).toHaveLength(1);
    await expect(fake.waitForCalls("views.open", 1, 30)).rejects.toThrow(/views\.open/);
  });
});

describe("FakeSlackApi failure injection", () => {
  it("429 with Retry-After and Slack's ratelimited body, then normal again", async () => {
    fake.failNext("chat.postMessage", { status: 429, retryAfter: 7 });
    expect(fake.pendingFailures("chat.postMessage")).toBe(1);
    const limited = await call("chat.postMessage", { channel: "C1", text: "x" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(limited.json).toEqual(
      record(fixture("slack-webapi-responses.json").rate_limited_429).body,
    );
    expect((await call("chat.postMessage", { channel: "C1", text: "x" })).status).toBe(200);
    expect(fake.calls[0]?.injected).toEqual({ status: 429, retryAfter: 7 });
    expect(fake.pendingFailures("chat.postMessage")).toBe(0);
  });

  it("HTTP 500 without a Slack body", async () => {
    fake.failNext("users.info", { status: 500 });
    const response = await fetch(`${fake.url}users.info`, {
      method: "POST",
      headers: { authorization: "Bearer x" },
      body: "user=U0ANNA",
    });
    expect(response.status).toBe(500);
  });

  it("{ok:false, error} with HTTP 200, `times` in a row, only for that method", async () => {
    fake.failNext("chat.postMessage", { error: "not_in_channel" }, 2);
    expect((await call("auth.test", {})).json.ok).toBe(true);
    for (let i = 0; i < 2; i++) {
      const failed = await call("chat.postMessage", { channel: "C1", text: "x" });
      expect(failed).toMatchObject({ status: 200, json: { ok: false, error: "not_in_channel" } });
    }
    expect((await call("chat.postMessage", { channel: "C1", text: "x" })).json.ok).toBe(true);
  });

  it("'*' fails whatever method comes next", async () => {
    fake.failNext("*", { error: "channel_not_found" });
    expect((await call("conversations.info", { channel: "C1" })).json.error).toBe(
      "channel_not_found",
    );
  });

  it("a delay answers normally, late", async () => {
    fake.failNext("auth.test", { delayMs: 150 });
    const started = performance.now();
    const { json } = await call("auth.test", {});
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(json.ok).toBe(true);
  });

  it("a drop destroys the socket without an answer", async () => {
    fake.failNext("chat.postMessage", { drop: true });
    await expect(call("chat.postMessage", { channel: "C1", text: "x" })).rejects.toThrow();
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
    expect((await call("chat.postMessage", { channel: "C1", text: "x" })).json.ok).toBe(true);
  });

  it("response_url POSTs can fail too", async () => {
    fake.failNext("response_url", { status: 500 });
    const response = await fetch(fake.responseUrl("r"), { method: "POST", body: "{}" });
    expect(response.status).toBe(500);
    expect(fake.responses).toEqual([{ id: "r", body: {} }]);
  });

  it("stop() does not wait for a delayed answer", async () => {
    fake.failNext("auth.test", { delayMs: 10_000 });
    const pending = call("auth.test", {}).catch((error: unknown) => error);
    await fake.waitForCalls("auth.test");
    const started = performance.now();
    await fake.stop();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
  });

  it("rejects nonsensical plans at set-up", () => {
    expect(() => fake.failNext("auth.test", { error: "x" }, -1)).toThrow(RangeError);
    expect(() => fake.failRandomly("auth.test", { rate: 2, failures: [], seed: 1 })).toThrow(
      RangeError,
    );
    expect(() => fake.failRandomly("auth.test", { rate: 0.5, failures: [], seed: 1 })).toThrow(
      RangeError,
    );
  });
});
