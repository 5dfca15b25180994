import type { CommandInput } from "./command-input.js";
import type { Verb } from "./command-words.js";
import { itemParser, parseEdit, parsePostpone, refParser } from "./entry-arguments.js";
import { meetingDateParser, parseDocuments, parseMeeting, parseMove } from "./meeting-arguments.js";
import type { ParseResult } from "./parsed-command.js";
import { parseAction, parseActionsOf, parseRole } from "./people-arguments.js";
import { parseReminders } from "./reminder-arguments.js";
import {
  parseAgenda,
  parseAgendaPoint,
  parseCouncil,
  parseHelp,
  parseLede,
  parseLink,
  parseSearch,
  withoutArguments,
} from "./text-arguments.js";

/** How each verb reads the words after it; the Record makes a verb without a parser a type error. */
export const VERB_PARSERS: Readonly<Record<Verb, (input: CommandInput) => ParseResult>> = {
  help: parseHelp,
  council: parseCouncil,
  meeting: parseMeeting,
  next: withoutArguments({ id: "next" }),
  note: itemParser("info"),
  discussion: itemParser("discussion"),
  decision: itemParser("decision"),
  action: parseAction,
  actions: parseActionsOf,
  open: withoutArguments({ id: "list-open" }),
  mine: withoutArguments({ id: "list-mine" }),
  overdue: withoutArguments({ id: "list-overdue" }),
  done: refParser("done"),
  postpone: parsePostpone,
  minutes: meetingDateParser("minutes"),
  approve: meetingDateParser("approve"),
  publish: meetingDateParser("publish"),
  verify: meetingDateParser("verify"),
  show: refParser("show"),
  search: parseSearch,
  role: parseRole,
  documents: parseDocuments,
  lede: parseLede,
  "agenda-point": parseAgendaPoint,
  "agenda-list": withoutArguments({ id: "agenda-show" }),
  agenda: parseAgenda,
  edit: parseEdit,
  remove: refParser("remove"),
  cancel: meetingDateParser("cancel"),
  move: parseMove,
  link: parseLink,
  reminders: parseReminders,
};
