import { describe, expect, it } from "vitest";
import { compileMinutes } from "../../../../src/domain/minutes/compile-minutes.js";
import type { MinutesSection } from "../../../../src/domain/minutes/document.js";
import type { AdaptiveCard } from "../../../../src/render/adaptive-card/adaptive-card-types.js";
import { renderMinutesCards } from "../../../../src/render/adaptive-card/minutes-cards.js";
import { SEED_HEADINGS, SEED_TEXTS, seedMeeting } from "../../minutes/seed-003-meeting.js";
import { hostileMinutes } from "../hostile-minutes.js";
import { smallDocument } from "../small-minutes.js";
import { firstMissingInOrder } from "../text-order.js";
import {
  cardBytes,
  cardProblems,
  liveMarkup,
  squeeze,
  textBlocks,
  unescapeTeams,
} from "./card-checks.js";

const SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
const text = (value: string, style: Record<string, unknown> = {}) => ({
  type: "TextBlock",
  text: value,
  wrap: true,
  ...style,
});
const section = (...items: unknown[]) => ({
  type: "Container",
  separator: true,
  spacing: "Medium",
  items,
});
const bold = { weight: "Bolder" };

/** The TextBlocks of a post without the continuation marks, unescaped, joined without spaces. */
function shownPost(cards: AdaptiveCard[]): string {
  const marks = new Set(cards.slice(1).map((card) => card.body[0]));
  return squeeze(
    textBlocks(cards)
      .filter((block) => !marks.has(block))
      .map((block) => unescapeTeams(block.text))
      .join(""),
  );
}

function filler(index: number, length: number): string {
  const sentence = `Punkt ${index} behandlades av rådet, som diskuterade läget ingående. `;
  return sentence.repeat(Math.ceil(length / sentence.length)).trim();
}

describe("renderMinutesCards", () => {
  it("renders a small post as one full-width card, exactly", () => {
    expect(renderMinutesCards(smallDocument())).toEqual([
      {
        type: "AdaptiveCard",
        $schema: SCHEMA,
        version: "1.5",
        body: [
          text("Noterat från Reglab 30 maj", { style: "heading", size: "Large", weight: "Bolder" }),
          text("2026-05-31 09:00", { isSubtle: true, spacing: "None" }),
          text("Budget – det var en av frågorna som behandlades vid Reglabs möte den 30 maj."),
          section(
            text("Budget", bold),
            text("Beslut § 12", { weight: "Bolder", color: "Accent", spacing: "Small" }),
            text("Ett."),
            text("Två."),
            text("• Anna Berg: Skicka (senast 2 juni)"),
          ),
          section(text("Uppdrag", bold), text("• Per och Eva: Ring – klar")),
          section(
            text("Nästa möte", bold),
            text(
              "Handlingar från Reglab finns i sin helhet på [rvn.se/handlingar](https://rvn.se/handlingar)",
            ),
            text("Nästa möte med Reglab är den 30 juni."),
          ),
        ],
        msteams: { width: "Full" },
      },
    ]);
  });

  it("renders the seed 003 post whole, in order, in one card", () => {
    const cards = renderMinutesCards(compileMinutes(seedMeeting()));
    expect(cards).toHaveLength(1);
    for (const card of cards) expect(cardProblems(card)).toEqual([]);
    const expected = SEED_HEADINGS.flatMap((heading, index) => [
      heading,
      ...(SEED_TEXTS[index] ?? "").split("\n\n"),
    ]).map(squeeze);
    expect(firstMissingInOrder(shownPost(cards), expected)).toBeUndefined();
  });

  it("links the documents only to a web address, its target percent-encoded", () => {
    const line = (url: string) => {
      const doc = smallDocument();
      const closing = {
        heading: "Nästa möte",
        documents: { before: "Se ", url, after: " (pdf)." },
      };
      const blocks = textBlocks(renderMinutesCards({ ...doc, closing }));
      return blocks.find((block) => block.text.startsWith("Se"))?.text;
    };
    expect(line("https://rvn.se/möte 3 (ny)")).toBe(
      "Se [https://rvn.se/möte 3 (ny)](https://rvn.se/möte%203%20%28ny%29) (pdf).",
    );
    expect(line("rvn.se")).toBe("Se [rvn.se](https://rvn.se) (pdf).");
    expect(line("javascript:alert(1)")).toBe("Se javascript:alert(1) (pdf).");
    expect(line("https://x.se/[a]_b_*c*")).toBe(
      "Se [https://x.se/\\[a\\]\\_b\\_\\*c\\*](https://x.se/%5Ba%5D%5Fb%5F%2Ac%2A) (pdf).",
    );
    expect(line("[x](https://evil)")).toBe("Se \\[x\\](https://evil) (pdf).");
  });

  it("keeps every user-typed part of a hostile post literal", () => {
    const cards = renderMinutesCards(hostileMinutes());
    const blocks = textBlocks(cards);
    expect(blocks.flatMap((block) => liveMarkup(block.text))).toEqual([]);
    const shown = blocks.map((block) => unescapeTeams(block.text)).join("\n");
    expect(shown).toContain("[x](javascript:alert(1))");
    expect(shown).toContain("<img src=x onerror=alert(1)>");
    expect(shown).toContain("# <script>alert(1)</script>");
    expect(shown).toContain("1. list");
    expect(shown).toContain("Anna <@U123>: `rm -rf` & <b>fet</b>");
  });

  it("splits a 200-item meeting into several full cards, each within 28 000 bytes", () => {
    const sections: MinutesSection[] = Array.from({ length: 200 }, (_, index) => ({
      ref: index + 1,
      kind: index % 10 === 0 ? "decision" : "info",
      heading: `Punkt ${index + 1}: Rapport från arbetsgrupp ${index + 1}`,
      paragraphs: [filler(index, index % 25 === 0 ? 7000 : 1500)],
      ...(index % 10 === 0 ? { decision: { label: `Beslut § ${index + 1}` } } : {}),
      actions: index % 3 === 0 ? [{ ref: 1000 + index, line: `Anna Berg: Följ upp ${index}` }] : [],
    }));
    const doc = smallDocument({ sections });
    const cards = renderMinutesCards(doc);

    expect(cards.length).toBeGreaterThan(10);
    for (const card of cards) expect(cardProblems(card)).toEqual([]);
    // Full: each card but the last leaves less room than the next item would need.
    for (const card of cards.slice(0, -1)) expect(cardBytes(card)).toBeGreaterThan(20_000);
    cards.slice(1).forEach((card, index) => {
      expect(card.body[0]).toEqual(
        text(`… (forts. ${index + 2}/${cards.length})`, {
          isSubtle: true,
          size: "Small",
          spacing: "None",
        }),
      );
    });
    // An item that fits a card is never parted: each is one container, heading first.
    const containers = cards.flatMap((card) => card.body.filter((e) => e.type === "Container"));
    expect(containers).toHaveLength(200 + 2);
    const expected = sections.flatMap((s) => [
      s.heading,
      ...(s.decision ? [s.decision.label] : []),
      ...s.paragraphs,
      ...s.actions.map((action) => `• ${action.line}`),
    ]);
    expect(firstMissingInOrder(shownPost(cards), expected.map(squeeze))).toBeUndefined();
  });

  it("splits a paragraph too big for any card at sentences, losing nothing", () => {
    const long = filler(1, 90_000);
    const doc = smallDocument({
      sections: [{ ref: 1, kind: "info", heading: "Lång punkt", paragraphs: [long], actions: [] }],
      locale: "en",
    });
    const cards = renderMinutesCards(doc);
    expect(cards.length).toBeGreaterThanOrEqual(4);
    for (const card of cards) expect(cardProblems(card)).toEqual([]);
    expect(textBlocks(cards.slice(1, 2))[0]?.text).toBe(`… (cont. 2/${cards.length})`);
    // The heading begins the item on the first card; every later card continues it.
    expect(textBlocks(cards.slice(0, 1)).map((block) => block.text)).toContain("Lång punkt");
    const pieces = textBlocks(cards).filter((block) => block.text.startsWith("Punkt 1"));
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) expect(piece.text.endsWith("ingående.")).toBe(true);
    expect(pieces.map((piece) => piece.text).join(" ")).toBe(long);
  });

  it("never leaves a heading alone at the bottom of a card", () => {
    const sections: MinutesSection[] = [
      { ref: 1, kind: "info", heading: "Först", paragraphs: [filler(1, 26_000)], actions: [] },
      { ref: 2, kind: "info", heading: "Sedan", paragraphs: [filler(2, 40_000)], actions: [] },
    ];
    const cards = renderMinutesCards(smallDocument({ sections }));
    for (const card of cards) {
      const last = textBlocks([card]).at(-1);
      expect(["Först", "Sedan"]).not.toContain(last?.text);
    }
  });
});
