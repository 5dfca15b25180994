import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { TeamsConfig } from "../../../src/config.js";
import { BOT_FRAMEWORK_ISSUER, FakeMicrosoftLogin } from "../../support/fake-microsoft-login.js";
import { teamsMessage } from "../../support/teams-activities.js";
import {
  AUTHENTICATED_CONFIG,
  CHANNEL,
  PEOPLE,
  TENANT_ID,
  TeamsAppHarness,
} from "../../support/teams-app-harness.js";
import { newSigningKey, signJwt, unsignedJwt } from "../../support/test-jwt.js";

// Teams with an app id, as in production: every activity carries a token the Bot Framework
// signed, which botbuilder checks against the keys its OpenID metadata names; every call to the
// connector carries the bot's own token from Azure AD. Both services are faked on 127.0.0.1
// (FakeMicrosoftLogin); botbuilder's configuration is the production one.

const { eva } = PEOPLE;
if (!AUTHENTICATED_CONFIG.authenticated)
  throw new Error("AUTHENTICATED_CONFIG must have an app id");
const APP_ID = AUTHENTICATED_CONFIG.appId;
const PASSWORD = AUTHENTICATED_CONFIG.password ?? "";
const OTHER_TENANT = "00000000-0000-4000-8000-00000000b002";

// botbuilder keeps signing keys (a day) and the bot's token (its lifetime) per process: one key
// and one fake login service serve every test in this file.
const key = newSigningKey("bot-framework-test-key");
const login = new FakeMicrosoftLogin({ appId: APP_ID, password: PASSWORD, key });
beforeAll(async () => {
  await login.start();
  login.interceptHttps();
});
afterAll(() => login.stop());

describe("Teams with authentication", () => {
  let h: TeamsAppHarness;
  afterEach(async () => {
    vi.restoreAllMocks();
    await h.stop();
  });

  const bearer = (token: string) => `Bearer ${token}`;

  it("runs a command with a valid Bot Framework token and answers with the bot's own token", async () => {
    h = await TeamsAppHarness.start({ config: AUTHENTICATED_CONFIG });
    const token = login.channelToken({ serviceUrl: h.fake.serviceUrl });

    const created = await h.post(h.message(eva, "råd Reglab"), bearer(token));
    expect(created.status).toBe(200);
    expect(created.text).toContain("Rådet Reglab är skapat");
    const planned = await h.post(h.message(eva, "möte idag kl 13:00"), bearer(token));
    expect(planned.text).toContain("Möte planerat");
    expect(await h.prisma.council.count()).toBe(1);

    // The keys were fetched from the Bot Framework's metadata (once per process), and the
    // bot's token from Azure AD with its app id and password, for the Bot Framework.
    expect(login.requests).toEqual(
      expect.arrayContaining([
        "GET login.botframework.com/v1/.well-known/openidconfiguration",
        "GET login.botframework.com/v1/.well-known/keys",
      ]),
    );
    expect(login.tokenRequests[0]).toEqual({
      tenant: "botframework.com",
      grantType: "client_credentials",
      clientId: APP_ID,
      scope: "https://api.botframework.com/.default",
    });
    // Every call to the connector (the replies, the member look-ups) carried that token.
    expect(h.fake.requests.length).toBeGreaterThan(0);
    expect(new Set(h.fake.requests.map((request) => request.authorization))).toEqual(
      new Set([bearer(login.issuedTokens[0] ?? "no token issued")]),
    );
  });

  it("answers 401 to tokens that are not the Bot Framework's for this bot, and stores nothing", async () => {
    h = await TeamsAppHarness.start({ config: AUTHENTICATED_CONFIG });
    // botbuilder prints each rejection with console.error itself.
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const serviceUrl = h.fake.serviceUrl;
    const now = Math.floor(Date.now() / 1000);
    const forger = newSigningKey(key.kid);
    const valid = {
      iss: BOT_FRAMEWORK_ISSUER,
      aud: APP_ID,
      serviceurl: serviceUrl,
      nbf: now - 60,
      exp: now + 3600,
    };
    const tokens: Array<[string, string]> = [
      [
        "another bot's",
        login.channelToken({ serviceUrl, aud: "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9" }),
      ],
      ["no audience", login.channelToken({ serviceUrl, aud: undefined })],
      ["expired an hour ago", login.channelToken({ serviceUrl, nbf: now - 7200, exp: now - 3600 })],
      ["not valid for another hour", login.channelToken({ serviceUrl, nbf: now + 3600 })],
      ["another issuer", login.channelToken({ serviceUrl, iss: "https://api.botframework.co" })],
      [
        "for another serviceUrl",
        login.channelToken({ serviceUrl: "https://smba.example.invalid/" }),
      ],
      ["signed with another key under the Bot Framework's key id", signJwt(valid, forger)],
      [
        "signed with a key the Bot Framework does not publish",
        signJwt(valid, newSigningKey("other")),
      ],
      ["unsigned", unsignedJwt(valid, key.kid)],
    ];
    const before = await h.tableCounts();
    const answers = [];
    for (const [what, token] of tokens) {
      const turn = await h.post(h.message(eva, "råd Reglab"), bearer(token));
      answers.push({ what, status: turn.status, sent: turn.records.length });
    }
    expect(answers).toEqual(tokens.map(([what]) => ({ what, status: 401, sent: 0 })));
    expect(h.fake.requests).toEqual([]);
    expect(await h.tableCounts()).toEqual(before);

    // The same message with a valid token goes through.
    const token = login.channelToken({ serviceUrl });
    expect((await h.post(h.message(eva, "råd Reglab"), bearer(token))).status).toBe(200);
    expect(await h.prisma.council.count()).toBe(1);
  });

  it("refuses another tenant than TEAMS_TENANT_IDS lists, valid token or not", async () => {
    const config: TeamsConfig = { ...AUTHENTICATED_CONFIG, tenants: [TENANT_ID.toLowerCase()] };
    h = await TeamsAppHarness.start({ config });
    const token = login.channelToken({ serviceUrl: h.fake.serviceUrl });
    const from = (tenantId: string) =>
      teamsMessage({
        serviceUrl: h.fake.serviceUrl,
        tenantId,
        conversation: CHANNEL,
        from: eva,
        text: "råd Reglab",
        botMention: true,
      });
    const before = await h.tableCounts();

    const stranger = await h.post(from(OTHER_TENANT), bearer(token));
    expect(stranger.records).toEqual([]);
    expect(h.fake.requests).toEqual([]);
    expect(await h.tableCounts()).toEqual(before);

    const member = await h.post(from(TENANT_ID), bearer(token));
    expect(member.text).toContain("Rådet Reglab är skapat");
  });
});
