/**
 * A fake Slack Web API on 127.0.0.1 for end-to-end tests: point Bolt's
 * `clientOptions.slackApiUrl` (or a WebClient's `slackApiUrl`) at `fake.url`, and use
 * `fake.responseUrl(id)` as the `response_url` of slash commands and button clicks.
 * It answers like Slack, records every call and can be told to fail like Slack does. Files
 * come in as files.uploadV2 sends them (an upload URL on the fake itself) and can be read back.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { isRecord } from "./fake-slack-blocks.js";
import { FailurePlan, type FakeFailure, type RandomFailureOptions } from "./fake-slack-failures.js";
import {
  type Answer,
  answerMethod,
  type FakeChannel,
  type FakeState,
  type FakeTeam,
  type FakeUser,
  messageKey,
  type StoredFile,
  type StoredMessage,
  type StoredView,
  TOKENLESS_METHODS,
} from "./fake-slack-methods.js";
import { LoopbackServer, readBody } from "./loopback-server.js";

export type { FakeFailure, RandomFailureOptions } from "./fake-slack-failures.js";
export { ANY_METHOD } from "./fake-slack-failures.js";
export type {
  FakeChannel,
  FakeTeam,
  FakeUser,
  StoredFile,
  StoredMessage,
  StoredView,
} from "./fake-slack-methods.js";

export interface FakeSlackCall {
  method: string;
  /** Form fields or JSON body; `blocks`, `attachments`, `view`, … JSON strings parsed. */
  args: Record<string, unknown>;
  /** From `Authorization: Bearer …`, else a `token` argument. */
  token?: string;
  /** The failure injected into this call, if one was. */
  injected?: FakeFailure;
}

export interface FakeSlackResponse {
  id: string;
  /** The parsed JSON body (what Bolt's `respond()` sends), or the raw text if not JSON. */
  body: unknown;
}

export interface FakeSlackApiOptions {
  team?: Partial<FakeTeam>;
  users?: Record<string, FakeUser>;
  channels?: Record<string, FakeChannel>;
  /** Answer channel_not_found for channels not configured (default: make one up). */
  strictChannels?: boolean;
}

export const DEFAULT_TEAM: Readonly<FakeTeam> = {
  id: "T0NOTERAT1",
  name: "Region Testland",
  domain: "region-testland",
  enterpriseId: null,
  appId: "A0NOTERAT1",
  botId: "B0NOTERAT1",
  botUserId: "U0NOTERAT1",
  botToken: "xoxb-0000000001-0000000001-fakeNoteratToken",
  installerUserId: "U0INSTALL1",
  scope: "app_mentions:read,channels:read,chat:write,commands,im:history,users:read",
};

/** Fields @slack/web-api sends as JSON strings inside a form body. */
const JSON_FIELDS = [
  "blocks",
  "attachments",
  "view",
  "metadata",
  "unfurls",
  "user_auth_blocks",
  "files",
];
const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** Slack takes files up to 1 GB; a test's file is far smaller, and a runaway one stops here. */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const RESPONSE_URL_METHOD = "response_url";
/** The name `failNext` knows POSTs to an upload URL by (they are no Web API method). */
const UPLOAD_URL_METHOD = "upload_url";

export class FakeSlackApi {
  readonly calls: FakeSlackCall[] = [];
  readonly responses: FakeSlackResponse[] = [];

  private readonly http = new LoopbackServer("FakeSlackApi", (req, res) => {
    this.onRequest(req, res);
  });
  private readonly failures = new FailurePlan();
  private readonly state: FakeState;
  private readonly teamsByToken = new Map<string, FakeTeam>();
  private primary: FakeTeam;
  private readonly recordListeners = new Set<() => void>();
  private lastTsMicros = 0;
  private idCounter = 0;

  constructor(options: FakeSlackApiOptions = {}) {
    this.primary = { ...DEFAULT_TEAM, ...options.team };
    this.teamsByToken.set(this.primary.botToken, this.primary);
    this.state = {
      users: new Map(Object.entries(options.users ?? {})),
      channels: new Map(Object.entries(options.channels ?? {})),
      strictChannels: options.strictChannels ?? false,
      messages: new Map(),
      views: new Map(),
      homeViews: new Map(),
      revokedTokens: new Set(),
      oauthTeams: new Map(),
      files: new Map(),
      uploadUrl: (fileId) => `${this.http.origin}/upload/v1/${encodeURIComponent(fileId)}`,
      primaryTeam: () => this.primary,
      nextTs: () => this.nextTs(),
      nextId: (prefix) => `${prefix}${String(++this.idCounter).padStart(10, "0")}`,
    };
  }

  // ---- configuration ------------------------------------------------------------------

  /** The primary team: auth.test answers for it (and for unknown tokens), as does oauth.v2.access. */
  get team(): FakeTeam {
    return this.primary;
  }

  /**
   * Another workspace with its own bot token (multi-workspace installs). With `oauthCode`,
   * oauth.v2.access for that code installs this team instead of the primary one.
   */
  addTeam(
    team: Partial<FakeTeam> & Pick<FakeTeam, "id" | "botToken">,
    oauthCode?: string,
  ): FakeTeam {
    const full: FakeTeam = {
      ...DEFAULT_TEAM,
      name: team.id,
      domain: team.id.toLowerCase(),
      ...team,
    };
    this.teamsByToken.set(full.botToken, full);
    if (oauthCode !== undefined) this.state.oauthTeams.set(oauthCode, full);
    return full;
  }

  setUser(id: string, user: FakeUser): void {
    this.state.users.set(id, user);
  }

  setChannel(id: string, channel: FakeChannel): void {
    this.state.channels.set(id, channel);
  }

  /** From now on calls with this token get `{ok:false, error:"token_revoked"}`. */
  revokeToken(token: string): void {
    this.state.revokedTokens.add(token);
  }

  // ---- failure injection ---------------------------------------------------------------

  /**
   * The next `times` calls to `method` fail this way. `method` may be "*" (any method),
   * "response_url" (POSTs to a response_url) or "upload_url" (a file's bytes POSTed to its
   * upload URL: Slack's upload service answers in HTTP statuses, so an `{error}` there is a
   * 200 that lands nothing).
   */
  failNext(method: string, failure: FakeFailure, times = 1): void {
    this.failures.failNext(method, failure, times);
  }

  /** Each call to `method` (or "*") fails with probability `rate`, reproducibly for a seed. */
  failRandomly(method: string, options: RandomFailureOptions): void {
    this.failures.failRandomly(method, options);
  }

  /** Queued failures not yet used: lets a test assert its injected failure was reached. */
  pendingFailures(method: string): number {
    return this.failures.pending(method);
  }

  clearFailures(): void {
    this.failures.clear();
  }

  // ---- lifecycle ----------------------------------------------------------------------

  start(): Promise<void> {
    return this.http.start();
  }

  stop(): Promise<void> {
    return this.http.stop();
  }

  /** Base URL in the form Bolt's and WebClient's `slackApiUrl` expect (trailing slash). */
  get url(): string {
    return `${this.http.origin}/api/`;
  }

  /** A response_url on this server; POSTs to it are recorded in `responses` under `id`. */
  responseUrl(id: string): string {
    return `${this.http.origin}/response/${encodeURIComponent(id)}`;
  }

  // ---- inspection ---------------------------------------------------------------------

  callsTo(method: string): FakeSlackCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  responsesTo(id: string): FakeSlackResponse[] {
    return this.responses.filter((response) => response.id === id);
  }

  /** The current state of a message posted (and maybe updated) through the fake; deleted → undefined. */
  message(channel: string, ts: string): StoredMessage | undefined {
    return this.state.messages.get(messageKey(channel, ts));
  }

  messagesIn(channel: string): StoredMessage[] {
    return [...this.state.messages.values()].filter((message) => message.channel === channel);
  }

  view(id: string): StoredView | undefined {
    return this.state.views.get(id);
  }

  /** Every file announced through files.getUploadURLExternal, in order, bytes and sharing as they stand. */
  get files(): StoredFile[] {
    return [...this.state.files.values()];
  }

  /** Files completed (shared) into a channel or DM, in the order they were announced. */
  filesIn(channel: string): StoredFile[] {
    return this.files.filter((file) => file.completed?.channel === channel);
  }

  /** Forgets recorded calls and responses (not messages, views or failures). */
  clear(): void {
    this.calls.length = 0;
    this.responses.length = 0;
  }

  /**
   * Resolves once `count` calls to `method` were recorded: Bolt acks first and calls the
   * Web API afterwards, so a test must wait for the call rather than for the HTTP answer.
   */
  waitForCalls(method: string, count = 1, timeoutMs = 2000): Promise<FakeSlackCall[]> {
    return this.waitUntil(
      () => {
        const calls = this.callsTo(method);
        return calls.length >= count ? calls : undefined;
      },
      timeoutMs,
      `${count} call(s) to ${method}`,
    );
  }

  waitForResponses(id: string, count = 1, timeoutMs = 2000): Promise<FakeSlackResponse[]> {
    return this.waitUntil(
      () => {
        const responses = this.responsesTo(id);
        return responses.length >= count ? responses : undefined;
      },
      timeoutMs,
      `${count} response(s) to ${id}`,
    );
  }

  // ---- internals ----------------------------------------------------------------------

  private waitUntil<T>(ready: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const now = ready();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const check = (): void => {
        const value = ready();
        if (value === undefined) return;
        clearTimeout(timer);
        this.recordListeners.delete(check);
        resolve(value);
      };
      timer = setTimeout(() => {
        this.recordListeners.delete(check);
        reject(new Error(`FakeSlackApi: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.recordListeners.add(check);
    });
  }

  private notify(): void {
    for (const listener of [...this.recordListeners]) listener();
  }

  /** Slack ts: seconds.microseconds, unique and increasing even within one millisecond. */
  private nextTs(): string {
    this.lastTsMicros = Math.max(Date.now() * 1000, this.lastTsMicros + 1);
    const seconds = Math.floor(this.lastTsMicros / 1_000_000);
    const micros = this.lastTsMicros % 1_000_000;
    return `${seconds}.${String(micros).padStart(6, "0")}`;
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    // Whatever arrives, the fake answers something and never takes the test process down.
    this.handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, "text/plain", "fake-slack-api: internal error");
      else res.destroy();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://127.0.0.1");
    } catch {
      send(res, 404, "text/plain", "not found");
      return;
    }
    const apiMethod = /^\/api\/([A-Za-z0-9_.]+)$/.exec(url.pathname)?.[1];
    if (apiMethod !== undefined && (req.method === "POST" || req.method === "GET")) {
      await this.handleApi(apiMethod, url.searchParams, req, res);
      return;
    }
    const responseId = /^\/response\/(.+)$/.exec(url.pathname)?.[1];
    if (responseId !== undefined && req.method === "POST") {
      await this.handleResponseUrl(safeDecode(responseId), req, res);
      return;
    }
    const fileId = /^\/upload\/v1\/([^/]+)$/.exec(url.pathname)?.[1];
    if (fileId !== undefined && req.method === "POST") {
      await this.handleUpload(safeDecode(fileId), req, res);
      return;
    }
    send(res, 404, "text/plain", "not found");
  }

  private async handleApi(
    method: string,
    query: URLSearchParams,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const raw = await readBody(req, MAX_BODY_BYTES);
    if (raw === undefined) {
      send(res, 413, "text/plain", "request entity too large");
      return;
    }
    const parsed = await parseArgs(req.headers["content-type"], raw, query);
    const args = parsed.ok ? parsed.args : {};
    const token = bearerToken(req.headers.authorization) ?? stringArg(args.token);
    const injected = this.failures.take(method);
    this.calls.push({
      method,
      args,
      ...(token === undefined ? {} : { token }),
      ...(injected === undefined ? {} : { injected }),
    });
    this.notify();
    if (!(await this.applyFailure(injected, req, res))) return;
    const answer: Answer = parsed.ok ? this.answer(method, args, token) : parsed.error;
    send(res, 200, "application/json; charset=utf-8", JSON.stringify(answer));
  }

  private answer(method: string, args: Record<string, unknown>, token: string | undefined): Answer {
    if (!TOKENLESS_METHODS.has(method)) {
      if (token === undefined) return { ok: false, error: "not_authed" };
      if (this.state.revokedTokens.has(token)) return { ok: false, error: "token_revoked" };
    }
    // Unknown tokens are answered as the primary team rather than invalid_auth, so tests
    // may give Bolt any xoxb- string; tests about bad tokens use failNext or revokeToken.
    const team = (token === undefined ? undefined : this.teamsByToken.get(token)) ?? this.primary;
    return answerMethod(method, { state: this.state, team, token }, args);
  }

  private async handleResponseUrl(
    id: string,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const raw = await readBody(req, MAX_BODY_BYTES);
    if (raw === undefined) {
      send(res, 413, "text/plain", "request entity too large");
      return;
    }
    const text = raw.toString("utf8");
    const injected = this.failures.take(RESPONSE_URL_METHOD);
    this.responses.push({ id, body: tryJson(text) ?? text });
    this.notify();
    if (!(await this.applyFailure(injected, req, res))) return;
    send(res, 200, "application/json; charset=utf-8", JSON.stringify({ ok: true }));
  }

  /**
   * A file's bytes at its upload URL, raw or as multipart/form-data (the first file part;
   * @slack/web-api sends it as the field `body`), answered as Slack's upload service does.
   */
  private async handleUpload(id: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req, MAX_UPLOAD_BYTES);
    if (raw === undefined) {
      send(res, 413, "text/plain", "request entity too large");
      return;
    }
    const injected = this.failures.take(UPLOAD_URL_METHOD);
    // A failed upload lands nothing; a delayed one lands once its delay is over.
    if (!(await this.applyFailure(injected, req, res))) return;
    const file = this.state.files.get(id);
    if (file === undefined) {
      send(res, 404, "text/plain", "file not found");
      return;
    }
    const bytes = await uploadedBytes(req.headers["content-type"], raw);
    if (bytes === undefined) {
      send(res, 400, "text/plain", "invalid form data");
      return;
    }
    file.bytes = bytes;
    send(res, 200, "text/plain", `OK - ${bytes.length}`);
  }

  /** Plays out a failure; true when the normal answer should still follow (delays). */
  private applyFailure(
    failure: FakeFailure | undefined,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<boolean> {
    return this.http.playFailure(failure, req, res, (refusal) => {
      if ("error" in refusal) {
        send(
          res,
          200,
          "application/json; charset=utf-8",
          JSON.stringify({ ok: false, error: refusal.error }),
        );
        return;
      }
      if (refusal.status === 429) {
        // Exactly Slack's answer (fixtures: rate_limited_429); WebClient reads Retry-After.
        send(
          res,
          429,
          "application/json; charset=utf-8",
          JSON.stringify({ ok: false, error: "ratelimited" }),
          { "retry-after": String(refusal.retryAfter) },
        );
        return;
      }
      send(
        res,
        refusal.status,
        "text/html",
        `<html><body>${refusal.status} Server Error</body></html>`,
      );
    });
  }
}

// ---- HTTP helpers ---------------------------------------------------------------------

function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "content-type": contentType, ...headers });
  res.end(body);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function tryJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function stringArg(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  return match?.[1];
}

/** The bytes of an upload: the first file part of a multipart body, else the body itself. */
async function uploadedBytes(
  contentType: string | undefined,
  raw: Buffer,
): Promise<Buffer | undefined> {
  const type = contentType ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) return raw;
  try {
    // The boundary is case-sensitive: the header goes on as it came.
    const form = await new Response(new Uint8Array(raw), {
      headers: { "content-type": type },
    }).formData();
    const parts: unknown[] = [];
    form.forEach((value) => {
      parts.push(value);
    });
    const part = parts.find((value): value is Blob => value instanceof Blob);
    if (part !== undefined) return Buffer.from(await part.arrayBuffer());
    return undefined;
  } catch {
    return undefined;
  }
}

type ParsedArgs = { ok: true; args: Record<string, unknown> } | { ok: false; error: Answer };

/** Reads a Web API body the ways Slack accepts one: form, JSON or multipart, plus the query. */
async function parseArgs(
  contentType: string | undefined,
  raw: Buffer,
  query: URLSearchParams,
): Promise<ParsedArgs> {
  const args: Record<string, unknown> = Object.fromEntries(query);
  const type = (contentType ?? "").toLowerCase();
  if (type.startsWith("application/json")) {
    const text = raw.toString("utf8");
    const body = text.trim() === "" ? {} : tryJson(text);
    if (!isRecord(body)) return { ok: false, error: { ok: false, error: "invalid_json" } };
    Object.assign(args, body);
  } else if (type.startsWith("multipart/form-data")) {
    try {
      const form = await new Response(new Uint8Array(raw), {
        headers: { "content-type": type },
      }).formData();
      form.forEach((value, key) => {
        args[key] =
          typeof value === "string"
            ? value
            : { filename: value.name, size: value.size, type: value.type };
      });
    } catch {
      return { ok: false, error: { ok: false, error: "invalid_form_data" } };
    }
  } else {
    // Slack treats a body without a content type as a form too.
    Object.assign(args, Object.fromEntries(new URLSearchParams(raw.toString("utf8"))));
  }
  for (const field of JSON_FIELDS) {
    const value = args[field];
    if (typeof value !== "string") continue;
    const parsed = tryJson(value);
    if (parsed !== undefined) args[field] = parsed;
  }
  return { ok: true, args };
}
