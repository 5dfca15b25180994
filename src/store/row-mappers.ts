// Prisma rows → domain records. Enumerations are stored as strings; the schema's comments
// name their values and only the store writes them, so the casts here are the one place
// where a stored string becomes a domain type.
import type {
  ActionOrigin,
  ActionRecord,
  CouncilRecord,
  ItemRecord,
  MeetingRecord,
  PersonRecord,
} from "../domain/records.js";
import type {
  ActionStatus,
  CouncilMode,
  ItemKind,
  Locale,
  MeetingStatus,
  MinutesStatus,
  Platform,
  Procedure,
} from "../domain/types.js";
import type {
  Action,
  ActionAssignee,
  Council,
  Item,
  Meeting,
  Person,
} from "../generated/prisma/client.js";

export function toCouncil(
  row: Pick<Council, "id" | "name" | "locale" | "timeZone" | "mode">,
): CouncilRecord {
  return {
    id: row.id,
    name: row.name,
    locale: row.locale as Locale,
    timeZone: row.timeZone,
    mode: row.mode as CouncilMode,
  };
}

export function toPerson(
  row: Pick<Person, "id" | "platform" | "workspaceId" | "externalId" | "displayName" | "locale">,
): PersonRecord {
  return {
    id: row.id,
    platform: row.platform as Platform,
    workspaceId: row.workspaceId,
    externalId: row.externalId,
    displayName: row.displayName,
    locale: row.locale as Locale | null,
  };
}

export function toMeeting(row: Meeting): MeetingRecord {
  return {
    id: row.id,
    councilId: row.councilId,
    startsAt: row.startsAt,
    hasTime: row.hasTime,
    place: row.place,
    documentsUrl: row.documentsUrl,
    lede: row.lede,
    status: row.status as MeetingStatus,
    minutesStatus: row.minutesStatus as MinutesStatus,
    approvedAt: row.approvedAt,
    publishedAt: row.publishedAt,
  };
}

/**
 * A row as the driver returns it to raw SQL, whatever the database: numbers may be bigints,
 * instants text, booleans numbers.
 */
type RawRow<T> = {
  [K in keyof T]: T[K] extends Date
    ? Date | string
    : T[K] extends Date | null
      ? Date | string | null
      : T[K] extends number
        ? number | bigint
        : T[K] extends number | null
          ? number | bigint | null
          : T[K] extends boolean
            ? boolean | number | bigint
            : T[K];
};

const optionalNumber = (value: number | bigint | null) => (value === null ? null : Number(value));
const optionalInstant = (value: Date | string | null) => (value === null ? null : new Date(value));

export type RawMeetingRow = RawRow<Meeting>;

/** A raw Meeting row in the types Prisma's own queries return. */
export function fromRawMeeting(row: RawMeetingRow): Meeting {
  return {
    ...row,
    hasTime: Boolean(Number(row.hasTime)),
    startsAt: new Date(row.startsAt),
    approvedAt: optionalInstant(row.approvedAt),
    publishedAt: optionalInstant(row.publishedAt),
    correctedAt: optionalInstant(row.correctedAt),
    compiledAt: optionalInstant(row.compiledAt),
    sequence: Number(row.sequence),
    scheduledAt: optionalInstant(row.scheduledAt),
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
  };
}

export type RawItemRow = RawRow<Item>;

/** A raw Item row in the types Prisma's own queries return. */
export function fromRawItem(row: RawItemRow): Item {
  return {
    ...row,
    ref: Number(row.ref),
    position: Number(row.position),
    paragraph: optionalNumber(row.paragraph),
    paragraphYear: optionalNumber(row.paragraphYear),
    voteYes: optionalNumber(row.voteYes),
    voteNo: optionalNumber(row.voteNo),
    voteAbstain: optionalNumber(row.voteAbstain),
    immediate: Boolean(Number(row.immediate)),
    removedAt: optionalInstant(row.removedAt),
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
  };
}

export function toItem(row: Item): ItemRecord {
  return {
    id: row.id,
    councilId: row.councilId,
    meetingId: row.meetingId,
    ref: row.ref,
    kind: row.kind as ItemKind,
    heading: row.heading,
    text: row.text,
    position: row.position,
    paragraph: row.paragraph,
    procedure: row.procedure as Procedure | null,
    vote:
      row.voteYes === null || row.voteNo === null
        ? null
        : { yes: row.voteYes, no: row.voteNo, abstain: row.voteAbstain },
    immediate: row.immediate,
    removedAt: row.removedAt,
  };
}

type MeetingStart = Pick<Meeting, "startsAt">;

export type ActionRow = Action & {
  council: Council;
  item: (Item & { meeting: MeetingStart }) | null;
  meeting: MeetingStart | null;
  assignees: Array<ActionAssignee & { person: Person }>;
};

/** The relations `toAction` needs, for `include:`: the meetings only for the action's origin. */
export const ACTION_INCLUDE = {
  council: true,
  item: { include: { meeting: { select: { startsAt: true } } } },
  meeting: { select: { startsAt: true } },
  assignees: { include: { person: true } },
} as const;

/**
 * architecture.md §11: under a decision, its § and meeting; else the meeting the action was given at,
 * or the meeting of the item `uppdrag #ID` tied it to; else the council's, between meetings.
 */
function originOf(
  paragraph: number | null,
  itemMeetingStartsAt: Date | null,
  meetingStartsAt: Date | null,
): ActionOrigin {
  if (paragraph !== null && itemMeetingStartsAt !== null) {
    return { kind: "decision", paragraph, meetingStartsAt: itemMeetingStartsAt };
  }
  const startsAt = meetingStartsAt ?? itemMeetingStartsAt;
  return startsAt ? { kind: "meeting", meetingStartsAt: startsAt } : { kind: "council" };
}

/** One collator for every comparison: `localeCompare(…, "sv")` looks the locale up on each call. */
const SWEDISH = new Intl.Collator("sv");

/** Assignees in Swedish alphabetical order, as every list and the minutes show them. */
function byDisplayName(a: PersonRecord, b: PersonRecord): number {
  return SWEDISH.compare(a.displayName, b.displayName);
}

export function toAction(row: ActionRow): ActionRecord {
  return {
    id: row.id,
    councilId: row.councilId,
    councilName: row.council.name,
    meetingId: row.meetingId,
    itemRef: row.item?.ref ?? null,
    ref: row.ref,
    text: row.text,
    dueAt: row.dueAt,
    status: row.status as ActionStatus,
    assignees: row.assignees.map((assignee) => toPerson(assignee.person)).sort(byDisplayName),
    removedAt: row.removedAt,
    origin: originOf(
      row.item?.paragraph ?? null,
      row.item?.meeting.startsAt ?? null,
      row.meeting?.startsAt ?? null,
    ),
  };
}

/** A row of ActionsRepository's open-actions statement: an action and one of its assignees. */
export interface ListedActionRow {
  id: string;
  councilId: string;
  councilName: string;
  meetingId: string | null;
  itemRef: number | bigint | null;
  /** The origin's parts (see originOf): the item's § and meeting, the action's meeting. */
  itemParagraph: number | bigint | null;
  itemMeetingStartsAt: Date | string | null;
  meetingStartsAt: Date | string | null;
  ref: number | bigint;
  text: string;
  dueAt: Date | string | null;
  status: string;
  removedAt: Date | string | null;
  /** Null for an action without assignees. */
  personId: string | null;
  platform: string | null;
  workspaceId: string | null;
  externalId: string | null;
  displayName: string | null;
  locale: string | null;
}

/** Rows in list order, an action's assignee rows next to each other → one record per action. */
export function toListedActions(rows: ListedActionRow[]): ActionRecord[] {
  const actions: ActionRecord[] = [];
  for (const row of rows) {
    let action = actions.at(-1);
    if (action?.id !== row.id) {
      action = {
        id: row.id,
        councilId: row.councilId,
        councilName: row.councilName,
        meetingId: row.meetingId,
        itemRef: optionalNumber(row.itemRef),
        ref: Number(row.ref),
        text: row.text,
        dueAt: optionalInstant(row.dueAt),
        status: row.status as ActionStatus,
        assignees: [],
        removedAt: optionalInstant(row.removedAt),
        origin: originOf(
          optionalNumber(row.itemParagraph),
          optionalInstant(row.itemMeetingStartsAt),
          optionalInstant(row.meetingStartsAt),
        ),
      };
      actions.push(action);
    }
    if (row.personId !== null) {
      action.assignees.push({
        id: row.personId,
        platform: row.platform as Platform,
        workspaceId: row.workspaceId ?? "",
        externalId: row.externalId ?? "",
        displayName: row.displayName ?? "",
        locale: row.locale as Locale | null,
      });
    }
  }
  for (const action of actions) action.assignees.sort(byDisplayName);
  return actions;
}
