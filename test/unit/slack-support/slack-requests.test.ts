import { describe, expect, it } from "vitest";
import {
  appHomeOpenedEvent,
  appMentionEvent,
  appUninstalledEvent,
  blockAction,
  directMessageEvent,
  eventCallback,
  FORM_CONTENT_TYPE,
  globalShortcut,
  JSON_CONTENT_TYPE,
  messageAction,
  type SlackRequest,
  slashCommand,
  tokensRevokedEvent,
  urlVerification,
  viewSubmission,
} from "../../support/slack-requests.js";
import { fixture, record, recordAt, shapeOf, sortedKeys } from "./helpers.js";

const enterprise = { id: "E111", name: "Sandbox Org" };

/** Parses a body the way Bolt does: form fields, or the JSON in `payload=`, or JSON. */
function parseBack(request: SlackRequest): Record<string, unknown> {
  if (request.headers["content-type"] === JSON_CONTENT_TYPE)
    return record(JSON.parse(request.body));
  const form = new URLSearchParams(request.body);
  const payload = form.get("payload");
  return payload === null ? Object.fromEntries(form) : record(JSON.parse(payload));
}

function fixturePayload(name: string, key: "fields" | "payload" | "body"): Record<string, unknown> {
  return record(fixture(name)[key]);
}

it("shapeOf tells payloads apart by their field set at any depth", () => {
  expect(shapeOf({ a: { b: 1 } })).not.toEqual(shapeOf({ a: { c: 1 } }));
  expect(shapeOf({ a: [{ b: 1 }] })).not.toEqual(shapeOf({ a: [{ b: "1" }] }));
  expect(shapeOf({ a: 1, b: null })).toEqual(shapeOf({ b: null, a: 2 }));
});

describe("slashCommand", () => {
  const base = {
    teamId: "T111",
    channelId: "C111",
    userId: "W111",
    userName: "primary-owner",
    text: "möte idag kl 13 & <!channel>",
    responseUrl: "http://127.0.0.1:1/response/c1",
    triggerId: "111.111.xxx",
  };

  it("has the fixture's fields, in Slack's order, for a Grid workspace", () => {
    const request = slashCommand({ ...base, enterprise });
    const fields = parseBack(request);
    expect(Object.keys(fields)).toEqual(
      Object.keys(fixturePayload("slack-slash-command.json", "fields")),
    );
    expect(fields).toMatchObject({
      team_id: "T111",
      channel_id: "C111",
      user_id: "W111",
      user_name: "primary-owner",
      command: "/noterat",
      text: base.text,
      response_url: base.responseUrl,
      trigger_id: "111.111.xxx",
      enterprise_id: "E111",
    });
    expect(request.headers).toEqual({ "content-type": FORM_CONTENT_TYPE });
  });

  it("leaves out enterprise fields outside Enterprise Grid, and takes another command", () => {
    const fields = parseBack(slashCommand({ ...base, command: "/noterat-test" }));
    const expected = Object.keys(fixturePayload("slack-slash-command.json", "fields")).filter(
      (key) => !key.startsWith("enterprise_"),
    );
    expect(Object.keys(fields)).toEqual(expected);
    expect(fields.command).toBe("/noterat-test");
  });

  it("form-encodes like Slack (spaces as +, UTF-8 percent-encoded)", () => {
    const body = slashCommand({ ...base, text: "å ä" }).body;
    expect(body).toContain("text=%C3%A5+%C3%A4");
    expect(body).toContain("command=%2Fnoterat");
  });

  it("adds Slack's retry headers when asked", () => {
    const request = slashCommand({ ...base, retryNum: 1, retryReason: "http_error" });
    expect(request.headers["x-slack-retry-num"]).toBe("1");
    expect(request.headers["x-slack-retry-reason"]).toBe("http_error");
  });
});

describe("blockAction", () => {
  it("in a message has the fixture's shape at every level", () => {
    const request = blockAction({
      teamId: "T111",
      userId: "W111",
      channelId: "C111",
      messageTs: "111.222",
      isEphemeral: true,
      actionId: "a",
      blockId: "b",
      value: "click_me_123",
      text: "Button",
      responseUrl: "http://127.0.0.1:1/response/b1",
      triggerId: "111.222.valid",
      enterprise,
    });
    const payload = parseBack(request);
    expect(shapeOf(payload)).toEqual(
      shapeOf(fixturePayload("slack-block-actions.json", "payload")),
    );
    expect(Object.keys(payload)).toEqual(
      Object.keys(fixturePayload("slack-block-actions.json", "payload")),
    );
    expect(payload).toMatchObject({
      type: "block_actions",
      container: { type: "message", message_ts: "111.222", channel_id: "C111" },
      response_url: "http://127.0.0.1:1/response/b1",
      actions: [{ action_id: "a", value: "click_me_123", type: "button" }],
    });
    expect(request.headers["content-type"]).toBe(FORM_CONTENT_TYPE);
    expect(request.body.startsWith("payload=")).toBe(true);
  });

  it("in App Home has a view container and the view instead of channel and response_url", () => {
    const payload = parseBack(
      blockAction({
        teamId: "T111",
        userId: "W111",
        actionId: "oppna",
        value: "42",
        triggerId: "t",
        view: { id: "V123", type: "home", privateMetadata: "{}" },
      }),
    );
    expect(Object.keys(payload)).toEqual([
      "type",
      "user",
      "api_app_id",
      "token",
      "container",
      "trigger_id",
      "team",
      "view",
      "actions",
    ]);
    expect(payload.container).toEqual({ type: "view", view_id: "V123" });
    expect(recordAt(payload, "view")).toMatchObject({ id: "V123", type: "home", close: null });
    expect(sortedKeys(payload.view)).toEqual(
      sortedKeys(recordAt(fixturePayload("slack-view-submission.json", "payload"), "view")),
    );
  });

  it("sends selected_option for selects", () => {
    const payload = parseBack(
      blockAction({
        teamId: "T1",
        userId: "U1",
        channelId: "C1",
        actionId: "rad",
        value: "beslut",
        actionType: "static_select",
      }),
    );
    expect(recordAt(payload, "actions", 0)).toMatchObject({
      type: "static_select",
      selected_option: { value: "beslut" },
    });
  });

  it("refuses to build a click with neither message nor view", () => {
    expect(() => blockAction({ teamId: "T1", userId: "U1", actionId: "a", value: "v" })).toThrow(
      TypeError,
    );
  });
});

describe("viewSubmission", () => {
  it("has the fixture's shape at every level, blocks derived from the values", () => {
    const payload = parseBack(
      viewSubmission({
        teamId: "T111",
        userId: "W111",
        callbackId: "view-id",
        privateMetadata: "This is for you!",
        values: { hspI: { maBWU: { type: "plain_text_input", value: "test" } } },
        viewId: "V111",
        hash: "1596530361.3wRYuk3R",
        enterprise,
      }),
    );
    const expected = fixturePayload("slack-view-submission.json", "payload");
    expect(shapeOf(payload)).toEqual(shapeOf(expected));
    expect(Object.keys(payload)).toEqual(Object.keys(expected));
    expect(recordAt(payload, "view")).toMatchObject({
      id: "V111",
      callback_id: "view-id",
      private_metadata: "This is for you!",
      hash: "1596530361.3wRYuk3R",
      state: { values: { hspI: { maBWU: { value: "test" } } } },
      app_installed_team_id: "T111",
    });
  });
});

describe("shortcuts", () => {
  it("messageAction has the fixture's shape (message blocks aside: the fixture mentions a user)", () => {
    const payload = parseBack(
      messageAction({
        teamId: "T111",
        userId: "W111",
        channelId: "C111",
        callbackId: "spara-som-punkt",
        messageTs: "1583636382.000300",
        messageText: "Beslut: budgeten antas",
        messageUser: "W222",
        triggerId: "111.222.xxx",
        responseUrl: "http://127.0.0.1:1/response/m1",
        enterprise: { id: "E111", name: "Org Name" },
      }),
    );
    const expected = fixturePayload("slack-message-action.json", "payload");
    const withoutBlocks = (value: Record<string, unknown>) => ({
      ...value,
      message: { ...recordAt(value, "message"), blocks: [] },
    });
    expect(shapeOf(withoutBlocks(payload))).toEqual(shapeOf(withoutBlocks(expected)));
    expect(Object.keys(payload)).toEqual(Object.keys(expected));
    expect(recordAt(payload, "message", "blocks", 0).type).toBe("rich_text");
  });

  it("globalShortcut has the fixture's shape", () => {
    const payload = parseBack(
      globalShortcut({
        teamId: "T111",
        userId: "W111",
        callbackId: "nytt-mote",
        enterprise: { id: "E111", name: "Org Name" },
      }),
    );
    expect(shapeOf(payload)).toEqual(
      shapeOf(fixturePayload("slack-global-shortcut.json", "payload")),
    );
  });
});

describe("Events API", () => {
  const realEnvelope = fixturePayload("slack-event-callback-message-im.json", "body");

  it("eventCallback has the real capture's envelope and a JSON content type", () => {
    const request = eventCallback({
      teamId: "T043DB835ML",
      event: directMessageEvent({
        teamId: "T043DB835ML",
        userId: "U043H11ES4V",
        channelId: "D0442US94JD",
        text: "test",
      }),
      eventId: "Ev044C51K43V",
      eventTime: 1664408649,
    });
    const payload = parseBack(request);
    expect(shapeOf(payload)).toEqual(shapeOf(realEnvelope));
    expect(Object.keys(payload)).toEqual(Object.keys(realEnvelope));
    expect(payload).toMatchObject({ event_id: "Ev044C51K43V", event_time: 1664408649 });
    expect(request.headers).toEqual({ "content-type": JSON_CONTENT_TYPE });
  });

  it("covers every envelope field of the app_home_opened example", () => {
    const payload = parseBack(
      eventCallback({
        teamId: "T1",
        event: appHomeOpenedEvent({ teamId: "T1", userId: "U1", channelId: "D1" }),
      }),
    );
    const documented = Object.keys(fixturePayload("slack-event-app-home-opened.json", "body"));
    expect(Object.keys(payload)).toEqual(expect.arrayContaining(documented));
  });

  it("app_home_opened with a published view matches the example event", () => {
    const event = appHomeOpenedEvent({
      teamId: "T123ABC456",
      userId: "U123ABC456",
      channelId: "D123ABC456",
      view: { id: "V123ABC456" },
    });
    const expected = recordAt(fixturePayload("slack-event-app-home-opened.json", "body"), "event");
    expect(shapeOf(event)).toEqual(shapeOf(expected));
    expect(
      appHomeOpenedEvent({ teamId: "T", userId: "U", channelId: "D", tab: "messages" }),
    ).not.toHaveProperty("view");
  });

  it("app_mention matches the example event", () => {
    const event = appMentionEvent({
      teamId: "T111",
      userId: "W222",
      channelId: "C111",
      text: "<@W111> Hi there!",
    });
    const expected = recordAt(fixturePayload("slack-event-app-mention.json", "body"), "event");
    expect(shapeOf(event)).toEqual(shapeOf(expected));
  });

  it("app_uninstalled and tokens_revoked carry Slack's fields", () => {
    expect(appUninstalledEvent()).toMatchObject({ type: "app_uninstalled" });
    expect(tokensRevokedEvent({ bot: ["U0BOT"] })).toMatchObject({
      type: "tokens_revoked",
      tokens: { oauth: [], bot: ["U0BOT"] },
    });
  });

  it("retries carry x-slack-retry-num and x-slack-retry-reason", () => {
    const request = eventCallback({ teamId: "T1", event: appUninstalledEvent(), retryNum: 2 });
    expect(request.headers).toMatchObject({
      "x-slack-retry-num": "2",
      "x-slack-retry-reason": "http_timeout",
    });
  });

  it("urlVerification is the documented check", () => {
    const expected = fixture("slack-url-verification.json");
    const payload = parseBack(urlVerification(String(recordAt(expected, "body").challenge)));
    expect(shapeOf(payload)).toEqual(shapeOf(expected.body));
    expect(payload.challenge).toBe(recordAt(expected, "expected_response").challenge);
  });
});
