import { createTranslator } from "../../domain/i18n/translator.js";
import type { Overview } from "../../domain/reply.js";
import {
  ADAPTIVE_CARD_LIMITS,
  type AdaptiveCard,
  adaptiveCard,
  type CardElement,
  type TextStyle,
} from "./adaptive-card-types.js";
import { entryElements } from "./card-actions.js";
import { jsonBytes } from "./card-size.js";
import { textBlock } from "./card-text.js";

// The personal overview (e.g. after `mina` in the personal chat) as one card: the person's
// open actions, each with its buttons, and their councils' next meetings. A card holds about
// 28 KB, so a long list shows the entries that fit, whole, and says how many more there are.

const TITLE: TextStyle = { style: "heading", size: "Large", weight: "Bolder" };
const SUBTITLE: TextStyle = { weight: "Bolder", spacing: "Medium" };
const MEETINGS: TextStyle = { ...SUBTITLE, separator: true };
const QUIET: TextStyle = { isSubtle: true };

type Entry = CardElement[];

export function renderOverviewCard(overview: Overview): AdaptiveCard {
  const t = createTranslator(overview.locale);
  const more = (count: number) => shown(textBlock(t.t("teams.more", { count }), QUIET));
  const top = [
    ...shown(textBlock(overview.title, TITLE)),
    ...shown(textBlock(overview.actionsTitle, SUBTITLE)),
  ];
  const middle = shown(textBlock(overview.meetingsTitle, MEETINGS));
  const available = ADAPTIVE_CARD_LIMITS.cardBytes - jsonBytes(adaptiveCard([...top, ...middle]));

  const actions: Entry[] =
    overview.actions.length > 0
      ? overview.actions.map((entry) => entryElements(entry, t))
      : [shown(textBlock(overview.noActions, QUIET))];
  const meetings: Entry[] =
    overview.meetings.length > 0
      ? overview.meetings.map((meeting) => shown(textBlock(meeting)))
      : [shown(textBlock(overview.noMeetings, QUIET))];

  // Actions are what the card is for; meetings (one per council, so few) keep a quarter of
  // the room when both are long, and take whatever the actions leave.
  const meetingsRoom = Math.min(
    bytes(meetings),
    Math.max(available - bytes(actions), Math.floor(available / 4)),
  );
  const meetingsShown = fitWithin(meetings, meetingsRoom, more);
  const actionsShown = fitWithin(actions, available - bytes([meetingsShown]), more);
  return adaptiveCard([...top, ...actionsShown, ...middle, ...meetingsShown]);
}

/** Nothing for a block with nothing to show. */
function shown(block: CardElement): CardElement[] {
  return block.type === "TextBlock" && block.text === "" ? [] : [block];
}

/** Bytes the entries add to a body, each element with the comma before it. */
function bytes(entries: Entry[]): number {
  return entries.flat().reduce((total, element) => total + jsonBytes(element) + 1, 0);
}

/** All entries when they fit `room`; else whole entries while they fit, and how many more. */
function fitWithin(
  entries: Entry[],
  room: number,
  more: (count: number) => CardElement[],
): CardElement[] {
  if (bytes(entries) <= room) return entries.flat();
  // The "more" line at its widest stays free.
  const left = room - bytes([more(entries.length)]);
  if (left < 0) return [];
  const kept: Entry[] = [];
  let used = 0;
  for (const entry of entries) {
    used += bytes([entry]);
    if (used > left) break;
    kept.push(entry);
  }
  return [...kept.flat(), ...more(entries.length - kept.length)];
}
