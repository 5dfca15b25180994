import { type DateContext, formatDayMonth } from "../i18n/format-date.js";
import { joinList } from "../i18n/join-list.js";
import { createTranslator } from "../i18n/translator.js";
import type { Locale } from "../types.js";
import { genitive } from "./genitive.js";

// The generated lede (DESIGN.md §4.3): "A, B och C – det var några av de frågor som
// behandlades vid Reglabs möte den 11 april."

/** How many headings the lede names; the rest are "some of the issues". */
const LEDE_TOPICS = 3;

export interface LedeSource {
  councilName: string;
  meetingStartsAt: Date;
  /** Headings of the minuted items, in order. */
  headings: readonly string[];
}

export function generateLede(source: LedeSource, ctx: DateContext): string {
  const t = createTranslator(ctx.locale);
  const topics = source.headings
    .map(asTopic)
    .filter((topic) => topic !== "")
    .slice(0, LEDE_TOPICS)
    .map((topic, index) => (index === 0 ? topic : lowerInitial(topic, ctx.locale)));
  const params = {
    council: genitive(source.councilName, ctx.locale),
    date: formatDayMonth(source.meetingStartsAt, ctx),
  };
  const [first] = topics;
  if (first === undefined) return t.t("minutes.lede.none", params);
  if (topics.length === 1) return t.t("minutes.lede.one", { ...params, topic: first });
  return t.t("minutes.lede.some", { ...params, topics: joinList(topics, t) });
}

/** A heading inside a sentence: no surrounding space, no closing full stop or colon. */
function asTopic(heading: string): string {
  return heading.trim().replace(/[\s.,:;]+$/u, "");
}

/**
 * "Ny strategi" reads "ny strategi" mid-sentence, but abbreviations and names like "EU-frågor",
 * "RUS" or "iPhone" keep their case: a first word whose second letter is a capital is left alone.
 */
function lowerInitial(topic: string, locale: Locale): string {
  const [first, second] = topic;
  if (first === undefined || !isUpperCase(first)) return topic;
  if (second !== undefined && isUpperCase(second)) return topic;
  return first.toLocaleLowerCase(locale) + topic.slice(first.length);
}

function isUpperCase(char: string): boolean {
  return char !== char.toLowerCase() && char === char.toUpperCase();
}
