import type { Translator } from "../../domain/i18n/translator.js";
import type { ActionEntry, ReplyButton } from "../../domain/reply.js";
import { entryButtons } from "../entry-buttons.js";
import { BLOCK_KIT_LIMITS, type ButtonElement } from "./block-kit-types.js";
import type { BlockGroup, RenderedBlock } from "./rendered-block.js";
import { escapeWithin } from "./split-text.js";
import { paragraphBlocks } from "./text-blocks.js";

// Buttons that run a command: the Slack adapter routes every action_id that starts with
// RUN_ACTION_PREFIX to the command registry, reading the council and the command from
// `value` ("council|command") — the action_id only has to be unique in its message.

export const RUN_ACTION_PREFIX = "noterat.run:";

/**
 * The button, or undefined when Slack would refuse it and with it the whole message: a value
 * over 75 characters (a command is never cut) or a label with nothing to show. The command
 * can still be typed.
 */
function commandButton(button: ReplyButton): ButtonElement | undefined {
  const value = `${button.councilId}|${button.command}`;
  if (value.length > BLOCK_KIT_LIMITS.buttonValue || button.label.trim() === "") return undefined;
  return {
    type: "button",
    action_id: `${RUN_ACTION_PREFIX}${button.command}`,
    // A label is not content: one too long for Slack is shortened rather than refused.
    text: {
      type: "plain_text",
      text: escapeWithin(button.label, BLOCK_KIT_LIMITS.buttonText),
      emoji: true,
    },
    value,
    ...(button.style ? { style: button.style } : {}),
  };
}

/** Rows of at most 25 buttons, the most an actions block holds. */
export function buttonRows(buttons: ReplyButton[]): RenderedBlock[] {
  const usable = buttons.flatMap((button) => {
    const element = commandButton(button);
    return element ? [{ button, element }] : [];
  });
  const rows: RenderedBlock[] = [];
  for (let index = 0; index < usable.length; index += BLOCK_KIT_LIMITS.actionsElements) {
    const row = usable.slice(index, index + BLOCK_KIT_LIMITS.actionsElements);
    rows.push({
      block: { type: "actions", elements: row.map(({ element }) => element) },
      plain: "",
      buttonLabels: row.map(({ button }) => button.label),
    });
  }
  return rows;
}

/** The action's line, and while it is open, "Klar" and "Skjut upp" below it. */
export function actionEntryGroup(entry: ActionEntry, t: Translator): BlockGroup {
  return [...paragraphBlocks(entry.line), ...buttonRows(entryButtons(entry, t))];
}
