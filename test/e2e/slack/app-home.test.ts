import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  buttonsIn,
  CHANNEL,
  OTHER_CHANNEL,
  PEOPLE,
  SlackAppHarness,
  textsIn,
} from "../../support/slack-app-harness.js";
import { appHomeOpenedEvent } from "../../support/slack-requests.js";

// The App Home tab: the person's open actions in every council they are in, with buttons,
// and each council's next meeting — published with views.publish when the tab opens.

const { eva, olle, anna, per } = PEOPLE;

describe("App Home", () => {
  let h: SlackAppHarness;

  beforeEach(async () => {
    h = await SlackAppHarness.start();
    await h.command(eva.id, "råd Regionala samverkansrådet");
    await h.command(eva.id, "möte idag kl 13:00");
    await h.command(eva.id, "möte 19 maj kl 13:00 Härnösand");
    await h.command(eva.id, `uppdrag <@${anna.id}> Skicka förslaget senast 20 april`); // #1
    await h.command(eva.id, `uppdrag <@${per.id}> Ring regionen`); // #2
    await h.command(eva.id, `uppdrag <@${anna.id}> Gammalt uppdrag`); // #3, done below
    await h.command(eva.id, "klar 3");

    await h.command(eva.id, "råd Reglab", { channelId: OTHER_CHANNEL });
    await h.command(eva.id, "möte 28 april kl 9:30 Sundsvall", { channelId: OTHER_CHANNEL });
    await h.command(eva.id, `uppdrag <@${anna.id}> <@${per.id}> Boka lokal senast 27 april`, {
      channelId: OTHER_CHANNEL,
    });
  });
  afterEach(async () => {
    await h.stop();
  });

  it("shows the person's open actions across councils and the councils' next meetings", async () => {
    const published = await h.openHome(anna.id);
    expect(published.user_id).toBe(anna.id);
    expect(published.view).toMatchObject({ type: "home" });
    const lines = textsIn(published.view);
    expect(lines).toContain("*Dina öppna uppdrag*");
    expect(lines).toContain(
      "Regionala samverkansrådet · #1 Anna B: Skicka förslaget – senast 20 april",
    );
    expect(lines).toContain("Reglab · #1 Anna B och Per Persson: Boka lokal – senast 27 april");
    // Not someone else's action, nor a done one.
    expect(lines.join("\n")).not.toContain("Ring regionen");
    expect(lines.join("\n")).not.toContain("Gammalt uppdrag");
    expect(lines).toContain("*Kommande möten*");
    // Each council's next meeting (today's, at 13:00, is still to come), not the later ones.
    expect(lines).toContain("Regionala samverkansrådet: tisdag 14 april kl. 13.00");
    expect(lines).toContain("Reglab: tisdag 28 april kl. 9.30, Sundsvall");
    expect(lines.join("\n")).not.toContain("19 maj");

    // The buttons run the command in the council they were shown for.
    const councils = await h.prisma.council.findMany({ orderBy: { name: "asc" } });
    const [rsr, reglab] = [
      councils.find((c) => c.name === "Regionala samverkansrådet"),
      councils.find((c) => c.name === "Reglab"),
    ];
    expect(buttonsIn(published.view).map((b) => [b.label, b.councilId, b.command])).toEqual([
      ["Klar", rsr?.id, "done 1"],
      ["Skjut upp en vecka", rsr?.id, "postpone 1"],
      ["Klar", reglab?.id, "done 1"],
      ["Skjut upp en vecka", reglab?.id, "postpone 1"],
    ]);
  });

  it("shows another person only their own actions", async () => {
    const published = await h.openHome(per.id);
    const lines = textsIn(published.view).join("\n");
    expect(lines).toContain("Regionala samverkansrådet · #2 Per Persson: Ring regionen");
    expect(lines).toContain("Reglab · #1 Anna B och Per Persson: Boka lokal");
    expect(lines).not.toContain("Skicka förslaget");
  });

  it("greets someone Noterat has never seen with an empty page, storing nothing", async () => {
    const before = await h.tableCounts();
    const published = await h.openHome(olle.id);
    expect(published.user_id).toBe(olle.id);
    const lines = textsIn(published.view);
    expect(lines).toContain("Du har inga öppna uppdrag.");
    expect(lines).toContain("Inga möten är planerade i dina råd.");
    expect(buttonsIn(published.view)).toEqual([]);
    expect(await h.tableCounts()).toEqual(before);
  });

  it("publishes nothing when the Messages tab is opened", async () => {
    const http = await h.event(
      appHomeOpenedEvent({
        teamId: h.teamId,
        userId: anna.id,
        channelId: CHANNEL,
        tab: "messages",
      }),
    );
    expect(http.status).toBe(200);
    // An event is acknowledged before it is handled: a Home tab opened afterwards is the
    // first views.publish, so the Messages tab published nothing.
    await h.openHome(anna.id);
    expect(h.fake.callsTo("views.publish")).toHaveLength(1);
  });
});
