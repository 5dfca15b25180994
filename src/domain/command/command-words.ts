import type { Token } from "./tokens.js";

/**
 * What the first word of a command asks for. Mostly one per command id, but a few words lead to
 * more than one (`uppdrag @anna` lists, `uppdrag @anna TEXT` assigns) and three words share the
 * item command, so the words name a verb and the verb's argument parser picks the id.
 */
export type Verb =
  | "help"
  | "council"
  | "meeting"
  | "next"
  | "note"
  | "discussion"
  | "decision"
  | "action"
  | "actions"
  | "open"
  | "mine"
  | "overdue"
  | "done"
  | "postpone"
  | "minutes"
  | "approve"
  | "publish"
  | "verify"
  | "show"
  | "search"
  | "role"
  | "documents"
  | "lede"
  | "agenda-point"
  | "agenda-list"
  | "agenda"
  | "edit"
  | "remove"
  | "cancel"
  | "move"
  | "link"
  | "reminders"
  | "mode"
  | "settings"
  | "member"
  | "substitute"
  | "members"
  | "present"
  | "absent"
  | "approvers"
  | "reservation"
  | "remark"
  | "conflict"
  | "vote"
  | "immediate"
  | "notice"
  | "web"
  | "rename"
  | "my-data"
  | "forget"
  | "confirm"
  | "language"
  | "time-zone"
  | "unlink"
  | "log"
  | "my-language"
  | "external";

/** architecture.md §3, Swedish and English, lower case; a key of two words is two tokens. */
const COMMAND_WORDS: Readonly<Record<string, Verb>> = {
  hjälp: "help",
  help: "help",
  råd: "council",
  council: "council",
  möte: "meeting",
  meeting: "meeting",
  nästa: "next",
  "nästa möte": "next",
  next: "next",
  "next meeting": "next",
  noterat: "note",
  note: "note",
  diskussion: "discussion",
  discussion: "discussion",
  beslut: "decision",
  decision: "decision",
  uppdrag: "action",
  action: "action",
  actions: "actions",
  öppna: "open",
  open: "open",
  mina: "mine",
  mine: "mine",
  försenade: "overdue",
  overdue: "overdue",
  klar: "done",
  done: "done",
  "skjut upp": "postpone",
  postpone: "postpone",
  protokoll: "minutes",
  minutes: "minutes",
  justera: "approve",
  approve: "approve",
  publicera: "publish",
  publish: "publish",
  verifiera: "verify",
  verify: "verify",
  visa: "show",
  show: "show",
  sök: "search",
  search: "search",
  roll: "role",
  role: "role",
  handlingar: "documents",
  documents: "documents",
  ingress: "lede",
  lede: "lede",
  punkt: "agenda-point",
  dagordning: "agenda-list",
  agenda: "agenda",
  ändra: "edit",
  edit: "edit",
  stryk: "remove",
  remove: "remove",
  "ställ in": "cancel",
  cancel: "cancel",
  flytta: "move",
  move: "move",
  koppla: "link",
  link: "link",
  påminnelser: "reminders",
  reminders: "reminders",
  läge: "mode",
  mode: "mode",
  inställningar: "settings",
  settings: "settings",
  ledamot: "member",
  member: "member",
  ersättare: "substitute",
  substitute: "substitute",
  medlemmar: "members",
  members: "members",
  närvarande: "present",
  present: "present",
  frånvarande: "absent",
  absent: "absent",
  justerare: "approvers",
  approvers: "approvers",
  reservation: "reservation",
  dissent: "reservation",
  anteckning: "remark",
  remark: "remark",
  jäv: "conflict",
  conflict: "conflict",
  votering: "vote",
  vote: "vote",
  omedelbar: "immediate",
  immediate: "immediate",
  anslag: "notice",
  notice: "notice",
  webb: "web",
  web: "web",
  "byt namn": "rename",
  rename: "rename",
  "mina uppgifter": "my-data",
  "my data": "my-data",
  glöm: "forget",
  forget: "forget",
  ja: "confirm",
  yes: "confirm",
  språk: "language",
  language: "language",
  tidszon: "time-zone",
  "time zone": "time-zone",
  timezone: "time-zone",
  "koppla bort": "unlink",
  unlink: "unlink",
  logg: "log",
  log: "log",
  "mitt språk": "my-language",
  "my language": "my-language",
  extern: "external",
  external: "external",
};

export interface CommandWord {
  verb: Verb;
  /** How many tokens the command word took. */
  length: number;
}

/** The command the line starts with, preferring the two-word form (`ställ in`, `skjut upp`, `nästa möte`). */
export function matchCommandWord(tokens: readonly Token[]): CommandWord | undefined {
  for (const length of [2, 1]) {
    if (tokens.length < length) continue;
    const words = tokens
      .slice(0, length)
      .map((token) => token.text.toLowerCase())
      .join(" ");
    const verb = Object.hasOwn(COMMAND_WORDS, words) ? COMMAND_WORDS[words] : undefined;
    if (verb !== undefined) return { verb, length };
  }
  return undefined;
}
