import { describe, expect, it } from "vitest";
import type { MinutesDocument } from "../../../../src/domain/minutes/document.js";
import type { ActionEntry, Reply, ReplyBlock } from "../../../../src/domain/reply.js";
import { renderReplyMessages } from "../../../../src/render/block-kit/reply-messages.js";
import { messageProblems, shownTexts } from "./block-kit-checks.js";

const COUNCIL = "cm1council0000000000000000";

function reply(locale: Reply["locale"], ...blocks: ReplyBlock[]): Reply {
  return { audience: "caller", locale, blocks };
}

function entry(ref: number, line: string, status: ActionEntry["status"] = "open"): ActionEntry {
  return { actionId: `a${ref}`, councilId: COUNCIL, ref, line, status, overdue: false };
}

const section = (text: string) => ({
  type: "section",
  text: { type: "mrkdwn", text, verbatim: true },
});
const context = (text: string) => ({
  type: "context",
  elements: [{ type: "mrkdwn", text, verbatim: true }],
});
const button = (label: string, command: string, style?: "primary") => ({
  type: "button",
  action_id: `noterat.run:${command}`,
  text: { type: "plain_text", text: label, emoji: true },
  value: `${COUNCIL}|${command}`,
  ...(style ? { style } : {}),
});

describe("renderReplyMessages", () => {
  it("renders a text block as an escaped mrkdwn section", () => {
    expect(
      renderReplyMessages(reply("sv", { type: "text", text: "Noterat #12: Budget & mål" })),
    ).toEqual([
      { text: "Noterat #12: Budget &amp; mål", blocks: [section("Noterat #12: Budget &amp; mål")] },
    ]);
  });

  it("renders a list with a bold title, one line each", () => {
    const messages = renderReplyMessages(
      reply("sv", { type: "list", title: "Dagordning 30 maj", lines: ["#1 Budget", "#2 Val"] }),
    );
    expect(messages).toEqual([
      {
        text: "Dagordning 30 maj\n#1 Budget\n#2 Val",
        blocks: [section("*Dagordning 30 maj*\n#1 Budget\n#2 Val")],
      },
    ]);
  });

  it("renders a list without a title", () => {
    expect(
      renderReplyMessages(reply("en", { type: "list", lines: ["a", "b"] }))[0]?.blocks,
    ).toEqual([section("a\nb")]);
  });

  it("gives open actions Klar and Skjut upp, closed ones no buttons, and `more` as context (sv)", () => {
    const messages = renderReplyMessages(
      reply("sv", {
        type: "actions",
        title: "Öppna uppdrag (2)",
        actions: [
          entry(12, "#12 Anna Berg: Skicka förslaget – senast 30 maj (försenat)"),
          entry(13, "#13 Per Ek: Ring Almi – klart", "done"),
          entry(14, "#14 Eva: Boka lokal", "cancelled"),
        ],
        more: "… och 3 till.",
      }),
    );
    expect(messages).toEqual([
      {
        text: [
          "Öppna uppdrag (2)",
          "#12 Anna Berg: Skicka förslaget – senast 30 maj (försenat)",
          "#13 Per Ek: Ring Almi – klart",
          "#14 Eva: Boka lokal",
          "… och 3 till.",
        ].join("\n"),
        blocks: [
          section("*Öppna uppdrag (2)*"),
          section("#12 Anna Berg: Skicka förslaget – senast 30 maj (försenat)"),
          {
            type: "actions",
            elements: [
              button("Klar", "done 12", "primary"),
              button("Skjut upp en vecka", "postpone 12"),
            ],
          },
          section("#13 Per Ek: Ring Almi – klart"),
          section("#14 Eva: Boka lokal"),
          context("… och 3 till."),
        ],
      },
    ]);
  });

  it("labels the action buttons in English for an English reply", () => {
    const [message] = renderReplyMessages(
      reply("en", { type: "actions", actions: [entry(7, "#7 Anna: Send the proposal")] }),
    );
    expect(message?.blocks).toEqual([
      section("#7 Anna: Send the proposal"),
      {
        type: "actions",
        elements: [button("Done", "done 7", "primary"), button("Postpone a week", "postpone 7")],
      },
    ]);
    expect(message?.text).toBe("#7 Anna: Send the proposal");
  });

  it("renders buttons as an actions block, their labels as the fallback of a message without text", () => {
    const messages = renderReplyMessages(
      reply("sv", {
        type: "buttons",
        buttons: [
          { label: "Justera", command: "approve", councilId: COUNCIL, style: "primary" },
          { label: "Stryk", command: "remove 4", councilId: COUNCIL, style: "danger" },
          { label: "Publicera", command: "publish", councilId: COUNCIL },
        ],
      }),
    );
    expect(messages).toEqual([
      {
        text: "Justera · Stryk · Publicera",
        blocks: [
          {
            type: "actions",
            elements: [
              button("Justera", "approve", "primary"),
              { ...button("Stryk", "remove 4"), style: "danger" },
              button("Publicera", "publish"),
            ],
          },
        ],
      },
    ]);
  });

  it("renders a minutes block as the post's blocks", () => {
    const document: MinutesDocument = {
      locale: "en",
      title: "Notes from Reglab, 30 May",
      lede: "Budget – these were some of the issues.",
      sections: [
        {
          ref: 1,
          kind: "decision",
          heading: "Budget",
          paragraphs: ["Adopted."],
          decision: { label: "Decision § 4" },
          actions: [{ ref: 2, line: "Anna: Send it (by 2 June)" }],
        },
      ],
      closing: {
        heading: "Next meeting",
        nextMeeting: "The next meeting of Reglab is on 30 June.",
      },
    };
    const [message, ...rest] = renderReplyMessages(
      reply(
        "en",
        { type: "text", text: "Draft:" },
        { type: "minutes", meetingId: "m1", status: "draft", document },
      ),
    );
    expect(rest).toEqual([]);
    expect(message?.blocks).toEqual([
      section("Draft:"),
      {
        type: "header",
        text: { type: "plain_text", text: "Notes from Reglab, 30 May", emoji: true },
      },
      section("Budget – these were some of the issues."),
      section("*Budget*\n_Decision § 4_\nAdopted.\n• Anna: Send it (by 2 June)"),
      section("*Next meeting*\nThe next meeting of Reglab is on 30 June."),
    ]);
    expect(message?.text).toMatch(/^Draft:\nNotes from Reglab, 30 May\nBudget – these/);
  });

  it("gives nothing to send for a reply with nothing to show", () => {
    expect(renderReplyMessages(reply("sv"))).toEqual([]);
    expect(renderReplyMessages(reply("sv", { type: "text", text: "  " }))).toEqual([]);
  });
});

describe("renderReplyMessages: escaping", () => {
  const HOSTILE =
    "<!channel> <!here> <!everyone> <@U123> <#C123> <https://evil.example|click> &amp;";
  const ESCAPED =
    "&lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; &lt;@U123&gt; &lt;#C123&gt; &lt;https://evil.example|click&gt; &amp;amp;";

  it("shows mentions, links and entities typed by users literally in every text field", () => {
    const messages = renderReplyMessages(
      reply(
        "sv",
        { type: "text", text: HOSTILE },
        { type: "list", title: HOSTILE, lines: [HOSTILE] },
        { type: "actions", title: HOSTILE, actions: [entry(1, HOSTILE)], more: HOSTILE },
        {
          type: "buttons",
          buttons: [{ label: "<!here>", command: "approve", councilId: COUNCIL }],
        },
      ),
    );
    const texts = messages.flatMap((message) => shownTexts(message.blocks));
    expect(texts).toEqual([
      ESCAPED,
      `*${ESCAPED}*\n${ESCAPED}`,
      `*${ESCAPED}*`,
      ESCAPED,
      "Klar",
      "Skjut upp en vecka",
      ESCAPED,
      "&lt;!here&gt;",
    ]);
    const json = JSON.stringify(messages);
    expect(json).not.toMatch(/[<>]/);
  });
});

describe("renderReplyMessages: buttons", () => {
  it("names every button noterat.run:COMMAND with the value COUNCIL|COMMAND", () => {
    const [message] = renderReplyMessages(
      reply("sv", { type: "actions", actions: [entry(12, "#12"), entry(13, "#13")] }),
    );
    const buttons = message?.blocks.flatMap((block) =>
      block.type === "actions" ? block.elements : [],
    );
    expect(buttons?.map((b) => [b.action_id, b.value])).toEqual([
      ["noterat.run:done 12", `${COUNCIL}|done 12`],
      ["noterat.run:postpone 12", `${COUNCIL}|postpone 12`],
      ["noterat.run:done 13", `${COUNCIL}|done 13`],
      ["noterat.run:postpone 13", `${COUNCIL}|postpone 13`],
    ]);
  });

  it("keeps action_ids unique in a message when a command appears twice", () => {
    const [message] = renderReplyMessages(
      reply(
        "sv",
        { type: "actions", actions: [entry(12, "#12")] },
        { type: "buttons", buttons: [{ label: "Klar", command: "done 12", councilId: COUNCIL }] },
      ),
    );
    const ids = message?.blocks.flatMap((block) =>
      block.type === "actions" ? block.elements.map((element) => element.action_id) : [],
    );
    expect(ids).toEqual([
      "noterat.run:done 12",
      "noterat.run:postpone 12",
      "noterat.run:done 12#2",
    ]);
  });

  it("puts at most 25 buttons in an actions block", () => {
    const buttons = Array.from({ length: 30 }, (_, index) => ({
      label: `Möte ${index + 1}`,
      command: `next ${index + 1}`,
      councilId: COUNCIL,
    }));
    const [message] = renderReplyMessages(reply("sv", { type: "buttons", buttons }));
    expect(
      message?.blocks.map((block) => (block.type === "actions" ? block.elements.length : 0)),
    ).toEqual([25, 5]);
  });

  it("shortens a label over 75 characters; leaves out a blank label and a value over 75", () => {
    const [message] = renderReplyMessages(
      reply("sv", {
        type: "buttons",
        buttons: [
          {
            label: `Öppna ${"Regionala samverkansrådet ".repeat(4)}`,
            command: "next",
            councilId: COUNCIL,
          },
          { label: "Sök", command: `search ${"x".repeat(60)}`, councilId: COUNCIL },
          { label: " ", command: "approve", councilId: COUNCIL },
        ],
      }),
    );
    const block = message?.blocks[0];
    expect(block?.type === "actions" ? block.elements.map((b) => b.text.text) : []).toEqual([
      "Öppna Regionala samverkansrådet Regionala samverkansrådet Regionala…",
    ]);
  });
});

describe("renderReplyMessages: limits", () => {
  it("splits a long text over sections and never cuts it", () => {
    const text = Array.from(
      { length: 400 },
      (_, index) => `Mening nummer ${index} & så vidare.`,
    ).join(" ");
    const [message] = renderReplyMessages(reply("sv", { type: "text", text }));
    expect(message && messageProblems(message)).toEqual([]);
    const joined = message?.blocks
      .map((block) => (block.type === "section" ? block.text.text : ""))
      .join("");
    expect(joined).toBe(text.replaceAll("&", "&amp;"));
    expect(message?.blocks.length).toBeGreaterThan(4);
    // The notification preview is the beginning, cut at a word.
    expect(message?.text.length).toBeLessThanOrEqual(3000);
    expect(message?.text).toMatch(/^Mening nummer 0 &amp; så vidare\. .*\S…$/s);
  });

  it("spreads many actions over messages, each action with its buttons", () => {
    const actions = Array.from({ length: 60 }, (_, index) =>
      entry(index + 1, `#${index + 1} Anna: Uppdrag`),
    );
    const messages = renderReplyMessages(
      reply("sv", { type: "actions", title: "Öppna uppdrag (60)", actions }),
    );
    expect(messages.length).toBe(3);
    for (const message of messages) {
      expect(messageProblems(message)).toEqual([]);
      // A message never ends with a line whose buttons went to the next one.
      expect(message.blocks.at(-1)?.type).toBe("actions");
      expect(message.text).not.toBe("");
    }
    expect(messages.flatMap((message) => message.blocks).length).toBe(121);
    expect(messages[1]?.text).toMatch(/^#25 Anna: Uppdrag\n#26/);
  });
});
