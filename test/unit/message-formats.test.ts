import { describe, expect, it } from "vitest";
import { catalog, type MessageKey } from "../../src/domain/i18n/catalog.js";
import { createTranslator, type MessageParams } from "../../src/domain/i18n/translator.js";
import { LOCALES, type Locale } from "../../src/domain/types.js";
import { CATALOGUE_KINDS, elementsOf, messageValues } from "./message-values.js";

// The catalogue is ICU MessageFormat: counts take their plural form in each language, and every
// other message reads exactly as the plain `{name}` interpolation before it did.

const entries = (locale: Locale) => Object.entries(catalog[locale]) as [MessageKey, string][];

/** Sample values for a message: text shows its name, counts are `count`. */
function sample(message: string, locale: Locale, count: number): MessageParams {
  const values = [...messageValues(message, locale)];
  return Object.fromEntries(
    values.map(([name, use]) => [name, use === "count" ? count : `‹${name}›`]),
  );
}

/** What the translator did before ICU: each `{name}` replaced by its value, nothing else. */
function interpolated(message: string, params: MessageParams): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

describe.each(LOCALES)("ICU messages (%s)", (locale) => {
  const { t } = createTranslator(locale);

  it("parses every message, using only text, {name} and plurals", () => {
    for (const [key, message] of entries(locale)) {
      const kinds = elementsOf(message, locale).map((element) => element.type);
      expect(
        kinds.filter((kind) => !CATALOGUE_KINDS.has(kind)),
        key,
      ).toEqual([]);
    }
  });

  it("formats every message with sample values, whatever the count", () => {
    for (const [key, message] of entries(locale)) {
      for (const count of [0, 1, 2, 7, 1440]) {
        const text = t(key, sample(message, locale, count));
        expect(text, key).not.toMatch(/[{}]|NaN|undefined/);
        expect(text.trim(), key).not.toBe("");
      }
    }
  });

  it("renders every message without a plural exactly as plain interpolation did", () => {
    const plain = entries(locale).filter(
      ([, message]) => ![...messageValues(message, locale).values()].includes("count"),
    );
    expect(plain.length).toBeGreaterThan(400);
    for (const [key, message] of plain) {
      const text = sample(message, locale, 0);
      const numbers = Object.fromEntries(Object.keys(text).map((name, i) => [name, 1000 + i]));
      for (const params of [text, numbers]) {
        expect(t(key, params), key).toBe(interpolated(message, params));
      }
    }
  });
});

describe("plurals", () => {
  const sv = createTranslator("sv").t;
  const en = createTranslator("en").t;

  it("counts the channels a post went to", () => {
    const published = (count: number, channels: number) => ({ title: "Noterat", count, channels });
    expect(sv("minutes.published", published(1, 1))).toBe(
      "”Noterat” är publicerad i 1 av 1 kanal.",
    );
    expect(sv("minutes.published", published(2, 3))).toBe(
      "”Noterat” är publicerad i 2 av 3 kanaler.",
    );
    expect(sv("minutes.published", published(0, 1))).toBe(
      "”Noterat” är publicerad i 0 av 1 kanal.",
    );
    expect(en("minutes.published", published(1, 1))).toBe(
      "“Noterat” is published in 1 of 1 channel.",
    );
    expect(en("minutes.published", published(2, 3))).toBe(
      "“Noterat” is published in 2 of 3 channels.",
    );
  });

  it("says how far off a meeting is", () => {
    expect(sv("reminder.lead-minutes", { count: 1 })).toBe("om en minut");
    expect(sv("reminder.lead-minutes", { count: 10 })).toBe("om 10 minuter");
    expect(en("reminder.lead-minutes", { count: 1 })).toBe("in a minute");
    expect(en("reminder.lead-minutes", { count: 10 })).toBe("in 10 minutes");
    expect([0, 1, 3].map((count) => sv("reminder.lead-days", { count }))).toEqual([
      "idag",
      "imorgon",
      "om 3 dagar",
    ]);
    expect([0, 1, 3].map((count) => en("reminder.lead-days", { count }))).toEqual([
      "today",
      "tomorrow",
      "in 3 days",
    ]);
  });

  it("describes reminder leads and the approval time in the right number", () => {
    const lead = (key: MessageKey, counts: number[], t = sv) =>
      counts.map((count) => t(key, { count }));
    expect(lead("reminders.settings.lead-days", [0, 1, 7])).toEqual([
      "samma dag",
      "1 dag före",
      "7 dagar före",
    ]);
    expect(lead("reminders.settings.lead-days", [0, 1, 7], en)).toEqual([
      "on the day",
      "1 day before",
      "7 days before",
    ]);
    expect(lead("reminders.settings.lead-hours", [1, 2])).toEqual([
      "1 timme före",
      "2 timmar före",
    ]);
    expect(lead("reminders.settings.lead-minutes", [1, 90])).toEqual([
      "1 minut före",
      "90 minuter före",
    ]);
    expect(lead("reminders.settings.lead-minutes", [1, 90], en)).toEqual([
      "1 minute before",
      "90 minutes before",
    ]);
    expect(lead("reminders.settings.approval-days", [1, 14])).toEqual(["1 dag", "14 dagar"]);
    expect(lead("reminders.settings.approval-days", [1, 14], en)).toEqual(["1 day", "14 days"]);
  });

  it("agrees the week's open and overdue actions with their number", () => {
    const digest = (open: number, overdue: number, t = sv) =>
      t("reminder.digest-title", { council: "Reglab", open, overdue });
    expect(digest(1, 1)).toBe("Veckans uppdrag i Reglab: 1 öppet, varav 1 försenat");
    expect(digest(3, 2)).toBe("Veckans uppdrag i Reglab: 3 öppna, varav 2 försenade");
    expect(digest(3, 0, en)).toBe("This week's actions in Reglab: 3 open, none of them overdue");
    expect(digest(3, 1, en)).toBe("This week's actions in Reglab: 3 open, 1 of them overdue");
  });

  it("counts the members in a quorum", () => {
    const quorum = { deciding: 1, members: 1, needed: 1 };
    expect(sv("quorum.met", quorum)).toBe("Mötet är beslutsmässigt: 1 av 1 ledamot deltar.");
    expect(sv("protocol.quorum.not-met", { ...quorum, deciding: 0 })).toBe(
      "Mötet var inte beslutsmässigt: 0 av 1 ledamot deltog (minst 1 behövs).",
    );
    expect(en("protocol.quorum.not-met", { deciding: 1, members: 3, needed: 2 })).toBe(
      "The meeting was not quorate: 1 of 3 members took part (at least 2 needed).",
    );
  });

  it("prints numbers as typed, counts too: never grouped", () => {
    expect(sv("entry.edited", { ref: 1234 })).toBe("Ändrat #1234.");
    expect(sv("parse.too-long", { limit: 4000, length: 4123 })).toBe(
      "Det är för långt: högst 4000 tecken går, och du skrev 4123.",
    );
    expect(en("parse.too-long", { limit: 4000, length: 4123 })).toBe(
      "That is too long: at most 4000 characters, and you wrote 4123.",
    );
    expect(en("parse.too-long", { limit: 1, length: 2 })).toBe(
      "That is too long: at most 1 character, and you wrote 2.",
    );
    expect(sv("reminder.lead-minutes", { count: 1439 })).toBe("om 1439 minuter");
    expect(en("error.forbidden-secretary")).toBe("Only the council's secretary may do that.");
  });
});
