import { describe, expect, it } from "vitest";
import { type CommandId, PARSE_ERROR_CODES } from "../../../src/domain/command/parsed-command.js";
import { catalog } from "../../../src/domain/i18n/catalog.js";
import { LOCALES } from "../../../src/domain/types.js";

/** Keyed by CommandId, so that a command added to ParsedCommand fails to compile here. */
const COMMANDS: Record<CommandId, true> = {
  help: true,
  council: true,
  meeting: true,
  next: true,
  item: true,
  action: true,
  "list-open": true,
  "list-mine": true,
  "list-overdue": true,
  "list-person": true,
  done: true,
  postpone: true,
  minutes: true,
  approve: true,
  publish: true,
  verify: true,
  show: true,
  search: true,
  role: true,
  documents: true,
  lede: true,
  "agenda-add": true,
  "agenda-show": true,
  edit: true,
  remove: true,
  cancel: true,
  move: true,
  link: true,
  "reminders-show": true,
  "reminders-set": true,
  mode: true,
  settings: true,
  register: true,
  members: true,
  attendance: true,
  serving: true,
  approvers: true,
  reservation: true,
  remark: true,
  conflict: true,
  vote: true,
  immediate: true,
  "notice-show": true,
  "notice-set": true,
  web: true,
  rename: true,
  "minutes-pdf": true,
  "my-data": true,
  forget: true,
  confirm: true,
  language: true,
  "time-zone": true,
  unlink: true,
  log: true,
  "my-language": true,
  external: true,
  "item-kind": true,
  "move-item": true,
};

describe.each(LOCALES)("parse catalogue (%s)", (locale) => {
  const messages: Record<string, string> = catalog[locale];

  it.each(PARSE_ERROR_CODES)("explains %s", (code) => {
    expect(messages[`parse.${code}`]).toBeTruthy();
  });

  it.each(Object.keys(COMMANDS))("shows the form of %s as code first", (id) => {
    expect(messages[`usage.${id}`]).toMatch(/^`[^`]+`/);
  });
});
