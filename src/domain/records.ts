// What the store hands to handlers: plain data in the domain's words, never Prisma rows.
import type {
  ActionStatus,
  CouncilMode,
  ItemKind,
  Locale,
  MeetingStatus,
  MinutesStatus,
  Platform,
  Procedure,
  Role,
} from "./types.js";

/** Where a command was typed: a channel of a workspace (Slack team, Teams tenant) on a platform. */
export interface Place {
  platform: Platform;
  workspaceId: string;
  channelId: string;
  /**
   * The channel's name as the platform gave it with the command (Slack `#kanal`, a Teams
   * channel's name), kept with the binding for replies that name the channel; not part of the key.
   */
  name?: string;
}

/** Who typed it, as the platform names them. */
export interface Identity {
  platform: Platform;
  workspaceId: string;
  externalId: string;
  displayName: string;
  /**
   * The name is what the store held when the command came (Slack's commands carry only ids),
   * not news from the platform: it never renames the person, so that a name stored meanwhile
   * (Slack's newer one, from the background refresh) is not put back.
   */
  nameFromStore?: boolean;
}

export interface PersonRecord extends Identity {
  id: string;
  locale: Locale | null;
}

export interface CouncilRecord {
  id: string;
  name: string;
  locale: Locale;
  timeZone: string;
  mode: CouncilMode;
}

export interface MeetingRecord {
  id: string;
  councilId: string;
  startsAt: Date;
  hasTime: boolean;
  place: string | null;
  documentsUrl: string | null;
  lede: string | null;
  status: MeetingStatus;
  minutesStatus: MinutesStatus;
  approvedAt: Date | null;
  publishedAt: Date | null;
}

export interface ItemRecord {
  id: string;
  councilId: string;
  meetingId: string;
  ref: number;
  kind: ItemKind;
  heading: string;
  text: string;
  position: number;
  paragraph: number | null;
  /** Protocol mode: the procedural § it is, if one. */
  procedure: Procedure | null;
  /** Protocol mode: the vote on a decision. */
  vote: { yes: number; no: number; abstain: number | null } | null;
  /** Protocol mode: declared omedelbart justerad. */
  immediate: boolean;
  removedAt: Date | null;
}

export interface ActionRecord {
  id: string;
  councilId: string;
  councilName: string;
  meetingId: string | null;
  itemRef: number | null;
  ref: number;
  text: string;
  dueAt: Date | null;
  status: ActionStatus;
  assignees: PersonRecord[];
  removedAt: Date | null;
  origin: ActionOrigin;
}

/**
 * Where an action came from (architecture.md §11): the decision it belongs to (its § and its meeting's
 * start), the meeting it was given at (or whose item it was tied to), or the council itself,
 * given between meetings.
 */
export type ActionOrigin =
  | { kind: "decision"; paragraph: number; meetingStartsAt: Date }
  | { kind: "meeting"; meetingStartsAt: Date }
  | { kind: "council" };

export interface MembershipRecord {
  person: PersonRecord;
  role: Role;
}

export interface SearchHit {
  item: ItemRecord;
  meetingStartsAt: Date;
}
