import { describe, expect, it } from "vitest";
import { hiddenCharacter } from "../../../src/domain/command/text-limits.js";
import { CHANNEL, PEOPLE, withSlackApp } from "../../support/slack-app-harness.js";

// Names come from Slack profiles, which their owners write: they pass the rule for typed text
// (no bidirectional overrides, no control characters, one line, at most 200 characters) before
// they reach the store, the minutes or a page. A mention's label (`<@U…|anna>`, from older
// clients) is the writer's text and never names anyone.

const { eva, anna } = PEOPLE;
const MALLORY = "U0MAL00001";
const LONG = "U0LONG0001";

describe("names from Slack profiles", () => {
  it("removes bidirectional overrides and control characters, and cuts long names", () =>
    withSlackApp({}, async (h) => {
      h.fake.setUser(MALLORY, {
        real_name: "Mallory",
        display_name: "Mallory \u202Eredienk\u202C\u0007 Mal\u2066lo\u2069ry",
        tz: "Europe/Stockholm",
      });
      h.fake.setUser(LONG, {
        real_name: `Lång\n${"x".repeat(300)}`,
        display_name: "",
        tz: "Europe/Stockholm",
      });
      const created = await h.command(MALLORY, "råd Mallorys råd");
      expect(created.text).toContain("Mallory redienk Mallory är rådets sekreterare");
      await h.command(MALLORY, `ledamot <@${LONG}>`);

      const names = (await h.prisma.person.findMany({ orderBy: { externalId: "asc" } })).map(
        (person) => [person.externalId, person.displayName],
      );
      expect(names).toEqual([
        [LONG, `Lång ${"x".repeat(195)}`],
        [MALLORY, "Mallory redienk Mallory"],
      ]);
      for (const [, name] of names) expect(hiddenCharacter(name ?? "")).toBeUndefined();
    }));

  it("names a mentioned person by their profile, whatever label the mention carries", () =>
    withSlackApp({}, async (h) => {
      await h.command(eva.id, "råd Reglab", { channelId: CHANNEL });
      await h.command(eva.id, "möte idag kl 13:00");
      await h.command(eva.id, `ledamot <@${anna.id}|anna>`);
      const identity = { platform: "slack" as const, workspaceId: h.teamId, externalId: anna.id };
      expect(await h.db.store.people.storedName(identity)).toBe(anna.name);

      const assigned = await h.command(eva.id, `uppdrag <@${anna.id}|annis> Skicka förslaget`);
      expect(assigned.text).toContain(anna.name);
      expect(assigned.text).not.toContain("annis");
      expect(await h.db.store.people.storedName(identity)).toBe(anna.name);
    }));
});
