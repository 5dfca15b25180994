import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MinutesDocument } from "../../../../src/domain/minutes/document.js";
import type { ProtocolDocument } from "../../../../src/domain/protocol/protocol-document.js";
import type { Reply, ReplyBlock } from "../../../../src/domain/reply.js";
import type {
  ActionSet,
  AdaptiveCard,
  CardElement,
} from "../../../../src/render/adaptive-card/adaptive-card-types.js";
import { renderMinutesCards } from "../../../../src/render/adaptive-card/minutes-cards.js";
import { renderOverviewCard } from "../../../../src/render/adaptive-card/overview-card.js";
import { renderReplyCards } from "../../../../src/render/adaptive-card/reply-cards.js";
import { escapeTeamsLine } from "../../../../src/render/adaptive-card/teams-escape.js";
import { webHref } from "../../../../src/render/web-link.js";
import { COUNCIL, replyArbitraries } from "../../../support/arbitrary-replies.js";
import { firstMissingInOrder } from "../text-order.js";
import { cardProblems, liveMarkup, squeeze, textBlocks, unescapeTeams } from "./card-checks.js";

// Arbitrary text in every place a user's words can reach: nothing becomes Markdown, a link or
// a mention, every card stays within 28 000 bytes, and no text is lost.

const HOSTILE = [
  "<at>Anna</at>",
  "**bold**",
  "_it_",
  "~~s~~",
  "`code`",
  "[x](https://evil)",
  "![i](https://evil/i.png)",
  "<https://evil.example>",
  "<b>fet</b>",
  "# rubrik",
  "- lista",
  "+ lista",
  "1. lista",
  "2) lista",
  "> citat",
  "---",
  "{{DATE(2017-02-14T06:00:00Z, SHORT)}}",
  "&amp;",
  "&#60;",
  "\\",
  "\n\n",
  "\r\n",
  "    indraget",
  "Slut.",
];

const { minutesDocument, reply, overviewWith } = replyArbitraries({
  hostile: HOSTILE,
  longRunUnits: ["&", "<", "x", "😀", "\u0001", "\\", "ord ", "Mening. ", "<at>A</at> ", "- a\n"],
  longRunMaxLength: 12_000,
  // None is an action's "done N" or "postpone N".
  commands: ["approve", "publish", "next", "remove 7", "minutes"],
  documentsUrls: [
    "rvn.se",
    "https://rvn.se/a?b=1&c=<2>|x",
    "https://rvn.se/a_b_(c)*d*[e] f",
    "https://evil.example](javascript:alert(1))",
    "javascript:alert(1)",
    `https://rvn.se/${"x".repeat(30_000)}`,
  ],
});

/** Catalogue text around user text (headings, empty texts): short, but with marks in it. */
const shortText = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 60 }));

const overview = overviewWith(shortText, shortText);

/** The documents links a post may carry: the only Markdown the cards may hold. */
function allowedLinks(documents: MinutesDocument[]): string[] {
  return documents.flatMap(({ closing }) => {
    const href = closing?.documents && webHref(closing.documents.url);
    if (!closing?.documents || href === undefined) return [];
    expect(href).toMatch(/^https?:\/\/[^\s()<>]+$/);
    const target = href.replace(
      /[_*~[\]]/g,
      (mark) => `%${mark.charCodeAt(0).toString(16).toUpperCase()}`,
    );
    return [`[${escapeTeamsLine(closing.documents.url.trim(), false)}](${target})`];
  });
}

/** Live markup in the cards' texts once the allowed links are taken out. */
function markupLeft(cards: AdaptiveCard[], links: string[]): string[] {
  return textBlocks(cards).flatMap((block) => {
    let text = block.text;
    for (const link of links) text = text.replaceAll(link, "LINK");
    return liveMarkup(text);
  });
}

/** Everything the cards show, unescaped, without white space; the continuation marks left out. */
function shown(cards: AdaptiveCard[], marked: boolean): string {
  const marks = new Set(marked ? cards.slice(1).map((card) => card.body[0]) : []);
  return squeeze(
    textBlocks(cards)
      .filter((block) => !marks.has(block))
      .map((block) => unescapeTeams(block.text))
      .join(""),
  );
}

/** What a post must show, in order. */
function postTexts(doc: MinutesDocument): string[] {
  const { closing } = doc;
  return [
    doc.title,
    ...(doc.stamp ? [doc.stamp] : []),
    doc.lede,
    ...doc.sections.flatMap((s) => [
      s.heading,
      ...(s.decision ? [s.decision.label] : []),
      ...s.paragraphs,
      ...s.actions.map((action) => action.line),
    ]),
    ...(doc.otherActions
      ? [doc.otherActions.heading, ...doc.otherActions.actions.map((action) => action.line)]
      : []),
    ...(closing ? [closing.heading] : []),
    ...(closing?.documents
      ? [closing.documents.before, closing.documents.url, closing.documents.after]
      : []),
    ...(closing?.nextMeeting ? [closing.nextMeeting] : []),
  ].map(squeeze);
}

function replyTexts(input: Reply): string[] {
  return input.blocks.flatMap(blockTexts).map(squeeze);
}

function blockTexts(block: ReplyBlock): string[] {
  switch (block.type) {
    case "text":
      return [block.text];
    case "list":
      return [block.title ?? "", ...block.lines];
    case "actions":
      return [block.title ?? "", ...block.actions.map((a) => a.line), block.more ?? ""];
    case "minutes":
      return postTexts(block.document);
    case "protocol":
      return protocolStrings(block.document);
    case "document":
      return [block.note];
    case "buttons":
      return [];
  }
}

function actionSetsOf(cards: AdaptiveCard[]): ActionSet[] {
  const collect = (element: CardElement): ActionSet[] => {
    if (element.type === "ActionSet") return [element];
    if (element.type === "Container") return element.items.flatMap(collect);
    return [];
  };
  return cards.flatMap((card) => card.body.flatMap(collect));
}

function documentsOf(input: Reply): MinutesDocument[] {
  return input.blocks.flatMap((block) => (block.type === "minutes" ? [block.document] : []));
}

describe("Adaptive Cards for arbitrary user text", () => {
  it("a reply: within 28 000 bytes, version 1.5, no live markup, no text lost", () => {
    fc.assert(
      fc.property(reply, (input) => {
        const cards = renderReplyCards(input);
        for (const card of cards) expect(cardProblems(card)).toEqual([]);
        expect(markupLeft(cards, allowedLinks(documentsOf(input)))).toEqual([]);
        expect(firstMissingInOrder(shown(cards, false), replyTexts(input))).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });

  it("a reply: Klar and Skjut upp for each open action only, running its command", () => {
    fc.assert(
      fc.property(reply, (input) => {
        const actions = actionSetsOf(renderReplyCards(input)).flatMap((set) => set.actions);
        for (const action of actions) {
          expect(action.verb).toBe("noterat.run");
          expect(Object.keys(action.data)).toEqual(["councilId", "command"]);
          expect(action.data.councilId).toBe(COUNCIL);
        }
        const entries = input.blocks.flatMap((b) => (b.type === "actions" ? b.actions : []));
        const expected = entries
          .filter((e) => e.status === "open")
          .flatMap((e) => [`done ${e.ref}`, `postpone ${e.ref}`]);
        const entryCommands = actions
          .map((action) => action.data.command)
          .filter((c) => /^(done|postpone) /.test(c));
        expect(entryCommands).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it("a post: several cards if need be, each within 28 000 bytes, no live markup, no text lost", () => {
    fc.assert(
      fc.property(minutesDocument, (doc) => {
        const cards = renderMinutesCards(doc);
        expect(cards.length).toBeGreaterThan(0);
        for (const card of cards) expect(cardProblems(card)).toEqual([]);
        expect(markupLeft(cards, allowedLinks([doc]))).toEqual([]);
        expect(firstMissingInOrder(shown(cards, true), postTexts(doc))).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });

  it("the overview: one card within 28 000 bytes, no live markup", () => {
    fc.assert(
      fc.property(overview, (input) => {
        const card = renderOverviewCard(input);
        expect(cardProblems(card)).toEqual([]);
        expect(markupLeft([card], [])).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

/** What a protocol shows, in order: its title, each §'s number and heading and text. */
function protocolStrings(doc: ProtocolDocument): string[] {
  return [
    doc.body,
    doc.title,
    ...doc.paragraphs.flatMap((paragraph) => [
      paragraph.number,
      paragraph.heading,
      ...paragraph.paragraphs,
    ]),
  ];
}
