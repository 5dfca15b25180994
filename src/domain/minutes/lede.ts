import { type DateContext, formatDayMonth } from "../i18n/format-date.js";
import { joinList } from "../i18n/join-list.js";
import { createTranslator } from "../i18n/translator.js";
import type { Locale } from "../types.js";
import { genitive } from "./genitive.js";

// The generated lede (architecture.md §4.3): "A, B och C – det var några av de frågor som
// behandlades vid Reglabs möte den 11 april."

/** How many headings the lede names; the rest are "some of the issues". */
const LEDE_TOPICS = 3;

export interface LedeSource {
  councilName: string;
  meetingStartsAt: Date;
  /** The minuted items, in order: their headings are the topics. */
  items: readonly LedeItem[];
}

export interface LedeItem {
  heading: string;
  /** Tells a name from an ordinary word at the start of the heading. */
  text: string;
}

export function generateLede(source: LedeSource, ctx: DateContext): string {
  const t = createTranslator(ctx.locale);
  const topics = source.items
    .map((item) => ({ item, topic: asTopic(item.heading) }))
    .filter(({ topic }) => topic !== "")
    .slice(0, LEDE_TOPICS)
    .map(({ item, topic }, index) => (index === 0 ? topic : midSentence(topic, item, ctx.locale)));
  return t.t("minutes.lede", {
    count: topics.length,
    topics: joinList(topics, t),
    council: genitive(source.councilName, ctx.locale),
    date: formatDayMonth(source.meetingStartsAt, ctx),
  });
}

/** A heading inside a sentence: no surrounding space, no closing full stop or colon. */
function asTopic(heading: string): string {
  return heading.trim().replace(/[\s.,:;]+$/u, "");
}

/**
 * "Ny strategi" reads "ny strategi" mid-sentence, but names keep their capital: abbreviations
 * ("EU-frågor", "RUS"), a word run into a name ("Region Västernorrland"), and a word the item
 * itself capitalises where no sentence starts ("… från Länsstyrelsen").
 */
function midSentence(topic: string, item: LedeItem, locale: Locale): string {
  const [first, second] = topic;
  if (first === undefined || !isUpperCase(first)) return topic;
  if (second !== undefined && isUpperCase(second)) return topic;
  const [firstWord, next] = wordsOf(topic);
  if (next !== undefined && !next.sentenceStart && isTitleCase(next.word)) return topic;
  if (firstWord !== undefined && isNameIn(firstWord.word, item)) return topic;
  return first.toLocaleLowerCase(locale) + topic.slice(first.length);
}

/** Whether the heading or text writes the word (or its genitive) capitalised mid-sentence. */
function isNameIn(word: string, item: LedeItem): boolean {
  const forms = new Set([word, `${word}s`, word.replace(/s$/u, "")]);
  return [item.heading, item.text].some((text) =>
    wordsOf(text).some((found) => !found.sentenceStart && forms.has(found.word)),
  );
}

interface Word {
  word: string;
  /** First in the text, or after a full stop, question or exclamation mark, colon or new line. */
  sentenceStart: boolean;
}

/** Words with their hyphenated parts ("EU-frågor"), and what lies between them. */
const WORDS_AND_GAPS = /([\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*)|[^\p{L}\p{M}\p{N}]+/gu;
const SENTENCE_BREAK = /[.!?:\n]/u;

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let sentenceStart = true;
  for (const [gapOrWord, word] of text.matchAll(WORDS_AND_GAPS)) {
    if (word === undefined) {
      sentenceStart ||= SENTENCE_BREAK.test(gapOrWord);
      continue;
    }
    words.push({ word, sentenceStart });
    sentenceStart = false;
  }
  return words;
}

function isUpperCase(char: string): boolean {
  return char !== char.toLowerCase() && char === char.toUpperCase();
}

/** "Västernorrland", not "RUS" (an abbreviation often follows a plain word) nor "2027". */
function isTitleCase(word: string): boolean {
  return isUpperCase(word[0] ?? "") && word !== word.toUpperCase();
}
