import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  buttonsIn,
  CHANNEL,
  PEOPLE,
  TeamsAppHarness,
  type TurnResult,
} from "../../support/teams-app-harness.js";

// Every button Noterat puts on a card is an Action.Execute (verb "noterat.run", data
// { councilId, command }). A click arrives as an `adaptiveCard/action` invoke; the command
// runs with the clicking user's permissions and the answer replaces the card in the invoke
// response. The clicks below send the `data` found in the cards the connector received.

const { eva, olle, anna, lisa } = PEOPLE;

describe("card buttons in Teams", () => {
  let h: TeamsAppHarness;
  let assigned: TurnResult;

  beforeEach(async () => {
    h = await TeamsAppHarness.start();
    await h.say(eva, "råd Reglab");
    await h.say(eva, "möte idag kl 13:00");
    await h.say(eva, "noterat Budget: Rådet diskuterade ramarna.");
    assigned = await h.say(eva, "uppdrag <at>Anna Berg</at> Skicka remissvaret senast imorgon", {
      mentions: [anna],
    });
    await h.say(eva, "roll <at>Olle Olsson</at> ordförande", { mentions: [olle] });
    await h.say(eva, "roll <at>Lisa Lund</at> ledamot", { mentions: [lisa] });
  });
  afterEach(async () => {
    await h.stop();
  });

  const action = () => h.prisma.action.findFirstOrThrow({ where: { ref: 2 } });
  const meeting = () => h.prisma.meeting.findFirstOrThrow();

  it("Klar: refused for a member, done for the assignee, and the card says so in place", async () => {
    expect(assigned.cards.map((card) => card.conversationId)).toEqual([CHANNEL.id]);
    const done = h.button(assigned.cards, "Klar");
    expect([done.verb, done.command]).toEqual(["noterat.run", "done 2"]);
    const audit = await h.prisma.auditEntry.count();

    const refused = await h.click(lisa, done);
    expect(refused.status).toBe(200);
    expect(refused.answer).toBe(
      "Bara den som har uppdraget, eller sekreteraren, kan markera det klart.",
    );
    expect(refused.records).toEqual([]);
    // The shared card stays as it was for everyone: the refusal is a message to Lisa alone.
    expect(refused.card).toBeUndefined();
    expect((await action()).status).toBe("open");
    expect(await h.prisma.auditEntry.count()).toBe(audit);

    const clicked = await h.click(anna, done);
    expect(clicked.body).toMatchObject({
      statusCode: 200,
      type: "application/vnd.microsoft.card.adaptive",
      value: { type: "AdaptiveCard", version: "1.5" },
    });
    expect(clicked.cardText).toBe(
      "Klart, markerat av Anna Berg\n#2 Anna Berg: Skicka remissvaret – senast 15 april – klart",
    );
    // A done action has no buttons left to press.
    expect(JSON.stringify(clicked.card)).not.toContain("Action.Execute");
    // Nothing new posted: the clicked card is updated in place for everyone in the channel.
    expect(clicked.records.map((record) => [record.route, record.activityId])).toEqual([
      ["update", done.activityId],
    ]);
    const row = await h.prisma.action.findFirstOrThrow({
      where: { ref: 2 },
      include: { completedBy: true },
    });
    expect(row.status).toBe("done");
    expect(row.completedBy?.externalId).toBe(anna.aadObjectId);

    // The old card clicked again (another client had not refreshed): nothing happens twice.
    const again = await h.click(anna, done);
    expect(again.answer).toBe("Uppdrag #2 är redan klart.");
    expect((await action()).completedAt).toEqual(row.completedAt);
  });

  it("Skjut upp: moves the due date a week for the assignee, not for a member", async () => {
    const mine = await h.say(anna, "mina", { where: "personal" });
    // In her 1:1 chat the list carries the action's buttons.
    expect(mine.cards.map((card) => card.conversationId)).toEqual([h.personalChat(anna).id]);
    const postpone = h.button(mine.cards, "Skjut upp en vecka");
    expect(postpone.command).toBe("postpone 2");
    const due = (await action()).dueAt;
    expect(due?.toISOString()).toBe("2026-04-14T22:00:00.000Z");

    const refused = await h.click(lisa, postpone);
    expect(refused.answer).toContain("Bara den som har uppdraget, eller sekreteraren");
    expect((await action()).dueAt).toEqual(due);

    const moved = await h.click(anna, postpone);
    expect(moved.cardText).toBe(
      "Uppskjutet av Anna Berg\n#2 Anna Berg: Skicka remissvaret – senast 22 april",
    );
    expect((await action()).dueAt?.toISOString()).toBe("2026-04-21T22:00:00.000Z");
    // Still open: the new card keeps "Klar" and "Skjut upp" for it.
    expect(buttonsIn(moved.card).map((button) => [button.title, button.command])).toEqual([
      ["Klar", "done 2"],
      ["Skjut upp en vecka", "postpone 2"],
    ]);
  });

  it("Justera: only the chair (or an approver) approves; anyone else is refused and nothing changes", async () => {
    const draft = await h.say(olle, "protokoll");
    const approve = h.button(draft.cards, "Justera");
    const audit = await h.prisma.auditEntry.count();

    // The chair's card data pressed by others (a forwarded card, a crafted invoke).
    for (const person of [lisa, eva, anna]) {
      const refused = await h.click(person, approve);
      expect(refused.answer).toBe("Det får bara ordföranden eller en justerare göra.");
      expect(refused.records).toEqual([]);
    }
    expect(await meeting()).toMatchObject({ minutesStatus: "draft", approvedById: null });
    expect(await h.prisma.auditEntry.count()).toBe(audit);

    const approved = await h.click(olle, approve);
    expect(approved.cardText).toMatch(
      /^Anteckningarna från mötet 14 april är justerade av Olle Olsson\. Kontrollsumma [0-9a-f]{12}\.$/,
    );
    expect((await meeting()).minutesStatus).toBe("approved");

    const twice = await h.click(olle, approve);
    expect(twice.answer).toBe("Anteckningarna är redan justerade.");
  });

  it("Publicera: only the secretary publishes; the chair pressing it is refused and nothing is posted", async () => {
    await h.say(olle, "justera");
    const draft = await h.say(eva, "protokoll");
    const publish = h.button(draft.cards, "Publicera");
    const inChannel = h.fake.sentTo(CHANNEL.id).length;

    for (const person of [olle, anna]) {
      const refused = await h.click(person, publish);
      expect(refused.answer).toBe("Det får bara rådets sekreterare göra.");
      expect(refused.records).toEqual([]);
    }
    expect(await h.prisma.publishedMessage.count()).toBe(0);
    expect((await meeting()).minutesStatus).toBe("approved");
    expect(h.fake.sentTo(CHANNEL.id)).toHaveLength(inChannel);

    const published = await h.click(eva, publish);
    expect(published.answer).toBe("”Noterat från Reglab 14 april” är publicerad i 1 av 1 kanal.");
    expect(h.fake.sentTo(CHANNEL.id)).toHaveLength(inChannel + 1);
    expect((await meeting()).minutesStatus).toBe("published");
    expect(await h.prisma.publishedMessage.count()).toBe(1);
  });

  it("refuses a click that is not one of Noterat's buttons, and one from another tenant", async () => {
    const done = h.button(assigned.cards, "Klar");
    const before = await h.tableCounts();

    const otherVerb = await h.click(anna, done, { verb: "approve" });
    expect(otherVerb.status).toBe(400);
    expect(otherVerb.body).toMatchObject({
      statusCode: 400,
      type: "application/vnd.microsoft.error",
    });
    const noCommand = await h.click(anna, done, { data: { councilId: done.councilId } });
    expect([noCommand.status, noCommand.body]).toMatchObject([400, { statusCode: 400 }]);

    // The council's id in a click from another tenant finds no channel of that tenant.
    const foreign = await h.click(anna, done, {
      tenantId: "99999999-0000-4000-8000-00000000beef",
    });
    expect(foreign.answer).toBe(
      "Den här kanalen hör inte till något råd än. Sekreteraren skapar ett med `råd NAMN`.",
    );
    // Forged data: a read command aimed at the council is refused, and shows none of it.
    const forged = await h.click(anna, done, {
      data: { councilId: done.councilId, command: "sök Skicka" },
    });
    expect(forged.answer).toBe("Den knappen känner Noterat inte igen. Skriv kommandot i stället.");
    expect(forged.answer).not.toContain("remissvaret");
    expect((await action()).status).toBe("open");
    expect(await h.tableCounts()).toEqual(before);
  });
});
