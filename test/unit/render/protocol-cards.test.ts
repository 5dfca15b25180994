import { describe, expect, it } from "vitest";
import type { ProtocolDocument } from "../../../src/domain/protocol/protocol-document.js";
import type { Reply } from "../../../src/domain/reply.js";
import type { AdaptiveCard } from "../../../src/render/adaptive-card/adaptive-card-types.js";
import { renderMinutesCards } from "../../../src/render/adaptive-card/minutes-cards.js";
import { renderReplyCards } from "../../../src/render/adaptive-card/reply-cards.js";
import {
  EXAMPLE_PARAGRAPHS,
  exampleProtocol,
  hostileProtocol,
  largeProtocol,
} from "../protocol/protokoll-example.js";
import {
  CARD_BYTES,
  cardBytes,
  cardProblems,
  liveMarkup,
  squeeze,
  textBlocks,
  unescapeTeams,
} from "./adaptive-card/card-checks.js";
import { smallDocument } from "./small-minutes.js";
import { firstMissingInOrder } from "./text-order.js";

function protocolReply(document: ProtocolDocument): Reply {
  return {
    audience: "caller",
    locale: document.locale,
    blocks: [{ type: "protocol", meetingId: "m1", status: "approved", document }],
  };
}

function allProblems(cards: AdaptiveCard[]): string[] {
  return cards.flatMap((card, index) =>
    cardProblems(card).map((problem) => `card ${index}: ${problem}`),
  );
}

/** What the cards show, unescaped and without white space, for checks of order. */
function shown(cards: AdaptiveCard[]): string {
  return squeeze(
    textBlocks(cards)
      .map((block) => unescapeTeams(block.text))
      .join(""),
  );
}

describe("protocolGroups", () => {
  it("shows a protocol reply: head and rows, then one container per §", () => {
    const [card, ...rest] = renderReplyCards(protocolReply(exampleProtocol()));
    expect(rest).toEqual([]);
    const body = card?.body ?? [];
    expect(body.slice(0, 3)).toEqual([
      {
        type: "TextBlock",
        text: "Samverkansrådet Norr",
        wrap: true,
        style: "heading",
        size: "Large",
        weight: "Bolder",
      },
      {
        type: "TextBlock",
        text: "PROTOKOLL · Sammanträdesdatum 2027-02-08",
        wrap: true,
        weight: "Bolder",
        spacing: "None",
      },
      {
        type: "TextBlock",
        text: "Plats och tid: Regionens hus, Östersund, kl. 13.00",
        wrap: true,
        spacing: "None",
      },
    ]);
    const sections = body.filter((element) => element.type === "Container");
    expect(sections).toHaveLength(EXAMPLE_PARAGRAPHS.length);
    const decision = sections[5];
    expect(
      decision?.type === "Container" &&
        decision.items.map((item) => item.type === "TextBlock" && item.text),
    ).toEqual([
      "§ 6 Budget för samverkansarbetet 2027 (Dnr RS 2026/1187)",
      "Beslut",
      "Rådet fastställer budgeten enligt förslaget.",
      "Omröstning",
      "Ja 4, Nej 1.",
      "Reservation",
      "Cecilia Sjö reserverar sig mot beslutet: till förmån för eget yrkande.",
      "Protokollsanteckning",
      "Bertil Holm antecknar att kompetensförsörjningen bör prioriteras 2028.",
      "Jäv",
      "Erik Berg deltar inte i handläggningen på grund av jäv.",
      "Uppdrag",
      "Anna Lind och Bertil Holm: Redovisa utfallet (senast 1 juni)",
      "Paragrafen förklaras omedelbart justerad.",
    ]);
    expect(allProblems([card as AdaptiveCard])).toEqual([]);
  });

  it("escapes every user-typed part", () => {
    const cards = renderReplyCards(protocolReply(hostileProtocol()));
    expect(allProblems(cards)).toEqual([]);
    for (const block of textBlocks(cards)) expect(liveMarkup(block.text), block.text).toEqual([]);
    expect(shown(cards)).toContain(squeeze("§ 1 # <script>alert(1)</script>"));
    expect(shown(cards)).toContain(
      squeeze("Anna <@U123> reserverar sig mot beslutet: <!channel> & [x](y)"),
    );
  });

  it("spreads a protocol of 200 §§ over cards within the byte limit, in order", () => {
    const protocol = largeProtocol(200);
    const cards = renderReplyCards(protocolReply(protocol));
    expect(cards.length).toBeGreaterThan(4);
    expect(allProblems(cards)).toEqual([]);
    expect(Math.max(...cards.map(cardBytes))).toBeLessThanOrEqual(CARD_BYTES);
    expect(
      firstMissingInOrder(
        shown(cards),
        protocol.paragraphs.flatMap((item) => [
          squeeze(`${item.number} ${item.heading}`),
          ...item.parts.flatMap((part) => part.lines.map(squeeze)),
        ]),
      ),
    ).toBeUndefined();
  });
});

describe("renderMinutesCards with a protocol", () => {
  it("follows the post, its head set off by a line", () => {
    const post = renderMinutesCards(smallDocument());
    const [card, ...rest] = renderMinutesCards(smallDocument({ protocol: exampleProtocol() }));
    expect(rest).toEqual([]);
    const postBody = post[0]?.body ?? [];
    expect(card?.body.slice(0, postBody.length)).toEqual(postBody);
    const head = card?.body[postBody.length];
    expect(head).toMatchObject({ type: "Container", separator: true, spacing: "ExtraLarge" });
    const items = head?.type === "Container" ? head.items : [];
    expect(items.slice(0, 2).map((item) => item.type === "TextBlock" && item.text)).toEqual([
      "Samverkansrådet Norr",
      "PROTOKOLL · Sammanträdesdatum 2027-02-08",
    ]);
  });

  it("continues a long protocol on further cards, each within the byte limit", () => {
    const protocol = largeProtocol(200);
    const cards = renderMinutesCards(smallDocument({ protocol }));
    expect(allProblems(cards)).toEqual([]);
    expect(cards.length).toBeGreaterThan(4);
    expect(
      firstMissingInOrder(shown(cards), [
        squeeze("Budget"),
        ...protocol.paragraphs.map((item) => squeeze(`${item.number} ${item.heading}`)),
      ]),
    ).toBeUndefined();
  });
});
