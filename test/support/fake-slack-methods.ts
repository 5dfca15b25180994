/**
 * The answers of the fake Web API, shaped like Slack's documented examples
 * (../shared/fixtures/slack-webapi-responses.json) and kept as plain functions of the
 * fake's state so the HTTP plumbing in fake-slack-api.ts stays small.
 */
import { randomBytes } from "node:crypto";
import {
  blockProblems,
  isRecord,
  MAX_MESSAGE_BLOCKS,
  MAX_VIEW_BLOCKS,
} from "./fake-slack-blocks.js";

/** The workspace (and app installation) the fake answers for. */
export interface FakeTeam {
  id: string;
  name: string;
  domain: string;
  enterpriseId: string | null;
  appId: string;
  botId: string;
  botUserId: string;
  botToken: string;
  /** The user who installed the app: `authed_user.id` of oauth.v2.access. */
  installerUserId: string;
  /** Comma-separated bot scopes, as oauth.v2.access reports them. */
  scope: string;
}

/** A workspace member as users.info should describe them. */
export interface FakeUser {
  real_name: string;
  display_name: string;
  /** IANA zone, e.g. "Europe/Stockholm"; tz_label and tz_offset are derived from it. */
  tz: string;
  name?: string;
  /** Returned only when the caller asks with include_locale, like Slack. */
  locale?: string;
  /** Returned only when set: Slack needs the users:read.email scope for it. */
  email?: string;
  is_bot?: boolean;
  deleted?: boolean;
}

export interface FakeChannel {
  name?: string;
  is_private?: boolean;
  is_im?: boolean;
  /** The other member of an IM. */
  user?: string;
  is_member?: boolean;
  is_archived?: boolean;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  text?: string;
  blocks?: unknown;
  attachments?: unknown;
  thread_ts?: string;
  user: string;
  bot_id: string;
  edited?: { user: string; ts: string };
}

export interface StoredView {
  id: string;
  hash: string;
  view: Record<string, unknown>;
}

/**
 * A file uploaded the way files.uploadV2 does it: announced (files.getUploadURLExternal), its
 * bytes POSTed to the upload URL, then shared (files.completeUploadExternal).
 */
export interface StoredFile {
  id: string;
  /** As announced to files.getUploadURLExternal. */
  filename: string;
  length: number;
  /** The bytes POSTed to the upload URL; undefined until they arrive. */
  bytes?: Buffer;
  /** Set by files.completeUploadExternal. */
  completed?: {
    /** Where it was shared; undefined: kept private to the uploader. */
    channel?: string;
    title?: string;
    initialComment?: string;
    threadTs?: string;
  };
}

/** What the fake remembers between calls; owned by FakeSlackApi. */
export interface FakeState {
  users: Map<string, FakeUser>;
  channels: Map<string, FakeChannel>;
  /** Unknown channel ids: answer as a plausible public channel, or channel_not_found. */
  strictChannels: boolean;
  messages: Map<string, StoredMessage>;
  views: Map<string, StoredView>;
  /** views.publish keeps one Home view per user, like Slack. */
  homeViews: Map<string, string>;
  revokedTokens: Set<string>;
  oauthTeams: Map<string, FakeTeam>;
  /** Files by id, in the order they were announced. */
  files: Map<string, StoredFile>;
  /** Where a file's bytes go: an address on the fake itself. */
  uploadUrl: (fileId: string) => string;
  primaryTeam: () => FakeTeam;
  nextTs: () => string;
  nextId: (prefix: string) => string;
}

export type Answer = Record<string, unknown>;

export interface AnswerContext {
  state: FakeState;
  /** The team the call's token belongs to (the primary team for unknown tokens). */
  team: FakeTeam;
  token: string | undefined;
}

/** Hosts under .test are reserved (RFC 2606): a fake permalink can never resolve. */
function fakeHost(team: FakeTeam): string {
  return `${team.domain}.fake-slack.test`;
}

export function messageKey(channel: string, ts: string): string {
  return `${channel}/${ts}`;
}

function str(args: Record<string, unknown>, key: string): string | undefined {
  const value = args[key];
  if (typeof value === "string" && value !== "") return value;
  if (typeof value === "number") return String(value);
  return undefined;
}

function flag(args: Record<string, unknown>, key: string): boolean {
  // Form bodies carry booleans as "true"/"1"; JSON bodies as booleans.
  const value = args[key];
  return value === true || value === "true" || value === "1" || value === 1;
}

function fail(error: string, messages?: string[]): Answer {
  return messages === undefined
    ? { ok: false, error }
    : { ok: false, error, response_metadata: { messages } };
}

/** Slack answers a post to a user id in the app's DM with that user. */
function resolveChannel(channel: string): string {
  return /^[UW][A-Z0-9]+$/.test(channel) ? `D${channel.slice(1)}` : channel;
}

function messageProblems(args: Record<string, unknown>): Answer | undefined {
  if (str(args, "channel") === undefined) return fail("channel_not_found");
  const blocks = args.blocks;
  const hasBlocks = Array.isArray(blocks) && blocks.length > 0;
  if (str(args, "text") === undefined && !hasBlocks && args.attachments === undefined) {
    return fail("no_text");
  }
  const text = str(args, "text");
  if (text !== undefined && text.length > 40_000) return fail("msg_too_long");
  if (blocks !== undefined) {
    const problems = blockProblems(blocks, "/blocks", MAX_MESSAGE_BLOCKS);
    if (problems.length > 0) return fail("invalid_blocks", problems);
  }
  return undefined;
}

function messageEcho(message: StoredMessage, team: FakeTeam): Answer {
  return {
    // A bot-token post comes back without subtype (bot_message is for legacy integrations).
    type: "message",
    text: message.text ?? "",
    user: message.user,
    bot_id: message.bot_id,
    app_id: team.appId,
    team: team.id,
    ts: message.ts,
    ...(message.blocks === undefined ? {} : { blocks: message.blocks }),
    ...(message.attachments === undefined ? {} : { attachments: message.attachments }),
    ...(message.thread_ts === undefined ? {} : { thread_ts: message.thread_ts }),
    ...(message.edited === undefined ? {} : { edited: message.edited }),
  };
}

function postMessage({ state, team }: AnswerContext, args: Record<string, unknown>): Answer {
  const problem = messageProblems(args);
  if (problem !== undefined) return problem;
  const channel = resolveChannel(str(args, "channel") ?? "");
  const ts = state.nextTs();
  const message: StoredMessage = {
    channel,
    ts,
    user: team.botUserId,
    bot_id: team.botId,
    ...optionalFields(args),
  };
  state.messages.set(messageKey(channel, ts), message);
  return { ok: true, channel, ts, message: messageEcho(message, team) };
}

function optionalFields(args: Record<string, unknown>): Partial<StoredMessage> {
  const text = str(args, "text");
  const threadTs = str(args, "thread_ts");
  return {
    ...(text === undefined ? {} : { text }),
    ...(args.blocks === undefined ? {} : { blocks: args.blocks }),
    ...(args.attachments === undefined ? {} : { attachments: args.attachments }),
    ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
  };
}

function postEphemeral({ state }: AnswerContext, args: Record<string, unknown>): Answer {
  const problem = messageProblems(args);
  if (problem !== undefined) return problem;
  if (str(args, "user") === undefined) return fail("user_not_in_channel");
  return { ok: true, message_ts: state.nextTs() };
}

function update({ state, team }: AnswerContext, args: Record<string, unknown>): Answer {
  const ts = str(args, "ts");
  if (ts === undefined) return fail("message_not_found");
  const problem = messageProblems(args);
  if (problem !== undefined) return problem;
  const channel = resolveChannel(str(args, "channel") ?? "");
  const key = messageKey(channel, ts);
  // A message the fake never saw (posted through a response_url, say) is updated anyway:
  // being strict here would only make tests configure what they do not care about.
  const previous = state.messages.get(key);
  const message: StoredMessage = {
    channel,
    ts,
    user: previous?.user ?? team.botUserId,
    bot_id: previous?.bot_id ?? team.botId,
    ...optionalFields(args),
    edited: { user: team.botUserId, ts: state.nextTs() },
  };
  state.messages.set(key, message);
  return { ok: true, channel, ts, text: message.text ?? "", message: messageEcho(message, team) };
}

function deleteMessage({ state }: AnswerContext, args: Record<string, unknown>): Answer {
  const ts = str(args, "ts");
  const channel = str(args, "channel");
  if (channel === undefined) return fail("channel_not_found");
  if (ts === undefined) return fail("message_not_found");
  state.messages.delete(messageKey(resolveChannel(channel), ts));
  return { ok: true, channel: resolveChannel(channel), ts };
}

function permalink({ team }: AnswerContext, args: Record<string, unknown>): Answer {
  const channel = str(args, "channel");
  const ts = str(args, "message_ts");
  if (channel === undefined) return fail("channel_not_found");
  if (ts === undefined) return fail("message_not_found");
  return {
    ok: true,
    channel,
    permalink: `https://${fakeHost(team)}/archives/${channel}/p${ts.replace(".", "")}`,
  };
}

function newHash(): string {
  return `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString("hex")}`;
}

function viewAnswer(
  { state, team }: AnswerContext,
  input: Record<string, unknown>,
  id: string,
  previousViewId: string | null,
  rootViewId: string,
): Answer {
  const hash = newHash();
  const view: Record<string, unknown> = {
    id,
    team_id: team.id,
    type: typeof input.type === "string" ? input.type : "modal",
    title: input.title ?? null,
    close: input.close ?? null,
    submit: input.submit ?? null,
    blocks: input.blocks ?? [],
    private_metadata: typeof input.private_metadata === "string" ? input.private_metadata : "",
    callback_id: typeof input.callback_id === "string" ? input.callback_id : "",
    external_id: typeof input.external_id === "string" ? input.external_id : "",
    state: { values: {} },
    hash,
    clear_on_close: input.clear_on_close === true,
    notify_on_close: input.notify_on_close === true,
    root_view_id: rootViewId,
    previous_view_id: previousViewId,
    app_id: team.appId,
    app_installed_team_id: team.id,
    bot_id: team.botId,
  };
  state.views.set(id, { id, hash, view });
  return { ok: true, view };
}

function viewInput(args: Record<string, unknown>, expectedType?: string): Answer | undefined {
  const view = args.view;
  if (!isRecord(view)) return fail("invalid_arguments", ["[ERROR] missing required field: view"]);
  if (expectedType !== undefined && view.type !== expectedType) {
    return fail("invalid_arguments", [`[ERROR] view type must be ${expectedType}`]);
  }
  const problems = blockProblems(view.blocks ?? [], "/view/blocks", MAX_VIEW_BLOCKS);
  return problems.length > 0 ? fail("invalid_arguments", problems) : undefined;
}

function viewsOpen(context: AnswerContext, args: Record<string, unknown>): Answer {
  if (str(args, "trigger_id") === undefined && str(args, "interactivity_pointer") === undefined) {
    return fail("invalid_arguments", ["[ERROR] missing required field: trigger_id"]);
  }
  const problem = viewInput(args);
  if (problem !== undefined || !isRecord(args.view)) return problem ?? fail("invalid_arguments");
  const id = context.state.nextId("V");
  return viewAnswer(context, args.view, id, null, id);
}

function viewsPush(context: AnswerContext, args: Record<string, unknown>): Answer {
  if (str(args, "trigger_id") === undefined) {
    return fail("invalid_arguments", ["[ERROR] missing required field: trigger_id"]);
  }
  const problem = viewInput(args);
  if (problem !== undefined || !isRecord(args.view)) return problem ?? fail("invalid_arguments");
  const id = context.state.nextId("V");
  return viewAnswer(context, args.view, id, null, id);
}

function viewsPublish(context: AnswerContext, args: Record<string, unknown>): Answer {
  const user = str(args, "user_id");
  if (user === undefined) return fail("invalid_arguments", ["[ERROR] invalid `user_id`"]);
  const problem = viewInput(args, "home");
  if (problem !== undefined || !isRecord(args.view)) return problem ?? fail("invalid_arguments");
  const id = context.state.homeViews.get(user) ?? context.state.nextId("V");
  context.state.homeViews.set(user, id);
  const known = context.state.views.get(id);
  const hash = str(args, "hash");
  if (known !== undefined && hash !== undefined && hash !== known.hash)
    return fail("hash_conflict");
  return viewAnswer(context, args.view, id, null, id);
}

function viewsUpdate(context: AnswerContext, args: Record<string, unknown>): Answer {
  const problem = viewInput(args);
  if (problem !== undefined || !isRecord(args.view)) return problem ?? fail("invalid_arguments");
  const externalId = str(args, "external_id");
  let id = str(args, "view_id");
  if (id === undefined && externalId !== undefined) {
    id = [...context.state.views.values()].find((v) => v.view.external_id === externalId)?.id;
    if (id === undefined) return fail("not_found");
  }
  if (id === undefined) {
    return fail("invalid_arguments", ["[ERROR] view_id or external_id is required"]);
  }
  // Views the fake never opened (a view_submission built by a test) are accepted as new.
  const known = context.state.views.get(id);
  const hash = str(args, "hash");
  if (known !== undefined && hash !== undefined && hash !== known.hash)
    return fail("hash_conflict");
  const root = known === undefined ? id : String(known.view.root_view_id ?? id);
  return viewAnswer(context, args.view, id, null, root);
}

/** tz_offset (seconds east of UTC, now) and tz_label, as users.info derives them. */
function zoneFacts(tz: string): { tz_label: string; tz_offset: number } {
  try {
    const now = new Date();
    const offsetName = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      timeZoneName: "longOffset",
    })
      .formatToParts(now)
      .find((part) => part.type === "timeZoneName")?.value;
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(offsetName ?? "");
    const offset =
      match === null
        ? 0
        : (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 3600 + Number(match[3]) * 60);
    const label =
      new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "long" })
        .formatToParts(now)
        .find((part) => part.type === "timeZoneName")?.value ?? tz;
    return { tz_label: label, tz_offset: offset };
  } catch {
    // An invalid zone in a test's user map must not crash the fake.
    return { tz_label: tz, tz_offset: 0 };
  }
}

function userObject(id: string, user: FakeUser, team: FakeTeam, withLocale: boolean): Answer {
  const name = user.name ?? user.display_name.toLowerCase().replace(/\s+/g, ".");
  const avatar = `https://avatars.${fakeHost(team)}/${id}`;
  const images = Object.fromEntries(
    ["original", "24", "32", "48", "72", "192", "512"].map((size) => [
      `image_${size}`,
      `${avatar}_${size}.png`,
    ]),
  );
  return {
    id,
    team_id: team.id,
    name,
    deleted: user.deleted ?? false,
    color: "9f69e7",
    real_name: user.real_name,
    tz: user.tz,
    ...zoneFacts(user.tz),
    profile: {
      avatar_hash: "g000000000000",
      status_text: "",
      status_emoji: "",
      real_name: user.real_name,
      display_name: user.display_name,
      real_name_normalized: user.real_name,
      display_name_normalized: user.display_name,
      ...(user.email === undefined ? {} : { email: user.email }),
      ...images,
      team: team.id,
    },
    is_admin: false,
    is_owner: false,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: user.is_bot ?? false,
    updated: 1_700_000_000,
    is_app_user: false,
    has_2fa: false,
    ...(withLocale && user.locale !== undefined ? { locale: user.locale } : {}),
  };
}

function usersInfo({ state, team }: AnswerContext, args: Record<string, unknown>): Answer {
  const id = str(args, "user");
  if (id === undefined) return fail("user_not_found");
  const withLocale = flag(args, "include_locale");
  const user = state.users.get(id);
  if (user !== undefined) return { ok: true, user: userObject(id, user, team, withLocale) };
  if (id === team.botUserId) {
    // The app's own bot user exists in every workspace it is installed in.
    const bot: FakeUser = {
      real_name: "Noterat",
      display_name: "noterat",
      tz: "America/Los_Angeles",
      name: "noterat",
      is_bot: true,
    };
    return { ok: true, user: userObject(id, bot, team, withLocale) };
  }
  return fail("user_not_found");
}

function conversationsInfo({ state, team }: AnswerContext, args: Record<string, unknown>): Answer {
  const id = str(args, "channel");
  if (id === undefined) return fail("channel_not_found");
  const known = state.channels.get(id);
  if (known === undefined && state.strictChannels) return fail("channel_not_found");
  const channel = known ?? {};
  const isIm = channel.is_im ?? id.startsWith("D");
  if (isIm) {
    return {
      ok: true,
      channel: {
        id,
        created: 1_700_000_000,
        is_im: true,
        is_org_shared: false,
        context_team_id: team.id,
        user: channel.user ?? `U${id.slice(1)}`,
        is_user_deleted: false,
        priority: 0,
      },
    };
  }
  const name = channel.name ?? id.toLowerCase();
  const isPrivate = channel.is_private ?? id.startsWith("G");
  return {
    ok: true,
    channel: {
      id,
      name,
      is_channel: !isPrivate,
      is_group: isPrivate,
      is_im: false,
      is_mpim: false,
      is_private: isPrivate,
      created: 1_700_000_000,
      is_archived: channel.is_archived ?? false,
      is_general: false,
      unlinked: 0,
      name_normalized: name,
      is_shared: false,
      is_org_shared: false,
      is_ext_shared: false,
      is_pending_ext_shared: false,
      pending_shared: [],
      context_team_id: team.id,
      is_member: channel.is_member ?? true,
      topic: { value: "", creator: "", last_set: 0 },
      purpose: { value: "", creator: "", last_set: 0 },
      previous_names: [],
    },
  };
}

function conversationsOpen(_context: AnswerContext, args: Record<string, unknown>): Answer {
  const users = str(args, "users");
  const channel = str(args, "channel");
  if (channel !== undefined) return { ok: true, channel: { id: channel } };
  const first = users?.split(",")[0]?.trim();
  if (first === undefined || first === "") return fail("users_list_not_supplied");
  return { ok: true, channel: { id: resolveChannel(first) } };
}

function authTest({ team }: AnswerContext): Answer {
  return {
    ok: true,
    url: `https://${fakeHost(team)}/`,
    team: team.name,
    user: "noterat",
    team_id: team.id,
    user_id: team.botUserId,
    bot_id: team.botId,
    is_enterprise_install: false,
    ...(team.enterpriseId === null ? {} : { enterprise_id: team.enterpriseId }),
  };
}

function oauthV2Access({ state }: AnswerContext, args: Record<string, unknown>): Answer {
  const code = str(args, "code");
  if (code === undefined) return fail("invalid_code");
  const team = state.oauthTeams.get(code) ?? state.primaryTeam();
  return {
    ok: true,
    app_id: team.appId,
    authed_user: { id: team.installerUserId },
    scope: team.scope,
    token_type: "bot",
    access_token: team.botToken,
    bot_user_id: team.botUserId,
    team: { id: team.id, name: team.name },
    enterprise: team.enterpriseId === null ? null : { id: team.enterpriseId, name: "Enterprise" },
    is_enterprise_install: false,
  };
}

function getUploadUrlExternal({ state }: AnswerContext, args: Record<string, unknown>): Answer {
  const filename = str(args, "filename");
  if (filename === undefined) {
    return fail("invalid_arguments", ["[ERROR] missing required field: filename"]);
  }
  // Slack's own error for a length of 0 or none.
  const length = Number(str(args, "length"));
  if (!Number.isInteger(length) || length <= 0) return fail("missing_argument");
  const id = state.nextId("F");
  state.files.set(id, { id, filename, length });
  return { ok: true, upload_url: state.uploadUrl(id), file_id: id };
}

/** `files` as files.completeUploadExternal takes it: a JSON array of `{id, title?}`. */
function fileRefs(value: unknown): Array<{ id: string; title?: string }> | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const refs: Array<{ id: string; title?: string }> = [];
  for (const entry of value) {
    if (!isRecord(entry) || typeof entry.id !== "string") return undefined;
    refs.push(
      typeof entry.title === "string" ? { id: entry.id, title: entry.title } : { id: entry.id },
    );
  }
  return refs;
}

function completeUploadExternal(
  { state, team }: AnswerContext,
  args: Record<string, unknown>,
): Answer {
  const refs = fileRefs(args.files);
  if (refs === undefined) return fail("invalid_arguments", ["[ERROR] invalid `files`"]);
  // A file whose bytes never arrived is refused, so that no test passes on an upload that
  // skipped the POST to its upload URL.
  const shared: Array<{ file: StoredFile; title: string }> = [];
  for (const ref of refs) {
    const file = state.files.get(ref.id);
    if (file?.bytes === undefined) return fail("file_not_found");
    shared.push({ file, title: ref.title ?? file.filename });
  }
  const listed = str(args, "channels")?.split(",")[0]?.trim();
  const channelId = str(args, "channel_id") ?? (listed ? resolveChannel(listed) : undefined);
  const initialComment = str(args, "initial_comment");
  const threadTs = str(args, "thread_ts");
  const where = channelId === undefined ? [] : [channelId];
  const isIm = channelId?.startsWith("D") === true;
  const files = shared.map(({ file, title }) => {
    file.completed = {
      title,
      ...(channelId === undefined ? {} : { channel: channelId }),
      ...(initialComment === undefined ? {} : { initialComment }),
      ...(threadTs === undefined ? {} : { threadTs }),
    };
    return {
      id: file.id,
      created: Math.floor(Date.now() / 1000),
      name: file.filename,
      title,
      size: file.bytes?.length ?? 0,
      user: team.botUserId,
      is_public: where.length > 0 && !isIm,
      channels: isIm ? [] : where,
      groups: [],
      ims: isIm ? where : [],
    };
  });
  return { ok: true, files };
}

function revokeCaller({ state, token }: AnswerContext): Answer {
  if (token !== undefined) state.revokedTokens.add(token);
  return { ok: true };
}

type MethodAnswer = (context: AnswerContext, args: Record<string, unknown>) => Answer;

const METHODS: Record<string, MethodAnswer> = {
  "auth.test": authTest,
  "chat.postMessage": postMessage,
  "chat.postEphemeral": postEphemeral,
  "chat.update": update,
  "chat.delete": deleteMessage,
  "chat.getPermalink": permalink,
  "views.open": viewsOpen,
  "views.push": viewsPush,
  "views.publish": viewsPublish,
  "views.update": viewsUpdate,
  "users.info": usersInfo,
  "conversations.info": conversationsInfo,
  "conversations.open": conversationsOpen,
  "files.getUploadURLExternal": getUploadUrlExternal,
  "files.completeUploadExternal": completeUploadExternal,
  "oauth.v2.access": oauthV2Access,
  "apps.uninstall": revokeCaller,
  "auth.revoke": (context) => ({ ...revokeCaller(context), revoked: true }),
};

/** Methods Slack answers without a token (the OAuth exchange authenticates with the client secret). */
export const TOKENLESS_METHODS: ReadonlySet<string> = new Set([
  "oauth.v2.access",
  "oauth.access",
  "oauth.v2.exchange",
  "openid.connect.token",
  "api.test",
]);

export function answerMethod(
  method: string,
  context: AnswerContext,
  args: Record<string, unknown>,
): Answer {
  const answer = Object.hasOwn(METHODS, method) ? METHODS[method] : undefined;
  return answer === undefined ? { ok: true } : answer(context, args);
}
