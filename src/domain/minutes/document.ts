// The platform-neutral model of a "Noterat från …" post (architecture.md §4). Every string in it
// is already localised; renderers only give it a shape (Markdown, HTML, text, Block Kit…)
// and escape user text for their target.
import type { ProtocolDocument } from "../protocol/protocol-document.js";
import type { Locale, MinutedItemKind } from "../types.js";

export interface MinutesDocument {
  locale: Locale;
  /** "Noterat från Regionala samverkansrådet 11 april" */
  title: string;
  /** "2018-04-12 11:50" in the council's zone; absent on an unpublished draft. */
  stamp?: string;
  /** The same instant as ISO 8601 in UTC, for machines (the web page's `<time datetime>`). */
  stampIso?: string;
  /** "Rättad 2026-12-07 10.15": published again after a reopen and a new approval. */
  corrected?: string;
  /** Published minutes: the SHA-256 of the approved snapshot, for the web files' footer. */
  checksum?: { label: string; sha256: string };
  lede: string;
  sections: MinutesSection[];
  /** Actions that belong to no item of the meeting, under their own heading. */
  otherActions?: { heading: string; actions: MinutesAction[] };
  /** "Nästa möte": absent when there is neither a documents link nor a next meeting to name. */
  closing?: MinutesClosing;
  /**
   * Protocol mode (architecture.md §12): the protocol compiled with the post, frozen and published
   * with it, so that both come from the same approved snapshot.
   */
  protocol?: ProtocolDocument;
}

export interface MinutesSection {
  /** The item's short number (#12). */
  ref: number;
  kind: MinutedItemKind;
  heading: string;
  /** The item text, split on blank lines. */
  paragraphs: string[];
  /** Decisions only: "§ 12" and the label before the decision text, e.g. "Beslut § 12". */
  decision?: { label: string };
  actions: MinutesAction[];
}

export interface MinutesAction {
  ref: number;
  /** "Anna Berg och Per Ek: Ta fram ett förslag (senast 30 maj)" */
  line: string;
}

export interface MinutesClosing {
  /** "Nästa möte" */
  heading: string;
  /** "Handlingar från … finns i sin helhet på {url}" split around the link. */
  documents?: { before: string; url: string; after: string };
  /** "Nästa möte med Regionala samverkansrådet är den 30 maj." */
  nextMeeting?: string;
}
