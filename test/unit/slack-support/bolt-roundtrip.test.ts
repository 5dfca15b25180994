import { App } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlackApi } from "../../support/fake-slack-api.js";
import {
  appHomeOpenedEvent,
  appMentionEvent,
  appUninstalledEvent,
  blockAction,
  eventCallback,
  globalShortcut,
  messageAction,
  postToSlackEndpoint,
  slashCommand,
  urlVerification,
  viewSubmission,
} from "../../support/slack-requests.js";
import { silentLogger } from "./helpers.js";

// The real Bolt 5.1 app on 127.0.0.1 takes every request the builders make: signature,
// content type, routing and the Web API / response_url round trips through the fake.

const signingSecret = "hemlig-signeringsnyckel";
const fake = new FakeSlackApi();
let app: App;
let endpoint: string;
const seen: Array<{ kind: string; detail: unknown }> = [];

beforeAll(async () => {
  await fake.start();
  app = new App({
    signingSecret,
    token: fake.team.botToken,
    botId: fake.team.botId,
    botUserId: fake.team.botUserId,
    tokenVerificationEnabled: false,
    logger: silentLogger,
    clientOptions: { slackApiUrl: fake.url, retryConfig: { retries: 0 } },
  });
  app.command("/noterat", async ({ ack, command, say, respond }) => {
    await ack();
    seen.push({ kind: "command", detail: command.text });
    await say(`Noterat: ${command.text}`);
    await respond({ response_type: "ephemeral", text: "Klart" });
  });
  app.action("klar", async ({ ack, body, respond }) => {
    await ack();
    seen.push({ kind: "action", detail: "container" in body ? body.container : undefined });
    if ("response_url" in body) await respond({ replace_original: true, text: "Avbockad" });
  });
  app.view("ny-punkt", async ({ ack, view }) => {
    await ack({ response_action: "errors", errors: { rubrik: "Ange en rubrik" } });
    seen.push({ kind: "view", detail: view.private_metadata });
  });
  app.shortcut("spara-som-punkt", async ({ ack, shortcut }) => {
    await ack();
    seen.push({ kind: "message shortcut", detail: shortcut.callback_id });
  });
  app.shortcut("nytt-mote", async ({ ack }) => {
    await ack();
    seen.push({ kind: "global shortcut", detail: null });
  });
  app.event("app_mention", async ({ event, context }) => {
    seen.push({ kind: "mention", detail: { text: event.text, retryNum: context.retryNum } });
  });
  app.event("app_home_opened", async ({ event, client }) => {
    await client.views.publish({ user_id: event.user, view: { type: "home", blocks: [] } });
  });
  app.event("app_uninstalled", async () => {
    seen.push({ kind: "uninstalled", detail: null });
  });
  const server = await app.start({ port: 0, host: "127.0.0.1" });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("Bolt has no TCP address");
  endpoint = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await app.stop();
  await fake.stop();
});

const ids = { teamId: fake.team.id, userId: "U0ANNA" };

function post(request: Parameters<typeof postToSlackEndpoint>[1]) {
  return postToSlackEndpoint(endpoint, request, { signingSecret });
}

describe("Bolt 5.1 with the fake Slack", () => {
  it("runs a slash command: say() through the Web API, respond() to the response_url", async () => {
    const result = await post(
      slashCommand({
        ...ids,
        channelId: "C0RADET",
        text: "möte idag",
        responseUrl: fake.responseUrl("kommando"),
      }),
    );
    expect(result.status).toBe(200);
    const [posted] = await fake.waitForCalls("chat.postMessage");
    expect(posted).toMatchObject({
      token: fake.team.botToken,
      args: { channel: "C0RADET", text: "Noterat: möte idag" },
    });
    const [response] = await fake.waitForResponses("kommando");
    expect(response?.body).toMatchObject({ response_type: "ephemeral", text: "Klart" });
  });

  it("refuses a bad signature (401) and a charset on the form content type (400)", async () => {
    const request = slashCommand({
      ...ids,
      channelId: "C1",
      text: "x",
      responseUrl: fake.responseUrl("x"),
    });
    expect((await postToSlackEndpoint(endpoint, request, { signingSecret: "fel" })).status).toBe(
      401,
    );
    const charset = {
      ...request,
      headers: {
        ...request.headers,
        "content-type": "application/x-www-form-urlencoded; charset=utf-8",
      },
    };
    expect((await post(charset)).status).toBe(400);
  });

  it("answers url_verification with the challenge", async () => {
    const result = await post(urlVerification("utmaning-123"));
    expect(result).toMatchObject({ status: 200, json: { challenge: "utmaning-123" } });
  });

  it("routes a button in a message and one in App Home", async () => {
    await post(
      blockAction({
        ...ids,
        channelId: "C0RADET",
        messageTs: "1700000000.000100",
        actionId: "klar",
        value: "uppdrag-7",
        responseUrl: fake.responseUrl("knapp"),
      }),
    );
    const [response] = await fake.waitForResponses("knapp");
    expect(response?.body).toMatchObject({ replace_original: true, text: "Avbockad" });
    await post(
      blockAction({
        ...ids,
        actionId: "klar",
        value: "uppdrag-8",
        view: { id: "V0HOME", type: "home" },
      }),
    );
    expect(seen.filter((entry) => entry.kind === "action").map((entry) => entry.detail)).toEqual([
      expect.objectContaining({ type: "message", channel_id: "C0RADET" }),
      { type: "view", view_id: "V0HOME" },
    ]);
  });

  it("acks a view submission with errors in the HTTP body", async () => {
    const result = await post(
      viewSubmission({
        ...ids,
        callbackId: "ny-punkt",
        privateMetadata: '{"council":"rsr"}',
        values: { rubrik: { text: { type: "plain_text_input", value: null } } },
        viewId: "V0MODAL",
      }),
    );
    expect(result.json).toEqual({
      response_action: "errors",
      errors: { rubrik: "Ange en rubrik" },
    });
    expect(seen).toContainEqual({ kind: "view", detail: '{"council":"rsr"}' });
  });

  it("routes message and global shortcuts", async () => {
    await post(
      messageAction({
        ...ids,
        channelId: "C0RADET",
        callbackId: "spara-som-punkt",
        messageTs: "1700000000.000200",
        messageText: "Beslut: budgeten antas",
        messageUser: "U0BERTIL",
        responseUrl: fake.responseUrl("genvag"),
      }),
    );
    expect((await post(globalShortcut({ ...ids, callbackId: "nytt-mote" }))).status).toBe(200);
    expect(seen).toContainEqual({ kind: "message shortcut", detail: "spara-som-punkt" });
    expect(seen).toContainEqual({ kind: "global shortcut", detail: null });
  });

  it("delivers events, passing Slack's retry number through", async () => {
    const mention = appMentionEvent({
      ...ids,
      channelId: "C0RADET",
      text: `<@${fake.team.botUserId}> öppna`,
    });
    expect(
      (await post(eventCallback({ teamId: ids.teamId, event: mention, retryNum: 1 }))).status,
    ).toBe(200);
    await post(
      eventCallback({
        teamId: ids.teamId,
        event: appHomeOpenedEvent({ ...ids, channelId: "D0ANNA" }),
      }),
    );
    await post(eventCallback({ teamId: ids.teamId, event: appUninstalledEvent() }));
    const [published] = await fake.waitForCalls("views.publish");
    expect(published?.args).toMatchObject({ user_id: "U0ANNA", view: { type: "home" } });
    await expect.poll(() => seen.map((entry) => entry.kind)).toContain("uninstalled");
    expect(seen).toContainEqual({ kind: "mention", detail: { text: mention.text, retryNum: 1 } });
  });
});
