// Vocabulary shared by every layer (architecture.md §2). Plain data, no behaviour.

export const LOCALES = ["sv", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const PLATFORMS = ["local", "slack", "teams"] as const;
export type Platform = (typeof PLATFORMS)[number];

/**
 * A person may hold several in one council: an office (secretary, chair, approver) and a place
 * in the register (member: ordinary ledamot, substitute: ersättare).
 */
export const ROLES = ["secretary", "chair", "approver", "member", "substitute"] as const;
export type Role = (typeof ROLES)[number];

/** A council keeps short notes (the "Noterat från" post) or a formal protokoll (architecture.md §12). */
export const COUNCIL_MODES = ["notes", "protocol"] as const;
export type CouncilMode = (typeof COUNCIL_MODES)[number];

/** The procedural §§ `möte` plans in protocol mode, in the order a protocol has them. */
export const PROCEDURES = [
  "opening",
  "approvers",
  "agenda",
  "previous",
  "follow-up",
  "other",
  "closing",
] as const;
export type Procedure = (typeof PROCEDURES)[number];

/** `agenda` is a planned point on a coming meeting's dagordning, not yet a minuted item. */
export const ITEM_KINDS = ["info", "discussion", "decision", "agenda"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export type MinutedItemKind = Exclude<ItemKind, "agenda">;

export const ACTION_STATUSES = ["open", "done", "cancelled"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const MINUTES_STATUSES = ["draft", "approved", "published"] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

export const MEETING_STATUSES = ["planned", "cancelled"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** A calendar date with no zone: what people type ("30 maj"). */
export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** A wall-clock time with no zone ("kl 13.00"). */
export interface LocalTime {
  hour: number;
  minute: number;
}

/** A person as a platform names them; `externalId` is the platform's user id. */
export interface Mention {
  externalId: string;
  displayName?: string;
}

/** Reads one whitespace-free token as a mention of the surface's syntax, or says it is none. */
export type MentionReader = (token: string) => Mention | undefined;
