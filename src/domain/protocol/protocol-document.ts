// The platform-neutral model of a protocol (architecture.md §12, ../shared/examples/protokoll.md).
// Every string is already localised; renderers (Markdown, HTML, text, Block Kit, Adaptive Card)
// only give it a shape and escape it for their target.
import type { Locale } from "../types.js";

export interface ProtocolDocument {
  locale: Locale;
  /** "Samverkansrådet Norr" */
  body: string;
  /** "PROTOKOLL" */
  title: string;
  /** "Sammanträdesdatum 2027-02-08" */
  dateLine: string;
  /** The meeting's date in the council's zone, "2027-02-08": for the notice and `<time>`. */
  meetingDate?: string;
  /** The header table: Plats och tid, Beslutande, Övriga närvarande, …, Paragrafer. */
  header: ProtocolRow[];
  /** Said when the meeting was not quorate; absent otherwise. */
  quorumNote?: string;
  paragraphs: ProtocolParagraph[];
  /**
   * Added when rendering approved minutes, not part of the frozen snapshot: each approval's
   * name, time and checksum ("Justerat digitalt …").
   */
  signatures?: { heading: string; rows: ProtocolRow[] };
  /** Added when the notice of approval (anslag) is given; not part of the snapshot. */
  notice?: { heading: string; text: string; rows: ProtocolRow[] };
}

export interface ProtocolRow {
  label: string;
  value: string;
}

export interface ProtocolParagraph {
  /** "§ 6" */
  number: string;
  /** The item's short number (#12), for commands. */
  ref: number;
  heading: string;
  /** The § text, split on blank lines. */
  paragraphs: string[];
  /** Labelled parts in the order of a protocol: Beslut, Omröstning, Reservation, … */
  parts: ProtocolPart[];
  /** "Paragrafen förklaras omedelbart justerad." */
  immediate?: string;
}

export interface ProtocolPart {
  /** "Beslut", "Omröstning", "Reservation", "Protokollsanteckning", "Jäv", "Uppdrag" */
  label: string;
  lines: string[];
}
