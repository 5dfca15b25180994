import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MinutesDocument, MinutesSection } from "../../../../src/domain/minutes/document.js";
import type { ActionEntry, Overview, Reply, ReplyBlock } from "../../../../src/domain/reply.js";
import { renderMinutesMessages } from "../../../../src/render/block-kit/minutes-messages.js";
import { renderOverviewView } from "../../../../src/render/block-kit/overview-view.js";
import { renderReplyMessages } from "../../../../src/render/block-kit/reply-messages.js";
import { escapeSlackText } from "../../../../src/render/block-kit/slack-escape.js";
import { webHref } from "../../../../src/render/web-link.js";
import {
  firstMissingInOrder,
  joinedSectionTexts,
  messageProblems,
  viewProblems,
} from "./block-kit-checks.js";

// Arbitrary text in every place a user's words can reach: nothing becomes Slack markup, no
// limit is passed, and no text of a post is lost.

const COUNCIL = "cm1council0000000000000000";
const HOSTILE = [
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<@U123>",
  "<#C123>",
  "<https://evil.example|click>",
  "&amp;",
  "*",
  "\n\n",
  "Slut.",
];

/** Long runs of one kind: text that must be split, measured once escaped. */
const longRun = fc
  .tuple(
    fc.constantFrom("&", "<", "x", "😀", "ord ", "Mening. ", "<!here> "),
    fc.integer({ min: 2800, max: 7000 }),
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

const command = fc.constantFrom("approve", "publish", "done 12", "postpone 7", "next");

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
    "https://evil.example|click",
    "javascript:alert(1)",
    `https://rvn.se/${"x".repeat(3100)}`,
  ),
  userText,
);

const minutesDocument: fc.Arbitrary<MinutesDocument> = fc.record(
  {
    locale: fc.constantFrom("sv", "en"),
    title: userText,
    stamp: userText,
    lede: paragraph,
    // "medium": enough items for a post of several messages.
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
  title: userText,
  actions: fc.array(entry, { maxLength: 90, size: "medium" }),
  actionsTitle: userText,
  noActions: paragraph,
  meetingsTitle: userText,
  meetings: fc.array(paragraph, { maxLength: 40, size: "medium" }),
  noMeetings: paragraph,
});

/** The documents links the post may carry: the only `<…>` allowed in the output. */
function allowedLinks(documents: MinutesDocument[]): string[] {
  return documents.flatMap(({ closing }) => {
    const href = closing?.documents && webHref(closing.documents.url);
    if (!closing?.documents || href === undefined) return [];
    expect(href).toMatch(/^https?:\/\/[^|<>\s]+$/);
    return [`<${escapeSlackText(href)}|${escapeSlackText(closing.documents.url)}>`];
  });
}

/** `<` or `>` in the serialised output once the allowed links are taken out. */
function markupLeft(output: unknown, links: string[]): string[] {
  let json = JSON.stringify(output);
  for (const link of links) json = json.replaceAll(JSON.stringify(link).slice(1, -1), "");
  const at = json.search(/[<>]/);
  return at < 0 ? [] : [json.slice(Math.max(0, at - 40), at + 40)];
}

function documentsOf(reply: Reply): MinutesDocument[] {
  return reply.blocks.flatMap((block) => (block.type === "minutes" ? [block.document] : []));
}

/** What the post must show, escaped, in order: the lede, every paragraph and action line. */
function postTexts(doc: MinutesDocument): string[] {
  return [
    doc.lede,
    ...doc.sections.flatMap((section) => [
      ...section.paragraphs,
      ...section.actions.map((action) => action.line),
    ]),
    ...(doc.otherActions?.actions.map((action) => action.line) ?? []),
    ...(doc.closing?.nextMeeting ? [doc.closing.nextMeeting] : []),
  ]
    .filter((text) => text.trim() !== "")
    .map(escapeSlackText);
}

describe("Block Kit output for arbitrary user text", () => {
  it("a reply: no live markup, within every limit", () => {
    fc.assert(
      fc.property(reply, (input) => {
        const messages = renderReplyMessages(input);
        expect(markupLeft(messages, allowedLinks(documentsOf(input)))).toEqual([]);
        for (const message of messages) expect(messageProblems(message)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it("a post: no live markup, within every limit, no text lost", () => {
    fc.assert(
      fc.property(minutesDocument, (doc) => {
        const messages = renderMinutesMessages(doc);
        expect(messages.length).toBeGreaterThan(0);
        expect(markupLeft(messages, allowedLinks([doc]))).toEqual([]);
        for (const message of messages) expect(messageProblems(message)).toEqual([]);
        expect(firstMissingInOrder(joinedSectionTexts(messages), postTexts(doc))).toBeUndefined();
        const header = messages[0]?.blocks[0];
        if (header?.type === "header") expect(header.text.text).toBe(escapeSlackText(doc.title));
      }),
      { numRuns: 100 },
    );
  });

  it("the App Home: no live markup, within 100 blocks and every other limit", () => {
    fc.assert(
      fc.property(overview, (input) => {
        const view = renderOverviewView(input);
        expect(markupLeft(view, [])).toEqual([]);
        expect(viewProblems(view)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
