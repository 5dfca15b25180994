import { describe, expect, it } from "vitest";
import type { ActionEntry, Overview } from "../../../../src/domain/reply.js";
import { renderOverviewCard } from "../../../../src/render/adaptive-card/overview-card.js";
import { cardProblems, textBlocks } from "./card-checks.js";

const COUNCIL = "cm1council0000000000000000";

function entry(ref: number, line: string, overrides: Partial<ActionEntry> = {}): ActionEntry {
  return {
    actionId: `a${ref}`,
    councilId: COUNCIL,
    ref,
    line,
    status: "open",
    overdue: false,
    ...overrides,
  };
}

function overview(overrides: Partial<Overview> = {}): Overview {
  return {
    locale: "sv",
    title: "Din översikt",
    actions: [],
    actionsTitle: "Dina uppdrag",
    noActions: "Inga öppna uppdrag.",
    meetingsTitle: "Nästa möten",
    meetings: [],
    noMeetings: "Inga planerade möten.",
    ...overrides,
  };
}

const text = (value: string, style: Record<string, unknown> = {}) => ({
  type: "TextBlock",
  text: value,
  wrap: true,
  ...style,
});
const TITLE = { style: "heading", size: "Large", weight: "Bolder" };
const SUBTITLE = { weight: "Bolder", spacing: "Medium" };
const run = (title: string, command: string, style?: "positive") => ({
  type: "Action.Execute",
  title,
  verb: "noterat.run",
  data: { councilId: COUNCIL, command },
  ...(style ? { style } : {}),
});

describe("renderOverviewCard", () => {
  it("renders a person's actions and meetings exactly (sv)", () => {
    const card = renderOverviewCard(
      overview({
        actions: [
          entry(12, "#12 Reglab: Skicka förslaget – senast 30 maj (försenat)", { overdue: true }),
          entry(13, "#13 Reglab: Ring Almi", { status: "done" }),
        ],
        meetings: ["Reglab: tisdag 30 maj kl. 13.00"],
      }),
    );
    expect(card).toEqual({
      type: "AdaptiveCard",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      version: "1.5",
      body: [
        text("Din översikt", TITLE),
        text("Dina uppdrag", SUBTITLE),
        text("#12 Reglab: Skicka förslaget – senast 30 maj (försenat)", { color: "Attention" }),
        {
          type: "ActionSet",
          actions: [run("Klar", "done 12", "positive"), run("Skjut upp en vecka", "postpone 12")],
        },
        text("#13 Reglab: Ring Almi"),
        text("Nästa möten", { ...SUBTITLE, separator: true }),
        text("Reglab: tisdag 30 maj kl. 13.00"),
      ],
    });
  });

  it("says so when there is nothing (en)", () => {
    const card = renderOverviewCard(
      overview({
        locale: "en",
        title: "Your overview",
        actionsTitle: "Your actions",
        noActions: "No open actions.",
        meetingsTitle: "Next meetings",
        noMeetings: "No meetings planned.",
      }),
    );
    expect(card.body).toEqual([
      text("Your overview", TITLE),
      text("Your actions", SUBTITLE),
      text("No open actions.", { isSubtle: true }),
      text("Next meetings", { ...SUBTITLE, separator: true }),
      text("No meetings planned.", { isSubtle: true }),
    ]);
  });

  it("shows whole entries that fit in 28 000 bytes and how many more there are", () => {
    const line = (ref: number) =>
      `#${ref} Regionala samverkansrådet: ${"Ta fram underlag. ".repeat(20)}`.trim();
    const actions = Array.from({ length: 200 }, (_, index) => entry(index + 1, line(index + 1)));
    const meetings = Array.from({ length: 150 }, (_, index) =>
      `Råd ${index}: ${"möte ".repeat(30)}`.trim(),
    );
    const card = renderOverviewCard(overview({ actions, meetings }));
    expect(cardProblems(card)).toEqual([]);

    const texts = textBlocks([card]).map((block) => block.text);
    const shownActions = texts.filter((value) => value.startsWith("#"));
    const shownMeetings = texts.filter((value) => value.startsWith("Råd "));
    expect(shownActions.length).toBeGreaterThan(10);
    expect(shownMeetings.length).toBeGreaterThan(5);
    // Whole lines, in order, from the first.
    expect(shownActions).toEqual(actions.slice(0, shownActions.length).map((a) => a.line));
    expect(shownMeetings).toEqual(meetings.slice(0, shownMeetings.length));
    expect(texts).toContain(`… och ${200 - shownActions.length} till.`);
    expect(texts).toContain(`… och ${150 - shownMeetings.length} till.`);
    // Every shown open action keeps its buttons.
    const sets = card.body.filter((element) => element.type === "ActionSet");
    expect(sets).toHaveLength(shownActions.length);
  });

  it("gives meetings the room the actions leave", () => {
    const meetings = Array.from({ length: 300 }, (_, index) =>
      `Råd ${index}: ${"möte ".repeat(30)}`.trim(),
    );
    const card = renderOverviewCard(overview({ meetings }));
    expect(cardProblems(card)).toEqual([]);
    const shown = textBlocks([card]).filter((block) => block.text.startsWith("Råd "));
    expect(shown.length).toBeGreaterThan(100);
  });
});
