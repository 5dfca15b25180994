import IntlMessageFormat, { type Formatters } from "intl-messageformat";
import type { Locale } from "../types.js";
import { catalog, type MessageKey } from "./catalog.js";

export type MessageParams = Record<string, string | number>;

/** A translator bound to one locale, so that sending to several people never shares state. */
export interface Translator {
  readonly locale: Locale;
  t(key: MessageKey, params?: MessageParams): string;
}

/** A parsed message and the names of the values it takes. */
interface CompiledMessage {
  format: IntlMessageFormat;
  names: readonly string[];
}

/** Each message is parsed once per locale, on first use. */
const compiled = new Map<string, CompiledMessage>();

/**
 * A count prints as typed, as every other number in a reply does: "4000 tecken" beside "du
 * skrev 4123", never a grouped "4 000". Made once per locale: making them is what costs.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();
const formatters: Formatters = {
  // The catalogue has no `{n, number, …}`: `#` in a plural is all that reaches here.
  getNumberFormat: (locale) =>
    once(
      numberFormats,
      String(locale),
      () => new Intl.NumberFormat(locale, { useGrouping: false }),
    ),
  getDateTimeFormat: (...args) => new Intl.DateTimeFormat(...args),
  getPluralRules: (locale, options) =>
    once(
      pluralRules,
      `${locale}\u0000${options?.type}`,
      () => new Intl.PluralRules(locale, options),
    ),
};

export function createTranslator(locale: Locale): Translator {
  return {
    locale,
    t(key, params = {}) {
      const { format, names } = compiledMessage(locale, key);
      const text = format.format<string>(visiblyMissing(params, names));
      return Array.isArray(text) ? text.join("") : text;
    },
  };
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalog.sv, key);
}

/** The catalogue's messages are ICU MessageFormat: `{name}`, `{count, plural, one {…} other {…}}`. */
function compiledMessage(locale: Locale, key: MessageKey): CompiledMessage {
  return once(compiled, `${locale}\u0000${key}`, () => {
    // ignoreTag: a `<` in a message is text, never ICU's rich-text markup.
    const format = new IntlMessageFormat(catalog[locale][key], locale, undefined, {
      ignoreTag: true,
      formatters,
    });
    return { format, names: [...new Set(argumentNames(format.getAst()))] };
  });
}

/** The names of a message's values, also inside plural and select branches. */
function argumentNames(elements: readonly unknown[]): string[] {
  return elements.flatMap((element) => {
    if (typeof element !== "object" || element === null) return [];
    const own =
      "value" in element && "type" in element && element.type !== 0 ? element.value : null;
    const branches =
      "options" in element && typeof element.options === "object" && element.options !== null
        ? Object.values(element.options).flatMap((option: { value?: unknown[] }) =>
            argumentNames(option.value ?? []),
          )
        : [];
    return [...(typeof own === "string" ? [own] : []), ...branches];
  });
}

/**
 * A value the caller left out shows as its placeholder (`{ref}`): a visible slip in the reply,
 * where ICU would throw and lose the whole reply. Copied only when one is missing: every
 * line of every reply passes here.
 */
function visiblyMissing(params: MessageParams, names: readonly string[]): MessageParams {
  let complete = params;
  for (const name of names) {
    if (Object.hasOwn(params, name)) continue;
    if (complete === params) complete = { ...params };
    complete[name] = `{${name}}`;
  }
  return complete;
}

function once<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}
