import IntlMessageFormat from "intl-messageformat";

// What the catalogue's ICU messages take, read from the parser's syntax tree: the tests compare
// Swedish with English and fill every message with sample values from it.

type Element = ReturnType<IntlMessageFormat["getAst"]>[number];

/** The parser's element kinds, read off tiny messages rather than written as its enum's numbers. */
const kindsIn = (message: string) => elementsOf(message, "sv").map((element) => element.type);
const [LITERAL, ARGUMENT] = kindsIn("text{name}");
const [PLURAL, POUND] = kindsIn("{count, plural, other {#}}");
/** What the catalogue uses: text, `{name}`, and `{count, plural, …}` with `#`. */
export const CATALOGUE_KINDS = new Set([LITERAL, ARGUMENT, PLURAL, POUND]);

/** Every element of a message, those inside plural and select branches too. */
export function elementsOf(message: string, locale: string): Element[] {
  const walk = (elements: readonly Element[]): Element[] =>
    elements.flatMap((element) => [
      element,
      ...("options" in element
        ? Object.values(element.options).flatMap((option) => walk(option.value))
        : []),
    ]);
  return walk(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst());
}

/** What each value is for: a number that picks a plural form, or text shown as it is. */
export type ValueUse = "count" | "text";

export function messageValues(message: string, locale: string): Map<string, ValueUse> {
  const values = new Map<string, ValueUse>();
  for (const element of elementsOf(message, locale)) {
    if (!("value" in element) || typeof element.value !== "string") continue;
    if (element.type === PLURAL) values.set(element.value, "count");
    else if (element.type === ARGUMENT && !values.has(element.value)) {
      values.set(element.value, "text");
    }
  }
  return values;
}
