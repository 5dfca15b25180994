import type { DateContext } from "../domain/i18n/format-date.js";
import type { Translator } from "../domain/i18n/translator.js";
import type { MinutesDocument } from "../domain/minutes/document.js";
import type { CouncilRecord, Identity, PersonRecord, Place } from "../domain/records.js";
import type { LocalDate, Locale, MentionReader, Role } from "../domain/types.js";
import type { Store } from "../store/store.js";

export interface Clock {
  now(): Date;
}

/** What new councils get until someone says otherwise. */
export interface Defaults {
  locale: Locale;
  timeZone: string;
}

/** A council's post, to go to every channel the council is bound to. */
export interface Publication {
  councilId: string;
  councilName: string;
  meetingId: string;
  /** Set for the extract of one § approved at the meeting: its item's short number. */
  extractRef?: number;
  /** The meeting's date in the council's zone: with the name, it names the post's web files. */
  meetingDate: LocalDate;
  document: MinutesDocument;
  channels: Place[];
}

/** How publishing went in one channel; `reason` is the platform's error code. */
export type PublicationOutcome =
  | { place: Place; ok: true }
  | { place: Place; ok: false; reason: string };

/** How a publication went: in each channel, and the web files written for the site. */
export interface PublicationReport {
  outcomes: PublicationOutcome[];
  /** The files written to the export directory, when there is one. */
  files: string[];
  /** Why the web files could not be written, if they could not. */
  exportFailed?: string;
}

/** Posts minutes on the surfaces that run; posting again edits what was posted. */
export interface Publisher {
  publish(publication: Publication): Promise<PublicationReport>;
}

/** The handlers' collaborators, passed in by main.ts: no hidden singletons, no hidden clock. */
export interface HandlerDeps {
  store: Store;
  clock: Clock;
  defaults: Defaults;
  publisher: Publisher;
  /** The web archive's public base address (NOTERAT_PUBLIC_URL), for links in replies. */
  publicUrl?: string;
}

/** A command as any surface delivers it. */
export interface CommandRequest {
  actor: Identity;
  place: Place;
  text: string;
  readMention: MentionReader;
  /** The platform's id of this delivery (Slack retry, Teams activity id): a retry makes nothing twice. */
  deliveryId?: string;
}

/** What a handler gets: its parsed command and all that is known about who and where. */
export interface CommandContext<C> {
  command: C;
  deps: HandlerDeps;
  now: Date;
  /**
   * Who typed the command. Someone never stored before has the id "" until `storedActor()`:
   * such a person has no role and no actions, so a refused or read-only command stores nothing.
   */
  actor: PersonRecord;
  storedActor(): Promise<PersonRecord>;
  place: Place;
  council: CouncilRecord | null;
  /** The actor's roles in the council: an office and a place in the register, or none. */
  roles: readonly Role[];
  deliveryKey?: string;
  t: Translator;
  dates: DateContext;
}

/** What formatting a reply needs of a command's context. */
export type ReplyContext = Pick<CommandContext<unknown>, "now" | "t" | "dates">;
