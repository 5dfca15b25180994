// The platform-neutral answer to a command. Every string is already localised; surfaces render
// it (Block Kit, Adaptive Card, console text) and escape user text for their target.
import type { MinutesDocument } from "./minutes/document.js";
import type { ProtocolDocument } from "./protocol/protocol-document.js";
import type { ActionStatus, Locale, MinutesStatus } from "./types.js";

/** What a use case answers; the command path adds the locale it was answered in. */
export interface ReplyBody {
  /** `caller`: only the person who asked sees it (Slack ephemeral); `channel`: the council sees it. */
  audience: "caller" | "channel";
  blocks: ReplyBlock[];
}

export interface Reply extends ReplyBody {
  locale: Locale;
}

export type ReplyBlock =
  | { type: "text"; text: string }
  | { type: "list"; title?: string; lines: string[] }
  | { type: "actions"; title?: string; actions: ActionEntry[]; more?: string }
  | {
      type: "minutes";
      meetingId: string;
      status: MinutesStatus;
      document: MinutesDocument;
      /** Published before: the surface edits the posted message(s) instead of posting anew. */
      republished?: boolean;
    }
  /** A protocol (architecture.md §12) shown to the caller: the draft, or what was approved. */
  | { type: "protocol"; meetingId: string; status: MinutesStatus; document: ProtocolDocument }
  /**
   * A file for the caller, which each surface delivers its own way (architecture.md §13, §15): the
   * console writes it, Slack uploads it to the caller, Teams offers it in the personal chat.
   */
  | ({
      type: "document";
      /** "samverkansradet-norr-2026-12-07-protokoll.pdf" */
      filename: string;
      /**
       * What a surface that cannot hand the file over shows instead: the archive's address of
       * the same file, or how to make one.
       */
      note: string;
    } & DocumentContent)
  | { type: "buttons"; buttons: ReplyButton[] };

/** What a document block holds: the protocol as a PDF, or a person's data as JSON (`mina uppgifter`). */
export type DocumentContent =
  | { kind: "protocol-pdf"; protocol: ProtocolDocument }
  | { kind: "personal-data"; json: string };

/** One listed action; surfaces add "Klar" and "Skjut upp" buttons while it is open. */
export interface ActionEntry {
  actionId: string;
  councilId: string;
  ref: number;
  line: string;
  status: ActionStatus;
  overdue: boolean;
}

/**
 * A button that runs a command when pressed, in the council it belongs to. `command` is the
 * command's English text ("approve", "done 12"), which the command parser reads like any other.
 */
export interface ReplyButton {
  label: string;
  command: string;
  councilId: string;
  style?: "primary" | "danger";
}

/** The App Home tab / personal overview: a person's open actions and their councils' next meetings. */
export interface Overview {
  locale: Locale;
  title: string;
  actions: ActionEntry[];
  actionsTitle: string;
  noActions: string;
  meetingsTitle: string;
  meetings: string[];
  noMeetings: string;
}

export function textReply(audience: ReplyBody["audience"], ...texts: string[]): ReplyBody {
  return { audience, blocks: texts.map((text) => ({ type: "text", text })) };
}
