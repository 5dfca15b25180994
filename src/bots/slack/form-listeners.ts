import type { App, SlackViewAction, ViewOutput } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { ParsedCommand, ParseError } from "../../domain/command/parsed-command.js";
import { checkFieldText, HEADING_LIMIT, TEXT_LIMIT } from "../../domain/command/text-limits.js";
import { createTranslator } from "../../domain/i18n/translator.js";
import type { Reply } from "../../domain/reply.js";
import type { LocalDate, LocalTime, Mention } from "../../domain/types.js";
import { internalErrorReply, parseErrorReply } from "../../handlers/error-replies.js";
import { runCommand } from "../../handlers/handle-command.js";
import { unescapeSlackText } from "../../render/block-kit/slack-escape.js";
import { renderReplyText } from "../../render/reply-text.js";
import { FORM, type FormKind, type FormMetadata, formView } from "./form-views.js";
import { slackResponses, within } from "./slack-responses.js";
import { ACK_DEADLINE_MS, type SlackSurfaceContext } from "./slack-surface-context.js";

/** Global shortcuts that open an empty form, and the message shortcut that saves a message. */
const SHORTCUT = {
  newItem: "noterat.new_item",
  newAction: "noterat.new_action",
  newMeeting: "noterat.new_meeting",
  saveAsNote: "noterat.save_as_note",
} as const;

const OPENS: Record<string, FormKind> = {
  [SHORTCUT.newItem]: "item",
  [SHORTCUT.newAction]: "action",
  [SHORTCUT.newMeeting]: "meeting",
};

type Values = ViewOutput["state"]["values"];
type Built = { ok: true; command: ParsedCommand } | { ok: false; error: ParseError; block: string };

export function listenToForms(app: App, surface: SlackSurfaceContext): void {
  const locale = surface.deps.defaults.locale;

  app.shortcut(
    new RegExp(`^(${Object.keys(OPENS).join("|").replaceAll(".", "\\.")})$`),
    async ({ shortcut, ack, client }) => {
      await ack();
      const kind = OPENS[shortcut.callback_id] ?? "item";
      const channelId = "channel" in shortcut ? shortcut.channel.id : undefined;
      await client.views.open({
        trigger_id: shortcut.trigger_id,
        view: formView(kind, locale, channelId ? { channelId } : {}),
      });
    },
  );

  // "Spara som notering": any message becomes an item, keeping a permalink to it.
  app.shortcut(SHORTCUT.saveAsNote, async ({ shortcut, ack, client }) => {
    await ack();
    if (shortcut.type !== "message_action") return;
    const channelId = shortcut.channel.id;
    const link = await client.chat
      .getPermalink({ channel: channelId, message_ts: shortcut.message_ts })
      .catch(() => undefined);
    const metadata: FormMetadata = {
      channelId,
      ...(link?.permalink ? { sourceUrl: link.permalink } : {}),
    };
    await client.views.open({
      trigger_id: shortcut.trigger_id,
      view: formView("item", locale, metadata, {
        text: unescapeSlackText(shortcut.message.text ?? ""),
      }),
    });
  });

  for (const kind of Object.keys(FORM) as FormKind[]) {
    app.view(FORM[kind], async ({ ack, body, view, client }) => {
      const metadata = parseMetadata(view.private_metadata);
      const channelId = metadata.channelId ?? selected(view.state.values, "channel");
      const built = await buildCommand(kind, view.state.values, metadata, surface, client, body);
      if (!built.ok || !channelId) {
        const error = built.ok ? undefined : built;
        const text = error
          ? renderReplyText(parseErrorReply(error.error, createTranslator(locale)))
          : "";
        await ack({ response_action: "errors", errors: { [error?.block ?? "channel"]: text } });
        return;
      }
      const place = { platform: "slack" as const, workspaceId: body.team?.id ?? "", channelId };
      const work = (async (): Promise<Reply> => {
        try {
          return await runCommand(surface.deps, surface.registry, {
            actor: await surface.people.identity(client, place.workspaceId, body.user.id),
            place,
            command: built.command,
            // One modal is one submission, however often Slack delivers it.
            deliveryId: `view:${view.id}`,
          });
        } catch (error) {
          surface.logger.error({ err: error, form: kind }, "form failed");
          return internalErrorReply(locale);
        }
      })();
      const reply = await within(work, ACK_DEADLINE_MS);
      if (reply && reply.audience === "caller") {
        // A refusal keeps the form open with the reason, so nothing typed is lost.
        const block = kind === "meeting" ? "date" : "text";
        await ack({ response_action: "errors", errors: { [block]: renderReplyText(reply) } });
        return;
      }
      await ack();
      const done = reply ?? (await work);
      const target = done.audience === "channel" ? channelId : body.user.id;
      for (const { text, blocks } of slackResponses(done)) {
        await client.chat
          .postMessage({ channel: target, text, blocks })
          .catch((error: unknown) =>
            surface.logger.warn({ err: error }, "posting a form's reply failed"),
          );
      }
    });
  }
}

async function buildCommand(
  kind: FormKind,
  values: Values,
  metadata: FormMetadata,
  surface: SlackSurfaceContext,
  client: WebClient,
  body: SlackViewAction,
): Promise<Built> {
  const text = typed(values, "text");
  if (kind === "item") {
    const heading = typed(values, "heading");
    const headingProblem = checkFieldText(heading, HEADING_LIMIT, "item");
    const problem = headingProblem ?? checkFieldText(text, TEXT_LIMIT, "item");
    if (problem)
      return { ok: false, error: problem.error, block: headingProblem ? "heading" : "text" };
    const itemKind = selected(values, "kind");
    return {
      ok: true,
      command: {
        id: "item",
        kind: itemKind === "discussion" || itemKind === "decision" ? itemKind : "info",
        heading,
        text,
        ...(metadata.sourceUrl ? { sourceUrl: metadata.sourceUrl } : {}),
      },
    };
  }
  if (kind === "action") {
    const problem = checkFieldText(text, TEXT_LIMIT, "action");
    if (problem) return { ok: false, error: problem.error, block: "text" };
    const teamId = body.team?.id ?? "";
    // Looked up side by side: each is a Web API round trip before the form can be answered.
    const assignees: Mention[] = await Promise.all(
      (values.assignees?.value?.selected_users ?? []).map(async (userId) => ({
        externalId: userId,
        displayName: await surface.people.displayName(client, teamId, userId),
      })),
    );
    const due = localDate(values.due?.value?.selected_date);
    return { ok: true, command: { id: "action", assignees, text, ...(due ? { due } : {}) } };
  }
  const date = localDate(values.date?.value?.selected_date);
  if (!date)
    return {
      ok: false,
      error: { code: "bad-date", command: "meeting", params: { word: "" } },
      block: "date",
    };
  const place = typed(values, "place");
  const time = localTime(values.time?.value?.selected_time);
  const problem = checkFieldText(place, HEADING_LIMIT, "meeting");
  if (problem) return { ok: false, error: problem.error, block: "place" };
  return {
    ok: true,
    command: { id: "meeting", date, ...(time ? { time } : {}), ...(place ? { place } : {}) },
  };
}

function typed(values: Values, block: string): string {
  return (values[block]?.value?.value ?? "").trim();
}

function selected(values: Values, block: string): string | undefined {
  const state = values[block]?.value;
  return state?.selected_option?.value ?? state?.selected_conversation ?? undefined;
}

function parseMetadata(text: string): FormMetadata {
  try {
    const parsed: unknown = JSON.parse(text || "{}");
    return typeof parsed === "object" && parsed !== null ? (parsed as FormMetadata) : {};
  } catch {
    return {};
  }
}

/** Slack's "2026-05-30". */
function localDate(value: string | null | undefined): LocalDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? "");
  return match
    ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
    : undefined;
}

/** Slack's "13:00". */
function localTime(value: string | null | undefined): LocalTime | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(value ?? "");
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : undefined;
}
