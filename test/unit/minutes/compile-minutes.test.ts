import { describe, expect, it } from "vitest";
import {
  compileMinutes,
  type MinutesSourceAction,
  type MinutesSourceItem,
} from "../../../src/domain/minutes/compile-minutes.js";
import { SEED_HEADINGS, seedMeeting } from "./seed-003-meeting.js";

function item(ref: number, overrides: Partial<MinutesSourceItem> = {}): MinutesSourceItem {
  return {
    ref,
    kind: "info",
    heading: `Punkt ${ref}`,
    text: `Text ${ref}`,
    paragraph: null,
    ...overrides,
  };
}

function action(ref: number, overrides: Partial<MinutesSourceAction> = {}): MinutesSourceAction {
  return {
    ref,
    itemRef: null,
    text: `Uppdrag ${ref}`,
    assignees: ["Anna Berg"],
    due: null,
    ...overrides,
  };
}

describe("compileMinutes", () => {
  it("compiles the seed 003 meeting as the post was published", () => {
    const doc = compileMinutes(seedMeeting());
    expect(doc.locale).toBe("sv");
    expect(doc.title).toBe("Noterat från Regionala samverkansrådet 11 april");
    expect(doc.stamp).toBe("2018-04-12 11:50");
    expect(doc.lede).toBe(
      "Översyn av Kollektivtrafikmyndigheten, samverkansgrupp inom innovation och företagande och ny regional utvecklingsstrategi – det var några av de frågor som behandlades vid Regionala samverkansrådets möte den 11 april.",
    );
    expect(doc.sections.map((section) => section.heading)).toEqual([...SEED_HEADINGS]);
    expect(doc.sections.map((section) => section.paragraphs.length)).toEqual([1, 2, 3, 4]);
    expect(doc.sections.every((section) => section.decision === undefined)).toBe(true);
    expect(doc.otherActions).toBeUndefined();
    expect(doc.closing).toEqual({
      heading: "Nästa möte",
      documents: {
        before: "Handlingar från Regionala samverkansrådet finns i sin helhet på ",
        url: "rvn.se",
        after: "",
      },
      nextMeeting: "Nästa möte med Regionala samverkansrådet är den 30 maj.",
    });
  });

  it("compiles the same meeting in English", () => {
    const doc = compileMinutes(seedMeeting({ locale: "en" }));
    expect(doc.title).toBe("Notes from Regionala samverkansrådet, April 11");
    expect(doc.stamp).toBe("2018-04-12 11:50");
    expect(doc.lede).toMatch(
      / – these were some of the issues discussed at Regionala samverkansrådet's meeting on April 11\.$/,
    );
    expect(doc.closing).toEqual({
      heading: "Next meeting",
      documents: {
        before: "The documents from Regionala samverkansrådet are available in full at ",
        url: "rvn.se",
        after: "",
      },
      nextMeeting: "The next meeting of Regionala samverkansrådet is on May 30.",
    });
  });

  it("cuts the documents sentence at the link even when the name looks like a placeholder", () => {
    const doc = compileMinutes(seedMeeting({ council: { name: "Rådet {url} \u0000" } }));
    expect(doc.closing?.documents).toEqual({
      before: "Handlingar från Rådet {url} \u0000 finns i sin helhet på ",
      url: "rvn.se",
      after: "",
    });
  });

  it("shows the year of a meeting held in another year than now", () => {
    const doc = compileMinutes(seedMeeting({ now: new Date("2019-02-01T08:00:00Z") }));
    expect(doc.title).toBe("Noterat från Regionala samverkansrådet 11 april 2018");
    expect(doc.lede).toContain("möte den 11 april 2018.");
    expect(doc.closing?.nextMeeting).toBe(
      "Nästa möte med Regionala samverkansrådet är den 30 maj 2018.",
    );
  });

  it("uses the secretary's lede instead of the generated one", () => {
    const lede = "Kollektivtrafiken och exporten stod i centrum.";
    expect(compileMinutes(seedMeeting({ meeting: { ...seedMeeting().meeting, lede } })).lede).toBe(
      lede,
    );
    const blank = { ...seedMeeting().meeting, lede: "  " };
    expect(compileMinutes(seedMeeting({ meeting: blank })).lede).toMatch(/^Översyn av/);
  });

  it("leaves out the stamp, documents and next meeting when there are none", () => {
    const meeting = { ...seedMeeting().meeting, documentsUrl: null, publishedAt: null };
    const doc = compileMinutes(seedMeeting({ meeting, nextMeeting: null }));
    expect(doc).not.toHaveProperty("stamp");
    expect(doc.closing).toBeUndefined();
  });

  it("splits text into paragraphs on blank lines and keeps single line breaks", () => {
    const text = "  Första stycket\r\nfortsätter här. \n\n \n\nAndra stycket.\n\n";
    const doc = compileMinutes(seedMeeting({ items: [item(1, { text, heading: "  Rubrik " })] }));
    expect(doc.sections[0]?.heading).toBe("Rubrik");
    expect(doc.sections[0]?.paragraphs).toEqual([
      "Första stycket\nfortsätter här.",
      "Andra stycket.",
    ]);
  });

  it("labels decisions with their § number", () => {
    const items = [
      item(11, { kind: "decision", paragraph: 12 }),
      item(12, { kind: "discussion" }),
      item(13, { kind: "decision" }),
    ];
    const sv = compileMinutes(seedMeeting({ items }));
    expect(sv.sections.map((section) => section.decision)).toEqual([
      { label: "Beslut § 12" },
      undefined,
      { label: "Beslut" },
    ]);
    expect(sv.sections.map((section) => section.kind)).toEqual([
      "decision",
      "discussion",
      "decision",
    ]);
    const en = compileMinutes(seedMeeting({ items, locale: "en" }));
    expect(en.sections[0]?.decision).toEqual({ label: "Decision § 12" });
  });

  it("lists actions under their item, and the rest under their own heading", () => {
    const doc = compileMinutes(
      seedMeeting({
        items: [item(1), item(2)],
        actions: [
          action(5, {
            itemRef: 2,
            text: " Ta fram ett förslag ",
            assignees: ["Anna Berg", "Per Ek"],
            due: { year: 2018, month: 5, day: 30 },
          }),
          action(6, { itemRef: 2, assignees: ["Anna Berg", "Per Ek", "Eva Lund"] }),
          action(8, { itemRef: null, due: { year: 2019, month: 1, day: 15 } }),
          action(9, { itemRef: 42, assignees: [] }),
        ],
      }),
    );
    expect(doc.sections[0]?.actions).toEqual([]);
    expect(doc.sections[1]?.actions).toEqual([
      { ref: 5, line: "Anna Berg och Per Ek: Ta fram ett förslag (senast 30 maj)" },
      { ref: 6, line: "Anna Berg, Per Ek och Eva Lund: Uppdrag 6" },
    ]);
    expect(doc.otherActions).toEqual({
      heading: "Uppdrag",
      actions: [
        { ref: 8, line: "Anna Berg: Uppdrag 8 (senast 15 januari 2019)" },
        { ref: 9, line: "Uppdrag 9" },
      ],
    });
  });

  it("writes action lines in English", () => {
    const doc = compileMinutes(
      seedMeeting({
        locale: "en",
        items: [item(1)],
        actions: [
          action(5, {
            itemRef: 1,
            assignees: ["Anna", "Per", "Eva"],
            due: { year: 2018, month: 5, day: 30 },
          }),
          action(6),
        ],
      }),
    );
    expect(doc.sections[0]?.actions).toEqual([
      { ref: 5, line: "Anna, Per and Eva: Uppdrag 5 (by May 30)" },
    ]);
    expect(doc.otherActions).toEqual({
      heading: "Actions",
      actions: [{ ref: 6, line: "Anna Berg: Uppdrag 6" }],
    });
  });

  it("has no other-actions part when every action belongs to an item", () => {
    const doc = compileMinutes(
      seedMeeting({
        items: [item(1)],
        actions: [action(3, { itemRef: 1 })],
      }),
    );
    expect(doc).not.toHaveProperty("otherActions");
  });
});
