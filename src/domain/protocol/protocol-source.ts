// What a protocol (architecture.md §12) is compiled from: plain data gathered by the handlers, in the
// domain's words. Pure: the clock and the zone come in with the source.
import type { MinutesSourceAction } from "../minutes/compile-minutes.js";
import type { LocalDate, Locale, MinutedItemKind, Procedure } from "../types.js";
import type { Quorum } from "./quorum.js";

export interface ProtocolSource {
  locale: Locale;
  timeZone: string;
  now: Date;
  council: { name: string };
  meeting: {
    startsAt: Date;
    /** False for an all-day meeting: no time is shown. */
    hasTime: boolean;
    place: string | null;
  };
  /** Register persons present and deciding, in register order (the chair first). */
  deciding: ProtocolPerson[];
  /** Present but not deciding: the secretary, and anyone not in the register. */
  others: ProtocolPerson[];
  /** Ordinary members recorded absent with no substitute serving for them. */
  absent: string[];
  /** Null when no attendance was recorded: the header then leaves it out. */
  quorum: Quorum | null;
  /** The chosen justerare (besides the chair), in the order chosen. */
  approvers: string[];
  /** The last day of the justering (meeting date + the council's justering days). */
  deadline: LocalDate;
  /** The date of the council's previous meeting, for "Föregående protokoll". */
  previousMeeting: Date | null;
  /** "Uppföljning av uppdrag" as of the meeting, already localised, one line per action. */
  followUp: string[];
  paragraphs: ProtocolSourceParagraph[];
}

export interface ProtocolPerson {
  name: string;
  /** chair, secretary, member, substitute; for a substitute, whom they served for. */
  role: "chair" | "secretary" | "member" | "substitute" | "other";
  substituteFor?: string;
}

export interface ProtocolSourceParagraph {
  /** The § number, running per council and year across meetings. */
  paragraph: number;
  /** The item's short number (#12). */
  ref: number;
  /** `agenda` for a planned point not yet minuted (a procedural § is one until filled). */
  kind: MinutedItemKind | "agenda";
  procedure: Procedure | null;
  heading: string;
  /** What the secretary wrote; empty: the procedure's usual wording, or nothing. */
  text: string;
  vote: { yes: number; no: number; abstain: number | null } | null;
  reservations: Array<{ name: string; text: string }>;
  remarks: string[];
  /** Who took no part (jäv). */
  conflicts: string[];
  /** Declared omedelbart justerad at the meeting. */
  immediate: boolean;
  /** Actions given under this §, as the minutes record them. */
  actions: MinutesSourceAction[];
}
