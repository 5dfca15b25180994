import { describe, expect, it } from "vitest";
import { parseCommand } from "../../../src/domain/command/parse-command.js";
import type { CommandId } from "../../../src/domain/command/parsed-command.js";
import { DATE_YEARS } from "../../../src/domain/dates/parse-date.js";
import { createTranslator } from "../../../src/domain/i18n/translator.js";
import { LOCALES } from "../../../src/domain/types.js";
import { localContext } from "./parse-context.js";

// A date outside the years the bot keeps (1900–2199) is refused wherever a date is read, with
// the reply that names the years: after `senast`/`by` it must not become the action's text.

describe("a date outside the years", () => {
  it.each<[string, CommandId, string]>([
    ["möte om 300 år", "meeting", "om 300 år"],
    ["möte om 300 år kl 13 Stadshuset", "meeting", "om 300 år"],
    ["meeting in 300 years at 13:00", "meeting", "in 300 years"],
    ["möte 30 maj 2300 Stadshuset", "meeting", "30 maj 2300"],
    ["möte 2300-05-30", "meeting", "2300-05-30"],
    ["flytta till om 300 år", "move", "om 300 år"],
    ["flytta 1899-12-31 till 30 maj", "move", "1899-12-31"],
    ["skjut upp 12 till om 300 år", "postpone", "om 300 år"],
    ["ställ in 30/5 2300", "cancel", "30/5 2300"],
    ["uppdrag @anna Boka lokal senast om 300 år", "action", "om 300 år"],
    ["action @anna Book a room by May 30, 2300", "action", "May 30, 2300"],
  ])("%s: refused by %s, quoting %j", (text, command, word) => {
    expect(parseCommand(text, localContext)).toEqual({
      ok: false,
      error: { code: "no-such-date", command, params: { word } },
    });
  });

  it("marks the due date of an edit, which refuses it whole", () => {
    const result = parseCommand("ändra 12 Boka lokal senast om 300 år", localContext);
    expect(result.ok && result.command).toMatchObject({
      id: "edit",
      body: { action: { noSuchDate: "om 300 år" } },
    });
  });

  it.each(LOCALES)("names the years in the reply (%s)", (locale) => {
    const { t } = createTranslator(locale);
    const years = new RegExp(`${DATE_YEARS.first}\\D+${DATE_YEARS.last}`, "u");
    expect(t("parse.no-such-date", { word: "om 300 år" })).toMatch(years);
    expect(t("error.no-such-date", { date: "om 300 år", ref: 12 })).toMatch(years);
  });
});
