import { type Activity, ActivityTypes, type TurnContext } from "botbuilder";
import { parseCommand } from "../../domain/command/parse-command.js";
import type { CommandId } from "../../domain/command/parsed-command.js";
import type { MessageKey } from "../../domain/i18n/catalog.js";
import { createTranslator } from "../../domain/i18n/translator.js";
import type { Place } from "../../domain/records.js";
import { type Reply, textReply } from "../../domain/reply.js";
import { LOCALES, type Locale } from "../../domain/types.js";
import type { CommandRegistry } from "../../handlers/command-registry.js";
import type { HandlerDeps } from "../../handlers/context.js";
import { internalErrorReply } from "../../handlers/error-replies.js";
import { handleCommand } from "../../handlers/handle-command.js";
import type { Logger } from "../../logger.js";
import { type DocumentBlock, documentBytes, withDocumentsDelivered } from "../document-delivery.js";
import { identityOf, tenantOf } from "./teams-activity.js";
import { replyActivities } from "./teams-messages.js";

// Teams' way for a bot to hand over a file (architecture.md §13, §15): a consent card in the
// personal chat; once the person accepts, Teams gives an upload URL in their OneDrive, the bot
// PUTs the bytes there and shows the file. No file is kept between offer and accept: the card
// carries the command and where it was typed, and accepting runs it again for whoever accepts,
// through the normal command path and its permission checks.

export const FILE_CONSENT_INVOKE = "fileConsent/invoke";
const CONSENT_CARD = "application/vnd.microsoft.teams.card.file.consent";
const FILE_INFO_CARD = "application/vnd.microsoft.teams.card.file.info";
/** OneDrive answers a whole small file at once; past this the person is told to try again. */
const UPLOAD_TIMEOUT_MS = 30_000;

/**
 * The commands whose files may be made again on accept: they only read. The card's context
 * comes back from the client, so it could name any command; none other is run from it.
 */
const FILE_COMMANDS: ReadonlySet<CommandId> = new Set<CommandId>(["minutes-pdf", "my-data"]);

const DESCRIPTIONS: Record<DocumentBlock["kind"], MessageKey> = {
  "protocol-pdf": "teams.file-description.protocol-pdf",
  "personal-data": "teams.file-description.personal-data",
};

/** What the consent card carries, to make the same file again when it is accepted. */
interface FileOrigin {
  /** The command text as typed (the bot's mention removed). */
  command: string;
  /** The conversation it was typed in; the tenant is the accepting activity's own. */
  channelId: string;
  filename: string;
  locale: Locale;
}

/**
 * The reply with each of its documents offered through a consent card, and those cards, to be
 * sent in the caller's personal chat with the reply. A reply for the channel keeps its notes:
 * a file is for the caller alone.
 */
export async function offerDocuments(
  reply: Reply,
  typed: { command: string; channelId: string },
): Promise<{ reply: Reply; offers: Partial<Activity>[] }> {
  const offers: Partial<Activity>[] = [];
  if (reply.audience !== "caller") return { reply, offers };
  const { t } = createTranslator(reply.locale);
  const offered = await withDocumentsDelivered(reply, async (block) => {
    const origin: FileOrigin = { ...typed, filename: block.filename, locale: reply.locale };
    offers.push({
      type: ActivityTypes.Message,
      attachments: [
        {
          contentType: CONSENT_CARD,
          name: block.filename,
          content: {
            description: t(DESCRIPTIONS[block.kind]),
            sizeInBytes: (await documentBytes(block)).length,
            acceptContext: origin,
            declineContext: origin,
          },
        },
      ],
    });
    return t("teams.file-offered", { name: block.filename });
  });
  return { reply: offered, offers };
}

interface FileConsentSurface {
  deps: HandlerDeps;
  registry: CommandRegistry;
  logger: Logger;
  /** Empty when Teams runs unauthenticated (tests against a fake connector and upload). */
  appId: string;
}

/** Where Teams puts a file a person accepted: their OneDrive, in Microsoft's clouds. */
const ONEDRIVE_HOSTS = [
  ".sharepoint.com",
  ".sharepoint.us",
  ".sharepoint-mil.us",
  ".sharepoint.cn",
];

/**
 * The upload address comes in the person's invoke: only OneDrive's, over HTTPS, gets the bytes,
 * so that a forged invoke cannot make Noterat send a file (or a request) anywhere else. Without
 * authentication — tests against fakes on 127.0.0.1 — any address is taken.
 */
export function uploadAllowed(url: string, authenticated: boolean): boolean {
  if (!authenticated) return true;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === "https:" && ONEDRIVE_HOSTS.some((host) => hostname.endsWith(host));
  } catch {
    return false;
  }
}

interface UploadInfo {
  name: string;
  uploadUrl: string;
  contentUrl: string;
  uniqueId: string;
  fileType: string;
}

/**
 * A person answered a consent card. Whatever happens is said in the personal chat; the caller
 * answers the invoke afterwards, also when this failed.
 */
export async function onFileConsent(
  surface: FileConsentSurface,
  context: TurnContext,
): Promise<void> {
  const value = context.activity.value as
    | { action?: unknown; context?: unknown; uploadInfo?: unknown }
    | undefined;
  const origin = fileOrigin(value?.context);
  const locale = origin?.locale ?? surface.deps.defaults.locale;
  const { t } = createTranslator(locale);
  const say = (text: string) => send(context, line(text, locale));
  try {
    if (origin === undefined) return await say(t("teams.file-refused"));
    if (value?.action === "decline") {
      return await say(t("teams.file-declined", { name: origin.filename }));
    }
    const upload = uploadInfo(value?.uploadInfo);
    if (value?.action !== "accept" || upload === undefined) {
      return await say(t("teams.file-refused"));
    }
    await accept(surface, context, origin, upload);
  } catch (error) {
    surface.logger.error({ err: error }, "a Teams file consent failed");
    await send(context, internalErrorReply(locale)).catch(() => undefined);
  }
}

async function accept(
  surface: FileConsentSurface,
  context: TurnContext,
  origin: FileOrigin,
  upload: UploadInfo,
): Promise<void> {
  const { deps, registry, logger } = surface;
  const { activity } = context;
  const { t } = createTranslator(origin.locale);
  const parsed = parseCommand(origin.command, {
    now: deps.clock.now(),
    timeZone: deps.defaults.timeZone,
    readMention: () => undefined,
  });
  if (!parsed.ok || !FILE_COMMANDS.has(parsed.command.id)) {
    return send(context, line(t("teams.file-refused"), origin.locale));
  }
  const place: Place = {
    platform: "teams",
    workspaceId: tenantOf(activity),
    channelId: origin.channelId,
  };
  const reply = await handleCommand(deps, registry, {
    actor: identityOf(activity),
    place,
    text: origin.command,
    readMention: () => undefined,
  });
  const documents = reply.blocks.filter(
    (block): block is DocumentBlock => block.type === "document",
  );
  const block = documents.find((document) => document.filename === origin.filename);
  // No file at all: the command's own answer says why (not allowed, no such meeting).
  if (documents.length === 0) return send(context, reply);
  if (block === undefined) {
    return send(context, line(t("teams.file-changed", { name: origin.filename }), origin.locale));
  }
  if (!uploadAllowed(upload.uploadUrl, surface.appId !== "")) {
    return send(context, line(t("teams.file-refused"), origin.locale));
  }
  const failure = await put(upload.uploadUrl, await documentBytes(block));
  if (failure !== undefined) {
    // The upload URL carries OneDrive's session token and the file is the person's: neither
    // goes to the log.
    logger.warn({ upload: failure }, "uploading a file to a Teams personal chat failed");
    return send(
      context,
      line(t("teams.file-upload-failed", { name: origin.filename }), origin.locale),
    );
  }
  await context.sendActivity({
    type: ActivityTypes.Message,
    attachments: [
      {
        contentType: FILE_INFO_CARD,
        contentUrl: upload.contentUrl,
        name: upload.name,
        content: { uniqueId: upload.uniqueId, fileType: upload.fileType },
      },
    ],
  });
}

/** PUTs the whole file in one range, as OneDrive's upload session takes it; what failed, if so. */
async function put(url: string, bytes: Buffer): Promise<string | undefined> {
  try {
    const response = await fetch(url, {
      method: "PUT",
      // fetch sets Content-Length from the body (undici refuses it given twice).
      headers: { "content-range": `bytes 0-${bytes.length - 1}/${bytes.length}` },
      body: new Uint8Array(bytes),
      redirect: "error",
      signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return response.ok ? undefined : `http-${response.status}`;
  } catch (error) {
    return error instanceof Error ? error.name : "unknown";
  }
}

async function send(context: TurnContext, reply: Reply): Promise<void> {
  for (const message of replyActivities(reply)) await context.sendActivity(message);
}

/** A line for the person, in the card's language. */
function line(text: string, locale: Locale): Reply {
  return { ...textReply("caller", text), locale };
}

/** The card's context as the client sent it back, if it is one Noterat made. */
function fileOrigin(value: unknown): FileOrigin | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { command, channelId, filename, locale } = value as Record<string, unknown>;
  if (typeof command !== "string" || typeof channelId !== "string") return undefined;
  if (typeof filename !== "string" || filename === "" || channelId === "") return undefined;
  const known = LOCALES.find((candidate) => candidate === locale);
  if (known === undefined) return undefined;
  return { command, channelId, filename, locale: known };
}

function uploadInfo(value: unknown): UploadInfo | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const info = value as Record<string, unknown>;
  const fields = ["name", "uploadUrl", "contentUrl", "uniqueId", "fileType"] as const;
  if (!fields.every((field) => typeof info[field] === "string")) return undefined;
  return info as unknown as UploadInfo;
}
