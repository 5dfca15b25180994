import {
  addDays,
  compareLocalDates,
  fromEpochDay,
  isoDate,
  isoWeekday,
  toEpochDay,
  weekdayOf,
} from "../dates/local-date.js";
import { isSwedishHoliday } from "../dates/swedish-holidays.js";
import {
  LONGEST_DAYS_OFF,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
} from "../dates/working-days.js";
import { localDateOf, toInstant } from "../dates/zoned-time.js";
import { groupBy } from "../group-by.js";
import type { LocalDate, LocalTime, Platform } from "../types.js";
import {
  approvalDeadline,
  awaitingApproval,
  isSuperseded,
  LAST_REMINDER_DAYS,
  minutesOccasions,
  type PlanningMinutes,
} from "./minutes-deadlines.js";
import { intoWindow } from "./quiet-window.js";
import { channelRecipient, personRecipient } from "./recipient.js";
import { type MeetingStart, reminderCutoff } from "./reminder-cutoff.js";
import type { Lead, ReminderSettings } from "./reminder-settings.js";

// architecture.md §5 as a pure function of (now, stored state): which reminders fell due in the
// planning window (since, now], and which of those are no longer worth sending.

export type ReminderKind =
  | "meeting"
  | "prep"
  | "due"
  | "overdue"
  | "digest"
  | "minutes-due"
  | "approval-due";

/** Why a reminder that fell due is not sent; kept on its row for the secretary to see. */
export type StaleReason = "meeting-started" | "due-date-passed" | "superseded" | "too-late";

export interface PlanningChannel {
  bindingId: string;
  platform: Platform;
}

export interface PlanningCouncil {
  id: string;
  timeZone: string;
  settings: ReminderSettings;
  channels: PlanningChannel[];
}

/** A planned (not cancelled) meeting. */
export interface PlanningMeeting extends MeetingStart {
  id: string;
  councilId: string;
}

export interface PlanningAssignee {
  personId: string;
  platform: Platform;
}

/** An open action. */
export interface PlanningAction {
  id: string;
  councilId: string;
  /** Local midnight of the due date in the council's zone. */
  dueAt: Date | null;
  assignees: PlanningAssignee[];
}

export interface PlanningState {
  councils: PlanningCouncil[];
  meetings: PlanningMeeting[];
  actions: PlanningAction[];
  /** Protocol-mode minutes not yet approved (architecture.md §12); absent: none. */
  minutes?: PlanningMinutes[];
}

/** What the message needs to say, and to check at sending time that it still holds. */
export type ReminderPayload =
  | { kind: "meeting"; meetingId: string; startsAt: string; lead: Lead }
  | { kind: "prep"; meetingId: string; startsAt: string }
  /** `on`: the local day it reminds on (the due date, or the working day before a day off). */
  | { kind: "due"; actionId: string; due: string; on: string }
  /** `on`: the local day of this week's overdue reminder. */
  | { kind: "overdue"; actionId: string; due: string; on: string }
  | { kind: "digest"; date: string }
  /** To a secretary: the minutes of the meeting held on `meetingDate` are not compiled. */
  | { kind: "minutes-due"; meetingId: string; meetingDate: string; on: string }
  /** To a signer: approve the minutes of `meetingDate` by `deadline` (local dates). */
  | { kind: "approval-due"; meetingId: string; meetingDate: string; deadline: string; on: string };

export interface PlannedReminder {
  /** What, for whom, for which occasion: the outbox never holds two rows with one key. */
  key: string;
  councilId: string;
  /** `channel:<binding id>` or `person:<person id>`. */
  recipient: string;
  platform: Platform;
  /** The meeting or action it is about; the council for a digest. */
  subjectId: string;
  /** When it goes out: its time by the rules, moved into the council's hours. */
  dueAt: Date;
  payload: ReminderPayload;
}

export interface StaleReminder extends PlannedReminder {
  reason: StaleReason;
}

export interface ReminderPlan {
  due: PlannedReminder[];
  stale: StaleReminder[];
}

/** How far back planning reaches after downtime; older occasions are let go unrecorded. */
export const MAX_CATCH_UP_MS = 7 * 86_400_000;
/** A fresh installation plans from one minute back, not from the beginning of time. */
const FIRST_WINDOW_MS = 60_000;
/**
 * The most the council's hours move a reminder forward, in days: from the evening before the
 * longest run of days off to the morning after it, and a day's margin.
 */
const MAX_SHIFT_DAYS = LONGEST_DAYS_OFF + 2;
/** A weekly digest more than a day late is old news. */
const DIGEST_LATENESS_MS = 86_400_000;

export function isDigestLate(dueAt: Date, now: Date): boolean {
  return now.getTime() - dueAt.getTime() > DIGEST_LATENESS_MS;
}

/**
 * The earliest start of a meeting whose deadline reminders can fall in a window opening at
 * `since`: the last is LAST_REMINDER_DAYS after it, the council's hours may move it on by
 * Christmas, and a day more covers the zone's offset from UTC.
 */
export function minutesReach(since: Date): Date {
  return new Date(since.getTime() - (LAST_REMINDER_DAYS + MAX_SHIFT_DAYS + 1) * 86_400_000);
}

/** Where this tick's window starts: where the last one ended, within the catch-up horizon. */
export function planningStart(plannedThrough: Date | null, now: Date): Date {
  if (plannedThrough === null) return new Date(now.getTime() - FIRST_WINDOW_MS);
  return new Date(Math.max(plannedThrough.getTime(), now.getTime() - MAX_CATCH_UP_MS));
}

/** The open actions a planning window needs (see actionsNeeded). */
export interface ActionsNeeded {
  /** Councils with a daily reminder moment, or a pre-meeting actions reminder, in the window. */
  councils: Set<string>;
  /**
   * Of those, the councils whose every open action is needed: a pre-meeting reminder goes to
   * each assignee. The others' reminders about actions are due and overdue ones, which only
   * actions due before `dueBefore` can have.
   */
  everyAction: Set<string>;
  dueBefore: Date;
}

/**
 * The open actions this window needs: of councils with a daily reminder moment in it (their
 * reminder time, or their hours opening), those due before `dueBefore`; of councils with a
 * pre-meeting actions reminder in it, all. A 09:00 tick then leaves unread the actions due
 * weeks ahead, which have nothing due. An action's due reminder goes on the working day on
 * or before its due date, at most LONGEST_DAYS_OFF days before; it is due in the window only
 * once that day has come, so its due date is at most LONGEST_DAYS_OFF days after today, and
 * its due instant (local midnight) within a day more of now, plus one for a DST change.
 */
export function actionsNeeded(
  now: Date,
  since: Date,
  councils: PlanningCouncil[],
  meetings: PlanningMeeting[],
): ActionsNeeded {
  const needed: ActionsNeeded = {
    councils: new Set(),
    everyAction: new Set(),
    dueBefore: new Date(now.getTime() + (LONGEST_DAYS_OFF + 2) * 86_400_000),
  };
  const byId = new Map(councils.map((council) => [council.id, council]));
  for (const council of councils) {
    if (!council.settings.enabled) continue;
    const moments = [council.settings.at, council.settings.window?.from].filter(
      (time): time is LocalTime => time !== undefined,
    );
    if (moments.some((time) => momentIn(time, council.timeZone, since, now)))
      needed.councils.add(council.id);
  }
  for (const meeting of meetings) {
    const council = byId.get(meeting.councilId);
    const lead = council?.settings.actionsLead;
    if (council?.settings.enabled && lead && within(leadFire(meeting, lead, council), since, now)) {
      needed.councils.add(council.id);
      needed.everyAction.add(council.id);
    }
  }
  return needed;
}

/**
 * Each schedule's reminder days in one window (see reminderDays) and what they mean for an
 * action due at a given instant, by zone, time and hours: councils with the same schedule
 * (most of them) share them, and actions due the same day share their occasions. Pass one map
 * to the calls that plan one window slice by slice, so that each is worked out once.
 */
export type ScheduleDays = Map<string, Schedule>;

interface Schedule {
  fires: Map<number, Date>;
  /** By the due instant (epoch ms). */
  occasions: Map<number, ActionOccasions>;
}

/** An action's due and overdue reminders in the window, for a due instant. */
interface ActionOccasions {
  /** The due date, ISO. */
  due: string;
  /** The due reminder, when its moment is in the window. */
  dueOn: (Occasion & { on: string }) | null;
  overdue: Array<Occasion & { on: string }>;
}

export function planReminders(
  now: Date,
  since: Date,
  state: PlanningState,
  schedules: ScheduleDays = new Map(),
): ReminderPlan {
  const plan: ReminderPlan = { due: [], stale: [] };
  const meetingsOf = groupBy(state.meetings, (meeting) => meeting.councilId);
  const actionsOf = groupBy(state.actions, (action) => action.councilId);
  const minutesOf = groupBy(state.minutes ?? [], (minutes) => minutes.councilId);
  for (const council of state.councils) {
    if (!council.settings.enabled) continue;
    const { timeZone, settings } = council;
    const key = JSON.stringify([timeZone, settings.at, settings.window]);
    let schedule = schedules.get(key);
    if (!schedule) {
      schedule = { fires: reminderDays(council, now, since), occasions: new Map() };
      schedules.set(key, schedule);
    }
    const planner = new CouncilPlanner(council, now, since, plan, schedule);
    const actions = actionsOf.get(council.id) ?? [];
    for (const meeting of meetingsOf.get(council.id) ?? []) planner.meeting(meeting, actions);
    for (const action of actions) planner.action(action);
    for (const minutes of minutesOf.get(council.id) ?? []) planner.minutes(minutes);
    planner.digest();
  }
  return plan;
}

interface Occasion {
  fire: Date;
  reason: StaleReason | null;
}

class CouncilPlanner {
  private readonly settings: ReminderSettings;
  private readonly today: LocalDate;
  constructor(
    private readonly council: PlanningCouncil,
    private readonly now: Date,
    private readonly since: Date,
    private readonly plan: ReminderPlan,
    private readonly schedule: Schedule,
  ) {
    this.settings = council.settings;
    this.today = localDateOf(now, council.timeZone);
  }

  /** "Meeting in 7 days / tomorrow" to the channels; "your open actions" to each assignee. */
  meeting(meeting: PlanningMeeting, actions: PlanningAction[]): void {
    const startsAt = meeting.startsAt.toISOString();
    const cutoff = reminderCutoff(meeting, this.council.timeZone);
    const started = (fire: Date) =>
      this.now >= cutoff || fire >= cutoff ? "meeting-started" : null;
    const leads = distinctLeads(this.settings.meetingLeads)
      .map((lead) => {
        const nominal = leadNominal(meeting, lead, this.council);
        const fire = intoWindow(nominal, this.settings.window, this.council.timeZone);
        return { lead, nominal, fire };
      })
      .filter(({ fire }) => within(fire, this.since, this.now));
    // One "meeting coming" per window: the latest; of leads the council's hours move to one
    // moment (2 and 1 days before a Monday meeting, both at Monday's opening), the nearest.
    const sent = leads.reduce<(typeof leads)[number] | undefined>(
      (best, lead) =>
        !best ||
        lead.fire > best.fire ||
        (lead.fire.getTime() === best.fire.getTime() && lead.nominal > best.nominal)
          ? lead
          : best,
      undefined,
    );
    for (const entry of leads) {
      const { lead, fire } = entry;
      const reason = started(fire) ?? (entry === sent ? null : "superseded");
      for (const channel of this.council.channels) {
        this.add({ fire, reason }, channelReminder(this.council.id, channel, meeting.id), {
          key: `meeting:${meeting.id}:${startsAt}:${leadCode(lead)}:${channel.bindingId}`,
          payload: { kind: "meeting", meetingId: meeting.id, startsAt, lead },
        });
      }
    }
    const lead = this.settings.actionsLead;
    if (!lead) return;
    const fire = leadFire(meeting, lead, this.council);
    if (!within(fire, this.since, this.now)) return;
    for (const assignee of distinctAssignees(actions)) {
      this.add(
        { fire, reason: started(fire) },
        personReminder(this.council.id, assignee, meeting.id),
        {
          key: `prep:${meeting.id}:${startsAt}:${assignee.personId}`,
          payload: { kind: "prep", meetingId: meeting.id, startsAt },
        },
      );
    }
  }

  /**
   * Due: the morning of the due date (the working day before, when it is a weekend day or a
   * holiday); overdue: the next working day, then weekly, a week's day off moving it on.
   */
  action(action: PlanningAction): void {
    if (!action.dueAt) return;
    const { due, dueOn, overdue } = this.occasionsOf(action.dueAt);
    if (dueOn) {
      for (const assignee of action.assignees) {
        this.add(dueOn, personReminder(this.council.id, assignee, action.id), {
          key: `due:${action.id}:${due}:${assignee.personId}`,
          payload: { kind: "due", actionId: action.id, due, on: dueOn.on },
        });
      }
    }
    for (const occasion of overdue) {
      for (const assignee of action.assignees) {
        this.add(occasion, personReminder(this.council.id, assignee, action.id), {
          key: `overdue:${action.id}:${due}:${occasion.on}:${assignee.personId}`,
          payload: { kind: "overdue", actionId: action.id, due, on: occasion.on },
        });
      }
    }
  }

  /** An action's occasions by its due instant: worked out once per schedule and instant. */
  private occasionsOf(dueAt: Date): ActionOccasions {
    let found = this.schedule.occasions.get(dueAt.getTime());
    if (!found) {
      found = this.actionOccasions(dueAt);
      this.schedule.occasions.set(dueAt.getTime(), found);
    }
    return found;
  }

  private actionOccasions(dueAt: Date): ActionOccasions {
    const dueDate = localDateOf(dueAt, this.council.timeZone);
    const remindOn = workingDayOnOrBefore(dueDate);
    const dueFire = this.schedule.fires.get(toEpochDay(remindOn));
    const passed = compareLocalDates(this.today, dueDate) > 0 ? "due-date-passed" : null;
    const first = toEpochDay(workingDayOnOrAfter(addDays(dueDate, 1)));
    const occasions = this.firesWhere(
      (day) => day >= first && weeklyOn(day - ((day - first) % 7)) === day,
    );
    return {
      due: isoDate(dueDate),
      dueOn: dueFire ? { fire: dueFire, reason: passed, on: isoDate(remindOn) } : null,
      overdue: occasions.map(({ date, fire }, index) => ({
        fire,
        reason: index < occasions.length - 1 ? "superseded" : null,
        on: isoDate(date),
      })),
    };
  }

  /**
   * Protocol mode: the secretary while the minutes are not compiled, each signer while they have
   * not approved, privately at the council's reminder time. Of a kind's reminders that came due
   * together (after downtime, or moved by the hours onto the next one's day) only the latest
   * goes, as with meeting reminders: the others are superseded.
   */
  minutes(minutes: PlanningMinutes): void {
    const { timeZone } = this.council;
    const days = this.settings.approvalDeadlineDays;
    const meetingDate = localDateOf(minutes.startsAt, timeZone);
    const meetingDay = isoDate(meetingDate);
    const deadline = isoDate(approvalDeadline(meetingDate, days));
    for (const occasion of minutesOccasions(meetingDate, days)) {
      const nominal = toInstant(occasion.on, this.settings.at, timeZone);
      const fire = intoWindow(nominal, this.settings.window, timeZone);
      if (!within(fire, this.since, this.now)) continue;
      const reason = isSuperseded(occasion, this.today) ? "superseded" : null;
      const on = isoDate(occasion.on);
      const toCompile = occasion.kind === "minutes-due";
      const recipients = toCompile
        ? minutes.compiled
          ? []
          : minutes.secretaries
        : awaitingApproval(minutes);
      for (const person of recipients) {
        this.add({ fire, reason }, personReminder(this.council.id, person, minutes.meetingId), {
          key: toCompile
            ? `minutes-due:${minutes.meetingId}:${meetingDay}:${on}:${person.personId}`
            : `approval-due:${minutes.meetingId}:${meetingDay}:${deadline}:${on}:${person.personId}`,
          payload: toCompile
            ? { kind: "minutes-due", meetingId: minutes.meetingId, meetingDate: meetingDay, on }
            : {
                kind: "approval-due",
                meetingId: minutes.meetingId,
                meetingDate: meetingDay,
                deadline,
                on,
              },
        });
      }
    }
  }

  /**
   * The weekly digest of open and overdue actions, to the channels. On a holiday it goes the
   * next working day (annandag påsk's on the Tuesday): the list is still this week's news,
   * and nobody reads the channel on julafton. A council that chose a Saturday or a Sunday
   * keeps it there on an ordinary weekend.
   */
  digest(): void {
    const day = this.settings.digestDay;
    if (day === null) return;
    const occasions = this.firesWhere((epochDay) => {
      const sinceDigestDay = (isoWeekday(weekdayOf(fromEpochDay(epochDay))) - day + 7) % 7;
      return weeklyOn(epochDay - sinceDigestDay) === epochDay;
    });
    for (const [index, { date, fire }] of occasions.entries()) {
      const late = isDigestLate(fire, this.now);
      // An older week's digest is superseded by the newer one (and is always a week late).
      const reason = index < occasions.length - 1 ? "superseded" : late ? "too-late" : null;
      for (const channel of this.council.channels) {
        this.add({ fire, reason }, channelReminder(this.council.id, channel, this.council.id), {
          key: `digest:${this.council.id}:${isoDate(date)}:${channel.bindingId}`,
          payload: { kind: "digest", date: isoDate(date) },
        });
      }
    }
  }

  /** The window's reminder days that match, oldest first. */
  private firesWhere(
    matches: (epochDay: number) => boolean,
  ): Array<{ date: LocalDate; fire: Date }> {
    return [...this.schedule.fires]
      .filter(([epochDay]) => matches(epochDay))
      .map(([epochDay, fire]) => ({ date: fromEpochDay(epochDay), fire }));
  }

  private add(
    occasion: Occasion,
    target: Pick<PlannedReminder, "councilId" | "recipient" | "platform" | "subjectId">,
    what: Pick<PlannedReminder, "key" | "payload">,
  ): void {
    // Built field by field: a 09:00 tick makes tens of thousands of these.
    const reminder: PlannedReminder = {
      key: what.key,
      councilId: target.councilId,
      recipient: target.recipient,
      platform: target.platform,
      subjectId: target.subjectId,
      dueAt: occasion.fire,
      payload: what.payload,
    };
    if (occasion.reason === null) this.plan.due.push(reminder);
    else this.plan.stale.push(Object.assign(reminder, { reason: occasion.reason }));
  }
}

/**
 * The days whose day-based reminders (at the council's time, moved into its hours) fall in
 * the window, by epoch day, oldest first: worked out once per schedule, so that each of
 * thousands of actions costs a lookup, not zone arithmetic. A day's reminder goes at or after
 * its time that day, and the hours move it forward by at most a weekend: earlier days cannot
 * land in the window.
 */
function reminderDays(council: PlanningCouncil, now: Date, since: Date): Map<number, Date> {
  const { timeZone, settings } = council;
  const fires = new Map<number, Date>();
  const last = toEpochDay(localDateOf(now, timeZone));
  for (let day = toEpochDay(localDateOf(since, timeZone)) - MAX_SHIFT_DAYS; day <= last; day += 1) {
    const nominal = toInstant(fromEpochDay(day), settings.at, timeZone);
    const fire = intoWindow(nominal, settings.window, timeZone);
    if (within(fire, since, now)) fires.set(day, fire);
  }
  return fires;
}

function channelReminder(councilId: string, channel: PlanningChannel, subjectId: string) {
  return {
    councilId,
    recipient: channelRecipient(channel.bindingId),
    platform: channel.platform,
    subjectId,
  };
}

function personReminder(councilId: string, assignee: PlanningAssignee, subjectId: string) {
  return {
    councilId,
    recipient: personRecipient(assignee.personId),
    platform: assignee.platform,
    subjectId,
  };
}

/** When a meeting's reminder with this lead goes out, in the council's hours. */
function leadFire(meeting: PlanningMeeting, lead: Lead, council: PlanningCouncil): Date {
  return intoWindow(leadNominal(meeting, lead, council), council.settings.window, council.timeZone);
}

/** When a meeting's reminder with this lead would go out without the council's hours. */
function leadNominal(meeting: PlanningMeeting, lead: Lead, council: PlanningCouncil): Date {
  const { timeZone, settings } = council;
  return lead.unit === "days"
    ? toInstant(
        addDays(localDateOf(meeting.startsAt, timeZone), -lead.amount),
        settings.at,
        timeZone,
      )
    : new Date(meeting.startsAt.getTime() - lead.amount * 60_000);
}

/** Each lead once: a hand-edited setting may repeat one, and a key must not be planned twice. */
function distinctLeads(leads: Lead[]): Lead[] {
  return [...new Map(leads.map((lead) => [leadCode(lead), lead])).values()];
}

function leadCode(lead: Lead): string {
  return `${lead.amount}${lead.unit === "days" ? "d" : "m"}`;
}

/** Is `local` time of day reached in (since, now]? The window is at most a week; a day or more always is. */
function momentIn(time: LocalTime, timeZone: string, since: Date, now: Date): boolean {
  const today = localDateOf(now, timeZone);
  return [today, addDays(today, -1)].some((date) =>
    within(toInstant(date, time, timeZone), since, now),
  );
}

function within(instant: Date, since: Date, now: Date): boolean {
  return instant > since && instant <= now;
}

/**
 * The epoch day a weekly reminder whose day is `slot` goes: the next working day when the
 * slot is a holiday. Days off never run to a week, so the latest slot on or before a day is
 * the only one that can land on it.
 */
function weeklyOn(slot: number): number {
  const date = fromEpochDay(slot);
  return isSwedishHoliday(date) ? toEpochDay(workingDayOnOrAfter(date)) : slot;
}

function distinctAssignees(actions: PlanningAction[]): PlanningAssignee[] {
  const byPerson = new Map<string, PlanningAssignee>();
  for (const action of actions)
    for (const assignee of action.assignees) byPerson.set(assignee.personId, assignee);
  return [...byPerson.values()];
}
