import { describe, expect, it } from "vitest";
import type { ProtocolDocument } from "../../../src/domain/protocol/protocol-document.js";
import type { Reply } from "../../../src/domain/reply.js";
import type { SlackMessage } from "../../../src/render/block-kit/block-kit-types.js";
import { renderMinutesMessages } from "../../../src/render/block-kit/minutes-messages.js";
import { renderReplyMessages } from "../../../src/render/block-kit/reply-messages.js";
import { escapeSlackText } from "../../../src/render/block-kit/slack-escape.js";
import {
  EXAMPLE_PARAGRAPHS,
  exampleProtocol,
  hostileProtocol,
  largeProtocol,
} from "../protocol/protokoll-example.js";
import {
  joinedSectionTexts,
  messageProblems,
  sectionText,
  shownTexts,
} from "./block-kit/block-kit-checks.js";
import { HOSTILE } from "./hostile-minutes.js";
import { smallDocument } from "./small-minutes.js";
import { firstMissingInOrder } from "./text-order.js";

function protocolReply(document: ProtocolDocument): Reply {
  return {
    audience: "caller",
    locale: document.locale,
    blocks: [{ type: "protocol", meetingId: "m1", status: "draft", document }],
  };
}

function allProblems(messages: SlackMessage[]): string[] {
  return messages.flatMap((message, index) =>
    messageProblems(message).map((problem) => `message ${index}: ${problem}`),
  );
}

describe("protocolBlockGroups", () => {
  it("shows a protocol reply: head, header rows, one section per §", () => {
    const [message, ...rest] = renderReplyMessages(protocolReply(exampleProtocol()));
    expect(rest).toEqual([]);
    const blocks = message?.blocks ?? [];
    expect(blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Samverkansrådet Norr", emoji: true },
    });
    expect(sectionText(blocks[1])).toBe("*PROTOKOLL · Sammanträdesdatum 2027-02-08*");
    expect(sectionText(blocks[2])).toBe(
      [
        "*Plats och tid*: Regionens hus, Östersund, kl. 13.00",
        "*Beslutande*: Maria Ek (ordförande), Anna Lind, Bertil Holm, Cecilia Sjö, Erik Berg (ersättare för David Ås)",
        "*Övriga närvarande*: Sara Nord (sekreterare), Per Dal",
        "*Frånvarande*: Frida Sund",
        "*Utses att justera*: Anna Lind",
        "*Justeringens plats och tid*: Digital justering, senast 2027-02-22",
        "*Paragrafer*: §§ 1–10",
      ].join("\n"),
    );
    expect(blocks.slice(3).map((block) => sectionText(block).split("\n")[0])).toEqual(
      EXAMPLE_PARAGRAPHS.map((item) => `*§ ${item.paragraph} ${item.heading}*`),
    );
    expect(sectionText(blocks[3 + 5])).toBe(
      [
        "*§ 6 Budget för samverkansarbetet 2027 (Dnr RS 2026/1187)*",
        "_Beslut_",
        "Rådet fastställer budgeten enligt förslaget.",
        "_Omröstning_",
        "Ja 4, Nej 1.",
        "_Reservation_",
        "Cecilia Sjö reserverar sig mot beslutet: till förmån för eget yrkande.",
        "_Protokollsanteckning_",
        "Bertil Holm antecknar att kompetensförsörjningen bör prioriteras 2028.",
        "_Jäv_",
        "Erik Berg deltar inte i handläggningen på grund av jäv.",
        "_Uppdrag_",
        "Anna Lind och Bertil Holm: Redovisa utfallet (senast 1 juni)",
        "_Paragrafen förklaras omedelbart justerad._",
      ].join("\n"),
    );
    expect(allProblems([message as SlackMessage])).toEqual([]);
  });

  it("escapes every user-typed part", () => {
    const messages = renderReplyMessages(protocolReply(hostileProtocol()));
    const texts = messages.flatMap((message) => shownTexts(message.blocks)).join("\n");
    expect(JSON.stringify(messages)).not.toMatch(/[<>]/);
    expect(texts).toContain(escapeSlackText(HOSTILE.council));
    expect(texts).toContain("*§ 1 # &lt;script&gt;alert(1)&lt;/script&gt;*");
    expect(texts).toContain(
      "Anna &lt;@U123&gt; reserverar sig mot beslutet: &lt;!channel&gt; &amp; [x](y)",
    );
    expect(allProblems(messages)).toEqual([]);
  });

  it("spreads a protocol of 200 §§ over messages within Slack's limits, in order", () => {
    const protocol = largeProtocol(200);
    const messages = renderReplyMessages(protocolReply(protocol));
    expect(messages.length).toBeGreaterThan(4);
    expect(allProblems(messages)).toEqual([]);
    const joined = joinedSectionTexts(messages);
    expect(
      firstMissingInOrder(
        joined,
        protocol.paragraphs.flatMap((item) => [
          `*${item.number} ${item.heading}*`,
          ...item.parts.flatMap((part) => part.lines.map(escapeSlackText)),
        ]),
      ),
    ).toBeUndefined();
  });
});

describe("renderMinutesMessages with a protocol", () => {
  it("follows the post with a divider and the protocol", () => {
    const post = renderMinutesMessages(smallDocument());
    const [message, ...rest] = renderMinutesMessages(
      smallDocument({ protocol: exampleProtocol() }),
    );
    expect(rest).toEqual([]);
    const postBlocks = post[0]?.blocks ?? [];
    expect(message?.blocks.slice(0, postBlocks.length)).toEqual(postBlocks);
    expect(message?.blocks[postBlocks.length]).toEqual({ type: "divider" });
    expect(message?.blocks[postBlocks.length + 1]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Samverkansrådet Norr", emoji: true },
    });
    expect(message?.text).toBe("Noterat från Reglab 30 maj");
  });

  it("continues a long protocol in thread messages, each marked and within limits", () => {
    const protocol = largeProtocol(200);
    const messages = renderMinutesMessages(smallDocument({ protocol }));
    expect(allProblems(messages)).toEqual([]);
    expect(messages.length).toBeGreaterThan(4);
    messages.slice(1).forEach((message, index) => {
      expect(message.blocks[0]).toEqual({
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: `Noterat från Reglab 30 maj (forts. ${index + 2}/${messages.length})`,
            verbatim: true,
          },
        ],
      });
    });
    expect(
      firstMissingInOrder(joinedSectionTexts(messages), [
        "*Budget*",
        ...protocol.paragraphs.map((item) => `*${item.number} ${item.heading}*`),
      ]),
    ).toBeUndefined();
  });
});
