import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MinutesDocument } from "../../../../src/domain/minutes/document.js";
import type { Reply } from "../../../../src/domain/reply.js";
import { renderMinutesMessages } from "../../../../src/render/block-kit/minutes-messages.js";
import { renderOverviewView } from "../../../../src/render/block-kit/overview-view.js";
import { renderReplyMessages } from "../../../../src/render/block-kit/reply-messages.js";
import { escapeSlackText } from "../../../../src/render/block-kit/slack-escape.js";
import { webHref } from "../../../../src/render/web-link.js";
import { replyArbitraries } from "../../../support/arbitrary-replies.js";
import { firstMissingInOrder } from "../text-order.js";
import { joinedSectionTexts, messageProblems, viewProblems } from "./block-kit-checks.js";

// Arbitrary text in every place a user's words can reach: nothing becomes Slack markup, no
// limit is passed, and no text of a post is lost.

const { userText, paragraph, minutesDocument, reply, overviewWith } = replyArbitraries({
  hostile: [
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
  ],
  longRunUnits: ["&", "<", "x", "😀", "ord ", "Mening. ", "<!here> "],
  longRunMaxLength: 7000,
  commands: ["approve", "publish", "done 12", "postpone 7", "next"],
  documentsUrls: [
    "rvn.se",
    "https://rvn.se/a?b=1&c=<2>|x",
    "https://evil.example|click",
    "javascript:alert(1)",
    `https://rvn.se/${"x".repeat(3100)}`,
  ],
});

const overview = overviewWith(userText, paragraph);

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
