import type { Locale } from "../types.js";

/**
 * A message catalogue for one area of the product: Swedish is the reference, and the type
 * makes English carry exactly the same keys. Placeholders are written `{name}`.
 */
export function defineMessages<const K extends string>(
  messages: Record<Locale, Record<K, string>>,
): Record<Locale, Record<K, string>> {
  return messages;
}
