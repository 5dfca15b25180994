/**
 * Requests exactly as Slack sends them to an app's request URL (field sets and nesting of
 * ../shared/fixtures/slack-*.json), signed the way Bolt verifies them, and a poster.
 *
 *   const request = slashCommand({ teamId, channelId, userId, text, responseUrl: fake.responseUrl("c1") });
 *   const result = await postToSlackEndpoint(`http://127.0.0.1:${port}`, request, { signingSecret });
 */
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { DEFAULT_TEAM } from "./fake-slack-api.js";

export const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";
export const JSON_CONTENT_TYPE = "application/json";
export type SlackContentType = typeof FORM_CONTENT_TYPE | typeof JSON_CONTENT_TYPE;

/** Bolt's default request path (HTTPReceiver and ExpressReceiver). */
export const DEFAULT_EVENTS_PATH = "/slack/events";

export interface SlackRequest {
  /** The raw body: what is signed and sent, byte for byte. */
  body: string;
  /** Lower-case header names: content-type, retry headers, and the signature once signed. */
  headers: Record<string, string>;
  /** What the body encodes: form fields, the interactive `payload`, or the event envelope. */
  payload: Record<string, unknown>;
}

export interface SignatureHeaders {
  "content-type": SlackContentType;
  "x-slack-request-timestamp": string;
  "x-slack-signature": string;
}

/** How Slack marks a redelivery (Events API retries after a slow or failed answer). */
export interface DeliveryOptions {
  retryNum?: number;
  /** Default "http_timeout"; Slack also sends "http_error", "too_many_redirects", … */
  retryReason?: string;
}

/** Workspace details Slack repeats in every request; defaults match FakeSlackApi's team. */
export interface WorkspaceOptions extends DeliveryOptions {
  teamDomain?: string;
  /** Only Enterprise Grid workspaces carry enterprise_id / enterprise_name. */
  enterprise?: { id: string; name: string };
  apiAppId?: string;
  /** The deprecated verification token Slack still sends; Bolt ignores it. */
  verificationToken?: string;
}

export type ViewStateValues = Record<
  string,
  Record<string, { type: string } & Record<string, unknown>>
>;

export interface ViewOptions {
  id: string;
  type?: "modal" | "home";
  callbackId?: string;
  privateMetadata?: string;
  hash?: string;
  /** `state.values`; blocks are derived from it unless given. */
  values?: ViewStateValues;
  blocks?: unknown[];
  title?: string;
  externalId?: string;
  rootViewId?: string;
  previousViewId?: string | null;
  botId?: string;
}

// ---- signing -----------------------------------------------------------------------------

/** `v0=` + hex(HMAC-SHA256(secret, `v0:${timestamp}:${body}`)), as Slack signs requests. */
export function slackSignature(secret: string, timestampSeconds: number, body: string): string {
  const digest = createHmac("sha256", secret)
    .update(`v0:${timestampSeconds}:${body}`)
    .digest("hex");
  return `v0=${digest}`;
}

/** Slack bodies are either JSON (Events API) or a form (everything else). */
function contentTypeOf(body: string): SlackContentType {
  return body.trimStart().startsWith("{") ? JSON_CONTENT_TYPE : FORM_CONTENT_TYPE;
}

/**
 * The headers Slack sends with a body. Content-Type is exact: Bolt's receiver compares
 * `application/x-www-form-urlencoded` literally and rejects `; charset=utf-8` with 400.
 */
export function signSlackRequest(
  secret: string,
  body: string,
  timestampSeconds: number = nowSeconds(),
  contentType: SlackContentType = contentTypeOf(body),
): SignatureHeaders {
  return {
    "content-type": contentType,
    "x-slack-request-timestamp": String(timestampSeconds),
    "x-slack-signature": slackSignature(secret, timestampSeconds, body),
  };
}

/**
 * The request with signature headers added (default timestamp: now, within Bolt's 5
 * minutes). A content-type already on the request is kept, so a test can send a wrong one.
 */
export function signRequest(
  secret: string,
  request: SlackRequest,
  timestampSeconds: number = nowSeconds(),
): SlackRequest {
  const { "content-type": contentType, ...signature } = signSlackRequest(
    secret,
    request.body,
    timestampSeconds,
  );
  return {
    ...request,
    headers: { "content-type": contentType, ...request.headers, ...signature },
  };
}

// ---- identifiers -------------------------------------------------------------------------

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

let lastMicros = 0;

/** A Slack-style ts ("seconds.micros"), unique within this process. */
export function slackTs(): string {
  lastMicros = Math.max(Date.now() * 1000, lastMicros + 1);
  return `${Math.floor(lastMicros / 1_000_000)}.${String(lastMicros % 1_000_000).padStart(6, "0")}`;
}

let sequence = 0;

/** Shaped like Slack's "398738663015.47445629121.803a0bc8…": only its uniqueness matters. */
export function triggerId(): string {
  sequence += 1;
  return `${nowSeconds()}${sequence}.${sequence}.${randomBytes(16).toString("hex")}`;
}

function eventId(): string {
  sequence += 1;
  return `Ev${String(sequence).padStart(4, "0")}${randomBytes(4).toString("hex").toUpperCase()}`;
}

// ---- shared pieces -----------------------------------------------------------------------

function defaults(options: WorkspaceOptions) {
  return {
    domain: options.teamDomain ?? DEFAULT_TEAM.domain,
    appId: options.apiAppId ?? DEFAULT_TEAM.appId,
    token: options.verificationToken ?? "fake-verification-token",
  };
}

function teamObject(teamId: string, options: WorkspaceOptions): Record<string, unknown> {
  const { domain } = defaults(options);
  return {
    id: teamId,
    domain,
    ...(options.enterprise === undefined
      ? {}
      : { enterprise_id: options.enterprise.id, enterprise_name: options.enterprise.name }),
  };
}

function deliveryHeaders(options: DeliveryOptions): Record<string, string> {
  if (options.retryNum === undefined) return {};
  return {
    "x-slack-retry-num": String(options.retryNum),
    "x-slack-retry-reason": options.retryReason ?? "http_timeout",
  };
}

function formRequest(fields: Record<string, string>, options: DeliveryOptions): SlackRequest {
  return {
    // URLSearchParams encodes spaces as "+", as Slack does ("enterprise_name=Org+Name").
    body: new URLSearchParams(fields).toString(),
    headers: { "content-type": FORM_CONTENT_TYPE, ...deliveryHeaders(options) },
    payload: fields,
  };
}

/** Interactivity: one form field `payload` holding the JSON. */
function interactiveRequest(
  payload: Record<string, unknown>,
  options: DeliveryOptions,
): SlackRequest {
  return {
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    headers: { "content-type": FORM_CONTENT_TYPE, ...deliveryHeaders(options) },
    payload,
  };
}

function jsonRequest(payload: Record<string, unknown>, options: DeliveryOptions): SlackRequest {
  return {
    body: JSON.stringify(payload),
    headers: { "content-type": JSON_CONTENT_TYPE, ...deliveryHeaders(options) },
    payload,
  };
}

function plainText(text: string): Record<string, unknown> {
  return { type: "plain_text", text };
}

/** Input blocks matching `state.values`, so a submitted view is self-consistent. */
function blocksForValues(values: ViewStateValues): unknown[] {
  return Object.entries(values).map(([blockId, actions]) => {
    const elements = Object.entries(actions).map(([actionId, value]) => ({
      type: value.type,
      action_id: actionId,
    }));
    const [only] = elements;
    return elements.length === 1 && only !== undefined
      ? {
          type: "input",
          block_id: blockId,
          label: plainText(blockId),
          optional: false,
          element: only,
        }
      : { type: "actions", block_id: blockId, elements };
  });
}

/** A view as Slack includes it in view_submission and view-container block_actions payloads. */
function viewObject(
  teamId: string,
  view: ViewOptions,
  options: WorkspaceOptions = {},
): Record<string, unknown> {
  const { appId } = defaults(options);
  const type = view.type ?? "modal";
  const values = view.values ?? {};
  return {
    id: view.id,
    team_id: teamId,
    type,
    blocks: view.blocks ?? blocksForValues(values),
    private_metadata: view.privateMetadata ?? "",
    callback_id: view.callbackId ?? "",
    state: { values },
    hash: view.hash ?? `${nowSeconds()}.${randomBytes(4).toString("hex")}`,
    title: plainText(view.title ?? "Noterat"),
    clear_on_close: false,
    notify_on_close: false,
    close: type === "home" ? null : plainText("Avbryt"),
    submit: type === "home" ? null : plainText("Spara"),
    previous_view_id: view.previousViewId ?? null,
    root_view_id: view.rootViewId ?? view.id,
    app_id: appId,
    external_id: view.externalId ?? "",
    app_installed_team_id: teamId,
    bot_id: view.botId ?? DEFAULT_TEAM.botId,
  };
}

// ---- slash commands ----------------------------------------------------------------------

export interface SlashCommandOptions extends WorkspaceOptions {
  teamId: string;
  channelId: string;
  userId: string;
  userName?: string;
  channelName?: string;
  text: string;
  responseUrl: string;
  triggerId?: string;
  command?: string;
}

/** A slash command: form fields in Slack's order (fixture slack-slash-command.json). */
export function slashCommand(options: SlashCommandOptions): SlackRequest {
  const { domain, token } = defaults(options);
  const fields: Record<string, string> = {
    token,
    team_id: options.teamId,
    team_domain: domain,
    channel_id: options.channelId,
    channel_name: options.channelName ?? channelNameFor(options.channelId),
    user_id: options.userId,
    user_name: options.userName ?? options.userId.toLowerCase(),
    command: options.command ?? "/noterat",
    text: options.text,
    ...(options.enterprise === undefined
      ? {}
      : { enterprise_id: options.enterprise.id, enterprise_name: options.enterprise.name }),
    response_url: options.responseUrl,
    trigger_id: options.triggerId ?? triggerId(),
  };
  return formRequest(fields, options);
}

function channelNameFor(channelId: string): string {
  // What Slack reports for commands typed in a DM with the app.
  return channelId.startsWith("D") ? "directmessage" : channelId.toLowerCase();
}

// ---- block actions -----------------------------------------------------------------------

export interface BlockActionOptions extends WorkspaceOptions {
  teamId: string;
  userId: string;
  userName?: string;
  /** Message container: the channel and ts of the message holding the button. */
  channelId?: string;
  channelName?: string;
  messageTs?: string;
  isEphemeral?: boolean;
  actionId: string;
  blockId?: string;
  value: string;
  /** Button label. */
  text?: string;
  /** "button" (default) sends `value`; selects and overflows send `selected_option`. */
  actionType?: string;
  responseUrl?: string;
  triggerId?: string;
  /** View container (App Home or modal) instead of a message. */
  view?: ViewOptions;
  /** Real message payloads also carry the full message and its input state; opt in. */
  message?: Record<string, unknown>;
  state?: ViewStateValues;
}

/** A block_actions payload (fixture slack-block-actions.json); container "message" or "view". */
export function blockAction(options: BlockActionOptions): SlackRequest {
  const { appId, token } = defaults(options);
  const userName = options.userName ?? options.userId.toLowerCase();
  const user = { id: options.userId, username: userName, name: userName, team_id: options.teamId };
  const actionType = options.actionType ?? "button";
  const action: Record<string, unknown> = {
    action_id: options.actionId,
    block_id: options.blockId ?? "noterat",
    ...(actionType === "button"
      ? { text: { ...plainText(options.text ?? options.value), emoji: true }, value: options.value }
      : {
          selected_option: { text: plainText(options.text ?? options.value), value: options.value },
        }),
    type: actionType,
    action_ts: slackTs(),
  };
  const trigger = options.triggerId ?? triggerId();
  const team = teamObject(options.teamId, options);
  if (options.view !== undefined) {
    const payload: Record<string, unknown> = {
      type: "block_actions",
      user,
      api_app_id: appId,
      token,
      container: { type: "view", view_id: options.view.id },
      trigger_id: trigger,
      team,
      view: viewObject(options.teamId, options.view, options),
      actions: [action],
    };
    return interactiveRequest(payload, options);
  }
  if (options.channelId === undefined) {
    throw new TypeError("blockAction: give channelId (message container) or view (view container)");
  }
  const messageTs = options.messageTs ?? slackTs();
  const payload: Record<string, unknown> = {
    type: "block_actions",
    user,
    api_app_id: appId,
    token,
    container: {
      type: "message",
      message_ts: messageTs,
      channel_id: options.channelId,
      is_ephemeral: options.isEphemeral ?? false,
    },
    trigger_id: trigger,
    team,
    channel: {
      id: options.channelId,
      name: options.channelName ?? channelNameFor(options.channelId),
    },
    ...(options.message === undefined ? {} : { message: options.message }),
    ...(options.state === undefined ? {} : { state: { values: options.state } }),
    ...(options.responseUrl === undefined ? {} : { response_url: options.responseUrl }),
    actions: [action],
  };
  return interactiveRequest(payload, options);
}

// ---- view submissions --------------------------------------------------------------------

export interface ViewSubmissionOptions extends WorkspaceOptions {
  teamId: string;
  userId: string;
  userName?: string;
  callbackId: string;
  privateMetadata?: string;
  values: ViewStateValues;
  viewId: string;
  hash?: string;
  blocks?: unknown[];
  triggerId?: string;
  /** With `response_url_enabled` inputs Slack adds one response_url per conversation picked. */
  responseUrls?: Array<{
    blockId: string;
    actionId: string;
    channelId: string;
    responseUrl: string;
  }>;
}

/** A modal submitted (fixture slack-view-submission.json). */
export function viewSubmission(options: ViewSubmissionOptions): SlackRequest {
  const { appId, token } = defaults(options);
  const userName = options.userName ?? options.userId.toLowerCase();
  const payload: Record<string, unknown> = {
    type: "view_submission",
    team: teamObject(options.teamId, options),
    user: { id: options.userId, username: userName, name: userName, team_id: options.teamId },
    api_app_id: appId,
    token,
    trigger_id: options.triggerId ?? triggerId(),
    view: viewObject(
      options.teamId,
      {
        id: options.viewId,
        type: "modal",
        callbackId: options.callbackId,
        values: options.values,
        ...(options.privateMetadata === undefined
          ? {}
          : { privateMetadata: options.privateMetadata }),
        ...(options.hash === undefined ? {} : { hash: options.hash }),
        ...(options.blocks === undefined ? {} : { blocks: options.blocks }),
      },
      options,
    ),
    response_urls: (options.responseUrls ?? []).map((entry) => ({
      block_id: entry.blockId,
      action_id: entry.actionId,
      channel_id: entry.channelId,
      response_url: entry.responseUrl,
    })),
  };
  return interactiveRequest(payload, options);
}

// ---- shortcuts ---------------------------------------------------------------------------

export interface MessageActionOptions extends WorkspaceOptions {
  teamId: string;
  userId: string;
  userName?: string;
  channelId: string;
  channelName?: string;
  callbackId: string;
  messageTs: string;
  messageText: string;
  messageUser: string;
  triggerId?: string;
  responseUrl: string;
}

/** A message shortcut (fixture slack-message-action.json); Bolt routes it to app.shortcut(). */
export function messageAction(options: MessageActionOptions): SlackRequest {
  const { token } = defaults(options);
  const payload: Record<string, unknown> = {
    type: "message_action",
    token,
    action_ts: slackTs(),
    team: teamObject(options.teamId, options),
    user: { id: options.userId, name: options.userName ?? options.userId.toLowerCase() },
    channel: {
      id: options.channelId,
      name: options.channelName ?? channelNameFor(options.channelId),
    },
    callback_id: options.callbackId,
    trigger_id: options.triggerId ?? triggerId(),
    message_ts: options.messageTs,
    message: {
      client_msg_id: randomUUID(),
      type: "message",
      text: options.messageText,
      user: options.messageUser,
      ts: options.messageTs,
      team: options.teamId,
      blocks: [richText(options.messageText)],
    },
    response_url: options.responseUrl,
  };
  return interactiveRequest(payload, options);
}

export interface GlobalShortcutOptions extends WorkspaceOptions {
  teamId: string;
  userId: string;
  userName?: string;
  callbackId: string;
  triggerId?: string;
}

/** A global shortcut (fixture slack-global-shortcut.json): no channel, no response_url. */
export function globalShortcut(options: GlobalShortcutOptions): SlackRequest {
  const { token } = defaults(options);
  const payload: Record<string, unknown> = {
    type: "shortcut",
    token,
    action_ts: slackTs(),
    team: teamObject(options.teamId, options),
    user: {
      id: options.userId,
      username: options.userName ?? options.userId.toLowerCase(),
      team_id: options.teamId,
    },
    callback_id: options.callbackId,
    trigger_id: options.triggerId ?? triggerId(),
  };
  return interactiveRequest(payload, options);
}

function richText(text: string): Record<string, unknown> {
  return {
    type: "rich_text",
    block_id: randomBytes(3).toString("base64url"),
    elements: [{ type: "rich_text_section", elements: [{ type: "text", text }] }],
  };
}

// ---- Events API --------------------------------------------------------------------------

export interface EventCallbackOptions extends WorkspaceOptions {
  teamId: string;
  event: Record<string, unknown>;
  eventId?: string;
  /** Seconds since the epoch. */
  eventTime?: number;
  /** The app's bot user in `authorizations`. */
  botUserId?: string;
}

/** An Events API envelope (fixture slack-event-callback-message-im.json, a real capture). */
export function eventCallback(options: EventCallbackOptions): SlackRequest {
  const { appId, token } = defaults(options);
  const enterpriseId = options.enterprise?.id ?? null;
  const payload: Record<string, unknown> = {
    token,
    team_id: options.teamId,
    ...(enterpriseId === null ? {} : { enterprise_id: enterpriseId }),
    api_app_id: appId,
    event: options.event,
    type: "event_callback",
    event_id: options.eventId ?? eventId(),
    event_time: options.eventTime ?? nowSeconds(),
    authorizations: [
      {
        enterprise_id: enterpriseId,
        team_id: options.teamId,
        user_id: options.botUserId ?? DEFAULT_TEAM.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    // Opaque to apps; Slack sends one with every event.
    event_context: `4-${Buffer.from(JSON.stringify({ team: options.teamId })).toString("base64url")}`,
  };
  return jsonRequest(payload, options);
}

export interface AppMentionOptions {
  teamId: string;
  userId: string;
  channelId: string;
  text: string;
  ts?: string;
}

/** event for eventCallback: the app was @-mentioned (fixture slack-event-app-mention.json). */
export function appMentionEvent(options: AppMentionOptions): Record<string, unknown> {
  const ts = options.ts ?? slackTs();
  return {
    client_msg_id: randomUUID(),
    type: "app_mention",
    text: options.text,
    user: options.userId,
    ts,
    team: options.teamId,
    channel: options.channelId,
    event_ts: ts,
  };
}

export interface DirectMessageOptions {
  teamId: string;
  userId: string;
  channelId: string;
  text: string;
  ts?: string;
}

/** event for eventCallback: a DM to the app (fixture slack-event-callback-message-im.json). */
export function directMessageEvent(options: DirectMessageOptions): Record<string, unknown> {
  const ts = options.ts ?? slackTs();
  return {
    client_msg_id: randomUUID(),
    type: "message",
    text: options.text,
    user: options.userId,
    ts,
    team: options.teamId,
    blocks: [richText(options.text)],
    channel: options.channelId,
    event_ts: ts,
    channel_type: "im",
  };
}

export interface AppHomeOpenedOptions {
  teamId: string;
  userId: string;
  /** The app's DM channel with the user. */
  channelId: string;
  tab?: "home" | "messages";
  /** The Home view published before; Slack omits `view` when there is none (and on "messages"). */
  view?: Pick<ViewOptions, "id" | "blocks" | "privateMetadata" | "callbackId" | "hash" | "botId">;
  apiAppId?: string;
}

/** event for eventCallback (fixture slack-event-app-home-opened.json). */
export function appHomeOpenedEvent(options: AppHomeOpenedOptions): Record<string, unknown> {
  const tab = options.tab ?? "home";
  const view = options.view;
  return {
    type: "app_home_opened",
    user: options.userId,
    channel: options.channelId,
    event_ts: slackTs(),
    tab,
    ...(view === undefined || tab !== "home"
      ? {}
      : {
          view: {
            id: view.id,
            team_id: options.teamId,
            type: "home",
            blocks: view.blocks ?? [],
            private_metadata: view.privateMetadata ?? "",
            callback_id: view.callbackId ?? "",
            hash: view.hash ?? `${nowSeconds()}.${randomBytes(4).toString("hex")}`,
            clear_on_close: false,
            notify_on_close: false,
            root_view_id: view.id,
            app_id: options.apiAppId ?? DEFAULT_TEAM.appId,
            external_id: "",
            app_installed_team_id: options.teamId,
            bot_id: view.botId ?? DEFAULT_TEAM.botId,
          },
        }),
  };
}

/** event for eventCallback: the app was removed from the workspace; its tokens are dead. */
export function appUninstalledEvent(): Record<string, unknown> {
  return { type: "app_uninstalled", event_ts: slackTs() };
}

/** event for eventCallback: tokens of these users (bot users under `bot`) were revoked. */
export function tokensRevokedEvent(tokens: {
  oauth?: string[];
  bot?: string[];
}): Record<string, unknown> {
  return {
    type: "tokens_revoked",
    tokens: { oauth: tokens.oauth ?? [], bot: tokens.bot ?? [] },
    event_ts: slackTs(),
  };
}

/** The check Slack sends when the request URL is set (fixture slack-url-verification.json). */
export function urlVerification(
  challenge: string,
  options: DeliveryOptions & { token?: string } = {},
): SlackRequest {
  return jsonRequest(
    { token: options.token ?? "fake-verification-token", challenge, type: "url_verification" },
    options,
  );
}

// ---- sending -----------------------------------------------------------------------------

export interface SlackHttpResult {
  status: number;
  /** The raw response body ("" for Bolt's plain acks). */
  body: string;
  /** The body parsed, when it is JSON. */
  json?: unknown;
  headers: Record<string, string>;
}

export interface PostOptions {
  /** Sign just before sending, so the timestamp is fresh (Bolt rejects > 5 minutes old). */
  signingSecret?: string;
  timestampSeconds?: number;
}

/**
 * POSTs a request to an app. `baseUrl` is the request URL itself, or a bare origin
 * ("http://127.0.0.1:PORT") to which Bolt's default path /slack/events is added.
 * Plain global fetch, no custom agent: what a test does is what any HTTP client does.
 */
export async function postToSlackEndpoint(
  baseUrl: string,
  request: SlackRequest,
  options: PostOptions = {},
): Promise<SlackHttpResult> {
  const target = new URL(baseUrl);
  if (target.pathname === "/" || target.pathname === "") target.pathname = DEFAULT_EVENTS_PATH;
  const sent =
    options.signingSecret === undefined
      ? request
      : signRequest(options.signingSecret, request, options.timestampSeconds);
  const response = await fetch(target, { method: "POST", headers: sent.headers, body: sent.body });
  const body = await response.text();
  let json: unknown;
  if (body.trim() !== "") {
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined;
    }
  }
  return {
    status: response.status,
    body,
    headers: headersOf(response),
    ...(json === undefined ? {} : { json }),
  };
}

function headersOf(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  return headers;
}
