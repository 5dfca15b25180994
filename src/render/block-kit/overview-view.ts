import { createTranslator } from "../../domain/i18n/translator.js";
import type { Overview } from "../../domain/reply.js";
import { actionEntryGroup } from "./action-buttons.js";
import { BLOCK_KIT_LIMITS, type HomeView } from "./block-kit-types.js";
import { withUniqueActionIds } from "./message-chunks.js";
import { text } from "./mrkdwn-sections.js";
import type { BlockGroup, RenderedBlock } from "./rendered-block.js";
import { contextBlocks, paragraphBlocks, sectionBlocks, titleBlocks } from "./text-blocks.js";

// The App Home tab: the person's open actions, each with its buttons, and their councils'
// next meetings. A view holds at most 100 blocks, so a long list shows what fits and says
// how many more there are; `/noterat mina` lists them all.

export function renderOverviewView(overview: Overview): HomeView {
  const t = createTranslator(overview.locale);
  const top = [...titleBlocks(overview.title), ...subtitle(overview.actionsTitle)];
  const middle: RenderedBlock[] = [
    { block: { type: "divider" }, plain: "" },
    ...subtitle(overview.meetingsTitle),
  ];
  const available = BLOCK_KIT_LIMITS.homeBlocks - top.length - middle.length;

  const actionGroups =
    overview.actions.length > 0
      ? overview.actions.map((entry) => actionEntryGroup(entry, t))
      : [paragraphBlocks(overview.noActions)];
  const meetingGroups =
    overview.meetings.length > 0
      ? overview.meetings.map((meeting) => paragraphBlocks(meeting))
      : [paragraphBlocks(overview.noMeetings)];

  // Actions are what the tab is for; meetings (one per council, so few) keep a quarter of
  // the room when both are long, and take whatever the actions leave.
  const actionsNeed = size(actionGroups);
  const meetingsRoom = Math.min(
    size(meetingGroups),
    Math.max(available - actionsNeed, Math.ceil(available / 4)),
  );
  const meetings = fitWithin(meetingGroups, meetingsRoom, (count) =>
    t.t("slack.home.more-meetings", { count }),
  );
  const actions = fitWithin(actionGroups, available - meetings.length, (count) =>
    t.t("slack.home.more-actions", { count }),
  );

  return {
    type: "home",
    blocks: withUniqueActionIds(
      [...top, ...actions, ...middle, ...meetings].map(({ block }) => block),
    ),
  };
}

function subtitle(value: string): RenderedBlock[] {
  return sectionBlocks([{ segments: [text(value, "bold")] }]);
}

function size(groups: BlockGroup[]): number {
  return groups.reduce((total, group) => total + group.length, 0);
}

/** All groups when they fit `room`; else whole groups while they fit, and a line saying how many more. */
function fitWithin(
  groups: BlockGroup[],
  room: number,
  more: (count: number) => string,
): RenderedBlock[] {
  if (size(groups) <= room) return groups.flat();
  const shown: RenderedBlock[] = [];
  let count = 0;
  for (const group of groups) {
    // One block stays free for the "more" line.
    if (shown.length + group.length > room - 1) break;
    shown.push(...group);
    count++;
  }
  return room > 0 ? [...shown, ...contextBlocks(more(groups.length - count))] : shown;
}
