// What the command parser hands to the handlers: one variant per command id of architecture.md §3.
import type { Lead } from "../reminders/reminder-settings.js";
import type {
  CouncilMode,
  LocalDate,
  Locale,
  LocalTime,
  Mention,
  MinutedItemKind,
  Role,
} from "../types.js";
import type { Assignee } from "./external-assignee.js";

export type ParsedCommand =
  | { id: "help" }
  | { id: "council"; name: string }
  | { id: "meeting"; date: LocalDate; time?: LocalTime; place?: string }
  | { id: "next" }
  | {
      id: "item";
      kind: MinutedItemKind;
      heading: string;
      text: string;
      /** The chat message the item was saved from ("Spara som notering"). */
      sourceUrl?: string;
    }
  /** `itemRef`: `uppdrag #12 @P …` ties the action to item #12 without joining its minutes. */
  | { id: "action"; assignees: Assignee[]; text: string; due?: LocalDate; itemRef?: number }
  | { id: "list-open" }
  | { id: "list-mine" }
  | { id: "list-overdue" }
  | { id: "list-person"; person: Assignee }
  | { id: "done"; ref: number }
  /** Without a date: a week after the due date, or after today when it has passed or is unset. */
  | { id: "postpone"; ref: number; until?: LocalDate }
  | { id: "minutes"; date?: LocalDate }
  /** With `ref`: the § approved alone at the meeting (omedelbar justering). */
  | { id: "approve"; date?: LocalDate; ref?: number }
  /**
   * With `ref`: the § approved at the meeting, published alone. `anyway`: although the
   * personal-data check found something (`publicera ändå`).
   */
  | { id: "publish"; date?: LocalDate; ref?: number; anyway?: boolean }
  /** Whether the published minutes (the latest, or that day's) still match what was approved. */
  | { id: "verify"; date?: LocalDate }
  /** One item or action in full, with its history. */
  | { id: "show"; ref: number }
  | { id: "search"; query: string }
  | { id: "role"; person: Mention; role: Role }
  | { id: "documents"; url: string }
  | { id: "lede"; text: string }
  | { id: "agenda-add"; heading: string }
  | { id: "agenda-show" }
  | { id: "edit"; ref: number; body: EditBody }
  | { id: "remove"; ref: number }
  | { id: "cancel"; date?: LocalDate }
  | { id: "move"; from?: LocalDate; to: LocalDate; time?: LocalTime }
  /** Without a code: ask for one. With a code: bind this channel to that code's council. */
  | { id: "link"; code?: string }
  | { id: "reminders-show" }
  | { id: "reminders-set"; change: ReminderChange }
  // Protocol mode (architecture.md §12).
  | { id: "mode"; mode: CouncilMode }
  | { id: "settings" }
  | { id: "register"; role: "member" | "substitute"; people: Mention[] }
  | { id: "members" }
  | { id: "attendance"; status: "present" | "absent"; people: Mention[] }
  /** `ersättare @S för @P`: S serves for P at the current meeting. */
  | { id: "serving"; substitute: Mention; member: Mention }
  /** Without people: the next in the rota. */
  | { id: "approvers"; people: Mention[] }
  | { id: "reservation"; ref: number; person: Mention; text: string }
  | { id: "remark"; ref: number; text: string }
  | { id: "conflict"; ref: number; person: Mention }
  | { id: "vote"; ref: number; yes: number; no: number; abstain?: number }
  | { id: "immediate"; ref: number }
  | { id: "notice-show" }
  | { id: "notice-set"; enabled: boolean }
  // The web archive (architecture.md §13).
  | { id: "web"; enabled: boolean }
  | { id: "rename"; name: string }
  /** The approved protocol of the meeting (the current one, or that day's) as a PDF. */
  | { id: "minutes-pdf"; date?: LocalDate }
  // Privacy (architecture.md §15).
  /** `mina uppgifter`: everything held about the caller. */
  | { id: "my-data" }
  /** `glöm @P`: asks the secretary to confirm; `ja` then forgets P in the council. */
  | { id: "forget"; person: Mention }
  /** `ja`: confirms what the caller was last asked to confirm. */
  | { id: "confirm" }
  // Items and assignees outside the chat (issue 14).
  /** `extern NAMN`: an assignee outside the chat, named `@handle` from then on. */
  | { id: "external"; name: string }
  /**
   * `ändra ID beslut|diskussion|noterat [TEXT]`: an item's kind (an agenda point becomes a
   * minuted item), and its text when given. `edit`: what `ändra` reads in the same words, for
   * when ID is an action.
   */
  | {
      id: "item-kind";
      ref: number;
      kind: MinutedItemKind;
      heading?: string;
      text?: string;
      edit: EditBody;
    }
  /** `flytta ID före ID2`: item ID just before item ID2 of the same meeting. */
  | { id: "move-item"; ref: number; before: number }
  // Administration (issue 14).
  /** `språk sv|en`: the council's language. */
  | { id: "language"; locale: Locale }
  /** `tidszon ZON`: the council's IANA zone, as the runtime names it. */
  | { id: "time-zone"; timeZone: string }
  /** `koppla bort`: this channel leaves its council; the council and its history stay. */
  | { id: "unlink" }
  /** `logg [ID]`: the audit trail, newest first: the council's, or one item's or action's. */
  | { id: "log"; ref?: number }
  /** `mitt språk sv|en`: the caller's own language, for what only they see. */
  | { id: "my-language"; locale: Locale };

export type CommandId = ParsedCommand["id"];

/**
 * `ändra ID …`: the handler applies what fits the item or action named by ID. Only an action
 * reads `senast DATUM` as a due date; an item keeps the words as text.
 */
export interface EditBody {
  /** Set when the new text was written `RUBRIK: TEXT`: an item's heading. */
  heading?: string;
  /** An item's new text, as written: "lämnas senast 30 maj" stays whole. */
  text: string;
  /** What an action gets, read as `uppdrag` reads its text. */
  action: ActionEdit;
}

export interface ActionEdit {
  /** The text before `senast DATUM` / `by DATE`; absent for `ändra 12 senast 30 maj`. */
  text?: string;
  due?: LocalDate;
  /** The words after `senast` when they name a day that does not exist ("31 juni"). */
  noSuchDate?: string;
}

/** `påminnelser …`: the settings the command named; the rest stay as they are. */
export interface ReminderChange {
  enabled?: boolean;
  /** Empty: no meeting reminders. */
  meetingLeads?: Lead[];
  actionsLead?: Lead | null;
  at?: LocalTime;
  /** 1 = Monday … 7 = Sunday; null: no weekly digest. */
  digestDay?: number | null;
  /** The hours reminders may arrive in; null: any hour. */
  hours?: { from: LocalTime; to: LocalTime } | null;
  /** Whether reminders may arrive on Saturdays and Sundays. */
  weekends?: boolean;
  /** Protocol mode: the justering deadline, in days after the meeting. */
  approvalDeadlineDays?: number;
}

export const PARSE_ERROR_CODES = [
  "empty",
  "unknown-command",
  "missing-argument",
  "unexpected-argument",
  "bad-date",
  "no-such-date",
  "bad-time",
  "bad-mention",
  "bad-id",
  "bad-role",
  "bad-url",
  "missing-heading",
  "empty-text",
  "too-long",
  "bad-character",
  "bad-code",
  "bad-lead",
  "too-many-leads",
  "bad-hours",
  "bad-weekday",
  "bad-mode",
  "bad-switch",
  "bad-count",
  "bad-approval-days",
  "bad-language",
  "bad-time-zone",
  "bad-external-name",
] as const;
export type ParseErrorCode = (typeof PARSE_ERROR_CODES)[number];

export interface ParseError {
  code: ParseErrorCode;
  /** The command the words were meant for, when known: its usage line is shown with the error. */
  command?: CommandId;
  /** What was wrong, quoted back to the user (`word`, `limit`, …). */
  params: Record<string, string | number>;
}

export type ParseResult = { ok: true; command: ParsedCommand } | { ok: false; error: ParseError };
