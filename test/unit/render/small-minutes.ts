import type { MinutesDocument } from "../../../src/domain/minutes/document.js";

// A small post that fits in one card or message: one decision with an action, one other action,
// and a closing with a documents link and the next meeting.

export function smallDocument(overrides: Partial<MinutesDocument> = {}): MinutesDocument {
  return {
    locale: "sv",
    title: "Noterat från Reglab 30 maj",
    stamp: "2026-05-31 09:00",
    lede: "Budget – det var en av frågorna som behandlades vid Reglabs möte den 30 maj.",
    sections: [
      {
        ref: 1,
        kind: "decision",
        heading: "Budget",
        paragraphs: ["Ett.", "Två."],
        decision: { label: "Beslut § 12" },
        actions: [{ ref: 2, line: "Anna Berg: Skicka (senast 2 juni)" }],
      },
    ],
    otherActions: { heading: "Uppdrag", actions: [{ ref: 3, line: "Per och Eva: Ring – klar" }] },
    closing: {
      heading: "Nästa möte",
      documents: {
        before: "Handlingar från Reglab finns i sin helhet på ",
        url: "rvn.se/handlingar",
        after: "",
      },
      nextMeeting: "Nästa möte med Reglab är den 30 juni.",
    },
    ...overrides,
  };
}
