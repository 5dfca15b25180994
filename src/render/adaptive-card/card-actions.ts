import type { Translator } from "../../domain/i18n/translator.js";
import type { ActionEntry, ReplyButton } from "../../domain/reply.js";
import { entryButtons } from "../entry-buttons.js";
import {
  type ActionSet,
  ADAPTIVE_CARD_LIMITS,
  type CardElement,
  type ExecuteAction,
  type TextStyle,
} from "./adaptive-card-types.js";
import { type BodyPart, elementPart, textPart } from "./card-packing.js";
import { textBlock } from "./card-text.js";

// Buttons that run a command. Every one is an Action.Execute with the verb RUN_VERB, which
// Teams delivers as an `adaptiveCard/action` invoke; its data names the council and the
// command's English text ("done 12"), which the adapter runs like a typed command.

export const RUN_VERB = "noterat.run";

const OVERDUE: TextStyle = { color: "Attention" };

/** The button, or undefined when its label shows nothing: Teams would draw an empty button. */
function executeAction(button: ReplyButton): ExecuteAction | undefined {
  const title = shortLabel(button.label);
  if (title === "") return undefined;
  return {
    type: "Action.Execute",
    title,
    verb: RUN_VERB,
    data: { councilId: button.councilId, command: button.command },
    ...(button.style ? { style: button.style === "primary" ? "positive" : "destructive" } : {}),
  };
}

/** Sets of at most ADAPTIVE_CARD_LIMITS.actionsPerSet buttons, so that Teams shows them all. */
export function actionSets(buttons: ReplyButton[]): ActionSet[] {
  const actions = buttons.flatMap((button) => executeAction(button) ?? []);
  const sets: ActionSet[] = [];
  for (let index = 0; index < actions.length; index += ADAPTIVE_CARD_LIMITS.actionsPerSet) {
    sets.push({
      type: "ActionSet",
      actions: actions.slice(index, index + ADAPTIVE_CARD_LIMITS.actionsPerSet),
    });
  }
  return sets;
}

/** The action's line, split over cards if it must be, with its buttons kept under it. */
export function entryParts(entry: ActionEntry, t: Translator): BodyPart[] {
  const sets = actionSets(entryButtons(entry, t));
  return [
    textPart(entry.line, lineStyle(entry), sets.length > 0),
    ...sets.map((set) => elementPart(set)),
  ];
}

/** The same as whole elements, for a card that shows an action entire or not at all. */
export function entryElements(entry: ActionEntry, t: Translator): CardElement[] {
  const line = textBlock(entry.line, lineStyle(entry));
  return [...(line.text === "" ? [] : [line]), ...actionSets(entryButtons(entry, t))];
}

function lineStyle(entry: ActionEntry): TextStyle | undefined {
  return entry.overdue && entry.status === "open" ? OVERDUE : undefined;
}

/** The label on one line, and when too long, its beginning up to a word, with "…". */
function shortLabel(label: string): string {
  const line = label.replace(/\s+/g, " ").trim();
  const max = ADAPTIVE_CARD_LIMITS.actionTitle;
  if (line.length <= max) return line;
  let end = max - 1;
  // Never half a surrogate pair.
  if (/[\udc00-\udfff]/.test(line.charAt(end))) end--;
  const space = line.lastIndexOf(" ", end);
  return `${line.slice(0, space > max / 2 ? space : end)}…`;
}
