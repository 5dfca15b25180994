import { afterEach, describe, expect, it } from "vitest";
import { isRecord } from "../../support/fake-bot-connector.js";
import {
  CHANNEL,
  PEOPLE,
  type PostedCard,
  shownText,
  TeamsAppHarness,
  textBlocks,
} from "../../support/teams-app-harness.js";

// User text in a card's TextBlock is Markdown to Teams. Typed formatting, links and a typed
// `<at>Eva</at>` (which Teams delivers HTML-encoded, with no mention entity) must show as
// typed: escaped in the card, never a bold text, a link or a mention.

const { eva, olle, anna } = PEOPLE;

const HEADING = "**Fet** rubrik";
const TEXT = "Se [x](https://evil) och <at>Eva Ek</at> & _kursiv_ `kod`";
/** How Teams delivers what the secretary typed: `<`, `>` and `&` HTML-encoded. */
const TYPED_TEXT = "Se [x](https://evil) och &lt;at&gt;Eva Ek&lt;/at&gt; &amp; _kursiv_ `kod`";

/** The TextBlock of `cards` that shows `shown`, as sent. */
function blockShowing(cards: PostedCard[], shown: string): string | undefined {
  return cards.flatMap((card) => textBlocks(card.card)).find((text) => shownText(text) === shown);
}

describe("user text in Teams cards", () => {
  let h: TeamsAppHarness;
  afterEach(async () => {
    await h.stop();
  });

  it("shows Markdown, links and a typed <at> literally, in the answer, the draft and the post", async () => {
    h = await TeamsAppHarness.start();
    await h.say(eva, "råd Reglab");
    await h.say(eva, "möte idag kl 13:00");

    const noted = await h.say(eva, `noterat ${HEADING}: ${TYPED_TEXT}`);
    // Decoded once, stored as typed; no mention was made of the typed <at>…</at>.
    const item = await h.prisma.item.findFirstOrThrow();
    expect([item.heading, item.text]).toEqual([HEADING, TEXT]);
    expect(h.fake.requests.filter((request) => request.route === "member")).toEqual([]);
    expect(blockShowing(noted.cards, `Noterat #1: ${HEADING}`)).toBe(
      "Noterat #1: \\*\\*Fet\\*\\* rubrik",
    );

    const assigned = await h.say(
      eva,
      "uppdrag <at>Anna Berg</at> Läs **allt** på [sidan](https://evil)",
      {
        mentions: [anna],
      },
    );
    // The acknowledgement names where the action came from (architecture.md §11).
    const line = "#2 Anna Berg: Läs **allt** på [sidan](https://evil) · mötet 14 april";
    expect(assigned.text).toContain(line);
    expect(blockShowing(assigned.cards, line)).toBe(
      "#2 Anna Berg: Läs \\*\\*allt\\*\\* på \\[sidan\\](https://evil) · mötet 14 april",
    );

    await h.say(eva, "roll <at>Olle Olsson</at> ordförande", { mentions: [olle] });
    const draft = await h.say(olle, "protokoll");
    expect(blockShowing(draft.cards, TEXT)).toBeDefined();
    await h.click(olle, h.button(draft.cards, "Justera"));
    const published = await h.say(eva, "publicera");
    const post = published.cards.filter((card) => card.conversationId === CHANNEL.id);
    expect(post).toHaveLength(1);

    expect(blockShowing(post, HEADING)).toBe("\\*\\*Fet\\*\\* rubrik");
    expect(blockShowing(post, TEXT)).toBe(
      "Se \\[x\\](https://evil) och \\<at\\>Eva Ek\\</at\\> & \\_kursiv\\_ \\`kod\\`",
    );
    const actionLine = textBlocks(post[0]?.card).find((text) => text.startsWith("• Anna Berg"));
    expect(actionLine).toContain("Läs \\*\\*allt\\*\\* på \\[sidan\\](https://evil)");

    // No unescaped mark survives anywhere in the post, and the activity mentions no one.
    for (const text of textBlocks(post[0]?.card)) {
      expect(text).not.toMatch(/(^|[^\\])(\*\*|\[x\]|\[sidan\]|<at>)/);
    }
    const activity = post[0]?.record.activity;
    const entities =
      isRecord(activity) && Array.isArray(activity.entities) ? activity.entities : [];
    expect(entities.filter((entity) => isRecord(entity) && entity.type === "mention")).toEqual([]);
  });
});
