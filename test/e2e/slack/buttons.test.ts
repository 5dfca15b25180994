import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  buttonsIn,
  CHANNEL,
  dmOf,
  findButton,
  PEOPLE,
  SlackAppHarness,
  textOf,
  textsIn,
} from "../../support/slack-app-harness.js";

// Every button Noterat shows, clicked as Slack sends a click: "Klar" and "Skjut upp" on listed
// actions (in the channel and on App Home), "Justera" and "Publicera" on drafts.

const { eva, olle, anna, per } = PEOPLE;

describe("buttons", () => {
  let h: SlackAppHarness;

  beforeEach(async () => {
    h = await SlackAppHarness.start();
    await h.command(eva.id, "råd Regionala samverkansrådet");
    await h.command(eva.id, "möte idag kl 13:00");
    await h.command(eva.id, "noterat Budget: Rådet informerades.");
    await h.command(eva.id, `uppdrag <@${anna.id}> Skicka förslaget senast 20 april`); // #2
    await h.command(eva.id, `uppdrag <@${anna.id}> Boka lokal senast 30 april`); // #3
    await h.command(eva.id, `uppdrag <@${per.id}> Ring regionen`); // #4
    await h.command(eva.id, `roll <@${olle.id}> ordförande`);
    await h.command(eva.id, `roll <@${anna.id}> ledamot`);
  });
  afterEach(async () => {
    await h.stop();
  });

  const action = (ref: number) =>
    h.prisma.action.findFirstOrThrow({ where: { ref }, include: { completedBy: true } });
  const auditCount = (action: string) => h.prisma.auditEntry.count({ where: { action } });

  it("lists open actions with Klar and Skjut upp, carrying the council and the command", async () => {
    const list = await h.command(anna.id, "öppna");
    expect(list.ack?.responseType).toBe("ephemeral");
    const council = await h.prisma.council.findFirstOrThrow();
    expect(buttonsIn(list.messages).map((b) => [b.label, b.value])).toEqual([
      ["Klar", `${council.id}|done 2`],
      ["Skjut upp en vecka", `${council.id}|postpone 2`],
      ["Klar", `${council.id}|done 3`],
      ["Skjut upp en vecka", `${council.id}|postpone 3`],
      ["Klar", `${council.id}|done 4`],
      ["Skjut upp en vecka", `${council.id}|postpone 4`],
    ]);
    // Slack refuses a message whose action_ids repeat.
    const ids = buttonsIn(list.messages).map((b) => b.actionId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("refuses a forged button that would run another command in the council", async () => {
    const list = await h.command(per.id, "öppna");
    const done = findButton(list.messages, { command: "done 4" });
    const forged = { ...done, value: `${done.councilId}|sök Budget`, command: "sök Budget" };
    const before = await h.tableCounts();
    const clicked = await h.click(per.id, forged);
    expect(clicked.text).toBe("Den knappen känner Noterat inte igen. Skriv kommandot i stället.");
    expect(clicked.text).not.toContain("Rådet informerades");
    expect(await h.tableCounts()).toEqual(before);
  });

  it("Klar marks the assignee's action done and tells the channel; a second click does nothing", async () => {
    const list = await h.command(anna.id, "öppna");
    const klar = findButton(list.messages, { label: "Klar", command: "done 2" });

    const done = await h.click(anna.id, klar);
    expect(done.status).toBe(200);
    expect(done.messages).toHaveLength(1);
    expect(done.messages[0]?.responseType).toBe("in_channel");
    expect(done.text).toContain("Klart, markerat av Anna B");
    expect(done.text).toContain("#2 Anna B: Skicka förslaget – senast 20 april – klart");
    // The done action has no buttons any more.
    expect(buttonsIn(done.messages)).toEqual([]);
    const stored = await action(2);
    expect(stored.status).toBe("done");
    expect(stored.completedBy?.externalId).toBe(anna.id);
    expect(stored.completedAt?.toISOString()).toBe(h.clock.now().toISOString());

    const before = await h.tableCounts();
    const again = await h.click(anna.id, klar);
    expect(again.messages[0]?.responseType).toBe("ephemeral");
    expect(again.text).toBe("Uppdrag #2 är redan klart.");
    expect(await h.tableCounts()).toEqual(before);
    expect(await auditCount("completed")).toBe(1);
  });

  it("Skjut upp moves the due date a week and tells the channel", async () => {
    const list = await h.command(anna.id, "öppna");
    const postpone = findButton(list.messages, {
      label: "Skjut upp en vecka",
      command: "postpone 3",
    });
    const moved = await h.click(anna.id, postpone);
    expect(moved.messages[0]?.responseType).toBe("in_channel");
    expect(moved.text).toContain("Uppskjutet av Anna B");
    expect(moved.text).toContain("#3 Anna B: Boka lokal – senast 7 maj");
    // 7 May, local midnight in Stockholm.
    expect((await action(3)).dueAt?.toISOString()).toBe("2026-05-06T22:00:00.000Z");
    expect((await action(3)).status).toBe("open");
  });

  it("Skjut upp on an overdue action moves it a week from today", async () => {
    h.clock.set("2026-04-22T07:00:00Z"); // Wednesday 22 April: #2 was due on the 20th
    const list = await h.command(anna.id, "mina");
    expect(list.text).toContain("#2 Anna B: Skicka förslaget – senast 20 april (försenat)");
    const moved = await h.click(anna.id, findButton(list.messages, { command: "postpone 2" }));
    expect(moved.text).toContain("#2 Anna B: Skicka förslaget – senast 29 april");
    expect(moved.text).not.toContain("försenat");
    expect((await action(2)).dueAt?.toISOString()).toBe("2026-04-28T22:00:00.000Z");
  });

  it("refuses Klar on someone else's action and changes nothing", async () => {
    const list = await h.command(anna.id, "öppna");
    const before = await h.tableCounts();
    const refused = await h.click(anna.id, findButton(list.messages, { command: "done 4" }));
    expect(refused.messages[0]?.responseType).toBe("ephemeral");
    expect(refused.text).toBe(
      "Bara den som har uppdraget, eller sekreteraren, kan markera det klart.",
    );
    expect((await action(4)).status).toBe("open");
    expect(await h.tableCounts()).toEqual(before);
  });

  it("Klar and Skjut upp on App Home refresh the page and answer in the council's channel", async () => {
    const home = await h.openHome(anna.id);
    expect(home.user_id).toBe(anna.id);
    const klar = findButton(home.view, { label: "Klar", command: "done 2" });

    const done = await h.clickOnHome(anna.id, klar);
    expect(done.status).toBe(200);
    expect((await action(2)).status).toBe("done");
    // The page is published again for the same person, without the done action.
    expect(done.home.user_id).toBe(anna.id);
    expect(buttonsIn(done.home.view).map((b) => b.command)).toEqual(["done 3", "postpone 3"]);
    expect(textsIn(done.home.view).join("\n")).not.toContain("Skicka förslaget");
    // What the council should see goes to its channel.
    expect(done.posted.map((call) => call.args.channel)).toEqual([CHANNEL]);
    expect(done.text).toContain("Klart, markerat av Anna B");

    const postpone = findButton(done.home.view, {
      label: "Skjut upp en vecka",
      command: "postpone 3",
    });
    const moved = await h.clickOnHome(anna.id, postpone);
    expect(moved.posted.map((call) => call.args.channel)).toEqual([CHANNEL]);
    expect(moved.text).toContain("Uppskjutet av Anna B");
    expect(textsIn(moved.home.view).join("\n")).toContain("Boka lokal – senast 7 maj");
    expect((await action(3)).dueAt?.toISOString()).toBe("2026-05-06T22:00:00.000Z");

    // A second click on the old page: only the clicker hears it, in the app's DM.
    const again = await h.clickOnHome(anna.id, klar);
    expect(again.posted.map((call) => call.args.channel)).toEqual([anna.id]);
    expect(again.text).toBe("Uppdrag #2 är redan klart.");
    expect(h.fake.messagesIn(dmOf(anna.id))).toHaveLength(1);
    expect(await auditCount("completed")).toBe(1);
  });

  it("Justera approves once; a member pressing it is refused and nothing changes", async () => {
    const draft = await h.command(olle.id, "protokoll");
    const justera = findButton(draft.messages, { label: "Justera" });
    const meeting = () => h.prisma.meeting.findFirstOrThrow();

    // The button reaches a member (a forwarded message, a crafted payload): refused.
    const before = await h.tableCounts();
    const refused = await h.click(anna.id, justera);
    expect(refused.messages[0]?.responseType).toBe("ephemeral");
    expect(refused.text).toBe("Det får bara ordföranden eller en justerare göra.");
    expect((await meeting()).minutesStatus).toBe("draft");
    expect(await h.tableCounts()).toEqual(before);

    const approved = await h.click(olle.id, justera);
    expect(approved.text).toMatch(
      /^Anteckningarna från mötet 14 april är justerade av Olle\. Kontrollsumma [0-9a-f]{12}\.$/,
    );
    expect((await meeting()).minutesStatus).toBe("approved");

    const afterApproval = await h.tableCounts();
    const again = await h.click(olle.id, justera);
    expect(again.messages[0]?.responseType).toBe("ephemeral");
    expect(again.text).toBe("Anteckningarna är redan justerade.");
    expect(await h.tableCounts()).toEqual(afterApproval);
    expect(await auditCount("approved")).toBe(1);
  });

  it("Publicera posts once; clicking it again edits the post instead of posting another", async () => {
    await h.command(olle.id, "justera");
    const draft = await h.command(eva.id, "protokoll");
    expect(textOf(draft.messages)).toMatch(
      /Så här justerades anteckningarna \(kontrollsumma [0-9a-f]{12}\)/,
    );
    const publicera = findButton(draft.messages, { label: "Publicera" });

    const refused = await h.click(olle.id, publicera);
    expect(refused.text).toBe("Det får bara rådets sekreterare göra.");
    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(0);

    const published = await h.click(eva.id, publicera);
    expect(published.text).toContain("är publicerad i 1 av 1 kanal");
    const again = await h.click(eva.id, publicera);
    expect(again.text).toContain("är publicerad i 1 av 1 kanal");

    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(1);
    expect(h.fake.callsTo("chat.update")).toHaveLength(1);
    expect(h.fake.messagesIn(CHANNEL)).toHaveLength(1);
    expect(await h.prisma.publishedMessage.count()).toBe(1);
  });

  it("two clicks on Publicera at once post the minutes once", async () => {
    await h.command(olle.id, "justera");
    const publicera = findButton((await h.command(eva.id, "protokoll")).messages, {
      label: "Publicera",
    });
    const clicks = await Promise.all([h.click(eva.id, publicera), h.click(eva.id, publicera)]);
    for (const click of clicks) expect(click.text).toContain("är publicerad i 1 av 1 kanal");
    // The second publication waited for the first and edited its message.
    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(1);
    expect(h.fake.callsTo("chat.update")).toHaveLength(1);
    expect(h.fake.messagesIn(CHANNEL)).toHaveLength(1);
    expect(await h.prisma.publishedMessage.count()).toBe(1);
  });
});
