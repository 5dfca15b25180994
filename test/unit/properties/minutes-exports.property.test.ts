import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MinutesDocument } from "../../../src/domain/minutes/document.js";
import type { ProtocolDocument } from "../../../src/domain/protocol/protocol-document.js";
import type { Reply, ReplyBlock } from "../../../src/domain/reply.js";
import { escapeHtml } from "../../../src/render/escape-html.js";
import { escapeMarkdownLine } from "../../../src/render/escape-markdown.js";
import { renderMinutesHtml } from "../../../src/render/minutes-html.js";
import { renderMinutesMarkdown } from "../../../src/render/minutes-markdown.js";
import { renderMinutesText } from "../../../src/render/minutes-text.js";
import { renderReplyText } from "../../../src/render/reply-text.js";
import { webHref } from "../../../src/render/web-link.js";
import { replyArbitraries } from "../../support/arbitrary-replies.js";
import { firstMissingInOrder } from "../render/text-order.js";

// The post as the region's web site gets it (HTML, Markdown) and as plain text (the console,
// notification fallbacks), with arbitrary text in every place a user's words can reach: no
// exception, no tag or Markdown made from the text, the only link the documents address (and
// only an http(s) one), and nothing cut. block-kit.property.test.ts and
// adaptive-card.property.test.ts do the same for Slack's and Teams' renderers.

const HOSTILE = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='x",
  "</section></article>",
  "<!--",
  "&amp;",
  "&#60;",
  "&",
  "# rubrik",
  "## rubrik",
  "- lista",
  "* lista",
  "+ lista",
  "1. lista",
  "2) lista",
  "> citat",
  "---",
  "===",
  "    indraget",
  "```",
  "`kod`",
  "**fet**",
  "_kursiv_",
  "~~struken~~",
  "[x](javascript:alert(1))",
  "![bild](https://evil.example/x.png)",
  "<https://evil.example>",
  "https://evil.example",
  "www.evil.example",
  "| a | b |",
  "[^1]",
  "$x$",
  "@anna",
  "<@U123>",
  "<!channel>",
  "\\",
  "\n",
  "\n\n",
  "\r\n",
  "\t",
  "Slut.",
];

const { minutesDocument, reply } = replyArbitraries({
  hostile: HOSTILE,
  longRunUnits: ["&", "<", "x", "😀", "# ", "- ", "\\", "ord ", "Mening. "],
  longRunMaxLength: 6000,
  commands: ["approve", "publish", "next"],
  documentsUrls: [
    "rvn.se",
    "www.rvn.se/handlingar",
    "https://rvn.se/a?b=1&c=<2>|x",
    'https://rvn.se/?q="><script>',
    "https://rvn.se/a_b_(c)*d*[e] f",
    "https://evil.example](javascript:alert(1))",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "  https://rvn.se  ",
  ],
});

/** Every user-given string of a post, in the order a reader meets it. */
function postStrings(doc: MinutesDocument): string[] {
  const { closing } = doc;
  return [
    doc.title,
    ...(doc.stamp ? [doc.stamp] : []),
    doc.lede,
    ...doc.sections.flatMap((section) => [
      section.heading,
      ...(section.decision ? [section.decision.label] : []),
      ...section.paragraphs,
      ...section.actions.map((action) => action.line),
    ]),
    ...(doc.otherActions
      ? [doc.otherActions.heading, ...doc.otherActions.actions.map((action) => action.line)]
      : []),
    ...(closing ? [closing.heading] : []),
    ...(closing?.documents
      ? [closing.documents.before, closing.documents.url, closing.documents.after]
      : []),
    ...(closing?.nextMeeting ? [closing.nextMeeting] : []),
  ];
}

/** The http(s) address the post may link to, if its documents address is a web address. */
function documentsHref(doc: MinutesDocument): string | undefined {
  const url = doc.closing?.documents?.url;
  return url === undefined ? undefined : webHref(url);
}

/** Every string of a reply block that its plain text must show. */
function replyStrings(block: ReplyBlock): string[] {
  switch (block.type) {
    case "text":
      return [block.text];
    case "list":
      return [block.title ?? "", ...block.lines];
    case "actions":
      return [block.title ?? "", ...block.actions.map((a) => a.line), block.more ?? ""];
    case "minutes":
      return postStrings(block.document);
    case "protocol":
      return protocolStrings(block.document);
    case "document":
      return [block.note];
    case "buttons":
      return [];
  }
}

// ---- HTML -------------------------------------------------------------------------------

/** Every tag the renderer writes, exactly; whatever else looks like a tag came from text. */
const OWN_TAG = new RegExp(
  [
    "<!doctype html>",
    '<html lang="(?:sv|en)">',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<p class="(?:stamp|lede|decision)">',
    '<section class="(?:item item-(?:info|discussion|decision)|other-actions|closing)">',
    '<ul class="actions">',
    '<a href="[^"<>]*">',
    "</?(?:html|head|title|style|body|main|article|header|h1|h2|p|time|section|strong|ul|li|a)>",
    "<br>",
  ].join("|"),
  "g",
);

function htmlProblems(html: string, doc: MinutesDocument): string[] {
  const problems: string[] = [];
  const stray = html.replace(OWN_TAG, "").search(/[<>]/);
  if (stray >= 0)
    problems.push(`stray < or >: ${html.replace(OWN_TAG, "").slice(stray, stray + 40)}`);
  for (const match of html.matchAll(/&[^;\s]{0,8};?/g)) {
    if (!/^&(?:amp|lt|gt|quot|#39);/.test(match[0])) problems.push(`bare &: ${match[0]}`);
  }
  const hrefs = [...html.matchAll(/<a href="([^"]*)">/g)].map((match) => match[1]);
  const href = documentsHref(doc);
  const expected = href === undefined ? [] : [escapeHtml(href)];
  if (JSON.stringify(hrefs) !== JSON.stringify(expected)) {
    problems.push(`links ${JSON.stringify(hrefs)}, expected ${JSON.stringify(expected)}`);
  }
  for (const target of hrefs) {
    if (!/^https?:\/\//.test(target ?? "")) problems.push(`link to ${target}`);
  }
  return problems;
}

/** A string as the page shows it: escaped, line breaks as <br>. */
function htmlText(value: string): string {
  return escapeHtml(value).replace(/\r?\n/g, "<br>\n");
}

// ---- Markdown ---------------------------------------------------------------------------

/** Marks that make CommonMark/GFM syntax anywhere in a line, unless escaped. */
const MARKS = new Set(["`", "*", "_", "~", "[", "]", "|", "#", "{", "}", "$", "^", "@", "<", ">"]);
/** What may open a block at the start of a line: a list, quote, break, underline or code. */
const BLOCK_START = /^(?: {4}|\t| {0,3}(?:[-+*=>#`~|]|\d{1,9}[.)]))/;

function markdownProblems(markdown: string, doc: MinutesDocument): string[] {
  const problems: string[] = [];
  const href = documentsHref(doc);
  const sections = doc.sections.length;
  const headings = sections + (doc.otherActions ? 1 : 0) + (doc.closing ? 1 : 0);
  const actions =
    doc.sections.reduce((sum, section) => sum + section.actions.length, 0) +
    (doc.otherActions?.actions.length ?? 0);
  const counts = { title: 0, headings: 0, bullets: 0, links: 0 };
  let inList = false;
  for (const line of markdown.split("\n")) {
    let rest = line;
    if (/^# /.test(rest)) {
      counts.title += 1;
      rest = rest.slice(2);
    } else if (/^## /.test(rest)) {
      counts.headings += 1;
      rest = rest.slice(3);
    } else if (/^- /.test(rest)) {
      counts.bullets += 1;
      inList = true;
      rest = rest.slice(2);
    } else if (inList && /^ {2}\S/.test(rest)) {
      rest = rest.slice(2);
    } else {
      inList = false;
      const bold = /^\*\*(.*)\*\*$/.exec(rest);
      if (bold) rest = bold[1] ?? "";
    }
    const url = doc.closing?.documents?.url;
    if (href !== undefined && url !== undefined) {
      // The link text is escaped like any text, and is checked as such; the target is the
      // address itself.
      const text = escapeMarkdownLine(url);
      const link = `[${text}](<${href}>)`;
      if (rest.includes(link)) {
        counts.links += 1;
        rest = rest.replace(link, text);
      }
    }
    if (BLOCK_START.test(rest)) problems.push(`block start: ${line.slice(0, 40)}`);
    for (let index = 0; index < rest.length; index++) {
      const char = rest.charAt(index);
      if (char === "\\") index++;
      else if (MARKS.has(char)) problems.push(`${char} in: ${line.slice(0, 60)}`);
      else if (char === "&" && !/^&(?:amp|lt|gt);/.test(rest.slice(index))) {
        problems.push(`& in: ${line.slice(0, 60)}`);
      }
    }
    if (/www\.|(?<!\\)(?:\\\\)*:\/\//.test(rest))
      problems.push(`autolink in: ${line.slice(0, 60)}`);
  }
  const expected = { title: 1, headings, bullets: actions, links: href === undefined ? 0 : 1 };
  if (JSON.stringify(counts) !== JSON.stringify(expected)) {
    problems.push(`structure ${JSON.stringify(counts)}, expected ${JSON.stringify(expected)}`);
  }
  return problems;
}

// ---- the properties ---------------------------------------------------------------------

describe("the post for the web site, for arbitrary user text", () => {
  it("HTML: a complete page, every string escaped and shown, one link at most, to http(s)", () => {
    fc.assert(
      fc.property(minutesDocument, (doc) => {
        const html = renderMinutesHtml(doc);
        expect(html).toMatch(/^<!doctype html>\n<html lang="(sv|en)">\n<head>\n/);
        expect(html).toMatch(/<\/article>\n<\/main>\n<\/body>\n<\/html>\n$/);
        expect(htmlProblems(html, doc)).toEqual([]);
        expect(
          firstMissingInOrder(html, postStrings(doc).filter(Boolean).map(htmlText)),
        ).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });

  it("Markdown: no heading, list, quote, code, emphasis, link or HTML made from text", () => {
    fc.assert(
      fc.property(minutesDocument, (doc) => {
        const markdown = renderMinutesMarkdown(doc);
        expect(markdown.endsWith("\n")).toBe(true);
        expect(markdownProblems(markdown, doc)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe("plain text, for arbitrary user text", () => {
  it("a post: every string as typed, in order, nothing cut", () => {
    fc.assert(
      fc.property(minutesDocument, (doc) => {
        const text = renderMinutesText(doc);
        expect(firstMissingInOrder(text, postStrings(doc).filter(Boolean))).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });

  it("a reply: every line as typed, its post's too", () => {
    fc.assert(
      fc.property(reply, (input: Reply) => {
        const text = renderReplyText(input);
        const expected = input.blocks.flatMap(replyStrings);
        expect(firstMissingInOrder(text, expected.filter(Boolean))).toBeUndefined();
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
