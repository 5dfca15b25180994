import { afterEach, describe, expect, it } from "vitest";
import {
  CHANNEL,
  cardText,
  jsonBytes,
  PEOPLE,
  type PostedCard,
  TeamsAppHarness,
} from "../../support/teams-app-harness.js";

// A long meeting does not fit one Adaptive Card: the post is split into several cards of at
// most 28 000 bytes each, in order, none of the text cut; publishing again updates each card
// where it stands and posts only the cards the post grew by.

const { eva, olle } = PEOPLE;
const CARD_LIMIT = 28_000;
const ITEMS = 200;

function itemText(n: number): string {
  const sentence = `Rådet informerades om delrapport ${n} och diskuterade den med länets kommuner. `;
  return sentence.repeat(5).trim();
}

/** The post's cards in order, each with its text as shown. */
function shown(cards: PostedCard[]): string[] {
  return cards.map((card) => cardText(card.card));
}

describe("a 200-item meeting in Teams", () => {
  let h: TeamsAppHarness;
  afterEach(async () => {
    await h.stop();
  });

  it("publishes as several cards within Teams' size, and republishes them in place", async () => {
    h = await TeamsAppHarness.start();
    await h.say(eva, "råd Reglab");
    await h.say(eva, "möte idag kl 13:00");
    for (let n = 1; n <= ITEMS; n++) {
      const turn = await h.say(eva, `noterat Punkt ${n}: ${itemText(n)}`);
      expect(turn.status).toBe(200);
    }
    expect(await h.prisma.item.count()).toBe(ITEMS);
    await h.say(eva, "roll <at>Olle Olsson</at> ordförande", { mentions: [olle] });

    // The chair's draft: several cards in the 1:1 chat, one button, under the last.
    const draft = await h.say(olle, "protokoll");
    expect(draft.cards.length).toBeGreaterThan(1);
    for (const card of draft.cards) expect(jsonBytes(card.card)).toBeLessThanOrEqual(CARD_LIMIT);
    expect(new Set(draft.cards.map((card) => card.conversationId))).toEqual(
      new Set([h.privateChatOf(olle)]),
    );
    expect(JSON.stringify(draft.cards.at(-1)?.card)).toContain('"title":"Justera"');
    await h.click(olle, h.button(draft.cards, "Justera"));

    const published = await h.say(eva, "publicera");
    expect(published.text).toContain(
      "”Noterat från Reglab 14 april” är publicerad i 1 av 1 kanal.",
    );
    const post = published.cards.filter((card) => card.conversationId === CHANNEL.id);
    expect(post.length).toBeGreaterThanOrEqual(4);
    expect(post.map((card) => card.record.route)).toEqual(post.map(() => "reply"));
    for (const card of post) {
      expect(jsonBytes(card.card)).toBeLessThanOrEqual(CARD_LIMIT);
      expect(card.card).toMatchObject({ type: "AdaptiveCard", version: "1.5" });
    }
    const texts = shown(post);
    expect(texts[0]?.split("\n")[0]).toBe("Noterat från Reglab 14 april");
    texts.slice(1).forEach((text, index) => {
      expect(text.split("\n")[0]).toBe(`… (forts. ${index + 2}/${post.length})`);
    });
    // Every item once, in order, its text whole.
    // The post ends with its last item: with no documents or next meeting, no closing part.
    const all = `${texts.join("\n")}\n`;
    let from = 0;
    for (let n = 1; n <= ITEMS; n++) {
      const at = all.indexOf(`\nPunkt ${n}\n${itemText(n)}\n`, from);
      expect([n, at >= from]).toEqual([n, true]);
      from = at + 1;
    }
    const ids = post.map((card) => card.activityId);
    expect(new Set(ids).size).toBe(post.length);
    expect(
      (await h.prisma.publishedMessage.findMany({ orderBy: { part: "asc" } })).map((m) => [
        m.part,
        m.messageRef,
      ]),
    ).toEqual(ids.map((id, part) => [part, id]));

    // Ten long items more (40 KB): every card is updated in place and the post continues in
    // new ones.
    const LONG = 10;
    const longText = (n: number) => itemText(n).repeat(8);
    for (let n = ITEMS + 1; n <= ITEMS + LONG; n++) {
      await h.say(eva, `noterat Punkt ${n}: ${longText(n)}`);
    }
    await h.say(olle, "justera");
    const grown = await h.say(eva, "publicera");
    const calls = grown.records.filter((record) => record.conversationId === CHANNEL.id);
    const updates = calls.filter((record) => record.route === "update");
    const added = calls.filter((record) => record.route === "reply");
    expect(updates.map((record) => record.activityId)).toEqual(ids);
    expect(added.length).toBeGreaterThanOrEqual(1);
    expect(calls).toHaveLength(updates.length + added.length);
    const regrown = grown.cards.filter((card) => card.conversationId === CHANNEL.id);
    for (const card of regrown) expect(jsonBytes(card.card)).toBeLessThanOrEqual(CARD_LIMIT);
    const regrownText = shown(regrown).join("\n");
    expect(regrownText).toContain(`\nPunkt ${ITEMS + LONG}\n${longText(ITEMS + LONG)}`);
    expect(shown(regrown)[1]?.split("\n")[0]).toBe(`… (forts. 2/${regrown.length})`);
    expect(
      (await h.prisma.publishedMessage.findMany({ orderBy: { part: "asc" } })).map(
        (m) => m.messageRef,
      ),
    ).toEqual([...ids, ...added.map((record) => record.id)]);
  });
});
