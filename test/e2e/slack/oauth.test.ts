import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  buttonsIn,
  CHANNEL,
  findButton,
  installThroughOAuth,
  OAUTH,
  PEOPLE,
  SlackAppHarness,
} from "../../support/slack-app-harness.js";
import {
  appUninstalledEvent,
  eventCallback,
  tokensRevokedEvent,
} from "../../support/slack-requests.js";

// Many workspaces (architecture.md §7): a workspace installs Noterat through OAuth v2, its
// installation is stored in the database, its commands then work with its own bot token, and
// uninstalling (or revoking the bot token) forgets it at once: its requests get 401 again.

const { eva, olle, anna } = PEOPLE;
const KOMMUN = {
  id: "T0KOMMUN01",
  name: "Kommun Ett",
  botToken: "xoxb-0000000002-0000000002-kommunEttToken",
  botId: "B0KOMMUN01",
  botUserId: "U0KOMMUNBT",
};
const CODE = "oauth-kod-kommun-ett";

describe("OAuth installs", () => {
  let h: SlackAppHarness;

  beforeEach(async () => {
    h = await SlackAppHarness.start({ mode: "oauth" });
    h.fake.addTeam(KOMMUN, CODE);
  });
  afterEach(async () => {
    await h.stop();
  });

  const command = (user: string, text: string) =>
    h.command(user, text, { teamId: KOMMUN.id, channelId: CHANNEL });
  const installations = () => h.prisma.slackInstallation.findMany();

  it("installs a workspace, serves its commands with its own token, and forgets it on uninstall", async () => {
    // Not installed yet: refused before any listener.
    expect((await command(eva.id, "råd Kommunrådet")).status).toBe(401);

    const install = await installThroughOAuth(h.url, CODE);
    expect(install.installStatus).toBe(302);
    expect(`${install.authorizeUrl.origin}${install.authorizeUrl.pathname}`).toBe(
      "https://slack.com/oauth/v2/authorize",
    );
    expect(install.authorizeUrl.searchParams.get("client_id")).toBe(OAUTH.clientId);
    expect(install.authorizeUrl.searchParams.get("scope")).toBe(
      "chat:write,commands,users:read,files:write,im:write",
    );
    expect(install.state).not.toBe("");
    expect(install.cookie).toMatch(/^slack-app-oauth-state=.+/);
    expect(install.callbackStatus).toBe(200);

    const [exchange] = h.fake.callsTo("oauth.v2.access");
    expect(h.fake.callsTo("oauth.v2.access")).toHaveLength(1);
    expect(exchange?.args).toMatchObject({
      code: CODE,
      client_id: OAUTH.clientId,
      client_secret: OAUTH.clientSecret,
    });
    expect(await installations()).toEqual([
      expect.objectContaining({
        key: `team:${KOMMUN.id}`,
        teamId: KOMMUN.id,
        enterpriseId: null,
        isEnterpriseInstall: false,
        botToken: KOMMUN.botToken,
        botUserId: KOMMUN.botUserId,
        botId: KOMMUN.botId,
      }),
    ]);

    // Its commands now work, with its token, through to a published post.
    const created = await command(eva.id, "råd Kommunrådet");
    expect(created.status).toBe(200);
    expect(created.text).toContain("Rådet Kommunrådet är skapat");
    const lookups = h.fake.callsTo("users.info");
    expect(lookups.length).toBeGreaterThan(0);
    expect(lookups.every((call) => call.token === KOMMUN.botToken)).toBe(true);
    await command(eva.id, "möte idag kl 13:00");
    await command(eva.id, "noterat Budget: Rådet informerades.");
    await command(eva.id, `roll <@${olle.id}> ordförande`);
    await command(olle.id, "justera");
    expect((await command(eva.id, "publicera")).text).toContain("är publicerad i 1 av 1 kanal");
    const [post] = h.fake.callsTo("chat.postMessage");
    expect(post).toMatchObject({ token: KOMMUN.botToken, args: { channel: CHANNEL } });
    // Another workspace is still refused.
    expect((await h.command(eva.id, "öppna", { teamId: "T0ANNAN001" })).status).toBe(401);

    // Uninstalled: the row goes at once, and the workspace's next command is refused.
    const uninstalled = await h.event(appUninstalledEvent(), KOMMUN.id);
    expect(uninstalled.status).toBe(200);
    await vi.waitFor(async () => expect(await installations()).toEqual([]), { timeout: 2000 });
    const before = await h.tableCounts();
    expect((await command(eva.id, "noterat Efteråt: Ska inte sparas.")).status).toBe(401);
    expect(await h.tableCounts()).toEqual(before);
  });

  it("forgets the installation when the bot token is revoked, not when a user token is", async () => {
    await installThroughOAuth(h.url, CODE);
    expect(await installations()).toHaveLength(1);

    const userTokens = await h.event(tokensRevokedEvent({ oauth: [eva.id] }), KOMMUN.id);
    expect(userTokens.status).toBe(200);
    // Events are handled after the ack: the next command runs after that handling started.
    expect((await command(eva.id, "hjälp")).status).toBe(200);
    expect(await installations()).toHaveLength(1);

    await h.event(tokensRevokedEvent({ bot: [KOMMUN.botUserId] }), KOMMUN.id);
    await vi.waitFor(async () => expect(await installations()).toEqual([]), { timeout: 2000 });
    expect((await command(eva.id, "hjälp")).status).toBe(401);
  });

  it("installs nothing when the state does not match the browser's cookie", async () => {
    const noCookie = await installThroughOAuth(h.url, CODE, { sendCookie: false });
    expect(noCookie.callbackStatus).not.toBe(200);
    const forged = await installThroughOAuth(h.url, CODE, { state: "forged-state" });
    expect(forged.callbackStatus).not.toBe(200);
    expect(h.fake.callsTo("oauth.v2.access")).toEqual([]);
    expect(await installations()).toEqual([]);
    expect((await command(eva.id, "hjälp")).status).toBe(401);
  });

  it("refuses an uninstall event that is not signed by Slack", async () => {
    await installThroughOAuth(h.url, CODE);
    const forged = await h.send(
      eventCallback({ teamId: KOMMUN.id, event: appUninstalledEvent() }),
      { signingSecret: "fel-nyckel" },
    );
    expect(forged.status).toBe(401);
    expect((await command(eva.id, "hjälp")).status).toBe(200);
    expect(await installations()).toHaveLength(1);
  });

  it("keeps two installed workspaces apart, even with the same channel id", async () => {
    await installThroughOAuth(h.url, CODE);
    await installThroughOAuth(h.url, "oauth-kod-region"); // the fake's primary workspace
    expect((await installations()).map((row) => row.teamId).sort()).toEqual(
      [KOMMUN.id, h.teamId].sort(),
    );
    await command(eva.id, "råd Kommunrådet");
    await command(eva.id, "möte idag kl 13:00");
    await command(eva.id, `uppdrag <@${anna.id}> Hemlig sak i kommunen`);
    const list = await command(anna.id, "öppna");
    const klar = findButton(list.messages, { command: "done 1" });

    // The other workspace, in a channel with the same id: no council, nothing of the other's.
    const before = await h.tableCounts();
    const elsewhere = await h.command(anna.id, "öppna", { channelId: CHANNEL });
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.text).toBe(
      "Den här kanalen hör inte till något råd än. Sekreteraren skapar ett med `råd NAMN`.",
    );
    // Its member replays the other workspace's button: it does not reach that council.
    const replayed = await h.click(anna.id, klar);
    expect(replayed.messages[0]?.responseType).toBe("ephemeral");
    expect(replayed.text).not.toContain("Hemlig sak");
    expect(buttonsIn(replayed.messages)).toEqual([]);
    expect(await h.tableCounts()).toEqual(before);
    expect((await h.prisma.action.findFirstOrThrow()).status).toBe("open");
    expect(h.fake.callsTo("chat.postMessage")).toEqual([]);
  });
});
