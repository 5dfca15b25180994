import {
  addDays,
  compareLocalDates,
  fromIsoDate,
  isoDate,
  toEpochDay,
} from "../domain/dates/local-date.js";
import { localDateOf } from "../domain/dates/zoned-time.js";
import { groupBy } from "../domain/group-by.js";
import { formatDayMonth, formatWeekdayDayMonth } from "../domain/i18n/format-date.js";
import { createTranslator, type Translator } from "../domain/i18n/translator.js";
import type { ActionRecord, CouncilRecord, MeetingRecord } from "../domain/records.js";
import {
  approvalDeadline,
  type MinutesReminderPayload,
  type PlanningMinutes,
  staleMinutesReminder,
} from "../domain/reminders/minutes-deadlines.js";
import type { RemindedAction } from "../domain/reminders/outbox-entries.js";
import { isDigestLate, type ReminderKind } from "../domain/reminders/plan-reminders.js";
import { parseRecipient } from "../domain/reminders/recipient.js";
import { reminderCutoff } from "../domain/reminders/reminder-cutoff.js";
import type { Lead } from "../domain/reminders/reminder-settings.js";
import type { ReplyBlock } from "../domain/reply.js";
import type { LocalDate, Locale } from "../domain/types.js";
import type { ReminderSubjects } from "../store/reminder-subjects-repository.js";
import type { OutboxReminder } from "../store/reminders-repository.js";
import { actionEntries, startOfToday } from "./action-entries.js";
import type { HandlerDeps, ReplyContext } from "./context.js";
import { describeMeeting, meetingDetails } from "./meeting-description.js";
import type { ReminderNotice, ReminderTarget } from "./reminder-notice.js";

/** A list in a reminder stays readable; `mina` / `öppna` show the rest. */
const LIST_LIMIT = 25;

/** One message to send, and the outbox rows it delivers. */
export interface ComposedNotice {
  ids: string[];
  notice: ReminderNotice;
}

/** Rows that no longer apply, and why (the action is done, the meeting moved, …). */
export interface SkippedReminders {
  ids: string[];
  reason: string;
}

export interface Composition {
  notices: ComposedNotice[];
  skipped: SkippedReminders[];
}

/**
 * Turns claimed reminders into messages: one per recipient, grouping everything due for them
 * in this tick. Each reminder is checked against the store as it is now, so that a completed
 * action or a moved meeting cancels what was planned for it.
 */
export async function composeReminders(
  deps: HandlerDeps,
  reminders: OutboxReminder[],
  now: Date,
): Promise<Composition> {
  const composition: Composition = { notices: [], skipped: [] };
  const subjects = await readSubjects(deps, reminders);
  for (const group of groupBy(reminders, (reminder) => reminder.recipient).values()) {
    await new RecipientComposer(deps, now, composition, subjects).compose(group);
  }
  return composition;
}

/** What the batch names, read at once; per meeting also who is to compile and approve it. */
interface Subjects extends ReminderSubjects {
  minutes: Map<string, PlanningMinutes>;
}

/** Everything the batch's reminders name, in one read per kind of row for the whole batch. */
async function readSubjects(deps: HandlerDeps, reminders: OutboxReminder[]): Promise<Subjects> {
  const ids = {
    personIds: new Set<string>(),
    bindingIds: new Set<string>(),
    councilIds: new Set<string>(),
    actionIds: new Set<string>(),
    meetingIds: new Set<string>(),
  };
  const minutesOf = new Set<string>();
  for (const { recipient, councilId, payload } of reminders) {
    const parsed = parseRecipient(recipient);
    if (parsed.type === "channel") ids.bindingIds.add(parsed.bindingId);
    else ids.personIds.add(parsed.personId);
    ids.councilIds.add(councilId);
    if ("actions" in payload)
      for (const { actionId } of payload.actions) ids.actionIds.add(actionId);
    if ("meetingId" in payload) ids.meetingIds.add(payload.meetingId);
    if (payload.kind === "minutes-due" || payload.kind === "approval-due") {
      minutesOf.add(payload.meetingId);
    }
  }
  const [subjects, minutes] = await Promise.all([
    deps.store.reminderSubjects.read({
      personIds: [...ids.personIds],
      bindingIds: [...ids.bindingIds],
      councilIds: [...ids.councilIds],
      actionIds: [...ids.actionIds],
      meetingIds: [...ids.meetingIds],
    }),
    deps.store.reminders.minutesOf([...minutesOf]),
  ]);
  return { ...subjects, minutes: new Map(minutes.map((found) => [found.meetingId, found])) };
}

class RecipientComposer {
  constructor(
    private readonly deps: HandlerDeps,
    private readonly now: Date,
    private readonly composition: Composition,
    private readonly subjects: Subjects,
  ) {}

  async compose(group: OutboxReminder[]): Promise<void> {
    const first = group[0];
    if (!first) return;
    const target = this.target(first);
    if (!target) return this.skip(group, "recipient-gone");
    const council = this.council(first.councilId);
    if (!council) return this.skip(group, "council-gone");
    const locale: Locale =
      target.type === "person" ? (target.person.locale ?? council.locale) : council.locale;
    const blocks: ReplyBlock[] = [];
    const delivered: string[] = [];
    // Due first, then overdue and the minutes' deadlines, then what is coming: the order a
    // reader acts on them.
    const kinds: ReminderKind[] = [
      "meeting",
      "due",
      "overdue",
      "approval-due",
      "minutes-due",
      "prep",
      "digest",
    ];
    for (const kind of kinds) {
      const ofKind = group.filter((reminder) => reminder.payload.kind === kind);
      if (ofKind.length === 0) continue;
      const made = await this.blocksFor(kind, ofKind, target, locale, group);
      blocks.push(...made);
    }
    for (const reminder of group) if (!this.isSkipped(reminder.id)) delivered.push(reminder.id);
    if (delivered.length === 0) return;
    if (blocks.length === 0) return this.skip(group, "nothing-to-say");
    this.composition.notices.push({
      ids: delivered,
      notice: {
        target,
        reply: { audience: target.type === "person" ? "caller" : "channel", blocks, locale },
      },
    });
  }

  private async blocksFor(
    kind: ReminderKind,
    reminders: OutboxReminder[],
    target: ReminderTarget,
    locale: Locale,
    group: OutboxReminder[],
  ): Promise<ReplyBlock[]> {
    switch (kind) {
      case "meeting":
        return this.meetingBlocks(reminders, locale);
      case "digest":
        return this.digestBlocks(reminders, locale);
      case "prep":
        return target.type === "person" ? this.prepBlocks(reminders, target, locale) : [];
      case "due":
      case "overdue":
        return this.actionBlocks(kind, reminders, locale, spansCouncils(group));
      case "minutes-due":
      case "approval-due":
        return target.type === "person" ? this.minutesBlocks(reminders, target, locale) : [];
    }
  }

  /** "Påminnelse: Reglab har möte imorgon, tisdag 30 maj kl. 13.00." with agenda and documents. */
  private async meetingBlocks(reminders: OutboxReminder[], locale: Locale): Promise<ReplyBlock[]> {
    const blocks: ReplyBlock[] = [];
    for (const reminder of reminders) {
      const { payload } = reminder;
      if (payload.kind !== "meeting") continue;
      const found = this.liveMeeting(reminder, payload.meetingId, payload.startsAt);
      if (!found) continue;
      const { meeting, council } = found;
      const context = this.replyContext(locale, council);
      blocks.push({
        type: "text",
        text: context.t.t("reminder.meeting", {
          council: council.name,
          lead: leadPhrase(payload.lead, meeting, council, this.now, context),
          meeting: describeMeeting(meeting, context),
        }),
      });
      blocks.push(...(await meetingDetails(this.deps, meeting, context)));
    }
    return blocks;
  }

  /**
   * Protocol mode (architecture.md §12): "compile the minutes" to a secretary; "approve them by …" to
   * a signer who has not, with a Justera button for that meeting.
   */
  private async minutesBlocks(
    reminders: OutboxReminder[],
    target: Extract<ReminderTarget, { type: "person" }>,
    locale: Locale,
  ): Promise<ReplyBlock[]> {
    const blocks: ReplyBlock[] = [];
    for (const reminder of reminders) {
      const { payload } = reminder;
      if (payload.kind !== "minutes-due" && payload.kind !== "approval-due") continue;
      const found = this.liveMinutes(reminder, payload, target.person.id);
      if (!found) continue;
      const { meeting, council, deadline } = found;
      const { t, dates } = this.replyContext(locale, council);
      const params = {
        council: council.name,
        meeting: formatDayMonth(meeting.startsAt, dates),
        // The commands name the meeting by its ISO date, as the button does: one form that
        // reads the same in either language and any year.
        date: payload.meetingDate,
        deadline: formatWeekdayDayMonth(deadline, dates),
      };
      if (payload.kind === "minutes-due") {
        blocks.push({ type: "text", text: t.t("reminder.minutes-due", params) });
        continue;
      }
      const today = localDateOf(this.now, council.timeZone);
      const text =
        compareLocalDates(today, deadline) > 0
          ? t.t("reminder.approval-passed", params)
          : t.t("reminder.approval-due", { ...params, left: inDays(today, deadline, t) });
      blocks.push({ type: "text", text });
      blocks.push({
        type: "buttons",
        buttons: [
          {
            label: t.t("button.approve"),
            command: `approve ${payload.meetingDate}`,
            councilId: council.id,
            style: "primary",
          },
        ],
      });
    }
    return blocks;
  }

  /** The council's open actions, overdue ones marked, with Klar and Skjut upp buttons. */
  private async digestBlocks(reminders: OutboxReminder[], locale: Locale): Promise<ReplyBlock[]> {
    const [reminder] = reminders;
    if (reminders.length > 1) this.skip(reminders.slice(1), "superseded");
    if (!reminder) return [];
    if (isDigestLate(reminder.dueAt, this.now)) {
      this.skip([reminder], "too-late");
      return [];
    }
    const council = this.council(reminder.councilId);
    if (!council) return [];
    const { actions } = this.deps.store;
    const filter = { councilIds: [council.id] };
    const listed = await actions.open({ ...filter, limit: LIST_LIMIT });
    if (listed.length === 0) {
      this.skip([reminder], "nothing-open");
      return [];
    }
    const context = this.replyContext(locale, council);
    const entries = actionEntries(listed, context);
    // A list shorter than the limit is all of them: counted here, not asked of the store again.
    const all = listed.length < LIST_LIMIT;
    const open = all ? listed.length : await actions.countOpen(filter);
    const overdue = all
      ? entries.filter((entry) => entry.overdue).length
      : await actions.countOpen({ ...filter, dueBefore: startOfToday(this.now, council.timeZone) });
    return [
      {
        type: "actions",
        title: context.t.t("reminder.digest-title", { council: council.name, open, overdue }),
        actions: entries,
        ...(open > listed.length
          ? { more: context.t.t("actions.more", { count: open - listed.length }) }
          : {}),
      },
    ];
  }

  /** Before a meeting: all the person's open actions in that council. */
  private async prepBlocks(
    reminders: OutboxReminder[],
    target: Extract<ReminderTarget, { type: "person" }>,
    locale: Locale,
  ): Promise<ReplyBlock[]> {
    const blocks: ReplyBlock[] = [];
    for (const reminder of reminders) {
      const { payload } = reminder;
      if (payload.kind !== "prep") continue;
      const found = this.liveMeeting(reminder, payload.meetingId, payload.startsAt);
      if (!found) continue;
      const { meeting, council } = found;
      const filter = { councilIds: [council.id], assigneeId: target.person.id };
      const listed = await this.deps.store.actions.open({ ...filter, limit: LIST_LIMIT });
      if (listed.length === 0) {
        this.skip([reminder], "nothing-open");
        continue;
      }
      const count =
        listed.length < LIST_LIMIT
          ? listed.length
          : await this.deps.store.actions.countOpen(filter);
      const context = this.replyContext(locale, council);
      blocks.push({
        type: "actions",
        title: context.t.t("reminder.prep-title", {
          council: council.name,
          meeting: describeMeeting(meeting, context),
          count,
        }),
        actions: actionEntries(listed, context),
      });
    }
    return blocks;
  }

  /** The person's actions due now, or overdue; each still open and still due that day. */
  private actionBlocks(
    kind: "due" | "overdue",
    reminders: OutboxReminder[],
    locale: Locale,
    withCouncil: boolean,
  ): ReplyBlock[] {
    const { actions } = this.subjects;
    const live: ActionRecord[] = [];
    for (const reminder of reminders) {
      const { payload } = reminder;
      if (!("actions" in payload)) continue;
      const reasons: string[] = [];
      for (const item of payload.actions) {
        const action = actions.get(item.actionId);
        const reason = this.whyNotSent(kind, item, payload.on, action);
        if (reason) reasons.push(reason);
        else if (action && !live.includes(action)) live.push(action);
      }
      // A row goes when any of its actions still applies; else it is skipped with the reason.
      if (reasons.length === payload.actions.length) this.skip([reminder], reasons[0] ?? "gone");
    }
    const [first] = live;
    if (!first) return [];
    const council = this.council(first.councilId);
    if (!council) return [];
    const context = this.replyContext(locale, council);
    return [
      {
        type: "actions",
        title: context.t.t(kind === "due" ? "reminder.due-title" : "reminder.overdue-title"),
        actions: actionEntries(live.slice(0, LIST_LIMIT), context, { withCouncil }),
        ...(live.length > LIST_LIMIT
          ? { more: context.t.t("actions.more", { count: live.length - LIST_LIMIT }) }
          : {}),
      },
    ];
  }

  /** Why an action of a due or overdue row is no longer to be reminded of, or null. */
  private whyNotSent(
    kind: "due" | "overdue",
    item: RemindedAction,
    on: string,
    action: ActionRecord | undefined,
  ): string | null {
    const council = action ? this.council(action.councilId) : null;
    if (!action || !council) return "gone";
    return (
      staleAction(action, item.due, council) ?? lateAction(kind, item.due, on, this.now, council)
    );
  }

  private liveMeeting(
    reminder: OutboxReminder,
    meetingId: string,
    startsAt: string,
  ): { meeting: MeetingRecord; council: CouncilRecord } | null {
    const meeting = this.subjects.meetings.get(meetingId);
    const council = this.council(reminder.councilId);
    const reason =
      !meeting || !council || meeting.status === "cancelled"
        ? "meeting-cancelled"
        : meeting.startsAt.toISOString() !== startsAt
          ? "meeting-moved"
          : this.now >= reminderCutoff(meeting, council.timeZone)
            ? "meeting-started"
            : null;
    if (reason || !meeting || !council) {
      this.skip([reminder], reason ?? "meeting-cancelled");
      return null;
    }
    return { meeting, council };
  }

  /**
   * The meeting of a deadline reminder and its approval deadline as they are now, or null (and
   * the row skipped) when the reminder no longer applies: the meeting cancelled, the council
   * back in notes mode, the minutes approved, or what staleMinutesReminder finds.
   */
  private liveMinutes(
    reminder: OutboxReminder,
    payload: MinutesReminderPayload,
    personId: string,
  ): { meeting: MeetingRecord; council: CouncilRecord; deadline: LocalDate } | null {
    const meeting = this.subjects.meetings.get(payload.meetingId);
    const council = this.council(reminder.councilId);
    const minutes = this.subjects.minutes.get(payload.meetingId);
    const settings = council && this.subjects.settings.get(council.id);
    if (!meeting || !council || !settings || !minutes || meeting.status === "cancelled") {
      this.skip([reminder], "meeting-cancelled");
      return null;
    }
    const { approvalDeadlineDays } = settings;
    const meetingDate = localDateOf(meeting.startsAt, council.timeZone);
    const reason =
      council.mode !== "protocol"
        ? "notes-mode"
        : meeting.minutesStatus !== "draft"
          ? "minutes-approved"
          : staleMinutesReminder(payload, personId, {
              meetingDate,
              approvalDays: approvalDeadlineDays,
              today: localDateOf(this.now, council.timeZone),
              minutes,
            });
    if (reason) {
      this.skip([reminder], reason);
      return null;
    }
    return { meeting, council, deadline: approvalDeadline(meetingDate, approvalDeadlineDays) };
  }

  private target(reminder: OutboxReminder): ReminderTarget | null {
    const recipient = parseRecipient(reminder.recipient);
    const { councilId } = reminder;
    if (recipient.type === "channel") {
      const place = this.subjects.places.get(recipient.bindingId);
      return place ? { type: "channel", councilId, place } : null;
    }
    const person = this.subjects.people.get(recipient.personId);
    return person ? { type: "person", councilId, person } : null;
  }

  private council(id: string): CouncilRecord | null {
    return this.subjects.councils.get(id) ?? null;
  }

  private replyContext(locale: Locale, council: CouncilRecord): ReplyContext {
    const dates = { locale, timeZone: council.timeZone, now: this.now };
    return { now: this.now, t: createTranslator(locale), dates };
  }

  private readonly skippedIds = new Set<string>();

  private skip(reminders: OutboxReminder[], reason: string): void {
    const ids = reminders.map(({ id }) => id).filter((id) => !this.skippedIds.has(id));
    if (ids.length === 0) return;
    for (const id of ids) this.skippedIds.add(id);
    this.composition.skipped.push({ ids, reason });
  }

  private isSkipped(id: string): boolean {
    return this.skippedIds.has(id);
  }
}

/** Why an action's due or overdue reminder no longer applies, or null when it does. */
function staleAction(
  action: ActionRecord,
  plannedDue: string,
  council: CouncilRecord,
): string | null {
  if (action.removedAt !== null) return "action-removed";
  if (action.status !== "open") return `action-${action.status}`;
  const due = action.dueAt ? isoDate(localDateOf(action.dueAt, council.timeZone)) : null;
  return plannedDue !== due ? "action-postponed" : null;
}

/**
 * The planner's lateness rules, again at sending time, for a row that waited (retries, a
 * platform that was away): a due reminder after its due date, an overdue one a week on.
 */
function lateAction(
  kind: "due" | "overdue",
  due: string,
  on: string,
  now: Date,
  council: CouncilRecord,
): string | null {
  const today = isoDate(localDateOf(now, council.timeZone));
  if (kind === "due") return today > due ? "due-date-passed" : null;
  return today >= isoDate(addDays(fromIsoDate(on), 7)) ? "superseded" : null;
}

/** "om 7 dagar", "imorgon", "idag", "om 10 minuter". */
function leadPhrase(
  lead: Lead,
  meeting: MeetingRecord,
  council: CouncilRecord,
  now: Date,
  context: ReplyContext,
): string {
  const { t } = context;
  // An all-day meeting has no start to count minutes to: it is today or tomorrow.
  if (lead.unit === "minutes" && meeting.hasTime) {
    const minutes = Math.max(1, Math.round((meeting.startsAt.getTime() - now.getTime()) / 60_000));
    return t.t("reminder.lead-minutes", { count: minutes });
  }
  return inDays(
    localDateOf(now, council.timeZone),
    localDateOf(meeting.startsAt, council.timeZone),
    t,
  );
}

/** "om 3 dagar", "imorgon", "idag" (also for a day already past): from today to the day. */
function inDays(today: LocalDate, day: LocalDate, t: Translator): string {
  return t.t("reminder.lead-days", { count: Math.max(0, toEpochDay(day) - toEpochDay(today)) });
}

function spansCouncils(group: OutboxReminder[]): boolean {
  return new Set(group.map(({ councilId }) => councilId)).size > 1;
}
