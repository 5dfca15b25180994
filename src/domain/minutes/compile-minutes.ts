import type { MessageKey } from "../i18n/catalog.js";
import { type DateContext, formatDayMonth, formatStamp } from "../i18n/format-date.js";
import { createTranslator, type Translator } from "../i18n/translator.js";
import type { LocalDate, Locale, MinutedItemKind } from "../types.js";
import { actionLine } from "./action-line.js";
import type { MinutesAction, MinutesClosing, MinutesDocument, MinutesSection } from "./document.js";
import { generateLede } from "./lede.js";
import { splitParagraphs } from "./paragraphs.js";

// Builds the platform-neutral "Noterat från …" post (architecture.md §4) from what a meeting holds.
// Pure: the clock and the zone come in with the source.

export interface MinutesSource {
  locale: Locale;
  timeZone: string;
  now: Date;
  council: { name: string };
  meeting: {
    startsAt: Date;
    /** The secretary's own lede (`ingress`), replacing the generated one. */
    lede: string | null;
    documentsUrl: string | null;
    publishedAt: Date | null;
  };
  /** Minuted items in order (kind info/discussion/decision), already without removed ones. */
  items: MinutesSourceItem[];
  /** Actions given at the meeting, without withdrawn ones; itemRef ties one to an item's section. */
  actions: MinutesSourceAction[];
  nextMeeting: { startsAt: Date } | null;
}

export interface MinutesSourceItem {
  ref: number;
  kind: MinutedItemKind;
  heading: string;
  text: string;
  /** The decision's § number. */
  paragraph: number | null;
}

export interface MinutesSourceAction {
  ref: number;
  itemRef: number | null;
  text: string;
  assignees: string[];
  /** The due date as given at the meeting (or corrected), not as postponed since. */
  due: LocalDate | null;
}

export function compileMinutes(source: MinutesSource): MinutesDocument {
  const t = createTranslator(source.locale);
  const ctx: DateContext = { locale: source.locale, timeZone: source.timeZone, now: source.now };
  const council = source.council.name.trim();
  const { meeting } = source;

  const actionsByItem = groupActions(source, t, ctx);
  const sections = source.items.map((item) =>
    compileSection(item, actionsByItem.get(item.ref) ?? [], t),
  );
  const otherActions = actionsByItem.get(null) ?? [];

  return {
    locale: source.locale,
    title: t.t("minutes.title", { council, date: formatDayMonth(meeting.startsAt, ctx) }),
    ...(meeting.publishedAt ? { stamp: formatStamp(meeting.publishedAt, source.timeZone) } : {}),
    lede:
      meeting.lede?.trim() ||
      generateLede(
        {
          councilName: council,
          meetingStartsAt: meeting.startsAt,
          items: source.items,
        },
        ctx,
      ),
    sections,
    ...(otherActions.length > 0
      ? { otherActions: { heading: t.t("minutes.other-actions"), actions: otherActions } }
      : {}),
    ...withClosing(compileClosing(source, council, t, ctx)),
  };
}

function compileSection(
  item: MinutesSourceItem,
  actions: MinutesAction[],
  t: Translator,
): MinutesSection {
  return {
    ref: item.ref,
    kind: item.kind,
    heading: item.heading.trim(),
    paragraphs: splitParagraphs(item.text),
    ...(item.kind === "decision" ? { decision: { label: decisionLabel(item, t) } } : {}),
    actions,
  };
}

function decisionLabel(item: MinutesSourceItem, t: Translator): string {
  return item.paragraph === null
    ? t.t("minutes.decision.unnumbered")
    : t.t("minutes.decision", { paragraph: item.paragraph });
}

/**
 * The listed actions by the item they belong to, in source order; `null` holds those of no
 * item of this meeting.
 */
function groupActions(
  source: MinutesSource,
  t: Translator,
  ctx: DateContext,
): Map<number | null, MinutesAction[]> {
  const itemRefs = new Set(source.items.map((item) => item.ref));
  const groups = new Map<number | null, MinutesAction[]>();
  for (const action of source.actions) {
    const key = action.itemRef !== null && itemRefs.has(action.itemRef) ? action.itemRef : null;
    const group = groups.get(key) ?? [];
    group.push({ ref: action.ref, line: actionLine(action, t, ctx) });
    groups.set(key, group);
  }
  return groups;
}

function compileClosing(
  source: MinutesSource,
  council: string,
  t: Translator,
  ctx: DateContext,
): MinutesClosing {
  const url = source.meeting.documentsUrl?.trim();
  return {
    heading: t.t("minutes.closing"),
    ...(url
      ? { documents: { ...aroundPlaceholder(t, "minutes.documents", "url", { council }), url } }
      : {}),
    ...(source.nextMeeting
      ? {
          nextMeeting: t.t("minutes.next-meeting", {
            council,
            date: formatDayMonth(source.nextMeeting.startsAt, ctx),
          }),
        }
      : {}),
  };
}

/**
 * A message cut where one placeholder stands, so that a renderer can put a link there: the
 * placeholder is filled with a marker that none of the other values contains.
 */
function aroundPlaceholder(
  t: Translator,
  key: MessageKey,
  placeholder: string,
  params: Record<string, string>,
): { before: string; after: string } {
  const values = Object.values(params);
  let marker = "\u0000";
  while (values.some((value) => value.includes(marker))) marker += "\u0000";
  const text = t.t(key, { ...params, [placeholder]: marker });
  const at = text.indexOf(marker);
  if (at < 0) return { before: text, after: "" };
  return { before: text.slice(0, at), after: text.slice(at + marker.length) };
}

/** "Nästa möte" only with something under it. */
function withClosing(closing: MinutesClosing): { closing?: MinutesClosing } {
  return closing.documents || closing.nextMeeting ? { closing } : {};
}
