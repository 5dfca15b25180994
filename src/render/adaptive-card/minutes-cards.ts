import { createTranslator } from "../../domain/i18n/translator.js";
import type {
  MinutesAction,
  MinutesClosing,
  MinutesDocument,
  MinutesSection,
} from "../../domain/minutes/document.js";
import { checksumLine } from "../checksum-line.js";
import { webHref } from "../web-link.js";
import {
  ADAPTIVE_CARD_LIMITS,
  type AdaptiveCard,
  adaptiveCard,
  type ContainerLayout,
  type TextBlock,
  type TextStyle,
} from "./adaptive-card-types.js";
import {
  type BodyGroup,
  type BodyPart,
  elementPart,
  packBodies,
  textPart,
} from "./card-packing.js";
import { jsonBytes } from "./card-size.js";
import { textBlock } from "./card-text.js";
import { protocolGroups } from "./protocol-cards.js";
import { escapeTeamsLine } from "./teams-escape.js";

// The "Noterat från …" post (architecture.md §4) as Adaptive Cards. A post too big for one card
// becomes several, posted one after the other, each after the first marked "… (forts. 2/3)",
// so that nothing is ever cut to fit. In protocol mode the protocol follows the post.

const TITLE: TextStyle = { style: "heading", size: "Large", weight: "Bolder" };
const STAMP: TextStyle = { isSubtle: true, spacing: "None" };
const HEADING: TextStyle = { weight: "Bolder" };
const DECISION: TextStyle = { weight: "Bolder", color: "Accent", spacing: "Small" };
const MARKER: TextStyle = { isSubtle: true, size: "Small", spacing: "None" };
/** One per item of the post, set off from the one before by a line. */
const SECTION: ContainerLayout = { separator: true, spacing: "Medium" };

/** The protocol's head, after the post. */
const PROTOCOL: ContainerLayout = { separator: true, spacing: "ExtraLarge" };

/** The widest part number the room kept for a continuation line allows. */
const MAX_PARTS = 9999;

export function renderMinutesCards(doc: MinutesDocument): AdaptiveCard[] {
  const t = createTranslator(doc.locale);
  const marker = (part: number, parts: number): TextBlock =>
    textBlock(t.t("teams.continued", { part, parts }), MARKER);
  // Every card after the first begins with its marker, and a comma after it.
  const continuedCard = jsonBytes(adaptiveCard([marker(MAX_PARTS, MAX_PARTS)], true)) + 1;
  const bodies = packBodies(minutesGroups(doc), {
    limit: ADAPTIVE_CARD_LIMITS.cardBytes,
    emptyCard: (index) => (index === 0 ? jsonBytes(adaptiveCard([], true)) : continuedCard),
  });
  if (bodies.length > MAX_PARTS) throw new RangeError(`A post of ${bodies.length} cards`);
  return bodies.map((body, index) =>
    adaptiveCard(index === 0 ? body : [marker(index + 1, bodies.length), ...body], true),
  );
}

/** The post in groups, in order: the title with its stamp and lede, one group per item… */
export function minutesGroups(doc: MinutesDocument): BodyGroup[] {
  return [
    {
      parts: [
        textPart(doc.title, TITLE, true),
        ...(doc.stamp ? [textPart(doc.stamp, STAMP, true)] : []),
        ...(doc.corrected ? [textPart(doc.corrected, STAMP, true)] : []),
        textPart(doc.lede),
      ],
    },
    ...doc.sections.map(sectionGroup),
    ...(doc.otherActions
      ? [
          {
            container: SECTION,
            parts: [heading(doc.otherActions.heading), ...actionParts(doc.otherActions.actions)],
          },
        ]
      : []),
    ...(doc.closing ? [closingGroup(doc.closing)] : []),
    ...(doc.checksum ? [{ parts: [textPart(checksumLine(doc.checksum), STAMP, true)] }] : []),
    ...(doc.protocol ? protocolAfterPost(doc.protocol) : []),
  ];
}

/** The protocol (architecture.md §12) follows the post it was published with, set off by a line. */
function protocolAfterPost(protocol: NonNullable<MinutesDocument["protocol"]>): BodyGroup[] {
  const [first, ...rest] = protocolGroups(protocol);
  return first ? [{ ...first, container: PROTOCOL }, ...rest] : rest;
}

function heading(text: string): BodyPart {
  return textPart(text, HEADING, true);
}

function sectionGroup(section: MinutesSection): BodyGroup {
  return {
    container: SECTION,
    parts: [
      heading(section.heading),
      ...(section.decision ? [textPart(section.decision.label, DECISION, true)] : []),
      ...section.paragraphs.map((paragraph) => textPart(paragraph)),
      ...actionParts(section.actions),
    ],
  };
}

function actionParts(actions: MinutesAction[]): BodyPart[] {
  return actions.map((action) => textPart(`• ${action.line}`));
}

function closingGroup(closing: MinutesClosing): BodyGroup {
  return {
    container: SECTION,
    parts: [
      heading(closing.heading),
      ...(closing.documents ? [documentsPart(closing.documents)] : []),
      ...(closing.nextMeeting ? [textPart(closing.nextMeeting)] : []),
    ],
  };
}

/**
 * "Handlingar … finns på [rvn.se](https://rvn.se)": a link only to a web address (webHref,
 * which percent-encodes `(`, `)` and spaces, so that the target cannot end early); anything
 * else (`javascript:`…) stays text. Three blocks only when the line is too big for a card.
 */
function documentsPart(documents: NonNullable<MinutesClosing["documents"]>): BodyPart {
  const { before, url, after } = documents;
  const href = webHref(url);
  if (href === undefined) return textPart(`${before}${url}${after}`);
  const link = `[${escapeTeamsLine(url.trim(), false)}](${linkTarget(href)})`;
  const line = `${escapeTeamsLine(before, true)}${link}${escapeTeamsLine(after, false)}`;
  return elementPart(markdownBlock(line), [
    textPart(before),
    elementPart(markdownBlock(link), [textPart(url)]),
    textPart(after),
  ]);
}

/**
 * Simpler Markdown parsers in Teams clients read emphasis before links, so marks in the
 * target are percent-encoded too (`_` and `~` are unreserved: the address stays the same).
 */
function linkTarget(href: string): string {
  return href.replace(/[_*~[\]]/g, (mark) => `%${mark.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A TextBlock of Markdown made here, its user text escaped already. */
function markdownBlock(text: string): TextBlock {
  return { type: "TextBlock", text, wrap: true };
}
