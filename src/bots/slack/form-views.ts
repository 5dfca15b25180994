import type { types } from "@slack/bolt";
import { createTranslator } from "../../domain/i18n/translator.js";
import type { Locale } from "../../domain/types.js";
import { escapeSlackText } from "../../render/block-kit/slack-escape.js";

type View = types.View;
type InputBlock = types.InputBlock;

export const FORM = {
  item: "noterat.form.item",
  action: "noterat.form.action",
  meeting: "noterat.form.meeting",
} as const;
export type FormKind = keyof typeof FORM;

/** Carried through the modal: the channel it is for, and the message an item was saved from. */
export interface FormMetadata {
  channelId?: string;
  sourceUrl?: string;
}

/** Slack's own ceiling for a plain-text input; our text limit is higher, so Slack's holds. */
const SLACK_INPUT_MAX = 3000;
const HEADING_MAX = 200;

export function formView(
  kind: FormKind,
  locale: Locale,
  metadata: FormMetadata,
  prefill: { text?: string } = {},
): View {
  const { t } = createTranslator(locale);
  const plain = (text: string) => ({ type: "plain_text" as const, text: escapeSlackText(text) });
  const input = (
    blockId: string,
    label: string,
    element: InputBlock["element"],
    optional = false,
  ): InputBlock => ({ type: "input", block_id: blockId, label: plain(label), element, optional });
  const channel: InputBlock[] = metadata.channelId
    ? []
    : [
        input("channel", t("form.channel"), {
          type: "conversations_select",
          action_id: "value",
          default_to_current_conversation: true,
        }),
      ];
  const blocks: InputBlock[] = [...channel];
  if (kind === "item") {
    blocks.push(
      input("kind", t("form.item.kind"), {
        type: "static_select",
        action_id: "value",
        initial_option: { text: plain(t("form.item.kind.info")), value: "info" },
        options: (["info", "discussion", "decision"] as const).map((value) => ({
          text: plain(t(`form.item.kind.${value}`)),
          value,
        })),
      }),
      input("heading", t("form.item.heading"), {
        type: "plain_text_input",
        action_id: "value",
        max_length: HEADING_MAX,
      }),
      input("text", t("form.item.text"), {
        type: "plain_text_input",
        action_id: "value",
        multiline: true,
        max_length: SLACK_INPUT_MAX,
        ...(prefill.text ? { initial_value: prefill.text.slice(0, SLACK_INPUT_MAX) } : {}),
      }),
    );
  }
  if (kind === "action") {
    blocks.push(
      input("assignees", t("form.action.assignees"), {
        type: "multi_users_select",
        action_id: "value",
      }),
      input("text", t("form.action.text"), {
        type: "plain_text_input",
        action_id: "value",
        multiline: true,
        max_length: SLACK_INPUT_MAX,
      }),
      input("due", t("form.action.due"), { type: "datepicker", action_id: "value" }, true),
    );
  }
  if (kind === "meeting") {
    blocks.push(
      input("date", t("form.meeting.date"), { type: "datepicker", action_id: "value" }),
      input("time", t("form.meeting.time"), { type: "timepicker", action_id: "value" }, true),
      input(
        "place",
        t("form.meeting.place"),
        { type: "plain_text_input", action_id: "value", max_length: HEADING_MAX },
        true,
      ),
    );
  }
  return {
    type: "modal",
    callback_id: FORM[kind],
    title: plain(t(`form.${kind}.title`)),
    submit: plain(t("form.submit")),
    close: plain(t("form.cancel")),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}
