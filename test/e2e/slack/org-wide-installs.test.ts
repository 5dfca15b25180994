import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type RunningServer, startHttpServer } from "../../../src/bots/http-server.js";
import { createSlackSurface, type SlackSurface } from "../../../src/bots/slack/slack-surface.js";
import { createCommandRegistry } from "../../../src/handlers/registry.js";
import { wireApp } from "../../support/app-wiring.js";
import { closeServer, listenOnLoopback, readBody } from "../../support/loopback-server.js";
import {
  installThroughOAuth,
  OAUTH,
  SIGNING_SECRET,
  SlackAppHarness,
} from "../../support/slack-app-harness.js";
import { appUninstalledEvent, eventCallback } from "../../support/slack-requests.js";
import { openTempDatabase, type TempDatabase } from "../../support/temp-database.js";

// Noterat keeps people, channels and tokens by workspace. An org-wide (Enterprise Grid) install
// gives one token for many workspaces, which it would look up by none of them: such an install
// is refused at the OAuth callback with a page that says what to do instead, its token given
// back, nothing stored. Installing in one workspace of a Grid org works as anywhere else.

const ENTERPRISE = { id: "E0REGION01", name: "Region Enterprise" };
const ORG_TOKEN = "xoxb-0000000009-0000000009-orgWideToken";
const GRID_WORKSPACE = { id: "T0GRIDWS01", name: "Region Ett" };
const WORKSPACE_TOKEN = "xoxb-0000000008-0000000008-gridWorkspaceToken";

/** What Slack's oauth.v2.access says for each code: an org-wide install, or one workspace's. */
const ACCESS: Record<string, Record<string, unknown>> = {
  "kod-hela-organisationen": {
    access_token: ORG_TOKEN,
    team: null,
    is_enterprise_install: true,
  },
  "kod-en-arbetsyta": {
    access_token: WORKSPACE_TOKEN,
    team: GRID_WORKSPACE,
    is_enterprise_install: false,
  },
};

/** Just the Web API methods an install calls, answered as Slack answers them for a Grid org. */
class GridSlackApi {
  readonly calls: Array<{ method: string; token: string | undefined; args: URLSearchParams }> = [];
  private readonly server = createServer((req, res) => {
    void this.answer(req, res);
  });
  private port = 0;

  async start(): Promise<void> {
    this.port = await listenOnLoopback(this.server, "GridSlackApi");
  }

  stop(): Promise<void> {
    return closeServer(this.server);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0] ?? "";
    const args = new URLSearchParams((await readBody(req, 100_000))?.toString("utf8") ?? "");
    const token =
      req.headers.authorization?.replace(/^Bearer /, "") ?? args.get("token") ?? undefined;
    this.calls.push({ method, token, args });
    const org = token === ORG_TOKEN;
    const body: Record<string, unknown> =
      method === "oauth.v2.access"
        ? {
            ok: true,
            app_id: "A0NOTERAT1",
            authed_user: { id: "W0ADMIN001" },
            scope: "chat:write,commands,users:read,files:write,im:write",
            token_type: "bot",
            bot_user_id: "U0NOTERAT1",
            enterprise: ENTERPRISE,
            ...ACCESS[args.get("code") ?? ""],
          }
        : method === "auth.test"
          ? {
              ok: true,
              url: org ? "https://region.enterprise.slack.com/" : "https://region-ett.slack.com/",
              team: org ? ENTERPRISE.name : GRID_WORKSPACE.name,
              user: "noterat",
              team_id: org ? ENTERPRISE.id : GRID_WORKSPACE.id,
              user_id: "U0NOTERAT1",
              bot_id: "B0NOTERAT1",
              enterprise_id: ENTERPRISE.id,
              is_enterprise_install: org,
            }
          : method === "auth.revoke"
            ? { ok: true, revoked: true }
            : { ok: false, error: "unknown_method" };
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  }
}

describe("Slack org-wide installs", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function start(): Promise<{ slack: GridSlackApi; db: TempDatabase; url: string }> {
    const slack = new GridSlackApi();
    await slack.start();
    cleanups.push(() => slack.stop());
    const db = await openTempDatabase();
    cleanups.push(() => db.cleanup());
    const { deps, logger } = wireApp(db.store, { now: "2026-04-14T09:00:00Z" });
    const surface: SlackSurface = await createSlackSurface({
      config: { mode: "oauth", signingSecret: SIGNING_SECRET, ...OAUTH, apiUrl: slack.url },
      deps,
      registry: createCommandRegistry(),
      logger,
      retryConfig: { retries: 0 },
    });
    if (!surface.listener) throw new Error("the Slack surface has no HTTP listener");
    const server: RunningServer = await startHttpServer({
      host: "127.0.0.1",
      port: 0,
      routes: [{ prefix: "/slack/", listener: surface.listener }],
      logger,
    });
    cleanups.push(() => server.close());
    return { slack, db, url: server.url };
  }

  it("refuses an org-wide install with a page saying why, gives the token back, stores nothing", async () => {
    const { slack, db, url } = await start();
    const install = await installThroughOAuth(url, "kod-hela-organisationen");
    expect(install.callbackStatus).toBe(403);
    expect(install.callbackBody).toContain('<html lang="sv">');
    expect(install.callbackBody).toContain(
      "Noterat kan inte installeras i en hel Enterprise Grid-organisation",
    );
    expect(install.callbackBody).toContain(
      "Be en administratör installera Noterat i varje arbetsyta som ska använda det.",
    );
    expect(await db.database.prisma.slackInstallation.findMany()).toEqual([]);
    expect(slack.calls.filter((call) => call.method === "auth.revoke")).toEqual([
      expect.objectContaining({ token: ORG_TOKEN }),
    ]);
  });

  it("is not offered org-wide: the manifest keeps org deployment off", async () => {
    const manifest = await readFile(
      new URL("../../../slack/manifest.yml", import.meta.url),
      "utf8",
    );
    expect(manifest).toMatch(/^ {2}org_deploy_enabled: false$/m);
  });

  it("installs Noterat in one workspace of a Grid org, keyed by that workspace", async () => {
    const { slack, db, url } = await start();
    const install = await installThroughOAuth(url, "kod-en-arbetsyta");
    expect(install.callbackStatus).toBe(200);
    expect(await db.database.prisma.slackInstallation.findMany()).toEqual([
      expect.objectContaining({
        key: `team:${GRID_WORKSPACE.id}`,
        teamId: GRID_WORKSPACE.id,
        enterpriseId: ENTERPRISE.id,
        isEnterpriseInstall: false,
        botToken: WORKSPACE_TOKEN,
      }),
    ]);
    expect(slack.calls.map((call) => call.method)).not.toContain("auth.revoke");
  });

  it("forgets an org-wide installation an older version stored, when the org uninstalls", async () => {
    const h = await SlackAppHarness.start({ mode: "oauth" });
    cleanups.push(() => h.stop());
    await h.db.store.slackInstallations.save({
      teamId: null,
      enterpriseId: ENTERPRISE.id,
      isEnterpriseInstall: true,
      botToken: h.fake.team.botToken,
      botUserId: h.fake.team.botUserId,
      botId: h.fake.team.botId,
      data: JSON.stringify({
        enterprise: ENTERPRISE,
        isEnterpriseInstall: true,
        bot: {
          token: h.fake.team.botToken,
          userId: h.fake.team.botUserId,
          id: h.fake.team.botId,
          scopes: [],
        },
      }),
    });
    // An org-wide app's events name a workspace, and say in `authorizations` whose token it is.
    const request = eventCallback({
      teamId: h.teamId,
      enterprise: ENTERPRISE,
      event: appUninstalledEvent(),
    });
    const payload = {
      ...request.payload,
      authorizations: [
        {
          enterprise_id: ENTERPRISE.id,
          team_id: null,
          user_id: h.fake.team.botUserId,
          is_bot: true,
          is_enterprise_install: true,
        },
      ],
    };
    const sent = await h.send({ ...request, payload, body: JSON.stringify(payload) });
    expect(sent.status).toBe(200);
    await vi.waitFor(async () => expect(await h.prisma.slackInstallation.findMany()).toEqual([]), {
      timeout: 2000,
    });
  });
});
