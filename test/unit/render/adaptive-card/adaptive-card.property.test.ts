import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MinutesDocument, MinutesSection } from "../../../../src/domain/minutes/document.js";
import type { ActionEntry, Overview, Reply, ReplyBlock } from "../../../../src/domain/reply.js";
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
import {
  cardProblems,
  firstMissingInOrder,
  liveMarkup,
  squeeze,
  textBlocks,
  unescapeTeams,
} from "./card-checks.js";

// Arbitrary text in every place a user's words can reach: nothing becomes Markdown, a link or
// a mention, every card stays within 28 000 bytes, and no text is lost.

const COUNCIL = "cm1council0000000000000000";
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

/** Long runs of one kind: text that must be split, measured once escaped and serialised. */
const longRun = fc
  .tuple(
    fc.constantFrom(
      "&",
      "<",
      "x",
      "😀",
      "\u0001",
      "\\",
      "ord ",
      "Mening. ",
      "<at>A</at> ",
      "- a\n",
    ),
    fc.integer({ min: 2800, max: 12_000 }),
  )
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)));

/** Prose with hostile bits, short to a few thousand characters. */
const prose = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 12 })), {
    maxLength: 500,
    size: "medium",
  })
  .map((words) => words.join(" "));

const userText = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: "binary", maxLength: 40 })),
  },
  { weight: 3, arbitrary: prose },
  { weight: 1, arbitrary: longRun },
);

/** As compileMinutes gives them: trimmed, never empty. */
const paragraph = userText.map((text) => text.trim()).filter((text) => text !== "");

/** Catalogue text around user text (headings, empty texts): short, but with marks in it. */
const shortText = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 60 }));

/** Commands of reply buttons: none is an action's "done N" or "postpone N". */
const command = fc.constantFrom("approve", "publish", "next", "remove 7", "minutes");

const entry: fc.Arbitrary<ActionEntry> = fc.record({
  actionId: fc.constant("a1"),
  councilId: fc.constant(COUNCIL),
  ref: fc.nat({ max: 99_999 }),
  line: userText,
  status: fc.constantFrom("open", "done", "cancelled"),
  overdue: fc.boolean(),
});

const minutesAction = fc.record({ ref: fc.nat({ max: 9999 }), line: userText });

const section: fc.Arbitrary<MinutesSection> = fc.record(
  {
    ref: fc.nat({ max: 9999 }),
    kind: fc.constantFrom("info", "discussion", "decision"),
    heading: userText,
    paragraphs: fc.array(paragraph, { maxLength: 4 }),
    decision: fc.record({ label: userText }),
    actions: fc.array(minutesAction, { maxLength: 4 }),
  },
  { requiredKeys: ["ref", "kind", "heading", "paragraphs", "actions"] },
);

const documentsUrl = fc.oneof(
  fc.webUrl(),
  fc.constantFrom(
    "rvn.se",
    "https://rvn.se/a?b=1&c=<2>|x",
    "https://rvn.se/a_b_(c)*d*[e] f",
    "https://evil.example](javascript:alert(1))",
    "javascript:alert(1)",
    `https://rvn.se/${"x".repeat(30_000)}`,
  ),
  userText,
);

const minutesDocument: fc.Arbitrary<MinutesDocument> = fc.record(
  {
    locale: fc.constantFrom("sv", "en"),
    title: userText,
    stamp: userText,
    lede: paragraph,
    // "medium": enough items for a post of several cards.
    sections: fc.array(section, { maxLength: 70, size: "medium" }),
    otherActions: fc.record({
      heading: userText,
      actions: fc.array(minutesAction, { maxLength: 6 }),
    }),
    closing: fc.record(
      {
        heading: userText,
        documents: fc.record({ before: userText, url: documentsUrl, after: userText }),
        nextMeeting: paragraph,
      },
      { requiredKeys: ["heading"] },
    ),
  },
  { requiredKeys: ["locale", "title", "lede", "sections", "closing"] },
);

const replyBlock: fc.Arbitrary<ReplyBlock> = fc.oneof(
  fc.record({ type: fc.constant("text"), text: userText }),
  fc.record(
    { type: fc.constant("list"), title: userText, lines: fc.array(userText, { maxLength: 30 }) },
    { requiredKeys: ["type", "lines"] },
  ),
  fc.record(
    {
      type: fc.constant("actions"),
      title: userText,
      actions: fc.array(entry, { maxLength: 60, size: "medium" }),
      more: userText,
    },
    { requiredKeys: ["type", "actions"] },
  ),
  fc.record({
    type: fc.constant("minutes"),
    meetingId: fc.constant("m1"),
    status: fc.constantFrom("draft", "approved", "published"),
    document: minutesDocument,
  }),
  fc.record({
    type: fc.constant("buttons"),
    buttons: fc.array(
      fc.record(
        {
          label: userText,
          command,
          councilId: fc.constant(COUNCIL),
          style: fc.constantFrom("primary", "danger"),
        },
        { requiredKeys: ["label", "command", "councilId"] },
      ),
      { maxLength: 30, size: "medium" },
    ),
  }),
);

const reply: fc.Arbitrary<Reply> = fc.record({
  audience: fc.constantFrom("caller", "channel"),
  locale: fc.constantFrom("sv", "en"),
  blocks: fc.array(replyBlock, { maxLength: 5 }),
});

const overview: fc.Arbitrary<Overview> = fc.record({
  locale: fc.constantFrom("sv", "en"),
  title: shortText,
  actions: fc.array(entry, { maxLength: 90, size: "medium" }),
  actionsTitle: shortText,
  noActions: shortText,
  meetingsTitle: shortText,
  meetings: fc.array(paragraph, { maxLength: 40, size: "medium" }),
  noMeetings: shortText,
});

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
