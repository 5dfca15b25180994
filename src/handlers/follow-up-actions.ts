import { formatDayMonth } from "../domain/i18n/format-date.js";
import type { ActionOrigin, ActionRecord, MeetingRecord } from "../domain/records.js";
import type { ActionEntry, ReplyBlock } from "../domain/reply.js";
import { actionEntries } from "./action-entries.js";
import type { HandlerDeps, ReplyContext } from "./context.js";

/** As the reminders' lists: the follow-up is part of the meeting reminder; `öppna` shows the rest. */
const LIST_LIMIT = 25;

/**
 * "Uppföljning av uppdrag" (architecture.md §11), where a meeting's agenda begins: the council's open
 * actions, then those done since the council's previous meeting (every one done so far when
 * there was none, so that a first meeting follows up what was given before it). At most four
 * statements whatever the number of actions: a list each, and a count when a list is full.
 */
export async function followUpBlocks(
  deps: HandlerDeps,
  meeting: MeetingRecord,
  context: ReplyContext,
  /** A protocol records the follow-up as it stood when its meeting began (architecture.md §11). */
  asOfMeeting = false,
): Promise<ReplyBlock[]> {
  const { actions } = deps.store;
  const { t } = context;
  const asOf = asOfMeeting ? meeting.startsAt : undefined;
  const filter = { councilIds: [meeting.councilId], ...(asOf ? { asOf } : {}) };
  // Side by side: the meeting reminder composes this for every council with a meeting ahead.
  const [open, done] = await Promise.all([
    actions.open({ ...filter, limit: LIST_LIMIT }),
    actions.completedSincePrevious(meeting.councilId, meeting.startsAt, LIST_LIMIT, asOf),
  ]);
  const blocks: ReplyBlock[] = [];
  if (open.length === 0) {
    blocks.push({ type: "text", text: t.t("follow-up.none-open") });
  } else {
    const count = open.length < LIST_LIMIT ? open.length : await actions.countOpen(filter);
    blocks.push({
      type: "actions",
      title: t.t("follow-up.open-title", { count }),
      actions: entriesWithOrigin(open, context),
      ...more(count, open.length, context),
    });
  }
  if (done.actions.length > 0) {
    const count =
      done.actions.length < LIST_LIMIT
        ? done.actions.length
        : await actions.countCompletedSincePrevious(meeting.councilId, meeting.startsAt, asOf);
    blocks.push({
      type: "actions",
      title: done.since
        ? t.t("follow-up.done-since", { date: formatDayMonth(done.since, context.dates), count })
        : t.t("follow-up.done-so-far", { count }),
      actions: entriesWithOrigin(done.actions, context),
      ...more(count, done.actions.length, context),
    });
  }
  return blocks;
}

/** "#4 Bo: Boka lokal – senast 20 maj · § 12, 3 december": an action line and where it came from. */
export function entriesWithOrigin(actions: ActionRecord[], context: ReplyContext): ActionEntry[] {
  return actionEntries(actions, context).map((entry, index) => {
    const action = actions[index];
    if (!action) return entry;
    const origin = describeOrigin(action.origin, context);
    return { ...entry, line: context.t.t("follow-up.line", { line: entry.line, origin }) };
  });
}

/** "§ 12, 3 december", "mötet 3 december" or "utanför möte". */
export function describeOrigin(origin: ActionOrigin, context: ReplyContext): string {
  const { t, dates } = context;
  switch (origin.kind) {
    case "decision":
      return t.t("origin.decision", {
        paragraph: origin.paragraph,
        date: formatDayMonth(origin.meetingStartsAt, dates),
      });
    case "meeting":
      return t.t("origin.meeting", { date: formatDayMonth(origin.meetingStartsAt, dates) });
    case "council":
      return t.t("origin.council");
  }
}

function more(total: number, shown: number, context: ReplyContext): { more?: string } {
  return total > shown ? { more: context.t.t("actions.more", { count: total - shown }) } : {};
}
