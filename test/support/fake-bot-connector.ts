/**
 * A fake Bot Connector service (the Teams side of the Bot Framework REST API) on 127.0.0.1
 * for end-to-end tests. Give inbound activities `serviceUrl: fake.serviceUrl` and
 * botbuilder's CloudAdapter sends its replies, proactive messages, updates, deletes,
 * conversation creations and member look-ups here. The fake answers like the service,
 * records every call and can be told to fail the ways the service does.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { isRecord } from "./json-values.js";
import { LoopbackServer, readBody } from "./loopback-server.js";

export { isRecord };

/** The connector operations the fake answers (see `routeOf`). */
export type ConnectorRoute =
  | "reply"
  | "send"
  | "update"
  | "delete"
  | "create"
  | "member"
  | "members";

/** Where `failNext` applies: one operation, or "*" for whichever call comes next. */
export type FailableRoute = "reply" | "send" | "update" | "delete" | "create" | "members" | "*";

/** One way a connector call can go wrong, as the real service does it. */
export type ConnectorFailure =
  /** Throttled: HTTP 429 with Retry-After (seconds). */
  | { status: 429; retryAfter: number }
  /** A transient service failure. */
  | { status: 500 }
  /** The bot was removed from the conversation (uninstalled, user left, chat deleted). */
  | { status: 403; code: "BotNotInConversationRoster" }
  /** The normal answer, but late. */
  | { delayMs: number }
  /** The connection is closed without any answer. */
  | { drop: true };

/** A call that carried (or targeted) an activity: everything except member look-ups. */
export interface RecordedActivity {
  route: "reply" | "send" | "update" | "delete" | "create";
  method: "POST" | "PUT" | "DELETE";
  /** Decoded. For `create`, the id the fake gave the new conversation ("" if the call failed). */
  conversationId: string;
  /** `reply`: the `{activityId}` of the path, i.e. the activity replied to. */
  replyToId?: string;
  /** `update`/`delete`: the target; `create`: the id of the initial activity, if one was sent. */
  activityId?: string;
  /** The id the fake answered with; absent when an injected failure replaced the answer. */
  id?: string;
  /** The parsed JSON body: the activity, or for `create` the ConversationParameters. */
  activity: unknown;
  /** The Authorization header, as sent (botbuilder sends none when auth is disabled). */
  authorization?: string;
  /** The failure injected into this call, if any: a retried call shows up once per attempt. */
  injected?: ConnectorFailure;
}

/** Every request the fake saw, including member look-ups and 404s: for debugging tests. */
export interface RecordedRequest {
  method: string;
  /** The raw path, still URL-encoded. */
  path: string;
  route: ConnectorRoute | undefined;
  authorization?: string;
}

/**
 * A PUT to an upload URL the fake handed out (`uploadUrl`): what Teams' file consent flow has
 * the bot send to the person's OneDrive upload session.
 */
export interface RecordedUpload {
  /** The name the URL was made for. */
  name: string;
  contentLength?: string;
  contentRange?: string;
  body: Buffer;
  /** What the fake answered: 201 (the file is created), or an injected failure's status. */
  status: number;
}

/** A member as the fake knows it; answered as a TeamsChannelAccount. */
export interface FakeMember {
  /** The Teams user id, "29:…". */
  id: string;
  name: string;
  aadObjectId: string;
  email?: string;
  userPrincipalName?: string;
  givenName?: string;
  surname?: string;
  userRole?: "user" | "guest" | "anonymous";
}

export interface FakeBotConnectorOptions {
  /** Members of every conversation, unless `setMembers` gives a conversation its own. */
  members?: readonly FakeMember[];
  /** The tenant put on member answers. */
  tenantId?: string;
}

const JSON_TYPE = "application/json; charset=utf-8";
/** The service refuses activities far below this; the cap only protects the test process. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;
const ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";
const DEFAULT_PAGE_SIZE = 200;
const UPLOAD_PATH = "/upload/";
export const DEFAULT_TENANT_ID = "00000000-0000-4000-8000-00000000a001";

export class FakeBotConnector {
  readonly activities: RecordedActivity[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly uploads: RecordedUpload[] = [];

  private readonly http = new LoopbackServer("FakeBotConnector", (req, res) => {
    this.onRequest(req, res);
  });
  private readonly failures = new Map<FailableRoute, ConnectorFailure[]>();
  private readonly uploadFailures: number[] = [];
  private readonly members: FakeMember[];
  private readonly membersByConversation = new Map<string, FakeMember[]>();
  private readonly personalChats = new Map<string, string>();
  private readonly tenantId: string;
  private readonly recordListeners = new Set<() => void>();
  private lastActivityId = 0;
  private conversationCounter = 0;

  constructor(options: FakeBotConnectorOptions = {}) {
    this.members = [...(options.members ?? [])];
    this.tenantId = options.tenantId ?? DEFAULT_TENANT_ID;
  }

  // ---- lifecycle ----------------------------------------------------------------------

  start(): Promise<void> {
    return this.http.start();
  }

  stop(): Promise<void> {
    return this.http.stop();
  }

  /** With the trailing slash, as Teams sends `serviceUrl` (botbuilder appends "v3/…"). */
  get serviceUrl(): string {
    return `${this.http.origin}/`;
  }

  // ---- configuration ------------------------------------------------------------------

  /** The members of one conversation (or team id: TeamsInfo asks the team for channel members). */
  setMembers(conversationId: string, members: readonly FakeMember[]): void {
    this.membersByConversation.set(conversationId, [...members]);
  }

  /** Adds a member known in every conversation without its own list. */
  addMember(member: FakeMember): void {
    this.members.push(member);
  }

  /**
   * The next `times` calls to `route` fail this way. Queued failures for the exact route
   * are used before "*" ones. botbuilder retries 429 and 5xx and dropped connections by
   * itself (3 retries), so a failure meant to reach the bot needs `times` ≥ 4.
   */
  failNext(route: FailableRoute, failure: ConnectorFailure, times = 1): void {
    // Misuse is a bug in the test itself: fail loudly at set-up, not with a confusing pass.
    if (!Number.isInteger(times) || times < 0) {
      throw new RangeError(`failNext: times must be a non-negative integer, got ${times}`);
    }
    if (
      "retryAfter" in failure &&
      !(Number.isInteger(failure.retryAfter) && failure.retryAfter >= 0)
    ) {
      throw new RangeError("failNext: retryAfter must be a non-negative integer of seconds");
    }
    if ("delayMs" in failure && !(failure.delayMs >= 0)) {
      throw new RangeError("failNext: delayMs must be non-negative");
    }
    const queue = this.failures.get(route) ?? [];
    for (let i = 0; i < times; i++) queue.push(failure);
    this.failures.set(route, queue);
  }

  /** The next upload (PUT to an `uploadUrl`) is answered with this HTTP status, as OneDrive fails. */
  failNextUpload(status: number): void {
    this.uploadFailures.push(status);
  }

  /**
   * An upload URL on the fake, as Teams hands one out in an accepted `fileConsent/invoke`
   * (really a OneDrive upload session); PUTs to it land in `uploads`.
   */
  uploadUrl(name: string): string {
    return `${this.http.origin}${UPLOAD_PATH}${encodeURIComponent(name)}`;
  }

  /** Failures still queued for a route: lets a test assert its injected failure was reached. */
  pendingFailures(route: FailableRoute): number {
    return this.failures.get(route)?.length ?? 0;
  }

  clearFailures(): void {
    this.failures.clear();
  }

  // ---- inspection ---------------------------------------------------------------------

  /**
   * Activities delivered to one conversation (replies, sends and the initial activity of a
   * created conversation), failed attempts left out. A channel thread has its own id
   * ("19:…;messageid=…"): the match is exact.
   */
  sentTo(conversationId: string): RecordedActivity[] {
    return this.delivered().filter(
      (record) =>
        record.conversationId === conversationId &&
        (record.route === "reply" ||
          record.route === "send" ||
          (record.route === "create" && initialActivity(record) !== undefined)),
    );
  }

  /** The `text` of every delivered activity (posts and updates), in arrival order. */
  texts(): string[] {
    const texts: string[] = [];
    for (const activity of this.activities.map(deliveredActivity)) {
      if (isRecord(activity) && typeof activity.text === "string") texts.push(activity.text);
    }
    return texts;
  }

  /** The Adaptive Card contents of every delivered activity (posts and updates), in order. */
  cards(): Record<string, unknown>[] {
    return this.activities.flatMap((record) => adaptiveCardsOf(deliveredActivity(record)));
  }

  /**
   * Resolves with `activities` once it holds at least `count` records (failed attempts
   * included). In-turn replies have all arrived when the inbound POST is answered;
   * this is for proactive or background sends.
   */
  waitForActivities(count: number, timeoutMs = 2000): Promise<RecordedActivity[]> {
    const ready = (): boolean => this.activities.length >= count;
    if (ready()) return Promise.resolve(this.activities);
    return new Promise<RecordedActivity[]>((resolve, reject) => {
      const check = (): void => {
        if (!ready()) return;
        clearTimeout(timer);
        this.recordListeners.delete(check);
        resolve(this.activities);
      };
      const timer = setTimeout(() => {
        this.recordListeners.delete(check);
        reject(
          new Error(
            `FakeBotConnector: timed out after ${timeoutMs} ms waiting for ${count} activities ` +
              `(have ${this.activities.length}; requests: ${this.requests
                .map((r) => `${r.method} ${r.path}`)
                .join(", ")})`,
          ),
        );
      }, timeoutMs);
      this.recordListeners.add(check);
    });
  }

  /** Forgets recorded activities and requests (not members, failures or conversations). */
  clear(): void {
    this.activities.length = 0;
    this.requests.length = 0;
    this.uploads.length = 0;
  }

  // ---- internals ----------------------------------------------------------------------

  private delivered(): RecordedActivity[] {
    return this.activities.filter(
      (record) => record.injected === undefined || "delayMs" in record.injected,
    );
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    // Whatever arrives, the fake answers something and never takes the test process down.
    this.handle(req, res).catch(() => {
      if (!res.headersSent)
        sendError(res, 500, "ServiceError", "fake-bot-connector: internal error");
      else res.destroy();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const query = new URLSearchParams((req.url ?? "").split("?")[1] ?? "");
    const route = routeOf(req.method ?? "GET", path);
    const authorization = req.headers.authorization;
    this.requests.push({
      method: req.method ?? "GET",
      path,
      route: route?.route,
      ...(authorization === undefined ? {} : { authorization }),
    });
    if (req.method === "PUT" && path.startsWith(UPLOAD_PATH)) {
      await this.handleUpload(req, res, path);
      return;
    }
    if (route === undefined) {
      // Drain the body so keep-alive connections stay usable.
      await readBody(req, MAX_BODY_BYTES);
      sendError(res, 404, "NotFound", `No route for ${req.method} ${path}`);
      return;
    }
    if (isMemberRoute(route)) {
      await this.handleMembers(route, query, req, res);
      return;
    }

    const raw = await readBody(req, MAX_BODY_BYTES);
    if (raw === undefined) {
      sendError(res, 413, "MessageSizeTooBig", "Message size too big.");
      return;
    }
    const text = raw.toString("utf8");
    const body = text.trim() === "" ? undefined : tryJson(text);
    if (route.route !== "delete" && !isRecord(body)) {
      sendError(res, 400, "BadArgument", "The request body is not a JSON object.");
      return;
    }
    const injected = this.takeFailure(route.route);
    const record: RecordedActivity = {
      route: route.route,
      method: route.route === "update" ? "PUT" : route.route === "delete" ? "DELETE" : "POST",
      conversationId: route.conversationId,
      activity: body,
      ...(authorization === undefined ? {} : { authorization }),
      ...(injected === undefined ? {} : { injected }),
    };
    if (route.route === "reply") record.replyToId = route.activityId;
    if (route.route === "update" || route.route === "delete") record.activityId = route.activityId;

    // The answer is decided before recording, so a test that sees the record sees its id.
    let answer: Record<string, unknown> | undefined;
    if (injected === undefined || "delayMs" in injected) {
      answer = this.answer(route, body, record);
    }
    this.activities.push(record);
    this.notify();
    if (!(await this.applyFailure(injected, req, res))) return;
    if (answer === undefined) {
      res.writeHead(200).end();
    } else {
      sendJson(res, route.route === "create" ? 201 : 200, answer);
    }
  }

  /** The service's answer to an activity call; fills in the record's ids. */
  private answer(
    route: ActivityRouteMatch,
    body: unknown,
    record: RecordedActivity,
  ): Record<string, unknown> | undefined {
    switch (route.route) {
      case "reply":
      case "send": {
        const id = this.nextActivityId();
        record.id = id;
        return { id };
      }
      case "update":
        // The service keeps the activity's id across updates.
        record.id = route.activityId;
        return { id: route.activityId };
      case "delete":
        return undefined;
      case "create": {
        const parameters = isRecord(body) ? body : {};
        const activityId = parameters.activity === undefined ? undefined : this.nextActivityId();
        const conversationId = this.newConversationId(parameters, activityId);
        record.conversationId = conversationId;
        record.id = conversationId;
        if (activityId !== undefined) record.activityId = activityId;
        return {
          id: conversationId,
          ...(activityId === undefined ? {} : { activityId }),
          serviceUrl: this.serviceUrl,
        };
      }
    }
  }

  /**
   * Teams keeps one 1:1 chat per user and bot, so creating it again answers the same id;
   * a new post in a channel answers "{channel id};messageid={first activity id}".
   */
  private newConversationId(
    parameters: Record<string, unknown>,
    activityId: string | undefined,
  ): string {
    const channelData = isRecord(parameters.channelData) ? parameters.channelData : {};
    const channel = isRecord(channelData.channel) ? channelData.channel : {};
    if (typeof channel.id === "string" && channel.id !== "") {
      return `${channel.id};messageid=${activityId ?? this.nextActivityId()}`;
    }
    const firstMember = Array.isArray(parameters.members) ? parameters.members[0] : undefined;
    const memberKey =
      isRecord(firstMember) && typeof firstMember.id === "string" && parameters.isGroup !== true
        ? firstMember.id
        : undefined;
    if (memberKey !== undefined) {
      const existing = this.personalChats.get(memberKey);
      if (existing !== undefined) return existing;
    }
    this.conversationCounter += 1;
    const id = `a:new${String(this.conversationCounter).padStart(6, "0")}`;
    if (memberKey !== undefined) this.personalChats.set(memberKey, id);
    return id;
  }

  /** A whole file in one PUT, answered as OneDrive answers the last range: 201 and the item. */
  private async handleUpload(req: IncomingMessage, res: ServerResponse, path: string) {
    const name = safeDecode(path.slice(UPLOAD_PATH.length)) ?? "";
    const body = (await readBody(req, MAX_BODY_BYTES)) ?? Buffer.alloc(0);
    const status = this.uploadFailures.shift() ?? 201;
    const { "content-length": contentLength, "content-range": contentRange } = req.headers;
    this.uploads.push({
      name,
      ...(contentLength === undefined ? {} : { contentLength }),
      ...(contentRange === undefined ? {} : { contentRange }),
      body,
      status,
    });
    if (status === 201)
      sendJson(res, 201, { id: `item-${this.uploads.length}`, name, size: body.length });
    else sendError(res, status, "generalException", "The upload failed.");
  }

  private async handleMembers(
    route: MemberRouteMatch,
    query: URLSearchParams,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    await readBody(req, MAX_BODY_BYTES);
    const injected = this.takeFailure("members");
    if (!(await this.applyFailure(injected, req, res))) return;
    const members = this.membersByConversation.get(route.conversationId) ?? this.members;
    if (route.route === "member") {
      // Teams accepts the 29: id, the AAD object id or the UPN here.
      const wanted = route.userId.toLowerCase();
      const member = members.find(
        (candidate) =>
          candidate.id === route.userId ||
          candidate.aadObjectId.toLowerCase() === wanted ||
          candidate.userPrincipalName?.toLowerCase() === wanted,
      );
      if (member === undefined) {
        sendError(
          res,
          404,
          "MemberNotFoundInConversation",
          "The member was not found in the conversation.",
        );
        return;
      }
      sendJson(res, 200, this.teamsChannelAccount(member));
      return;
    }
    const requested = Number(query.get("pageSize"));
    const pageSize = Number.isInteger(requested) && requested > 0 ? requested : DEFAULT_PAGE_SIZE;
    const start = Number(query.get("continuationToken") ?? "0");
    const from = Number.isInteger(start) && start >= 0 ? start : 0;
    const page = members
      .slice(from, from + pageSize)
      .map((member) => this.teamsChannelAccount(member));
    const next = from + pageSize;
    sendJson(res, 200, {
      members: page,
      ...(next < members.length ? { continuationToken: String(next) } : {}),
    });
  }

  private teamsChannelAccount(member: FakeMember): Record<string, unknown> {
    return {
      id: member.id,
      name: member.name,
      aadObjectId: member.aadObjectId,
      ...(member.email === undefined ? {} : { email: member.email }),
      ...(member.userPrincipalName === undefined
        ? {}
        : { userPrincipalName: member.userPrincipalName }),
      ...(member.givenName === undefined ? {} : { givenName: member.givenName }),
      ...(member.surname === undefined ? {} : { surname: member.surname }),
      tenantId: this.tenantId,
      userRole: member.userRole ?? "user",
    };
  }

  private takeFailure(route: Exclude<FailableRoute, "*">): ConnectorFailure | undefined {
    for (const key of [route, "*"] as const) {
      const first = this.failures.get(key)?.shift();
      if (first !== undefined) return first;
    }
    return undefined;
  }

  /** Plays out a failure; true when the normal answer should still follow (delays). */
  private applyFailure(
    failure: ConnectorFailure | undefined,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<boolean> {
    return this.http.playFailure(failure, req, res, (refusal) => {
      switch (refusal.status) {
        case 429:
          sendError(res, 429, "Throttled", "Too many requests.", {
            "retry-after": String(refusal.retryAfter),
          });
          break;
        case 500:
          sendError(res, 500, "ServiceError", "An internal service error occurred.");
          break;
        case 403:
          sendError(res, 403, refusal.code, "The bot is not part of the conversation roster.");
          break;
      }
    });
  }

  /** Teams activity ids are millisecond timestamps; keep them unique and increasing. */
  private nextActivityId(): string {
    this.lastActivityId = Math.max(Date.now(), this.lastActivityId + 1);
    return String(this.lastActivityId);
  }

  private notify(): void {
    for (const listener of [...this.recordListeners]) listener();
  }
}

// ---- routing --------------------------------------------------------------------------

interface ActivityRouteMatch {
  route: "reply" | "send" | "update" | "delete" | "create";
  conversationId: string;
  activityId: string;
}

interface MemberRouteMatch {
  route: "member" | "members";
  conversationId: string;
  userId: string;
}

type RouteMatch = ActivityRouteMatch | MemberRouteMatch;

function isMemberRoute(route: RouteMatch): route is MemberRouteMatch {
  return route.route === "member" || route.route === "members";
}

/**
 * Maps a request to a connector operation. The path may carry one region segment before
 * "v3" (Teams serviceUrls look like https://smba.trafficmanager.net/amer/). botbuilder
 * URL-encodes the ids, whose ":", ";" and "@" must be decoded.
 */
function routeOf(method: string, path: string): RouteMatch | undefined {
  const segments = path.split("/").slice(1);
  const v3 = segments.indexOf("v3");
  if (v3 < 0 || v3 > 1 || segments[v3 + 1] !== "conversations") return undefined;
  const rest = segments.slice(v3 + 2);
  const decoded: string[] = [];
  for (const segment of rest) {
    const value = safeDecode(segment);
    if (value === undefined || value === "") return undefined;
    decoded.push(value);
  }
  const [conversationId, collection, itemId, ...extra] = decoded;
  if (extra.length > 0) return undefined;
  if (conversationId === undefined) {
    return method === "POST" ? { route: "create", conversationId: "", activityId: "" } : undefined;
  }
  if (collection === "activities") {
    if (itemId === undefined) {
      return method === "POST" ? { route: "send", conversationId, activityId: "" } : undefined;
    }
    const byMethod: Record<string, ActivityRouteMatch["route"]> = {
      POST: "reply",
      PUT: "update",
      DELETE: "delete",
    };
    const route = byMethod[method];
    return route === undefined ? undefined : { route, conversationId, activityId: itemId };
  }
  if (method !== "GET") return undefined;
  if (collection === "members" && itemId !== undefined) {
    return { route: "member", conversationId, userId: itemId };
  }
  if (collection === "pagedmembers" && itemId === undefined) {
    return { route: "members", conversationId, userId: "" };
  }
  return undefined;
}

/** The activity a `create` call posted along with the new conversation, if any. */
function initialActivity(record: RecordedActivity): unknown {
  return isRecord(record.activity) ? record.activity.activity : undefined;
}

/**
 * The activity a record delivered: the body, or for `create` the initial activity; undefined
 * for a delete or an attempt an injected failure stopped (a delayed one was delivered).
 */
export function deliveredActivity(record: RecordedActivity): unknown {
  if (record.injected !== undefined && !("delayMs" in record.injected)) return undefined;
  if (record.route === "delete") return undefined;
  if (record.route === "create") return initialActivity(record);
  return record.activity;
}

/** The attachments of one content type on an activity (a file consent card, a file info card). */
export function attachmentsOf(activity: unknown, contentType: string): Record<string, unknown>[] {
  if (!isRecord(activity) || !Array.isArray(activity.attachments)) return [];
  return activity.attachments.filter(
    (attachment): attachment is Record<string, unknown> =>
      isRecord(attachment) && attachment.contentType === contentType,
  );
}

/** The Adaptive Card contents attached to an activity, in order. */
export function adaptiveCardsOf(activity: unknown): Record<string, unknown>[] {
  if (!isRecord(activity) || !Array.isArray(activity.attachments)) return [];
  const cards: Record<string, unknown>[] = [];
  for (const attachment of activity.attachments) {
    if (
      isRecord(attachment) &&
      attachment.contentType === ADAPTIVE_CARD &&
      isRecord(attachment.content)
    ) {
      cards.push(attachment.content);
    }
  }
  return cards;
}

// ---- HTTP helpers ---------------------------------------------------------------------

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "content-type": JSON_TYPE, ...headers });
  res.end(JSON.stringify(body));
}

/** The service's error body: `{ error: { code, message } }` (botframework-schema ErrorResponse). */
function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error: { code, message } }, headers);
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
