import { describe, expect, it } from "vitest";
import { PARSE_ERROR_CODES } from "../../src/domain/command/parsed-command.js";
import { ERROR_CODES } from "../../src/domain/errors.js";
import { catalog } from "../../src/domain/i18n/catalog.js";
import { createTranslator, isMessageKey } from "../../src/domain/i18n/translator.js";
import { createCommandRegistry } from "../../src/handlers/registry.js";
import { HELP_ORDER } from "../../src/handlers/show-help.js";
import { messageValues } from "./message-values.js";

/** The names of the values a message takes, in plural forms too. */
const placeholders = (text: string, locale: string) =>
  [...messageValues(text, locale).keys()].sort();

describe("message catalogues", () => {
  it("has the same keys and placeholders in Swedish and English, none empty", () => {
    expect(Object.keys(catalog.en).sort()).toEqual(Object.keys(catalog.sv).sort());
    for (const [key, sv] of Object.entries(catalog.sv)) {
      const en = catalog.en[key as keyof typeof catalog.en];
      expect(sv.trim(), key).not.toBe("");
      expect(en.trim(), key).not.toBe("");
      expect(placeholders(en, "en"), key).toEqual(placeholders(sv, "sv"));
    }
  });

  it("has a reply for every error code and parse error code", () => {
    for (const code of ERROR_CODES) expect(isMessageKey(`error.${code}`), code).toBe(true);
    for (const code of PARSE_ERROR_CODES) expect(isMessageKey(`parse.${code}`), code).toBe(true);
  });

  it("has a usage line for every registered command, and help lists them all", () => {
    const ids = createCommandRegistry().ids();
    for (const id of ids) expect(isMessageKey(`usage.${id}`), id).toBe(true);
    expect([...HELP_ORDER].sort()).toEqual([...ids].sort());
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    const { t } = createTranslator("sv");
    expect(t("entry.edited", { ref: 12 })).toBe("Ändrat #12.");
    expect(t("entry.edited")).toBe("Ändrat #{ref}.");
  });

  it("leaves a value missing inside a plural branch visible too", () => {
    const { t } = createTranslator("sv");
    expect(t("minutes.lede", { count: 1, council: "Reglab", date: "11 april" })).toBe(
      "{topics} – det var en av frågorna som behandlades vid Reglab möte den 11 april.",
    );
  });
});

describe("command registry", () => {
  it("refuses an id registered twice", () => {
    const registry = createCommandRegistry();
    expect(() =>
      registry.register("help", async () => ({ audience: "caller", blocks: [] })),
    ).toThrow(/registered twice/);
  });
});
