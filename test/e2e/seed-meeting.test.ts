import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FixedClock, runScript } from "../support/console-harness.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

// The meeting behind seed 003 ("Noterat från Regionala samverkansrådet 11 april"), held in
// the console as a secretary would, then published the next morning as the seed was.

const SEED_ITEMS = [
  "noterat Översyn av Kollektivtrafikmyndigheten: Regionala samverkansrådet informerades om och diskuterade tidplanen för översynen av kollektivtrafikmyndighetens styrdokument. Förslag till nya styrdokument förväntas vara klara i juni i år.",
  "diskussion Samverkansgrupp inom innovation och företagande: Region Västernorrland fortsätter att, tillsammans med andra regionala aktörer, se över och vidareutveckla formerna för regional samverkan.",
  "noterat Ny regional utvecklingsstrategi: Processen att ta fram en ny regional utvecklingsstrategi för perioden 2019-2030 pågår för fullt.",
  "beslut Företag ska få bättre hjälp att satsa på export: Region Västernorrland tackar ja till erbjudandet om förstärkt stöd till regional exportsamverkan.",
];

describe("seed 003 meeting through the console", () => {
  let db: TempDatabase;
  beforeEach(async () => {
    db = await openTempDatabase();
  });
  afterEach(async () => {
    await db.cleanup();
  });

  it("produces the Noterat post with title, lede, sections and next meeting", async () => {
    const clock = new FixedClock("2018-04-11T08:00:00Z");
    const meeting = await runScript(db.store, clock, [
      "/noterat råd Regionala samverkansrådet",
      "möte 11 april kl 13:00 Sundsvall",
      ...SEED_ITEMS,
      "uppdrag @Anna Slutför ansökan om regional exportsamverkan senast 29 maj",
      "möte 30 maj kl 13:00",
      "handlingar rvn.se",
      "roll @Ordf ordförande",
      "protokoll",
      "/som Ordf",
      "justera",
    ]);
    expect(meeting.output).toContain("Möte planerat: onsdag 11 april kl. 13.00, Sundsvall.");
    expect(meeting.output).toContain(
      "Beslut § 1 (#4): Företag ska få bättre hjälp att satsa på export",
    );
    expect(meeting.output).toContain("Anteckningarna från mötet 11 april är justerade av Ordf.");

    clock.set("2018-04-12T09:50:00Z");
    const publishing = await runScript(db.store, clock, ["publicera"], {
      exportDir: meeting.exportDir,
    });
    expect(publishing.output).toContain("regionala-samverkansradet-2018-04-11.md");
    expect(publishing.output).toContain("är publicerad i 1 av 1 kanal");

    const markdown = readFileSync(
      `${meeting.exportDir}/regionala-samverkansradet-2018-04-11.md`,
      "utf8",
    );
    expect(markdown).toMatch(/^# Noterat från Regionala samverkansrådet 11 april$/m);
    expect(markdown).toContain("2018-04-12 11:50");
    expect(markdown).toContain("Regionala samverkansrådets möte den 11 april.");
    for (const heading of [
      "Översyn av Kollektivtrafikmyndigheten",
      "Samverkansgrupp inom innovation och företagande",
      "Ny regional utvecklingsstrategi",
      "Företag ska få bättre hjälp att satsa på export",
    ]) {
      expect(markdown).toMatch(new RegExp(`^## ${heading}$`, "m"));
    }
    expect(markdown.match(/^## /gm)).toHaveLength(5); // four topics and "Nästa möte"
    expect(markdown).toContain("§ 1");
    expect(markdown).toContain("Anna: Slutför ansökan om regional exportsamverkan (senast 29 maj)");
    expect(markdown).toContain("Handlingar från Regionala samverkansrådet finns i sin helhet på");
    expect(markdown).toContain("Nästa möte med Regionala samverkansrådet är den 30 maj.");

    const html = readFileSync(
      `${meeting.exportDir}/regionala-samverkansradet-2018-04-11.html`,
      "utf8",
    );
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain("Noterat från Regionala samverkansrådet 11 april");
    expect(html).toContain('href="https://rvn.se"');

    const stored = await db.database.prisma.meeting.findFirstOrThrow({
      where: { startsAt: new Date("2018-04-11T11:00:00Z") },
    });
    expect(stored.minutesStatus).toBe("published");
    expect(stored.publishedAt).toEqual(new Date("2018-04-12T09:50:00Z"));
  });
});
