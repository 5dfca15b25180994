import { describe, expect, it } from "vitest";
import type { DateContext } from "../../../src/domain/i18n/format-date.js";
import { generateLede } from "../../../src/domain/minutes/lede.js";

const sv: DateContext = {
  locale: "sv",
  timeZone: "Europe/Stockholm",
  now: new Date("2018-04-12T09:50:00Z"),
};
const en: DateContext = { ...sv, locale: "en" };

function lede(headings: string[], ctx: DateContext = sv, councilName = "Reglab"): string {
  return generateLede(
    { councilName, meetingStartsAt: new Date("2018-04-11T11:00:00Z"), headings },
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

  it("shows the year of a meeting in another year", () => {
    const later: DateContext = { ...sv, now: new Date("2019-01-10T09:00:00Z") };
    expect(lede(["Budget"], later)).toContain("vid Reglabs möte den 11 april 2018.");
  });
});
