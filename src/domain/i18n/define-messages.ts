import type { Locale } from "../types.js";

/**
 * A message catalogue for one area of the product: Swedish is the reference, and the type
 * makes English carry exactly the same keys. Messages are ICU MessageFormat: a value is
 * `{name}`, a number that counts something takes its plural form in each language
 * (`{count, plural, one {# kanal} other {# kanaler}}`, `#` being the number). Braces are
 * syntax, never text, and an apostrophe before one would quote it.
 */
export function defineMessages<const K extends string>(
  messages: Record<Locale, Record<K, string>>,
): Record<Locale, Record<K, string>> {
  return messages;
}
