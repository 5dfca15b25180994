import { describe, expect, it } from "vitest";
import { compileMinutes } from "../../../src/domain/minutes/compile-minutes.js";
import { renderMinutesText } from "../../../src/render/minutes-text.js";
import { SEED_HEADINGS, SEED_TEXTS, seedMeeting } from "../minutes/seed-003-meeting.js";

describe("renderMinutesText", () => {
  it("renders the seed 003 post as plain text", () => {
    const text = renderMinutesText(compileMinutes(seedMeeting()));
    expect(text).toMatch(
      /^Noterat från Regionala samverkansrådet 11 april\n2018-04-12 11:50\n\nÖversyn av Kollektivtrafikmyndigheten, samverkansgrupp inom innovation och företagande och ny regional utvecklingsstrategi – det var några av de frågor som behandlades vid Regionala samverkansrådets möte den 11 april\.\n\n/,
    );
    // Each heading sits directly above its text, the sections a blank line apart.
    SEED_HEADINGS.forEach((heading, index) => {
      expect(text).toContain(`\n\n${heading}\n${SEED_TEXTS[index]}`);
    });
    expect(text).toMatch(
      /Härnösand\.\n\nNästa möte\nHandlingar från Regionala samverkansrådet finns i sin helhet på rvn\.se\nNästa möte med Regionala samverkansrådet är den 30 maj\.$/,
    );
  });

  it("shows decisions, actions and a draft without stamp, as typed", () => {
    const source = seedMeeting();
    const text = renderMinutesText(
      compileMinutes(
        seedMeeting({
          meeting: {
            ...source.meeting,
            publishedAt: null,
            documentsUrl: null,
            lede: "<b>Ingress</b>",
          },
          items: [
            { ref: 1, kind: "decision", heading: "Budget", text: "Ett.\n\nTvå.", paragraph: 12 },
          ],
          actions: [
            {
              ref: 2,
              itemRef: 1,
              text: "Skicka",
              assignees: ["Anna"],
              due: { year: 2018, month: 5, day: 2 },
            },
            {
              ref: 3,
              itemRef: null,
              text: "Ring",
              assignees: ["Per", "Eva"],
              due: null,
            },
          ],
          nextMeeting: null,
        }),
      ),
    );
    expect(text).toBe(
      [
        "Noterat från Regionala samverkansrådet 11 april",
        "",
        "<b>Ingress</b>",
        "",
        "Budget",
        "Beslut § 12",
        "Ett.",
        "",
        "Två.",
        "- Anna: Skicka (senast 2 maj)",
        "",
        "Uppdrag",
        "- Per och Eva: Ring",
      ].join("\n"),
    );
  });
});
