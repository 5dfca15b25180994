import { describe, expect, it } from "vitest";
import { genitive } from "../../../src/domain/minutes/genitive.js";

describe("genitive", () => {
  it.each([
    ["Regionala samverkansrådet", "Regionala samverkansrådets", "Regionala samverkansrådet's"],
    ["Mälardalsrådet", "Mälardalsrådets", "Mälardalsrådet's"],
    ["Reglab", "Reglabs", "Reglab's"],
    ["Strukturfondspartnerskapet", "Strukturfondspartnerskapets", "Strukturfondspartnerskapet's"],
    ["Region Västernorrland", "Region Västernorrlands", "Region Västernorrland's"],
    ["Team Mid Sweden", "Team Mid Swedens", "Team Mid Sweden's"],
    ["EU-rådet", "EU-rådets", "EU-rådet's"],
    // Nothing after s, x, z in Swedish; an apostrophe alone after s in English.
    ["ÖMS", "ÖMS", "ÖMS'"],
    ["Västerås", "Västerås", "Västerås'"],
    ["Region Västernorrlands", "Region Västernorrlands", "Region Västernorrlands'"],
    ["Fix", "Fix", "Fix's"],
    ["Svealandz", "Svealandz", "Svealandz's"],
    // Abbreviations, digits and closing marks take colon-s in Swedish.
    ["SKR", "SKR:s", "SKR's"],
    [
      "Almi Företagspartner Mitt AB",
      "Almi Företagspartner Mitt AB:s",
      "Almi Företagspartner Mitt AB's",
    ],
    ["Grupp A", "Grupp A:s", "Grupp A's"],
    ["Agenda 2030", "Agenda 2030:s", "Agenda 2030's"],
    ["Rådet (RSR)", "Rådet (RSR):s", "Rådet (RSR)'s"],
    ["Forum ”Framtid”", "Forum ”Framtid”:s", "Forum ”Framtid”'s"],
    ["  Reglab \n", "Reglabs", "Reglab's"],
    ["", "", ""],
  ])("%j → sv %j, en %j", (name, sv, en) => {
    expect(genitive(name, "sv")).toBe(sv);
    expect(genitive(name, "en")).toBe(en);
  });
});
