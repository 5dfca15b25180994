import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  CHANNEL,
  type CommandResult,
  callMessage,
  PEOPLE,
  SlackAppHarness,
  textOf,
  textsIn,
} from "../../support/slack-app-harness.js";

// architecture.md §4: user text is escaped for Slack (`&`, `<`, `>`), so a note can never ping
// @channel, mention someone or forge a link — in the acknowledgement, in lists, on App Home
// and in the published post. Slack sends what people type with mentions and links as markup
// (`<!channel>`, `<@U…>`, `<https://…|…>`) and `&`, `<`, `>` as entities.

const { eva, olle, anna } = PEOPLE;

const HOSTILE_HEADING = "Varning <!channel> och <!here>";
const HOSTILE_TEXT = "Ring <@U123> eller se <https://evil.example|click> nu";
const ESCAPED = [
  "&lt;!channel&gt;",
  "&lt;!here&gt;",
  "&lt;@U123&gt;",
  "&lt;https://evil.example|click&gt;",
];

describe("escaping user text for Slack", () => {
  let h: SlackAppHarness;
  const results: CommandResult[] = [];
  const say = async (user: string, text: string) => {
    const result = await h.command(user, text);
    results.push(result);
    return result;
  };

  beforeEach(async () => {
    results.length = 0;
    h = await SlackAppHarness.start();
    await say(eva.id, "råd Regionala samverkansrådet");
    await say(eva.id, "möte idag kl 13:00");
    await say(eva.id, `roll <@${olle.id}> ordförande`);
  });
  afterEach(async () => {
    await h.stop();
  });

  /** Every `text` field of every message that reached Slack: acks, responses, Web API calls. */
  function everyTextSent(): string[] {
    return [
      ...results.flatMap((result) => result.messages.flatMap((message) => textsIn(message.raw))),
      ...h.fake.responses.flatMap((response) => textsIn(response.body)),
      ...h.fake.calls.flatMap((call) => textsIn(call.args)),
    ];
  }

  it("escapes mentions, @channel and links everywhere they are shown", async () => {
    const noted = await say(eva.id, `noterat ${HOSTILE_HEADING}: ${HOSTILE_TEXT}`);
    expect(noted.text).toBe("Noterat #1: Varning &lt;!channel&gt; och &lt;!here&gt;");
    expect(noted.ack?.text).toBe("Noterat #1: Varning &lt;!channel&gt; och &lt;!here&gt;");
    // Stored as typed: escaping belongs to the output.
    expect(await h.prisma.item.findFirstOrThrow()).toMatchObject({
      heading: HOSTILE_HEADING,
      text: HOSTILE_TEXT,
    });

    const assigned = await say(
      eva.id,
      `uppdrag <@${anna.id}> Svara <!everyone> via <http://x.test>`,
    );
    expect(assigned.text).toContain("#2 Anna B: Svara &lt;!everyone&gt; via &lt;http://x.test&gt;");
    await say(eva.id, "ingress <!here> Dagens <#C0HEMLIG|hemlig> möte.");
    expect((await say(eva.id, "sök channel")).text).toContain("&lt;!channel&gt;");
    expect((await say(anna.id, "öppna")).text).toContain("&lt;!everyone&gt;");
    const draft = await say(olle.id, "protokoll");
    for (const escaped of ESCAPED) expect(draft.text).toContain(escaped);
    await say(olle.id, "justera");
    await say(eva.id, "publicera");
    const home = await h.openHome(anna.id);
    expect(textsIn(home.view).join("\n")).toContain("Svara &lt;!everyone&gt;");

    const [post] = h.fake.callsTo("chat.postMessage");
    expect(post?.args.channel).toBe(CHANNEL);
    const posted = textOf([callMessage(post ?? { method: "", args: {} })]);
    for (const escaped of [
      ...ESCAPED,
      "&lt;!everyone&gt;",
      "&lt;http://x.test&gt;",
      "&lt;#C0HEMLIG|hemlig&gt;",
    ]) {
      expect(posted).toContain(escaped);
    }

    // Not one text field that reached Slack holds a raw `<`: no markup of the user's survives.
    const sent = everyTextSent();
    expect(sent.length).toBeGreaterThan(30);
    expect(sent.filter((text) => text.includes("<"))).toEqual([]);
    expect(sent.filter((text) => /&(?!amp;|lt;|gt;)/.test(text))).toEqual([]);
  });

  it("stores `&`, `<` and `>` as typed, and shows them escaped once", async () => {
    // What Slack sends for: noterat Forskning & utveckling: R&D <2027> och a > b
    const noted = await say(
      eva.id,
      "noterat Forskning &amp; utveckling: R&amp;D &lt;2027&gt; och a &gt; b",
    );
    expect(await h.prisma.item.findFirstOrThrow()).toMatchObject({
      heading: "Forskning & utveckling",
      text: "R&D <2027> och a > b",
    });
    expect(noted.text).toBe("Noterat #1: Forskning &amp; utveckling");
    await say(olle.id, "justera");
    await say(eva.id, "publicera");
    const posted = textOf(h.fake.callsTo("chat.postMessage").map(callMessage));
    expect(posted).toContain("*Forskning &amp; utveckling*\nR&amp;D &lt;2027&gt; och a &gt; b");
    expect(posted).not.toContain("&amp;amp;");
  });
});
