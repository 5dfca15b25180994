import { createServer, type IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  NOTERAT_BOT,
  nextTeamsMessageId,
  postActivity,
  teamsCardAction,
  teamsInstall,
  teamsMessage,
  teamsUninstall,
} from "../../support/teams-activities.js";
import { at, fieldPaths, fixture, missingFrom, record } from "./helpers.js";

const SERVICE_URL = "http://127.0.0.1:9/";
const TENANT = "11111111-2222-4333-8444-555555555555";
const ANNA = { id: "29:anna-teams-id", name: "Anna Lind", aadObjectId: "aad-anna" };
const BERIT = { id: "29:berit-teams-id", name: "Berit Ek", aadObjectId: "aad-berit" };
const PERSONAL = { id: "a:personal-anna", conversationType: "personal" } as const;
const CHANNEL = {
  id: "19:ledning@thread.tacv2;messageid=1700000000000",
  conversationType: "channel",
  teamId: "19:team-region@thread.tacv2",
} as const;

describe("teamsMessage", () => {
  it("has the field set of a real personal message (with conversation.tenantId)", () => {
    const built = teamsMessage({
      serviceUrl: SERVICE_URL,
      tenantId: TENANT,
      conversation: PERSONAL,
      from: ANNA,
      text: "hej",
    });
    const real = fixture("teams-message-personal-with-tenantId.json");
    expect(missingFrom(fieldPaths(real), fieldPaths(built))).toEqual([]);
    // The one extra is the client's time zone, which Teams sends too (teams-message-personal.json).
    expect(missingFrom(fieldPaths(built), fieldPaths(real))).toEqual(["entities[].timezone"]);
    expect(built).toMatchObject({
      type: "message",
      channelId: "msteams",
      serviceUrl: SERVICE_URL,
      text: "hej",
      from: ANNA,
      recipient: NOTERAT_BOT,
      conversation: { conversationType: "personal", tenantId: TENANT, id: PERSONAL.id },
      channelData: { tenant: { id: TENANT } },
    });
    expect(at(built, "recipient", "id")).toMatch(/^28:/);
  });

  it("with a mention has the fields of the richer personal fixture (HTML attachment included)", () => {
    const built = teamsMessage({
      serviceUrl: SERVICE_URL,
      tenantId: TENANT,
      conversation: PERSONAL,
      from: ANNA,
      text: "kan @Berit Ek ta protokollet?",
      mentions: [BERIT],
    });
    const real = fixture("teams-message-personal.json");
    expect(missingFrom(fieldPaths(real), fieldPaths(built))).toEqual([]);
    expect(missingFrom(fieldPaths(built), fieldPaths(real))).toEqual([
      "conversation.tenantId",
      "entities[].mentioned",
      "entities[].mentioned.id",
      "entities[].mentioned.name",
      "entities[].text",
    ]);
    expect(built.text).toBe("kan <at>Berit Ek</at> ta protokollet?");
    expect(built.entities).toContainEqual({
      mentioned: { id: BERIT.id, name: BERIT.name },
      text: "<at>Berit Ek</at>",
      type: "mention",
    });
    expect(at(built, "attachments", 0)).toEqual({
      contentType: "text/html",
      content:
        '<div><div>kan <span itemscope="" itemtype="http://schema.skype.com/Mention" itemid="0">Berit Ek</span> ta protokollet?</div>\n</div>',
    });
  });

  it("in a channel: the bot's mention first, team and channel in channelData, isGroup", () => {
    const built = teamsMessage({
      serviceUrl: SERVICE_URL,
      tenantId: TENANT,
      conversation: CHANNEL,
      from: ANNA,
      text: "protokoll för <at>Berit Ek</at>",
      mentions: [BERIT],
      botMention: true,
    });
    expect(built.text).toBe("<at>Noterat</at> protokoll för <at>Berit Ek</at>");
    expect(built.entities).toEqual([
      {
        mentioned: { id: NOTERAT_BOT.id, name: "Noterat" },
        text: "<at>Noterat</at>",
        type: "mention",
      },
      { mentioned: { id: BERIT.id, name: "Berit Ek" }, text: "<at>Berit Ek</at>", type: "mention" },
      expect.objectContaining({ type: "clientInfo" }),
    ]);
    expect(built.conversation).toEqual({
      isGroup: true,
      conversationType: "channel",
      tenantId: TENANT,
      id: CHANNEL.id,
    });
    expect(built.channelData).toEqual({
      teamsChannelId: "19:ledning@thread.tacv2",
      teamsTeamId: CHANNEL.teamId,
      channel: { id: "19:ledning@thread.tacv2" },
      team: { id: CHANNEL.teamId },
      tenant: { id: TENANT },
    });
  });

  it("appends mentions the text does not name, and keeps given ids and replyToId", () => {
    const built = teamsMessage({
      serviceUrl: SERVICE_URL,
      tenantId: TENANT,
      conversation: { id: "19:grupp@thread.v2", conversationType: "groupChat" },
      from: ANNA,
      text: "klart",
      mentions: [BERIT],
      id: "1700000000123",
      replyToId: "1700000000001",
    });
    expect(built).toMatchObject({
      text: "klart <at>Berit Ek</at>",
      id: "1700000000123",
      replyToId: "1700000000001",
      conversation: { isGroup: true, conversationType: "groupChat" },
      channelData: { tenant: { id: TENANT } },
    });
    expect(record(built.channelData).team).toBeUndefined();
  });

  it("gives unique, increasing message ids and Stockholm local timestamps", () => {
    const ids = Array.from({ length: 50 }, () => nextTeamsMessageId()).map(Number);
    expect(new Set(ids).size).toBe(50);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const built = teamsMessage({
      serviceUrl: SERVICE_URL,
      tenantId: TENANT,
      conversation: PERSONAL,
      from: ANNA,
      text: "x",
    });
    const utc = Date.parse(String(built.timestamp));
    expect(String(built.localTimestamp)).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0[12]:00$/,
    );
    // Same instant, written in Stockholm's offset.
    expect(Date.parse(String(built.localTimestamp))).toBe(utc);
  });
});

describe("teamsCardAction", () => {
  it("has the field set of the Action.Execute fixture", () => {
    const built = teamsCardAction({
      serviceUrl: SERVICE_URL,
      tenantId: TENANT,
      conversation: PERSONAL,
      from: ANNA,
      verb: "approveMinutes",
      // The fixture's data keys: `data` is whatever the card put there.
      data: { requestId: 42 },
      replyToId: "1700000000001",
      actionId: "approveBtn",
    });
    const real = fixture("teams-invoke-adaptivecard-action.json");
    // `channelData.legacy` is undocumented and nothing reads it.
    expect(missingFrom(fieldPaths(real), fieldPaths(built))).toEqual([
      "channelData.legacy",
      "channelData.legacy.replyToId",
    ]);
    expect(missingFrom(fieldPaths(built), fieldPaths(real))).toEqual([]);
    expect(built).toMatchObject({
      type: "invoke",
      name: "adaptiveCard/action",
      replyToId: "1700000000001",
      value: {
        action: {
          type: "Action.Execute",
          id: "approveBtn",
          verb: "approveMinutes",
          data: { requestId: 42 },
        },
        trigger: "manual",
      },
      channelData: { tenant: { id: TENANT }, source: { name: "message" } },
    });
    expect(built.id).toMatch(/^f:[0-9a-f-]{36}$/);
  });
});

describe("teamsInstall / teamsUninstall", () => {
  const base = { serviceUrl: SERVICE_URL, tenantId: TENANT, from: ANNA };

  it("personal install: conversationUpdate with the bot in membersAdded", () => {
    const built = teamsInstall({ ...base, conversationType: "personal" });
    expect(built).toMatchObject({
      type: "conversationUpdate",
      membersAdded: [{ id: NOTERAT_BOT.id }],
      channelId: "msteams",
      recipient: NOTERAT_BOT,
      conversation: { conversationType: "personal", tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
    });
    expect(built.id).toMatch(/^f:/);
  });

  it("team install: eventType teamMemberAdded, the team and its General channel", () => {
    const teamId = "19:team-region@thread.tacv2";
    const built = teamsInstall({
      ...base,
      conversationType: "channel",
      teamId,
      teamName: "Regionstyrelsen",
    });
    expect(built).toMatchObject({
      type: "conversationUpdate",
      membersAdded: [{ id: NOTERAT_BOT.id }],
      conversation: { isGroup: true, conversationType: "channel", id: teamId },
      channelData: {
        eventType: "teamMemberAdded",
        team: { id: teamId, name: "Regionstyrelsen" },
        channel: { id: teamId },
        tenant: { id: TENANT },
      },
    });
  });

  it("installationUpdate variants: add and remove", () => {
    const added = teamsInstall({
      ...base,
      conversationType: "groupChat",
      as: "installationUpdate",
    });
    expect(added).toMatchObject({
      type: "installationUpdate",
      action: "add",
      conversation: { isGroup: true, conversationType: "groupChat" },
      channelData: { tenant: { id: TENANT } },
    });
    const removed = teamsUninstall({
      ...base,
      conversationType: "channel",
      teamId: "19:t@thread.tacv2",
    });
    expect(removed).toMatchObject({
      type: "installationUpdate",
      action: "remove",
      channelData: {
        settings: { selectedChannel: { id: "19:t@thread.tacv2" } },
        team: { id: "19:t@thread.tacv2" },
      },
    });
    const left = teamsUninstall({ ...base, conversationType: "channel", as: "conversationUpdate" });
    expect(left).toMatchObject({
      type: "conversationUpdate",
      membersRemoved: [{ id: NOTERAT_BOT.id }],
      channelData: { eventType: "teamMemberRemoved" },
    });
  });
});

describe("postActivity", () => {
  let url = "";
  const seen: Array<{
    method?: string;
    url?: string;
    headers: IncomingMessage["headers"];
    body: string;
  }> = [];
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      if (body.includes('"invoke"')) {
        res.writeHead(200, { "content-type": "application/json" }).end('{"statusCode":200}');
      } else {
        res.writeHead(401).end("Unauthorized");
      }
    });
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => {
      server.listen(0, "127.0.0.1", () => {
        resolve();
      });
    });
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("no address");
    url = `http://127.0.0.1:${address.port}/`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
      server.closeAllConnections();
    });
  });

  it("POSTs JSON to /api/messages with the Authorization header, and parses the answer", async () => {
    const json = await postActivity(url, { type: "invoke" }, { authorization: "Bearer x" });
    expect(json).toEqual({ status: 200, body: { statusCode: 200 } });
    const text = await postActivity(url, { type: "message" });
    expect(text).toEqual({ status: 401, body: "Unauthorized" });
    expect(seen.map((s) => [s.method, s.url, s.headers.authorization])).toEqual([
      ["POST", "/api/messages", "Bearer x"],
      ["POST", "/api/messages", undefined],
    ]);
    expect(seen[0]?.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(seen[0]?.body ?? "")).toEqual({ type: "invoke" });
  });
});
