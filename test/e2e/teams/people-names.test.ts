import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hiddenCharacter } from "../../../src/domain/command/text-limits.js";
import { PEOPLE, TENANT_ID, TeamsAppHarness } from "../../support/teams-app-harness.js";

// People are named as Teams' roster names them, not as a mention's text shows them: Teams lets
// the writer shorten a mention ("<at>Anna</at>" for Anna Berg), and that is no new name. Names
// from Teams pass the rule for typed text: no bidirectional overrides or control characters.

const { eva, anna, per } = PEOPLE;

describe("names of Teams users", () => {
  let h: TeamsAppHarness;
  beforeEach(async () => {
    h = await TeamsAppHarness.start();
    await h.say(eva, "råd Reglab");
    await h.say(eva, "möte idag kl 13:00");
  });
  afterEach(async () => {
    await h.stop();
  });

  const storedName = (aadObjectId: string) =>
    h.db.store.people.storedName({
      platform: "teams",
      workspaceId: TENANT_ID,
      externalId: aadObjectId,
    });

  it("keeps a stored name when a mention shortens it", async () => {
    await h.say(eva, `ledamot <at>${anna.name}</at>`, { mentions: [anna] });
    expect(await storedName(anna.aadObjectId)).toBe("Anna Berg");

    const assigned = await h.say(eva, "uppdrag <at>Anna</at> Skicka förslaget", {
      mentions: [{ ...anna, name: "Anna" }],
    });
    expect(assigned.text).toContain("Anna Berg");
    expect(await storedName(anna.aadObjectId)).toBe("Anna Berg");
    expect(await h.prisma.person.count({ where: { displayName: "Anna" } })).toBe(0);
  });

  it("names someone new as the roster does, not as the mention's text", async () => {
    const set = await h.say(eva, "roll <at>Per</at> ordförande", {
      mentions: [{ ...per, name: "Per" }],
    });
    expect(set.text).toContain("Per Persson");
    expect(await storedName(per.aadObjectId)).toBe("Per Persson");
  });

  it("removes bidirectional overrides and control characters from Teams names", async () => {
    const mallory = {
      id: "29:1mallory-chat-id-0bad",
      name: "Mallory \u202Eredienk\u202C\u0007 Mal\u2066lo\u2069ry",
      aadObjectId: "0a1b2c3d-0000-4000-8000-000000000bad",
    };
    h.fake.addMember(mallory);
    const typedBy = await h.say(mallory, "råd Mallorys råd", {
      where: { id: "19:mallory-kanal@thread.tacv2", conversationType: "channel" },
    });
    expect(typedBy.text).toContain("Mallory redienk Mallory är rådets sekreterare");
    expect(await storedName(mallory.aadObjectId)).toBe("Mallory redienk Mallory");

    const long = {
      ...mallory,
      id: "29:1long-chat-id-0100",
      aadObjectId: "0a1b2c3d-0000-4000-8000-000000000100",
    };
    h.fake.addMember({ ...long, name: `Lång\n${"x".repeat(300)}` });
    await h.say(eva, "ledamot <at>Lång</at>", { mentions: [{ ...long, name: "Lång" }] });
    expect(await storedName(long.aadObjectId)).toBe(`Lång ${"x".repeat(195)}`);

    for (const { displayName } of await h.prisma.person.findMany()) {
      expect(hiddenCharacter(displayName)).toBeUndefined();
    }
  });
});
