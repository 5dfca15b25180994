import { describe, expect, it } from "vitest";
import type { ActionEntry, Overview } from "../../../../src/domain/reply.js";
import { renderOverviewView } from "../../../../src/render/block-kit/overview-view.js";
import { viewProblems } from "./block-kit-checks.js";

const mrkdwn = (text: string) => ({ type: "mrkdwn", text, verbatim: true });
const section = (text: string) => ({ type: "section", text: mrkdwn(text) });

function entry(ref: number, line: string, status: ActionEntry["status"] = "open"): ActionEntry {
  return { actionId: `a${ref}`, councilId: "c1", ref, line, status, overdue: false };
}

function overview(overrides: Partial<Overview> = {}): Overview {
  return {
    locale: "sv",
    title: "Noterat – din översikt",
    actionsTitle: "Dina öppna uppdrag",
    actions: [],
    noActions: "Du har inga öppna uppdrag.",
    meetingsTitle: "Kommande möten",
    meetings: [],
    noMeetings: "Inga möten inplanerade.",
    ...overrides,
  };
}

describe("renderOverviewView", () => {
  it("shows the open actions with their buttons and the meetings (sv)", () => {
    const view = renderOverviewView(
      overview({
        actions: [entry(12, "Reglab · #12 Anna: Skicka förslaget – senast 30 maj (försenat)")],
        meetings: [
          "Reglab: tisdag 30 maj kl. 13.00",
          "Regionala samverkansrådet: 11 juni kl. 09.00",
        ],
      }),
    );
    expect(view).toEqual({
      type: "home",
      blocks: [
        {
          type: "header",
          text: { type: "plain_text", text: "Noterat – din översikt", emoji: true },
        },
        section("*Dina öppna uppdrag*"),
        section("Reglab · #12 Anna: Skicka förslaget – senast 30 maj (försenat)"),
        {
          type: "actions",
          elements: [
            {
              type: "button",
              action_id: "noterat.run:done 12",
              text: { type: "plain_text", text: "Klar", emoji: true },
              value: "c1|done 12",
              style: "primary",
            },
            {
              type: "button",
              action_id: "noterat.run:postpone 12",
              text: { type: "plain_text", text: "Skjut upp en vecka", emoji: true },
              value: "c1|postpone 12",
            },
          ],
        },
        { type: "divider" },
        section("*Kommande möten*"),
        section("Reglab: tisdag 30 maj kl. 13.00"),
        section("Regionala samverkansrådet: 11 juni kl. 09.00"),
      ],
    });
  });

  it("says so when there are no actions and no meetings", () => {
    expect(renderOverviewView(overview()).blocks).toEqual([
      { type: "header", text: { type: "plain_text", text: "Noterat – din översikt", emoji: true } },
      section("*Dina öppna uppdrag*"),
      section("Du har inga öppna uppdrag."),
      { type: "divider" },
      section("*Kommande möten*"),
      section("Inga möten inplanerade."),
    ]);
  });

  it("gives a done action no buttons", () => {
    const view = renderOverviewView(overview({ actions: [entry(3, "#3 Klart", "done")] }));
    expect(view.blocks.some((block) => block.type === "actions")).toBe(false);
  });

  it("shows as many actions as 100 blocks hold and says how many more (sv)", () => {
    const actions = Array.from({ length: 80 }, (_, index) =>
      entry(index + 1, `#${index + 1} Uppdrag`),
    );
    const meetings = ["Reglab: 30 maj", "Rådet: 11 juni"];
    const view = renderOverviewView(overview({ actions, meetings }));
    expect(viewProblems(view)).toEqual([]);
    // header, title, divider, meetings title, 2 meetings and a "more" line leave 93: 46 actions.
    expect(view.blocks.length).toBe(99);
    expect(view.blocks).toContainEqual({
      type: "context",
      elements: [mrkdwn("… och 34 till. Skriv `/noterat mina` för alla.")],
    });
    expect(view.blocks.slice(-3)).toEqual([
      section("*Kommande möten*"),
      section("Reglab: 30 maj"),
      section("Rådet: 11 juni"),
    ]);
  });

  it("says how many more in English, and keeps room for meetings when both are long", () => {
    const actions = Array.from({ length: 80 }, (_, index) =>
      entry(index + 1, `#${index + 1} Task`),
    );
    const meetings = Array.from({ length: 40 }, (_, index) => `Council ${index + 1}: 30 May`);
    const view = renderOverviewView(
      overview({ locale: "en", title: "Your overview", actions, meetings }),
    );
    expect(viewProblems(view)).toEqual([]);
    const contexts = view.blocks.flatMap((block) =>
      block.type === "context" ? block.elements.map((element) => element.text) : [],
    );
    expect(contexts).toEqual([
      "… and 45 more. Type `/noterat mine` to see them all.",
      "… and 17 more.",
    ]);
  });

  it("escapes what the overview shows", () => {
    const view = renderOverviewView(
      overview({ actions: [entry(1, "<!channel> & <@U1>")], meetings: ["<#C1>"] }),
    );
    expect(JSON.stringify(view)).not.toMatch(/[<>]/);
    expect(view.blocks).toContainEqual(section("&lt;!channel&gt; &amp; &lt;@U1&gt;"));
  });
});
