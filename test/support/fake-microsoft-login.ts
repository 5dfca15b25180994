/**
 * The two Microsoft services a Teams bot talks to besides the connector, faked on 127.0.0.1:
 * the Bot Framework's OpenID metadata and signing keys (login.botframework.com), which
 * botbuilder checks inbound tokens against, and Azure AD's token endpoint
 * (login.microsoftonline.com), where it gets the bearer token for its outbound calls.
 *
 * botbuilder reaches both over HTTPS at fixed addresses, and MSAL (its token client) accepts
 * only an https authority it knows or can discover online: there is no URL setting that points
 * the token request at a plain HTTP fake. So `interceptHttps()` sends this process's HTTPS
 * connections to those two hosts here instead (plain HTTP on the socket, the Host header
 * intact). The rest of the process, and botbuilder's configuration, stay as in production.
 *
 *   const login = new FakeMicrosoftLogin({ appId, password, key: newSigningKey("k1") });
 *   await login.start();
 *   login.interceptHttps();
 *   const token = login.channelToken({ serviceUrl });   // as the Bot Connector sends it
 *   ...
 *   await login.stop();   // and the interception ends
 */

import type { IncomingMessage, ServerResponse } from "node:http";
import https from "node:https";
import { connect } from "node:net";
import { LoopbackServer, readBody } from "./loopback-server.js";
import { type SigningKey, signJwt } from "./test-jwt.js";

/** Where botbuilder looks for the Bot Framework's keys (AuthenticationConstants). */
const BOT_FRAMEWORK_LOGIN = "login.botframework.com";
const OPENID_PATH = "/v1/.well-known/openidconfiguration";
const KEYS_PATH = "/v1/.well-known/keys";
/** Azure AD, where MSAL asks for the bot's token (the authority botbuilder gives it). */
const AZURE_AD_LOGIN = "login.microsoftonline.com";
const TOKEN_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/token$/;
/** The issuer of the tokens the Bot Connector service sends to bots. */
export const BOT_FRAMEWORK_ISSUER = "https://api.botframework.com";
/** The channel a Teams key is endorsed for (JWKS `endorsements`). */
const TEAMS_CHANNEL = "msteams";

export interface TokenRequest {
  tenant: string;
  grantType: string | null;
  clientId: string | null;
  scope: string | null;
}

export interface FakeMicrosoftLoginOptions {
  /** The bot's app id and password: the only client the token endpoint serves. */
  appId: string;
  password: string;
  /** The key the Bot Connector signs with (published in the JWKS). */
  key: SigningKey;
}

export class FakeMicrosoftLogin {
  /** Every request, as "METHOD host/path". */
  readonly requests: string[] = [];
  readonly tokenRequests: TokenRequest[] = [];
  /** The access tokens the token endpoint handed out, in order. */
  readonly issuedTokens: string[] = [];

  private readonly http = new LoopbackServer("FakeMicrosoftLogin", (req, res) => {
    this.handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  private restoreHttps: (() => void) | undefined;

  constructor(private readonly options: FakeMicrosoftLoginOptions) {}

  start(): Promise<void> {
    return this.http.start();
  }

  async stop(): Promise<void> {
    this.restoreHttps?.();
    this.restoreHttps = undefined;
    await this.http.stop();
  }

  /**
   * Until stop(), HTTPS connections from this process to the two login hosts come here (as
   * if DNS said 127.0.0.1 and the certificate were good); other hosts are untouched.
   */
  interceptHttps(): void {
    if (this.restoreHttps) return;
    // Node's Agent opens each new socket through createConnection (its own for TLS).
    const agent = https.globalAgent as unknown as {
      createConnection: (
        this: unknown,
        options: { host?: string | null },
        callback: unknown,
      ) => unknown;
      destroy(): void;
    };
    const original = agent.createConnection;
    const port = Number(new URL(this.http.origin).port);
    agent.createConnection = function (options, callback) {
      if (options.host === BOT_FRAMEWORK_LOGIN || options.host === AZURE_AD_LOGIN) {
        return connect({ host: "127.0.0.1", port });
      }
      return original.call(this, options, callback);
    };
    this.restoreHttps = () => {
      agent.createConnection = original;
      // Kept-alive sockets to the fake must not outlive it.
      agent.destroy();
    };
  }

  /**
   * A token as the Bot Connector sends with each activity: issued by the Bot Framework for
   * this bot, valid for an hour, for the activity's serviceUrl. `claims` override any of it.
   */
  channelToken(claims: { serviceUrl: string } & Record<string, unknown>): string {
    const { serviceUrl, ...overrides } = claims;
    const now = Math.floor(Date.now() / 1000);
    return signJwt(
      {
        iss: BOT_FRAMEWORK_ISSUER,
        aud: this.options.appId,
        serviceurl: serviceUrl,
        nbf: now - 60,
        iat: now - 60,
        exp: now + 3600,
        ...overrides,
      },
      this.options.key,
    );
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = (req.headers.host ?? "").replace(/:\d+$/, "");
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    this.requests.push(`${req.method} ${host}${path}`);
    const body = (await readBody(req, 64 * 1024))?.toString("utf8") ?? "";
    if (host === BOT_FRAMEWORK_LOGIN && req.method === "GET") {
      if (path === OPENID_PATH) {
        json(res, 200, {
          issuer: BOT_FRAMEWORK_ISSUER,
          authorization_endpoint: "https://invalid.botframework.com",
          jwks_uri: `https://${BOT_FRAMEWORK_LOGIN}${KEYS_PATH}`,
          id_token_signing_alg_values_supported: ["RS256"],
          token_endpoint_auth_methods_supported: ["private_key_jwt"],
        });
        return;
      }
      if (path === KEYS_PATH) {
        json(res, 200, { keys: [{ ...this.options.key.jwk, endorsements: [TEAMS_CHANNEL] }] });
        return;
      }
    }
    const tenant = TOKEN_PATH.exec(path)?.[1];
    if (host === AZURE_AD_LOGIN && req.method === "POST" && tenant !== undefined) {
      this.token(res, tenant, new URLSearchParams(body));
      return;
    }
    json(res, 404, { error: "not_found", error_description: `${req.method} ${host}${path}` });
  }

  /** The client credentials grant (RFC 6749 §4.4), answered as Azure AD's v2.0 endpoint does. */
  private token(res: ServerResponse, tenant: string, form: URLSearchParams): void {
    const request: TokenRequest = {
      tenant,
      grantType: form.get("grant_type"),
      clientId: form.get("client_id"),
      scope: form.get("scope"),
    };
    this.tokenRequests.push(request);
    if (request.grantType !== "client_credentials") {
      json(res, 400, { error: "unsupported_grant_type" });
      return;
    }
    if (
      request.clientId !== this.options.appId ||
      form.get("client_secret") !== this.options.password
    ) {
      json(res, 401, { error: "invalid_client" });
      return;
    }
    const accessToken = `fake-aad-token-${this.issuedTokens.length + 1}-for-${request.clientId}`;
    this.issuedTokens.push(accessToken);
    json(res, 200, {
      token_type: "Bearer",
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: accessToken,
    });
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}
