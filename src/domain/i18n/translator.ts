import type { Locale } from "../types.js";
import { catalog, type MessageKey } from "./catalog.js";

export type MessageParams = Record<string, string | number>;

/** A translator bound to one locale, so that sending to several people never shares state. */
export interface Translator {
  readonly locale: Locale;
  t(key: MessageKey, params?: MessageParams): string;
}

const PLACEHOLDER = /\{(\w+)\}/g;

export function createTranslator(locale: Locale): Translator {
  const messages = catalog[locale];
  return {
    locale,
    t(key, params = {}) {
      return messages[key].replace(PLACEHOLDER, (whole, name: string) => {
        const value = params[name];
        return value === undefined ? whole : String(value);
      });
    },
  };
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalog.sv, key);
}
