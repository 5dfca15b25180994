import type { Mention } from "../types.js";

// Assignees who are not chat users (a unit, an absent member): named `@"Regionens kansli"` in
// `uppdrag`, or once with `extern NAMN`, and after that `@regionenskansli`. The store keeps one as
// a person of the platform "external" in the council (workspace = the council, id = the
// handle), so that actions, lists and minutes name them as anyone; no surface sends to that
// platform, and no private reminder is planned for it.

/** Person.platform of an external assignee. */
export const EXTERNAL_PLATFORM = "external";

/** An external assignee as a command names one. */
export interface ExternalRef {
  /** What `@…` types: the name lower-cased, without spaces or punctuation. */
  handle: string;
  /** As written in `@"Regionens kansli"`; absent for `@kansliet`, which must be named already. */
  name?: string;
}

/** Someone `uppdrag` names: a person of the surface's own mention syntax, or an external. */
export type Assignee = Mention | ExternalRef;

export function isExternalRef(assignee: Assignee): assignee is ExternalRef {
  return "handle" in assignee;
}

const NOT_IN_HANDLE = /[^\p{L}\p{N}._-]/gu;
const HANDLE = /^@([\p{L}\p{N}._-]+)$/u;

/** "Regionens kansli" → "regionenskansli"; empty when the name has no letter or digit to keep. */
export function handleOf(name: string): string {
  return name.normalize("NFC").toLowerCase().replace(NOT_IN_HANDLE, "");
}

/** `@kansliet` as a handle (lower-cased); undefined for anything else. */
export function readHandle(word: string): string | undefined {
  return HANDLE.exec(word)?.[1]?.toLowerCase();
}
