import { describe, expect, it } from "vitest";
import type { DateContext } from "../../../src/domain/i18n/format-date.js";
import { generateLede, type LedeItem } from "../../../src/domain/minutes/lede.js";

const sv: DateContext = {
  locale: "sv",
  timeZone: "Europe/Stockholm",
  now: new Date("2018-04-12T09:50:00Z"),
};
const en: DateContext = { ...sv, locale: "en" };

function lede(headings: string[], ctx: DateContext = sv, councilName = "Reglab"): string {
  return ledeOf(
    headings.map((heading) => ({ heading, text: "" })),
    ctx,
    councilName,
  );
}

function ledeOf(items: LedeItem[], ctx: DateContext = sv, councilName = "Reglab"): string {
  return generateLede(
    { councilName, meetingStartsAt: new Date("2018-04-11T11:00:00Z"), items },
    ctx,
  );
}

describe("generateLede", () => {
  it("says only where and when when nothing was minuted", () => {
    expect(lede([])).toBe("Det här behandlades vid Reglabs möte den 11 april.");
    expect(lede([], en)).toBe("This was discussed at Reglab's meeting on April 11.");
  });

  it("names a single topic as one of the issues", () => {
    expect(lede(["Ny regional utvecklingsstrategi"])).toBe(
      "Ny regional utvecklingsstrategi – det var en av frågorna som behandlades vid Reglabs möte den 11 april.",
    );
    expect(lede(["New strategy"], en)).toBe(
      "New strategy – this was one of the issues discussed at Reglab's meeting on April 11.",
    );
  });

  it("joins two topics and lowercases the second", () => {
    expect(lede(["Översyn av kollektivtrafiken", "Ny strategi"])).toBe(
      "Översyn av kollektivtrafiken och ny strategi – det var några av de frågor som behandlades vid Reglabs möte den 11 april.",
    );
  });

  it("joins three topics naturally, in both languages", () => {
    const headings = ["Översyn av kollektivtrafiken", "Ny strategi", "Exportsamverkan"];
    expect(lede(headings, sv, "Regionala samverkansrådet")).toBe(
      "Översyn av kollektivtrafiken, ny strategi och exportsamverkan – det var några av de frågor som behandlades vid Regionala samverkansrådets möte den 11 april.",
    );
    expect(lede(["Public transport", "A new strategy", "Exports"], en, "ÖMS")).toBe(
      "Public transport, a new strategy and exports – these were some of the issues discussed at ÖMS' meeting on April 11.",
    );
  });

  it("names the first three of five topics", () => {
    expect(lede(["Ett", "Två", "Tre", "Fyra", "Fem"])).toBe(
      "Ett, två och tre – det var några av de frågor som behandlades vid Reglabs möte den 11 april.",
    );
  });

  it("keeps the case of abbreviations and names", () => {
    expect(lede(["Budget", "RUS och regionplanen", "EU-frågor", "iPhone-appen"])).toBe(
      "Budget, RUS och regionplanen och EU-frågor – det var några av de frågor som behandlades vid Reglabs möte den 11 april.",
    );
    expect(lede(["Budget", "A-kassan"])).toContain("Budget och a-kassan –");
  });

  it("drops a closing full stop, surrounding space and empty headings", () => {
    expect(lede(["  Budget. ", "", "Ny strategi:"])).toBe(
      "Budget och ny strategi – det var några av de frågor som behandlades vid Reglabs möte den 11 april.",
    );
  });

  describe("keeps the case of a name the item itself writes as one", () => {
    /** The second topic of the lede, after "Budget och ". */
    const second = (heading: string, text = "") =>
      ledeOf([
        { heading: "Budget", text: "" },
        { heading, text },
      ]).replace(/^Budget och (.*) – det var några av .*$/u, "$1");

    it.each([
      // A first word run into a name is part of it: Region Västernorrland, Team Mid Sweden.
      [
        "Region Västernorrland informerade om exportsamverkan",
        "",
        "Region Västernorrland informerade om exportsamverkan",
      ],
      ["Region Västernorrland", "", "Region Västernorrland"],
      ["Team Mid Sweden", "", "Team Mid Sweden"],
      ["Länsstyrelsen Västmanland", "", "Länsstyrelsen Västmanland"],
      // A name the item's text capitalises mid-sentence.
      [
        "Mittuniversitetet",
        "Rektor för Mittuniversitetet berättade om samverkan.",
        "Mittuniversitetet",
      ],
      ["Mittuniversitetet", "Samverkan med Mittuniversitetets forskare.", "Mittuniversitetet"],
      [
        "Mittuniversitetets utbildningar",
        "Utbildningar vid Mittuniversitetet.",
        "Mittuniversitetets utbildningar",
      ],
      ["Länsstyrelsen", "Rådet fick en lägesbild från Länsstyrelsen.", "Länsstyrelsen"],
      [
        "Länsstyrelsen informerade",
        "Arbetet samordnas av Länsstyrelsen i Västernorrland.",
        "Länsstyrelsen informerade",
      ],
      [
        "Information om Region Jämtland och Region Västernorrland",
        "",
        "information om Region Jämtland och Region Västernorrland",
      ],
      // The text writes it in lower case, or only at the start of a sentence: an ordinary word.
      [
        "Länsstyrelsen",
        "Grupperingar har träffats med länsstyrelsen som samordnare.",
        "länsstyrelsen",
      ],
      [
        "Länsstyrelsen",
        "Länsstyrelsen har tagit fram en plan. Den följs upp i höst.",
        "länsstyrelsen",
      ],
      ["Länsstyrelsen", "Planen är klar.\nLänsstyrelsen följer upp den.", "länsstyrelsen"],
      ["Länsstyrelsen", "Planen är klar: Länsstyrelsen följer upp den.", "länsstyrelsen"],
      ["Budget 2027", "Budgeten för 2027 antogs.", "budget 2027"],
      [
        "Ny regional utvecklingsstrategi",
        "Processen pågår. Ny strategi väntas i juni.",
        "ny regional utvecklingsstrategi",
      ],
      [
        "Översyn av kollektivtrafiken",
        "Regionala samverkansrådet informerades om översynen.",
        "översyn av kollektivtrafiken",
      ],
      ["Rapport RUS", "", "rapport RUS"],
      ["Samverkan", "Ett möte om ”Samverkan” hölls i Sundsvall.", "Samverkan"],
    ])("%s (text: %j) → %s", (heading, text, topic) => {
      expect(second(heading, text)).toBe(topic);
    });

    it("reads only the item's own text", () => {
      const items = [
        { heading: "Budget", text: "Beslut om Länsstyrelsen och Mittuniversitetet." },
        { heading: "Länsstyrelsen", text: "" },
        { heading: "Mittuniversitetet", text: "" },
      ];
      expect(ledeOf(items)).toContain("Budget, länsstyrelsen och mittuniversitetet –");
    });

    it("keeps names in English too", () => {
      const items = [
        { heading: "Budget", text: "" },
        { heading: "Region Västernorrland", text: "" },
        { heading: "Exports", text: "A report from Exports Ltd." },
      ];
      expect(ledeOf(items, en)).toContain("Budget, Region Västernorrland and Exports –");
    });
  });

  it("shows the year of a meeting in another year", () => {
    const later: DateContext = { ...sv, now: new Date("2019-01-10T09:00:00Z") };
    expect(lede(["Budget"], later)).toContain("vid Reglabs möte den 11 april 2018.");
  });
});
