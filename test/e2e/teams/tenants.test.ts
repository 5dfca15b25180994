import { afterEach, describe, expect, it } from "vitest";
import { PEOPLE, TENANT_ID, TeamsAppHarness } from "../../support/teams-app-harness.js";

// Only Microsoft Teams activities with a tenant reach Noterat, and only from the allowed tenants
// when a list is configured: the same bot registration may be reachable through Web Chat or
// Direct Line, where the tenant and the user are whatever the client says.

const { eva } = PEOPLE;

describe("which tenants may use the Teams bot", () => {
  let h: TeamsAppHarness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it("ignores activities from another channel than Teams, or without a tenant", async () => {
    h = await TeamsAppHarness.start();
    const before = await h.tableCounts();
    const webChat = { ...h.message(eva, "råd Reglab"), channelId: "webchat" };
    expect((await h.post(webChat)).records).toEqual([]);
    const noTenant = {
      ...h.message(eva, "råd Reglab"),
      channelData: {},
      conversation: { id: "19:x@thread.tacv2", conversationType: "channel" },
    };
    expect((await h.post(noTenant)).records).toEqual([]);
    expect(await h.tableCounts()).toEqual(before);
    // The same message from Teams works.
    expect((await h.say(eva, "råd Reglab")).records.length).toBeGreaterThan(0);
  });

  it("serves only the listed tenants when TEAMS_TENANT_IDS is set", async () => {
    h = await TeamsAppHarness.start({
      config: { authenticated: false, tenants: ["00000000-0000-4000-8000-000000000001"] },
    });
    const before = await h.tableCounts();
    expect((await h.say(eva, "råd Reglab")).records).toEqual([]);
    expect(await h.tableCounts()).toEqual(before);
    await h.stop();
    h = await TeamsAppHarness.start({
      config: { authenticated: false, tenants: [TENANT_ID.toLowerCase()] },
    });
    expect((await h.say(eva, "råd Reglab")).records.length).toBeGreaterThan(0);
  });
});
