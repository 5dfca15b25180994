import type { DateContext } from "../domain/i18n/format-date.js";
import type { Translator } from "../domain/i18n/translator.js";
import type { CouncilRecord, Identity, PersonRecord, Place } from "../domain/records.js";
import type { Locale, MentionReader, Role } from "../domain/types.js";
import type { Store } from "../store/store.js";

export interface Clock {
  now(): Date;
}

/** What new councils get until someone says otherwise. */
export interface Defaults {
  locale: Locale;
  timeZone: string;
}

/** The handlers' collaborators, passed in by main.ts: no hidden singletons, no hidden clock. */
export interface HandlerDeps {
  store: Store;
  clock: Clock;
  defaults: Defaults;
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
  actor: PersonRecord;
  place: Place;
  council: CouncilRecord | null;
  role: Role | null;
  deliveryKey?: string;
  t: Translator;
  dates: DateContext;
}
