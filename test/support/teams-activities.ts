/**
 * Inbound Microsoft Teams activities for tests, shaped like what Teams posts to a bot's
 * /api/messages (see ../shared/fixtures/teams-*.json and msteams-docs), with made-up ids.
 * Point `serviceUrl` at a FakeBotConnector so botbuilder's answers land there.
 */
import { randomUUID } from "node:crypto";

export type TeamsConversationType = "personal" | "channel" | "groupChat";

export interface TeamsUser {
  /** "29:…" */
  id: string;
  name: string;
  aadObjectId: string;
}

export interface TeamsBot {
  /** "28:{Microsoft App ID}" */
  id: string;
  name: string;
}

export interface TeamsConversationOptions {
  /** "a:…" for personal chats, "19:…@thread.v2" for group chats, "19:…@thread.tacv2" for channels. */
  id: string;
  conversationType: TeamsConversationType;
  /** Channel conversations: the team's id. Default: the channel's (a team's General channel has the team's id). */
  teamId?: string;
  /** Channel conversations: default the conversation id without its ";messageid=…" thread part. */
  channelId?: string;
}

export interface TeamsActivityBase {
  serviceUrl: string;
  tenantId: string;
  conversation: TeamsConversationOptions;
  from: TeamsUser;
  /** The bot receiving the activity (its `recipient`). Default NOTERAT_BOT. */
  bot?: TeamsBot;
  /** Default a fresh one, in the form Teams uses for the activity type. */
  id?: string;
  locale?: string;
}

export interface TeamsMessageOptions extends TeamsActivityBase {
  text: string;
  /**
   * Users @mentioned. The text names one as `<at>Name</at>` or `@Name` (rewritten to the
   * `<at>` form); a mention the text does not name is appended. Teams' mention entities carry
   * only `{ id, name }`: `aadObjectId` is here so one user object serves the builders and
   * FakeBotConnector's members.
   */
  mentions?: ReadonlyArray<TeamsUser>;
  /** Prefix `<at>{bot name}</at> `, as Teams does when a user addresses the bot in a channel. */
  botMention?: boolean;
  replyToId?: string;
}

export interface TeamsCardActionOptions extends TeamsActivityBase {
  verb: string;
  data?: Record<string, unknown>;
  /** The id of the message holding the card. */
  replyToId: string;
  /** The Action.Execute's `id`, when the card gives it one. */
  actionId?: string;
}

/** Where Teams had the bot put an accepted file: an upload session in the person's OneDrive. */
export interface TeamsUploadInfo {
  name: string;
  uploadUrl: string;
  contentUrl: string;
  uniqueId: string;
  fileType: string;
}

export interface TeamsFileConsentOptions extends TeamsActivityBase {
  action: "accept" | "decline";
  /** The consent card's acceptContext (or declineContext), which Teams sends back as it was. */
  context: unknown;
  /** Accept only: where to PUT the file. */
  uploadInfo?: TeamsUploadInfo;
  /** The id of the message holding the consent card. */
  replyToId?: string;
}

export interface TeamsInstallOptions extends Omit<TeamsActivityBase, "conversation"> {
  conversationType: TeamsConversationType;
  /** Default: a made-up id for the conversation type. */
  conversationId?: string;
  /** Team installs: the team (and General channel) id. */
  teamId?: string;
  teamName?: string;
  /** Which of the two activities Teams sends on (un)install. */
  as?: "conversationUpdate" | "installationUpdate";
}

/** Our bot as Teams addresses it ("28:" + a made-up Microsoft App ID). */
export const NOTERAT_BOT: Readonly<TeamsBot> = {
  id: "28:7d0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b",
  name: "Noterat",
};

const CHANNEL_ID = "msteams";
const DEFAULT_LOCALE = "sv-SE";
const DEFAULT_TIMEZONE = "Europe/Stockholm";

let lastMessageId = 0;

/** Teams message ids are millisecond timestamps: unique and increasing within a run. */
export function nextTeamsMessageId(): string {
  lastMessageId = Math.max(Date.now(), lastMessageId + 1);
  return String(lastMessageId);
}

/** The Bot Framework's ids for non-message activities: "f:" + a GUID. */
function frameworkId(): string {
  return `f:${randomUUID()}`;
}

// ---- messages ------------------------------------------------------------------------

export function teamsMessage(options: TeamsMessageOptions): Record<string, unknown> {
  const bot = options.bot ?? NOTERAT_BOT;
  const mentioned = [...(options.botMention === true ? [bot] : []), ...(options.mentions ?? [])];
  const text = withMentions(
    options.text,
    options.mentions ?? [],
    options.botMention === true ? bot : undefined,
  );
  const mentionEntities = mentioned.map((account) => ({
    mentioned: { id: account.id, name: account.name },
    text: `<at>${account.name}</at>`,
    type: "mention",
  }));
  return {
    text,
    textFormat: "plain",
    type: "message",
    ...timestamps(),
    id: options.id ?? nextTeamsMessageId(),
    channelId: CHANNEL_ID,
    serviceUrl: options.serviceUrl,
    from: { ...options.from },
    conversation: conversationAccount(options.conversation, options.tenantId),
    recipient: { ...bot },
    // Teams adds an HTML rendering when the message has mentions (or formatting).
    ...(mentioned.length > 0 ? { attachments: [htmlAttachment(text)] } : {}),
    entities: [...mentionEntities, clientInfo(options.locale)],
    channelData: channelData(options.conversation, options.tenantId),
    locale: options.locale ?? DEFAULT_LOCALE,
    ...(options.replyToId === undefined ? {} : { replyToId: options.replyToId }),
  };
}

/**
 * Puts each mention in the text in Teams' `<at>Name</at>` form: `@Name` is rewritten, an
 * existing `<at>Name</at>` kept, a mention not named appended; the bot's comes first.
 */
function withMentions(
  text: string,
  mentions: ReadonlyArray<TeamsUser>,
  bot: TeamsBot | undefined,
): string {
  let result = text;
  for (const mention of mentions) {
    const tag = `<at>${mention.name}</at>`;
    if (result.includes(tag)) continue;
    const at = `@${mention.name}`;
    result = result.includes(at) ? result.replace(at, tag) : `${result} ${tag}`.trim();
  }
  if (bot !== undefined) {
    const tag = `<at>${bot.name}</at>`;
    if (!result.startsWith(tag)) result = `${tag} ${result}`.trim();
  }
  return result;
}

function htmlAttachment(text: string): Record<string, unknown> {
  let index = 0;
  const html = escapeHtml(text).replace(/&lt;at&gt;(.*?)&lt;\/at&gt;/g, (_match, name: string) => {
    const span = `<span itemscope="" itemtype="http://schema.skype.com/Mention" itemid="${index}">${name}</span>`;
    index += 1;
    return span;
  });
  return { contentType: "text/html", content: `<div><div>${html}</div>\n</div>` };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// ---- Adaptive Card actions -----------------------------------------------------------

/** What every invoke from a conversation carries: the envelope around its `value`. */
function invokeActivity(
  name: string,
  options: TeamsCardActionOptions | TeamsFileConsentOptions,
  value: Record<string, unknown>,
  source?: string,
): Record<string, unknown> {
  return {
    type: "invoke",
    name,
    id: options.id ?? frameworkId(),
    ...timestamps(),
    serviceUrl: options.serviceUrl,
    channelId: CHANNEL_ID,
    from: { ...options.from },
    conversation: conversationAccount(options.conversation, options.tenantId),
    recipient: { ...(options.bot ?? NOTERAT_BOT) },
    ...(options.replyToId === undefined ? {} : { replyToId: options.replyToId }),
    value,
    channelData: {
      ...channelData(options.conversation, options.tenantId),
      ...(source === undefined ? {} : { source: { name: source } }),
    },
    entities: [clientInfo(options.locale)],
    locale: options.locale ?? DEFAULT_LOCALE,
  };
}

/** An Action.Execute click: an `invoke` whose answer is the HTTP response body. */
export function teamsCardAction(options: TeamsCardActionOptions): Record<string, unknown> {
  return invokeActivity(
    "adaptiveCard/action",
    options,
    {
      action: {
        type: "Action.Execute",
        ...(options.actionId === undefined ? {} : { id: options.actionId }),
        verb: options.verb,
        data: { ...(options.data ?? {}) },
      },
      trigger: "manual",
    },
    "message",
  );
}

// ---- file consent --------------------------------------------------------------------

/** The person's answer to a file consent card: an `invoke` named `fileConsent/invoke`. */
export function teamsFileConsent(options: TeamsFileConsentOptions): Record<string, unknown> {
  return invokeActivity("fileConsent/invoke", options, {
    type: "fileUpload",
    action: options.action,
    context: options.context,
    ...(options.uploadInfo === undefined ? {} : { uploadInfo: { ...options.uploadInfo } }),
  });
}

// ---- installation --------------------------------------------------------------------

/**
 * The bot being added to a personal chat, group chat or team. Teams sends both a
 * `conversationUpdate` (membersAdded with the bot) and an `installationUpdate` ("add");
 * `as` picks one.
 */
export function teamsInstall(options: TeamsInstallOptions): Record<string, unknown> {
  return options.as === "installationUpdate"
    ? installationUpdate(options, "add")
    : membershipUpdate(options, "membersAdded");
}

/** The bot being removed: an `installationUpdate` ("remove"), or the `conversationUpdate` (membersRemoved). */
export function teamsUninstall(options: TeamsInstallOptions): Record<string, unknown> {
  return options.as === "conversationUpdate"
    ? membershipUpdate(options, "membersRemoved")
    : installationUpdate(options, "remove");
}

function membershipUpdate(
  options: TeamsInstallOptions,
  field: "membersAdded" | "membersRemoved",
): Record<string, unknown> {
  const bot = options.bot ?? NOTERAT_BOT;
  const conversation = installConversation(options);
  const data = channelData(conversation, options.tenantId, options.teamName);
  if (options.conversationType === "channel") {
    data.eventType = field === "membersAdded" ? "teamMemberAdded" : "teamMemberRemoved";
  }
  return {
    [field]: [{ id: bot.id }],
    type: "conversationUpdate",
    ...installEnvelope(options, conversation, data),
    locale: options.locale ?? DEFAULT_LOCALE,
  };
}

function installationUpdate(
  options: TeamsInstallOptions,
  action: "add" | "remove",
): Record<string, unknown> {
  const conversation = installConversation(options);
  const data = channelData(conversation, options.tenantId, options.teamName);
  if (options.conversationType === "channel") {
    data.settings = { selectedChannel: { id: channelIdOf(conversation) } };
  }
  return {
    action,
    type: "installationUpdate",
    ...installEnvelope(options, conversation, data),
    entities: [clientInfo(options.locale)],
    locale: options.locale ?? DEFAULT_LOCALE,
  };
}

/** What both install-time activities carry, from the timestamps to channelData. */
function installEnvelope(
  options: TeamsInstallOptions,
  conversation: TeamsConversationOptions,
  data: ReturnType<typeof channelData>,
): Record<string, unknown> {
  return {
    ...timestamps(),
    id: options.id ?? frameworkId(),
    channelId: CHANNEL_ID,
    serviceUrl: options.serviceUrl,
    from: { ...options.from },
    conversation: conversationAccount(conversation, options.tenantId),
    recipient: { ...(options.bot ?? NOTERAT_BOT) },
    channelData: data,
  };
}

function installConversation(options: TeamsInstallOptions): TeamsConversationOptions {
  const teamId = options.teamId ?? "19:team0000000000000000000000000001@thread.tacv2";
  const defaults: Record<TeamsConversationType, string> = {
    personal: "a:personal-chat-0001",
    groupChat: "19:group-chat-0001@thread.v2",
    // A team's install arrives in its General channel, whose id is the team's.
    channel: teamId,
  };
  return {
    id: options.conversationId ?? defaults[options.conversationType],
    conversationType: options.conversationType,
    ...(options.conversationType === "channel" ? { teamId, channelId: teamId } : {}),
  };
}

// ---- shared parts --------------------------------------------------------------------

function conversationAccount(
  conversation: TeamsConversationOptions,
  tenantId: string,
): Record<string, unknown> {
  return {
    ...(conversation.conversationType === "personal" ? {} : { isGroup: true }),
    conversationType: conversation.conversationType,
    tenantId,
    id: conversation.id,
  };
}

function channelIdOf(conversation: TeamsConversationOptions): string {
  return conversation.channelId ?? conversation.id.split(";")[0] ?? conversation.id;
}

function channelData(
  conversation: TeamsConversationOptions,
  tenantId: string,
  teamName?: string,
): Record<string, unknown> {
  if (conversation.conversationType !== "channel") return { tenant: { id: tenantId } };
  const channelId = channelIdOf(conversation);
  const teamId = conversation.teamId ?? channelId;
  return {
    teamsChannelId: channelId,
    teamsTeamId: teamId,
    channel: { id: channelId },
    team: { id: teamId, ...(teamName === undefined ? {} : { name: teamName }) },
    tenant: { id: tenantId },
  };
}

function clientInfo(locale: string | undefined): Record<string, unknown> {
  return {
    locale: locale ?? DEFAULT_LOCALE,
    country: "SE",
    platform: "Web",
    timezone: DEFAULT_TIMEZONE,
    type: "clientInfo",
  };
}

/** Teams sends both: UTC, and the sender's local time with its offset. */
function timestamps(): { timestamp: string; localTimestamp: string } {
  const now = new Date();
  return { timestamp: now.toISOString(), localTimestamp: stockholmLocal(now) };
}

/** `now` in Stockholm time as "YYYY-MM-DDTHH:mm:ss.sss+HH:MM", independent of the host's zone. */
function stockholmLocal(now: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: DEFAULT_TIMEZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? "00";
  const local = `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}:${part("second")}`;
  const asUtc = Date.UTC(
    Number(part("year")),
    Number(part("month")) - 1,
    Number(part("day")),
    Number(part("hour")),
    Number(part("minute")),
    Number(part("second")),
  );
  const offsetMinutes = Math.round((asUtc - Math.floor(now.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${local}.${String(now.getUTCMilliseconds()).padStart(3, "0")}${offset}`;
}

// ---- posting -------------------------------------------------------------------------

export interface PostedActivityResult {
  status: number;
  /** Parsed JSON, else the text; undefined for an empty body. */
  body: unknown;
}

/** POSTs an activity to `{baseUrl}/api/messages` as Teams does. */
export async function postActivity(
  baseUrl: string,
  activity: unknown,
  options: { authorization?: string } = {},
): Promise<PostedActivityResult> {
  const response = await fetch(`${baseUrl.replace(/\/+$/, "")}/api/messages`, {
    method: "POST",
    headers: {
      "content-type": "application/json; charset=utf-8",
      ...(options.authorization === undefined ? {} : { authorization: options.authorization }),
    },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  let body: unknown;
  if (text !== "") {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, body };
}
