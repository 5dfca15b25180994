/**
 * The real Slack surface end to end, with no accounts: a temporary SQLite database, the fake
 * Slack Web API on 127.0.0.1, `createSlackSurface` wired as `src/main.ts` `serve()` wires it
 * (its publisher in the fan-out map, its listener under "/slack/" on the shared HTTP server),
 * and a clock the test moves. Requests are signed and posted over HTTP as Slack sends them.
 *
 *   const h = await SlackAppHarness.start();
 *   const { text } = await h.command(PEOPLE.eva.id, "råd Reglab");
 *   await h.stop();
 */
import type { RetryOptions } from "@slack/web-api";
import { type RunningServer, startHttpServer } from "../../src/bots/http-server.js";
import { createSlackSurface, type SlackSurface } from "../../src/bots/slack/slack-surface.js";
import type { SlackConfig } from "../../src/config.js";
import type { Locale } from "../../src/domain/types.js";
import type { HandlerDeps } from "../../src/handlers/context.js";
import { createCommandRegistry } from "../../src/handlers/registry.js";
import { wireApp } from "./app-wiring.js";
import type { FixedClock } from "./console-harness.js";
import { FakeSlackApi, type FakeSlackCall, type FakeUser } from "./fake-slack-api.js";
import { isRecord } from "./fake-slack-blocks.js";
import {
  appHomeOpenedEvent,
  blockAction,
  eventCallback,
  globalShortcut,
  messageAction,
  postToSlackEndpoint,
  type SlackHttpResult,
  type SlackRequest,
  slashCommand,
  type ViewStateValues,
  viewSubmission,
} from "./slack-requests.js";
import { openTempDatabase, type TempDatabase, tableCounts } from "./temp-database.js";

export const SIGNING_SECRET = "e2e-hemlig-signeringsnyckel";
export const OAUTH = {
  clientId: "1111111111.2222222222",
  clientSecret: "e2e-hemlig-klientnyckel",
  stateSecret: "e2e-hemlig-tillstandsnyckel",
} as const;

/** The council's channel, and a second one for a second council. */
export const CHANNEL = "C0RADET001";
export const OTHER_CHANNEL = "C0REGLAB01";

/** Workspace members as users.info describes them; the display name is what Noterat shows. */
export const PEOPLE = {
  eva: { id: "U0EVA00001", name: "Eva", user: fakeUser("Eva Ek", "Eva") },
  olle: { id: "U0OLLE0001", name: "Olle", user: fakeUser("Olle Olsson", "Olle") },
  anna: { id: "U0ANNA0001", name: "Anna B", user: fakeUser("Anna Berg", "Anna B") },
  // No display name set in Slack: the real name is shown instead.
  per: { id: "U0PER00001", name: "Per Persson", user: fakeUser("Per Persson", "") },
} as const;

function fakeUser(realName: string, displayName: string): FakeUser {
  return { real_name: realName, display_name: displayName, tz: "Europe/Stockholm" };
}

/** Tuesday 14 April 2026, 11:00 in Stockholm. */
export const DEFAULT_NOW = "2026-04-14T09:00:00Z";

export interface HarnessOptions {
  mode?: "single" | "oauth";
  now?: string;
  /** New councils' language (NOTERAT_LOCALE). */
  locale?: Locale;
  /** The Web API client's retries; none unless a test is about retries. */
  retryConfig?: RetryOptions;
}

/** A message as it reached Slack: an ack body, a response_url POST or chat.* arguments. */
export interface SlackMessageBody {
  /** The fallback `text`. */
  text: string;
  blocks: unknown[];
  /** "ephemeral" | "in_channel" for acks and responses; undefined for chat.* calls. */
  responseType: string | undefined;
  raw: Record<string, unknown>;
}

export interface CommandResult {
  status: number;
  /** The message in the HTTP acknowledgement, if the answer came within the ack. */
  ack: SlackMessageBody | undefined;
  /** Every message answering the command: the ack's, then those sent to its response_url. */
  messages: SlackMessageBody[];
  responseId: string;
  /** The text of every block of every message, one line per text object. */
  text: string;
}

export interface ClickResult {
  status: number;
  messages: SlackMessageBody[];
  text: string;
}

export interface HomeClickResult {
  status: number;
  /** The App Home view published again after the click. */
  home: Record<string, unknown>;
  /** What the click posted (to the council's channel, or to the user's DM). */
  posted: FakeSlackCall[];
  text: string;
}

/** A button found in blocks Slack was sent, with what a click on it sends back. */
export interface FoundButton {
  actionId: string;
  value: string;
  label: string;
  /** `value` is "councilId|command". */
  councilId: string;
  command: string;
}

export interface SubmitResult {
  status: number;
  /** The acknowledgement body (`response_action: "errors"` …), undefined for a plain ack. */
  ack: Record<string, unknown> | undefined;
  /** The confirmation posted after an accepted submission. */
  posted: FakeSlackCall[];
}

export interface SendOptions {
  signingSecret?: string;
  timestampSeconds?: number;
}

export interface CommandOptions {
  channelId?: string;
  teamId?: string;
  triggerId?: string;
  retryNum?: number;
  /** Messages expected at the response_url besides the one in the ack. */
  followUps?: number;
}

export class SlackAppHarness {
  private sequence = 0;

  private constructor(
    readonly fake: FakeSlackApi,
    readonly db: TempDatabase,
    readonly clock: FixedClock,
    readonly surface: SlackSurface,
    readonly server: RunningServer,
    /** The handlers' dependencies, as serve() gives them (a reminder tick takes them too). */
    readonly deps: HandlerDeps,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<SlackAppHarness> {
    const db = await openTempDatabase();
    const fake = new FakeSlackApi({
      users: Object.fromEntries(Object.values(PEOPLE).map((person) => [person.id, person.user])),
    });
    try {
      await fake.start();
      const { clock, logger, publishers, deps } = wireApp(db.store, {
        now: options.now ?? DEFAULT_NOW,
        locale: options.locale,
      });
      const config: SlackConfig =
        options.mode === "oauth"
          ? { mode: "oauth", signingSecret: SIGNING_SECRET, ...OAUTH, apiUrl: fake.url }
          : {
              mode: "single",
              signingSecret: SIGNING_SECRET,
              botToken: fake.team.botToken,
              apiUrl: fake.url,
            };
      const surface = await createSlackSurface({
        config,
        deps,
        registry: createCommandRegistry(),
        logger,
        retryConfig: options.retryConfig ?? { retries: 0 },
      });
      publishers.slack = surface.publisher;
      const { listener } = surface;
      if (!listener) throw new Error("the Slack surface has no HTTP listener in this mode");
      await surface.start();
      const server = await startHttpServer({
        host: "127.0.0.1",
        port: 0,
        routes: [{ prefix: "/slack/", listener }],
        logger,
      });
      return new SlackAppHarness(fake, db, clock, surface, server, deps);
    } catch (error) {
      await fake.stop();
      await db.cleanup();
      throw error;
    }
  }

  get url(): string {
    return this.server.url;
  }

  /** The workspace of the bot token (single mode). */
  get teamId(): string {
    return this.fake.team.id;
  }

  get prisma(): TempDatabase["database"]["prisma"] {
    return this.db.database.prisma;
  }

  async stop(): Promise<void> {
    await this.server.close();
    await this.surface.stop();
    await this.fake.stop();
    await this.db.cleanup();
  }

  // ---- sending ----------------------------------------------------------------------------

  /** Signs (with the app's secret unless told otherwise) and POSTs to /slack/events. */
  send(request: SlackRequest, options: SendOptions = {}): Promise<SlackHttpResult> {
    return postToSlackEndpoint(`${this.url}/slack/events`, request, {
      signingSecret: options.signingSecret ?? SIGNING_SECRET,
      ...(options.timestampSeconds === undefined
        ? {}
        : { timestampSeconds: options.timestampSeconds }),
    });
  }

  slashRequest(userId: string, text: string, options: CommandOptions = {}): SlackRequest {
    return slashCommand({
      teamId: options.teamId ?? this.teamId,
      channelId: options.channelId ?? CHANNEL,
      userId,
      text,
      responseUrl: this.fake.responseUrl(options.triggerId ?? this.nextId("command")),
      ...(options.triggerId === undefined ? {} : { triggerId: options.triggerId }),
      ...(options.retryNum === undefined ? {} : { retryNum: options.retryNum }),
    });
  }

  /** `/noterat TEXT` typed by `userId`; the answer from the ack, and any that follow. */
  async command(
    userId: string,
    text: string,
    options: CommandOptions = {},
  ): Promise<CommandResult> {
    return this.deliverCommand(this.slashRequest(userId, text, options), options.followUps ?? 0);
  }

  /** Delivers a slash command request built earlier (a retry sends the same one again). */
  async deliverCommand(request: SlackRequest, followUps = 0): Promise<CommandResult> {
    const responseUrl = String(request.payload.response_url ?? "");
    const responseId = decodeURIComponent(responseUrl.slice(responseUrl.lastIndexOf("/") + 1));
    const already = this.fake.responsesTo(responseId).length;
    const http = await this.send(request);
    const ack = http.status === 200 ? messageBody(http.json) : undefined;
    const expected = http.status === 200 ? (ack ? 0 : 1) + followUps : 0;
    const responses =
      expected > 0 ? await this.fake.waitForResponses(responseId, already + expected) : [];
    const messages = [
      ...(ack ? [ack] : []),
      ...responses.slice(already).flatMap((response) => {
        const body = messageBody(response.body);
        return body ? [body] : [];
      }),
    ];
    return { status: http.status, ack, messages, responseId, text: textOf(messages) };
  }

  /** A click on a button in a message (the ephemeral answer to a command, by default). */
  async click(
    userId: string,
    button: FoundButton,
    source: {
      channelId?: string;
      messageTs?: string;
      ephemeral?: boolean;
      followUps?: number;
    } = {},
  ): Promise<ClickResult> {
    const responseId = this.nextId("click");
    const http = await this.send(
      blockAction({
        teamId: this.teamId,
        userId,
        channelId: source.channelId ?? CHANNEL,
        ...(source.messageTs === undefined ? {} : { messageTs: source.messageTs }),
        isEphemeral: source.ephemeral ?? true,
        actionId: button.actionId,
        value: button.value,
        text: button.label,
        responseUrl: this.fake.responseUrl(responseId),
      }),
    );
    if (http.status !== 200) return { status: http.status, messages: [], text: "" };
    const responses = await this.fake.waitForResponses(responseId, 1 + (source.followUps ?? 0));
    const messages = responses.flatMap((response) => {
      const body = messageBody(response.body);
      return body ? [body] : [];
    });
    return { status: http.status, messages, text: textOf(messages) };
  }

  /** A click on a button on the App Home page: the page is refreshed and the answer posted. */
  async clickOnHome(userId: string, button: FoundButton): Promise<HomeClickResult> {
    const published = this.fake.callsTo("views.publish").length;
    const posted = this.fake.callsTo("chat.postMessage").length;
    const http = await this.send(
      blockAction({
        teamId: this.teamId,
        userId,
        actionId: button.actionId,
        value: button.value,
        text: button.label,
        view: { id: "V0HOMEVIEW", type: "home" },
      }),
    );
    if (http.status !== 200) return { status: http.status, home: {}, posted: [], text: "" };
    const homes = await this.fake.waitForCalls("views.publish", published + 1);
    const posts = (await this.fake.waitForCalls("chat.postMessage", posted + 1)).slice(posted);
    const home = homes.at(-1)?.args ?? {};
    return { status: http.status, home, posted: posts, text: textOf(posts.map(callMessage)) };
  }

  /** `app_home_opened`: answers with the published Home view's arguments (user_id, view). */
  async openHome(userId: string, teamId = this.teamId): Promise<Record<string, unknown>> {
    const before = this.fake.callsTo("views.publish").length;
    const http = await this.event(appHomeOpenedEvent({ teamId, userId, channelId: dmOf(userId) }));
    if (http.status !== 200) throw new Error(`app_home_opened answered ${http.status}`);
    const calls = await this.fake.waitForCalls("views.publish", before + 1);
    return calls.at(-1)?.args ?? {};
  }

  event(event: Record<string, unknown>, teamId = this.teamId): Promise<SlackHttpResult> {
    return this.send(eventCallback({ teamId, event }));
  }

  /** A global shortcut: answers with the view Noterat opened (views.open's `view`). */
  async shortcut(userId: string, callbackId: string): Promise<OpenedView> {
    const before = this.fake.callsTo("views.open").length;
    const triggerId = this.nextId("trigger");
    const http = await this.send(
      globalShortcut({ teamId: this.teamId, userId, callbackId, triggerId }),
    );
    if (http.status !== 200) throw new Error(`the shortcut answered ${http.status}`);
    return openedView(await this.fake.waitForCalls("views.open", before + 1), triggerId);
  }

  /** The message shortcut on a message in `channelId`. */
  async messageShortcut(
    userId: string,
    message: { channelId?: string; ts: string; text: string; user: string },
    callbackId = "noterat.save_as_note",
  ): Promise<OpenedView> {
    const before = this.fake.callsTo("views.open").length;
    const triggerId = this.nextId("trigger");
    const http = await this.send(
      messageAction({
        teamId: this.teamId,
        userId,
        channelId: message.channelId ?? CHANNEL,
        callbackId,
        messageTs: message.ts,
        messageText: message.text,
        messageUser: message.user,
        triggerId,
        responseUrl: this.fake.responseUrl(this.nextId("shortcut")),
      }),
    );
    if (http.status !== 200) throw new Error(`the message shortcut answered ${http.status}`);
    return openedView(await this.fake.waitForCalls("views.open", before + 1), triggerId);
  }

  /** Submits a modal: `values` keyed by block id, each with its one "value" element. */
  async submit(
    userId: string,
    form: {
      callbackId: string;
      values: ViewStateValues;
      privateMetadata?: string;
      viewId?: string;
    },
  ): Promise<SubmitResult> {
    const before = this.fake.callsTo("chat.postMessage").length;
    const http = await this.send(
      viewSubmission({
        teamId: this.teamId,
        userId,
        callbackId: form.callbackId,
        values: form.values,
        viewId: form.viewId ?? this.nextId("V0FORM"),
        ...(form.privateMetadata === undefined ? {} : { privateMetadata: form.privateMetadata }),
      }),
    );
    const ack = isRecord(http.json) ? http.json : undefined;
    if (http.status !== 200 || ack !== undefined) return { status: http.status, ack, posted: [] };
    const posted = (await this.fake.waitForCalls("chat.postMessage", before + 1)).slice(before);
    return { status: http.status, ack, posted };
  }

  // ---- the database -----------------------------------------------------------------------

  /** Rows in every table of the database (Prisma's, the search index's, all of them). */
  tableCounts(): Promise<Record<string, number>> {
    return tableCounts(this.db.database);
  }

  private nextId(prefix: string): string {
    this.sequence += 1;
    return `${prefix}-${this.sequence}`;
  }
}

/**
 * Runs `test` with a harness of its own and stops it afterwards: for `it.concurrent`, where
 * tests that mostly wait (Retry-After, Slack's ack deadline) overlap their waits.
 */
export async function withSlackApp<T>(
  options: HarnessOptions,
  test: (h: SlackAppHarness) => Promise<T>,
): Promise<T> {
  const h = await SlackAppHarness.start(options);
  try {
    return await test(h);
  } finally {
    await h.stop();
  }
}

// ---- OAuth --------------------------------------------------------------------------------

export interface InstallResult {
  /** GET /slack/install */
  installStatus: number;
  /** Where /slack/install sends the admin (Slack's authorize page). */
  authorizeUrl: URL;
  state: string;
  /** The `name=value` of the state cookie. */
  cookie: string;
  /** GET /slack/oauth_redirect */
  callbackStatus: number;
  callbackBody: string;
}

/** An admin installing the app: /slack/install, Slack's consent (skipped), /slack/oauth_redirect. */
export async function installThroughOAuth(
  baseUrl: string,
  code: string,
  options: { sendCookie?: boolean; state?: string } = {},
): Promise<InstallResult> {
  const install = await fetch(`${baseUrl}/slack/install`, { redirect: "manual" });
  const location = install.headers.get("location") ?? "";
  const authorizeUrl = new URL(location === "" ? "http://invalid/" : location);
  const state = authorizeUrl.searchParams.get("state") ?? "";
  const cookie = (install.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
  await install.text();
  const callback = await fetch(
    `${baseUrl}/slack/oauth_redirect?${new URLSearchParams({ code, state: options.state ?? state })}`,
    {
      redirect: "manual",
      headers: options.sendCookie === false ? {} : { cookie },
    },
  );
  return {
    installStatus: install.status,
    authorizeUrl,
    state,
    cookie,
    callbackStatus: callback.status,
    callbackBody: await callback.text(),
  };
}

// ---- reading what reached Slack -----------------------------------------------------------

export interface OpenedView {
  triggerId: string;
  view: Record<string, unknown>;
  callbackId: string;
  privateMetadata: string;
  /** Input blocks by block id. */
  inputs: Record<string, Record<string, unknown>>;
}

function openedView(calls: FakeSlackCall[], triggerId: string): OpenedView {
  const call = calls.find((candidate) => candidate.args.trigger_id === triggerId);
  const view = call?.args.view;
  if (!isRecord(view)) throw new Error(`no views.open for trigger ${triggerId}`);
  const inputs: Record<string, Record<string, unknown>> = {};
  for (const block of Array.isArray(view.blocks) ? view.blocks : []) {
    if (isRecord(block) && typeof block.block_id === "string") inputs[block.block_id] = block;
  }
  return {
    triggerId,
    view,
    callbackId: String(view.callback_id ?? ""),
    privateMetadata: String(view.private_metadata ?? ""),
    inputs,
  };
}

/** A message body (ack, response_url POST), or undefined for an empty ack. */
export function messageBody(value: unknown): SlackMessageBody | undefined {
  if (!isRecord(value)) return undefined;
  return {
    text: typeof value.text === "string" ? value.text : "",
    blocks: Array.isArray(value.blocks) ? value.blocks : [],
    responseType: typeof value.response_type === "string" ? value.response_type : undefined,
    raw: value,
  };
}

/** The message a chat.postMessage / chat.update call carried. */
export function callMessage(call: FakeSlackCall): SlackMessageBody {
  return (
    messageBody(call.args) ?? { text: "", blocks: [], responseType: undefined, raw: call.args }
  );
}

/** Every `text` string inside a value (text objects, fallback text), in document order. */
export function textsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(textsIn);
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === "text" && typeof inner === "string" ? [inner] : textsIn(inner),
  );
}

/** The blocks' text of messages, one line per text object (the fallback text left out). */
export function textOf(messages: SlackMessageBody[]): string {
  return messages.flatMap((message) => textsIn(message.blocks)).join("\n");
}

/** Every button in a value (messages, a view), in document order. */
export function buttonsIn(value: unknown): FoundButton[] {
  if (Array.isArray(value)) return value.flatMap(buttonsIn);
  if (!isRecord(value)) return [];
  // A SlackMessageBody holds its blocks twice (`blocks` and inside `raw`): count them once.
  if ("raw" in value && Array.isArray(value.blocks)) return buttonsIn(value.blocks);
  if (value.type === "button" && typeof value.value === "string") {
    const separator = value.value.indexOf("|");
    return [
      {
        actionId: String(value.action_id ?? ""),
        value: value.value,
        label: textsIn(value.text)[0] ?? "",
        councilId: value.value.slice(0, separator),
        command: value.value.slice(separator + 1),
      },
    ];
  }
  return Object.values(value).flatMap(buttonsIn);
}

/** The one button with this label and/or command; throws when there is none or several. */
export function findButton(
  value: unknown,
  by: { label?: string; command?: string | RegExp },
): FoundButton {
  const matches = buttonsIn(value).filter(
    (button) =>
      (by.label === undefined || button.label === by.label) &&
      (by.command === undefined ||
        (typeof by.command === "string"
          ? button.command === by.command
          : by.command.test(button.command))),
  );
  const [only] = matches;
  if (matches.length !== 1 || only === undefined) {
    const seen = buttonsIn(value).map((button) => `${button.label} (${button.command})`);
    throw new Error(
      `expected one button ${JSON.stringify(by)}, found ${matches.length} among: ${seen.join(", ")}`,
    );
  }
  return only;
}

/** The app's DM channel with a user, as Slack names it in app_home_opened. */
export function dmOf(userId: string): string {
  return `D${userId.slice(1)}`;
}

// ---- forms --------------------------------------------------------------------------------

type FieldValue = { type: string } & Record<string, unknown>;

function field(value: FieldValue): Record<string, FieldValue> {
  return { value };
}

/** `state.values` of Noterat's modals, as Slack sends them on submission. */
export const formValues = {
  channel(channelId: string): ViewStateValues {
    return { channel: field({ type: "conversations_select", selected_conversation: channelId }) };
  },
  item(input: {
    kind?: "info" | "discussion" | "decision";
    heading: string;
    text: string;
  }): ViewStateValues {
    const kind = input.kind ?? "info";
    return {
      kind: field({
        type: "static_select",
        selected_option: { text: { type: "plain_text", text: kind }, value: kind },
      }),
      heading: field({ type: "plain_text_input", value: input.heading }),
      text: field({ type: "plain_text_input", value: input.text }),
    };
  },
  action(input: { assignees: string[]; text: string; due?: string }): ViewStateValues {
    return {
      assignees: field({ type: "multi_users_select", selected_users: input.assignees }),
      text: field({ type: "plain_text_input", value: input.text }),
      due: field({ type: "datepicker", selected_date: input.due ?? null }),
    };
  },
  meeting(input: { date: string; time?: string; place?: string }): ViewStateValues {
    return {
      date: field({ type: "datepicker", selected_date: input.date }),
      time: field({ type: "timepicker", selected_time: input.time ?? null }),
      place: field({ type: "plain_text_input", value: input.place ?? null }),
    };
  },
};
