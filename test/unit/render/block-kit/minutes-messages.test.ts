import { describe, expect, it } from "vitest";
import { compileMinutes } from "../../../../src/domain/minutes/compile-minutes.js";
import { renderMinutesMessages } from "../../../../src/render/block-kit/minutes-messages.js";
import { escapeSlackText } from "../../../../src/render/block-kit/slack-escape.js";
import { SEED_HEADINGS, SEED_TEXTS, seedMeeting } from "../../minutes/seed-003-meeting.js";
import { HOSTILE, hostileMinutes } from "../hostile-minutes.js";
import { smallDocument } from "../small-minutes.js";
import { firstMissingInOrder } from "../text-order.js";
import {
  joinedSectionTexts,
  messageProblems,
  sectionText,
  shownTexts,
} from "./block-kit-checks.js";

const mrkdwn = (text: string) => ({ type: "mrkdwn", text, verbatim: true });
const section = (text: string) => ({ type: "section", text: mrkdwn(text) });

describe("renderMinutesMessages", () => {
  it("renders a small post as one message, exactly", () => {
    expect(renderMinutesMessages(smallDocument())).toEqual([
      {
        text: "Noterat från Reglab 30 maj",
        blocks: [
          {
            type: "header",
            text: { type: "plain_text", text: "Noterat från Reglab 30 maj", emoji: true },
          },
          { type: "context", elements: [mrkdwn("2026-05-31 09:00")] },
          section("Budget – det var en av frågorna som behandlades vid Reglabs möte den 30 maj."),
          section("*Budget*\n_Beslut § 12_\nEtt.\n\nTvå.\n• Anna Berg: Skicka (senast 2 juni)"),
          section("*Uppdrag*\n• Per och Eva: Ring – klar"),
          section(
            "*Nästa möte*\nHandlingar från Reglab finns i sin helhet på <https://rvn.se/handlingar|rvn.se/handlingar>\nNästa möte med Reglab är den 30 juni.",
          ),
        ],
      },
    ]);
  });

  it("renders the seed 003 post: one section per item, heading above its text", () => {
    const messages = renderMinutesMessages(compileMinutes(seedMeeting()));
    expect(messages.length).toBe(1);
    const blocks = messages[0]?.blocks ?? [];
    expect(blocks.map((block) => block.type)).toEqual([
      "header",
      "context",
      "section",
      "section",
      "section",
      "section",
      "section",
      "section",
    ]);
    SEED_HEADINGS.forEach((heading, index) => {
      const text = sectionText(blocks[index + 3]);
      expect(text.startsWith(`*${heading}*\n`)).toBe(true);
      const paragraphs = (SEED_TEXTS[index] ?? "").split("\n\n");
      expect(firstMissingInOrder(text, paragraphs)).toBeUndefined();
    });
    expect(sectionText(blocks[7])).toBe(
      "*Nästa möte*\nHandlingar från Regionala samverkansrådet finns i sin helhet på <https://rvn.se|rvn.se>\nNästa möte med Regionala samverkansrådet är den 30 maj.",
    );
  });

  it("has no stamp on a draft and no documents line without documents", () => {
    const [message] = renderMinutesMessages(
      smallDocument({
        closing: { heading: "Nästa möte" },
        otherActions: undefined,
        stamp: undefined,
      }),
    );
    expect(message?.blocks.map((block) => block.type)).toEqual([
      "header",
      "section",
      "section",
      "section",
    ]);
    expect(message?.blocks.at(-1)).toEqual(section("*Nästa möte*"));
  });

  it("links only web addresses, with |, < and > kept out of the link target", () => {
    const linkOf = (url: string) => {
      const doc = smallDocument({
        closing: { heading: "Nästa möte", documents: { before: "På ", url, after: "." } },
      });
      return sectionText(renderMinutesMessages(doc)[0]?.blocks.at(-1));
    };
    expect(linkOf("javascript:alert(1)")).toBe("*Nästa möte*\nPå javascript:alert(1).");
    expect(linkOf("data:text/html,<b>x</b>")).toBe(
      "*Nästa möte*\nPå data:text/html,&lt;b&gt;x&lt;/b&gt;.",
    );
    expect(linkOf("https://rvn.se/a?b=1&c=<2>|x")).toBe(
      "*Nästa möte*\nPå <https://rvn.se/a?b=1&amp;c=%3C2%3E%7Cx|https://rvn.se/a?b=1&amp;c=&lt;2&gt;|x>.",
    );
  });

  it("escapes every user-typed part of a hostile post", () => {
    const messages = renderMinutesMessages(hostileMinutes());
    const texts = messages.flatMap((message) => shownTexts(message.blocks)).join("\n");
    expect(JSON.stringify(messages)).not.toMatch(/[<>]/);
    expect(texts).toContain(escapeSlackText(HOSTILE.council));
    expect(texts).toContain(escapeSlackText(HOSTILE.heading));
    expect(texts).toContain("Anna &lt;@U123&gt;: `rm -rf` &amp; &lt;b&gt;fet&lt;/b&gt;");
    expect(texts).toContain("javascript:alert(1)");
  });

  it("puts a title too long for a header in a bold section, whole", () => {
    const title = `Noterat från ${"Mycket långa rådet ".repeat(10)}30 maj`;
    const [message] = renderMinutesMessages(smallDocument({ title }));
    expect(message?.blocks[0]).toEqual(section(`*${title}*`));
    expect(message?.text).toBe(title);
  });

  it("measures the header once escaped", () => {
    const fits = `${"&".repeat(30)}`; // 150 once escaped
    const over = `${"&".repeat(30)}x`;
    expect(renderMinutesMessages(smallDocument({ title: fits }))[0]?.blocks[0]?.type).toBe(
      "header",
    );
    expect(renderMinutesMessages(smallDocument({ title: over }))[0]?.blocks[0]?.type).toBe(
      "section",
    );
  });

  it("splits a long paragraph at sentence ends over sections of one item, losing nothing", () => {
    const sentence = "Regionen fortsätter arbetet med strategin & planen. ";
    const paragraph = sentence.repeat(150).trim(); // about 7800 characters
    const doc = smallDocument({
      sections: [
        { ref: 1, kind: "info", heading: "Strategi", paragraphs: [paragraph], actions: [] },
      ],
    });
    const [message] = renderMinutesMessages(doc);
    expect(message && messageProblems(message)).toEqual([]);
    const item = (message?.blocks.slice(3, -2) ?? []).map(sectionText);
    expect(item.length).toBe(3);
    expect(item[0]?.startsWith("*Strategi*\nRegionen")).toBe(true);
    for (const text of item.slice(0, -1)) expect(text.endsWith("planen. ")).toBe(true);
    expect(item.join("")).toBe(`*Strategi*\n${escapeSlackText(paragraph)}`);
  });
});

describe("renderMinutesMessages: a 200-item meeting", () => {
  const sentence = (n: number) => `Punkt ${n} behandlades & <!here> diskuterades vidare. `;
  const text = (ref: number, length: number) => {
    let body = "";
    for (let n = 0; body.length < length; n++) {
      body += sentence(n);
      if (n % 9 === 8) body += "\n\n";
    }
    return `Ärende ${ref}: ${body.trim()}`;
  };
  const source = seedMeeting({
    items: Array.from({ length: 200 }, (_, index) => ({
      ref: index + 1,
      kind: index % 5 === 0 ? "decision" : "info",
      heading: `Rubrik ${index + 1}`,
      // Every 25th item is one paragraph of 7000 characters; the rest about 1500 in paragraphs.
      text:
        index % 25 === 0 ? text(index + 1, 7000).replaceAll("\n\n", " ") : text(index + 1, 1500),
      paragraph: index % 5 === 0 ? index + 1 : null,
    })),
    actions: Array.from({ length: 60 }, (_, index) => ({
      ref: 1000 + index,
      itemRef: index % 6 === 5 ? null : index * 3 + 1,
      text: `Uppdrag ${index} <@U${index}>`,
      assignees: ["Anna Berg", "Per Ek"],
      due: { year: 2018, month: 5, day: 30 },
      status: "open" as const,
    })),
  });
  const doc = compileMinutes(source);
  const messages = renderMinutesMessages(doc);

  it("becomes several messages, all within Slack's limits", () => {
    expect(messages.length).toBeGreaterThanOrEqual(5);
    for (const message of messages) expect(messageProblems(message)).toEqual([]);
  });

  it("starts with the header and marks the others as continued", () => {
    expect(messages[0]?.blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: doc.title, emoji: true },
    });
    expect(messages[0]?.text).toBe(doc.title);
    messages.slice(1).forEach((message, index) => {
      const marker = `${doc.title} (forts. ${index + 2}/${messages.length})`;
      expect(message.text).toBe(marker);
      expect(message.blocks[0]).toEqual({ type: "context", elements: [mrkdwn(marker)] });
      expect(message.blocks.some((block) => block.type === "header")).toBe(false);
    });
  });

  it("loses no text: every heading, paragraph and action, escaped, in order", () => {
    const expected = [
      doc.lede,
      ...doc.sections.flatMap((section) => [
        `*${section.heading}*`,
        ...section.paragraphs,
        ...section.actions.map((action) => action.line),
      ]),
      ...(doc.otherActions?.actions.map((action) => action.line) ?? []),
      doc.closing?.nextMeeting ?? "",
    ].map((part) => (part.startsWith("*") ? part : escapeSlackText(part)));
    expect(firstMissingInOrder(joinedSectionTexts(messages), expected)).toBeUndefined();
    expect(
      doc.sections.filter((section) => section.paragraphs.some((p) => p.length > 6000)).length,
    ).toBe(8);
  });

  it("keeps a short item in one section, and an item whole in one message", () => {
    // Each continued message starts at the beginning of an item, never inside one.
    for (const message of messages.slice(1)) {
      const first = message.blocks.find((block) => block.type === "section");
      expect(sectionText(first)).toMatch(/^\*Rubrik \d+\*\n/);
    }
  });

  it("says (cont. 2/N) in English", () => {
    const english = renderMinutesMessages(compileMinutes({ ...source, locale: "en" }));
    expect(english[1]?.text).toBe(`${english[0]?.text} (cont. 2/${english.length})`);
  });
});
