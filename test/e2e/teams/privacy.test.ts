import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { attachmentsOf, deliveredActivity, isRecord } from "../../support/fake-bot-connector.js";
import { type TeamsUser, teamsFileConsent } from "../../support/teams-activities.js";
import {
  CHANNEL,
  OTHER_CHANNEL,
  PEOPLE,
  TENANT_ID,
  TeamsAppHarness,
  type TurnResult,
} from "../../support/teams-app-harness.js";

// Privacy (architecture.md §15) on Teams end to end, through botbuilder against the fake Bot
// Connector: the personal-data check before publishing (typed and on the card's "Publicera"),
// `glöm @P` confirmed by the secretary's next message, and `mina uppgifter` with its JSON file
// offered through a consent card in the personal chat and uploaded once accepted.

const { eva, olle, anna, per } = PEOPLE;
const at = (...people: TeamsUser[]) => people.map((person) => `<at>${person.name}</at>`).join(" ");

/** Skatteverket's test number: a valid date and check digit. */
const PERSONAL_NUMBER = "19121212-1212";
const EMAIL = "anna.berg@region.se";
const CONSENT = "application/vnd.microsoft.teams.card.file.consent";
const SECRETS = [PERSONAL_NUMBER, "121212-1212", EMAIL];
const NOTHING_TO_CONFIRM = "Det finns inget att bekräfta just nu.";

describe("privacy on Teams", () => {
  let h: TeamsAppHarness;
  const say = (person: TeamsUser, text: string, mentions: TeamsUser[] = []) =>
    h.say(person, text, { mentions });
  const meeting = () => h.prisma.meeting.findFirstOrThrow();
  /** Where a turn's cards went. */
  const places = (turn: TurnResult) => [...new Set(turn.cards.map((card) => card.conversationId))];

  beforeEach(async () => {
    // Tuesday 14 April 2026, 11:00 in Stockholm; the meeting is at 13:00 today.
    h = await TeamsAppHarness.start();
    await say(eva, "råd Reglab");
    await say(eva, `roll ${at(olle)} ordförande`, [olle]);
    await say(eva, "möte idag kl 13:00 Sundsvall");
  });
  afterEach(async () => {
    await h.stop();
  });

  describe("the personal-data check", () => {
    beforeEach(async () => {
      await say(eva, `noterat Ärende: Sökande ${PERSONAL_NUMBER} nås på ${EMAIL}.`);
      await say(eva, "beslut Lokal: Rådet hyr Stadshuset enligt RS 2026/123.");
    });

    it("names the findings in the draft, in the secretary's personal chat", async () => {
      const draft = await say(eva, "protokoll");
      expect(places(draft)).toEqual([h.privateChatOf(eva)]);
      const warnings = draft.text.slice(draft.text.indexOf("Möjliga personuppgifter"));
      expect(warnings).toContain("Möjliga personuppgifter – kontrollera innan publicering");
      expect(warnings).toContain("#1: personnummer 19••••••-••12");
      expect(warnings).toMatch(/#1: e-postadress an[•.]+@•+\.se/);
      expect(warnings).not.toContain("#2:");
      for (const secret of SECRETS) expect(warnings).not.toContain(secret);
    });

    it("refuses `publicera` and the card's Publicera with the findings, posting nothing, until `publicera ändå`", async () => {
      await say(olle, "justera");
      const inChannel = h.fake.sentTo(CHANNEL.id).length;
      const before = await h.tableCounts();

      const typed = await say(eva, "publicera");
      // A refusal is the secretary's alone: in her personal chat, not the channel.
      expect(places(typed)).toEqual([h.privateChatOf(eva)]);
      expect(typed.text).toContain("Publiceringen stoppades: texten kan innehålla personuppgifter");
      expect(typed.text).toContain("#1: personnummer 19••••••-••12");
      expect(typed.text).toContain("publicera ändå");
      for (const secret of SECRETS) expect(typed.text).not.toContain(secret);

      const publish = h.button((await say(eva, "protokoll")).cards, "Publicera");
      const clicked = await h.click(eva, publish);
      expect(clicked.status).toBe(200);
      // Shown to the one who clicked; the card stays as it was, nothing is sent anywhere.
      expect(clicked.card).toBeUndefined();
      expect(clicked.records).toEqual([]);
      expect(clicked.answer).toContain(
        "Publiceringen stoppades: texten kan innehålla personuppgifter",
      );
      expect(clicked.answer).toContain("#1: personnummer 19••••••-••12");
      expect(clicked.answer).toMatch(/#1: e-postadress an[•.]+@•+\.se/);
      for (const secret of SECRETS) expect(clicked.answer).not.toContain(secret);

      expect(h.fake.sentTo(CHANNEL.id)).toHaveLength(inChannel);
      expect(await h.tableCounts()).toEqual(before);
      expect((await meeting()).minutesStatus).toBe("approved");

      const anyway = await say(eva, "publicera ändå");
      // The turn carries the post to the channel, then the answer to the secretary's 1:1 chat.
      expect(places(anyway)).toEqual([CHANNEL.id, h.privateChatOf(eva)]);
      expect(anyway.text.split("\n").at(-1)).toBe(
        "”Noterat från Reglab 14 april” är publicerad i 1 av 1 kanal.",
      );
      const posted = h.fake.sentTo(CHANNEL.id).slice(inChannel);
      expect(posted).toHaveLength(1);
      // The secretary chose to publish it as it stands.
      expect(JSON.stringify(posted.map(deliveredActivity))).toContain(PERSONAL_NUMBER);
      expect((await meeting()).minutesStatus).toBe("published");
      const entry = await h.prisma.auditEntry.findFirstOrThrow({
        where: { action: "published-anyway" },
      });
      expect(entry.entityId).toBe((await meeting()).id);
      expect(JSON.parse(entry.after ?? "{}")).toEqual({
        findings: [
          expect.objectContaining({ kind: "personal-number", masked: "19••••••-••12" }),
          expect.objectContaining({ kind: "email" }),
        ],
      });
      for (const secret of SECRETS) expect(entry.after).not.toContain(secret);
    });
  });

  describe("glöm @P", () => {
    const annaMemberships = () =>
      h.prisma.membership.count({ where: { person: { externalId: anna.aadObjectId } } });

    beforeEach(async () => {
      await say(eva, `roll ${at(anna)} ledamot`, [anna]);
      await say(eva, `uppdrag ${at(anna)} Skicka avtalet senast 20 april`, [anna]);
    });

    it("asks in the personal chat, and `ja` forgets Anna: her role is gone and lists say (borttagen person)", async () => {
      const asked = await say(eva, `glöm ${at(anna)}`, [anna]);
      expect(places(asked)).toEqual([h.privateChatOf(eva)]);
      expect(asked.text).toContain("Vill du att Noterat glömmer Anna Berg i Reglab?");
      expect(asked.text).toContain("Svara `ja` inom 10 minuter");
      expect(await annaMemberships()).toBe(1);

      const done = await say(eva, "ja");
      expect(done.text).toContain("Anna Berg är glömd i Reglab.");
      expect(done.text).toContain("Roller borttagna: 1");
      expect(await annaMemberships()).toBe(0);
      expect(
        await h.prisma.person.findFirst({ where: { externalId: anna.aadObjectId } }),
      ).toBeNull();

      const open = await say(eva, "öppna");
      expect(open.text).toContain("(borttagen person): Skicka avtalet");
      expect(open.text).not.toContain("Anna Berg");
      expect(await h.prisma.auditEntry.count({ where: { action: "forgotten" } })).toBe(1);
    });

    it("takes `ja` in the personal chat, where Teams showed the question", async () => {
      // Teams has no message only one member of a channel sees: the question came to her 1:1
      // chat with the bot, and that is where she answers it.
      await say(eva, `glöm ${at(anna)}`, [anna]);
      const chat = { id: h.privateChatOf(eva) ?? "", conversationType: "personal" } as const;
      const done = await h.say(eva, "ja", { where: chat });
      expect(done.text).toContain("Anna Berg är glömd i Reglab.");
      expect(await annaMemberships()).toBe(0);
    });

    it("cancels when another message comes instead of `ja`, and changes nothing", async () => {
      await say(eva, `glöm ${at(anna)}`, [anna]);
      const before = await h.tableCounts();
      const cancelled = await say(eva, "noterat Nytt: Ska inte sparas nu.");
      expect(cancelled.text).toBe(
        "Avbrutet: Anna Berg glömdes inte, och inget ändrades. Skriv ditt kommando igen.",
      );
      expect(await h.tableCounts()).toEqual({ ...before, PendingConfirmation: 0 });
      expect((await say(eva, "ja")).text).toBe(NOTHING_TO_CONFIRM);
      expect(await annaMemberships()).toBe(1);
      expect((await say(eva, "öppna")).text).toContain("Anna Berg: Skicka avtalet");
    });

    it("forgets once when Teams delivers `ja` again with the same activity id", async () => {
      await say(eva, `glöm ${at(anna)}`, [anna]);
      const id = "1776160000000";
      const first = await h.say(eva, "ja", { id });
      expect(first.text).toContain("Anna Berg är glömd i Reglab.");
      const after = await h.tableCounts();
      const again = await h.say(eva, "ja", { id });
      expect(again.status).toBe(200);
      // The first answer again, or that nothing waits any more: never a failure.
      expect([first.text, NOTHING_TO_CONFIRM]).toContain(again.text);
      expect(await h.tableCounts()).toEqual(after);
      expect(await h.prisma.auditEntry.count({ where: { action: "forgotten" } })).toBe(1);
    });
  });

  describe("mina uppgifter", () => {
    beforeEach(async () => {
      await say(eva, `uppdrag ${at(anna)} Skicka avtalet senast 20 april`, [anna]);
      await say(eva, `uppdrag ${at(per)} Ring regionen`, [per]);
      // A second council, where Per is secretary and Anna a member.
      await h.say(per, "råd Mälardalsrådet", { where: OTHER_CHANNEL });
      await h.say(per, `roll ${at(anna)} ledamot`, { where: OTHER_CHANNEL, mentions: [anna] });
    });

    it("answers in the personal chat and offers the JSON there; accepted, the file is uploaded", async () => {
      const inChannel = h.fake.sentTo(CHANNEL.id).length;
      const asked = await say(anna, "mina uppgifter");
      const chatId = h.privateChatOf(anna);
      expect(chatId).toBeDefined();
      expect(places(asked)).toEqual([chatId]);
      expect(h.fake.sentTo(CHANNEL.id)).toHaveLength(inChannel);
      expect(asked.text).toContain("Det här har Noterat sparat om dig (Anna Berg)");
      expect(asked.text).toContain("Roller: ledamot i Mälardalsrådet");
      expect(asked.text).toContain("Uppdrag till dig: 1 (öppna: 1)");
      const filename = "noterat-mina-uppgifter-2026-04-14.json";
      expect(asked.text).toContain(`Filen ${filename} väntar på dig i din personliga chatt`);

      const offers = asked.records.flatMap((record) =>
        attachmentsOf(deliveredActivity(record), CONSENT).map((attachment) => ({
          attachment,
          chatId: record.conversationId,
        })),
      );
      expect(offers.map((offer) => [offer.chatId, offer.attachment.name])).toEqual([
        [chatId, filename],
      ]);
      const content = isRecord(offers[0]?.attachment.content) ? offers[0].attachment.content : {};
      expect(content.description).toBe("Allt Noterat har om dig, som JSON.");

      const accepted = await h.post(
        teamsFileConsent({
          serviceUrl: h.fake.serviceUrl,
          tenantId: TENANT_ID,
          conversation: { id: chatId ?? "", conversationType: "personal" },
          from: anna,
          action: "accept",
          context: content.acceptContext,
          uploadInfo: {
            name: filename,
            uploadUrl: h.fake.uploadUrl(filename),
            contentUrl: `https://region-my.sharepoint.example/personal/anna/Documents/Applications/Noterat/${filename}`,
            uniqueId: "5B2A3C4D-0000-4000-8000-00000000A22A",
            fileType: "json",
          },
        }),
      );
      expect(accepted.status).toBe(200);
      const [upload, ...more] = h.fake.uploads;
      expect(more).toEqual([]);
      expect(upload?.status).toBe(201);
      expect(upload?.body.length).toBe(content.sizeInBytes);
      const json = upload?.body.toString("utf8") ?? "";
      const data = JSON.parse(json);
      expect(data.person).toMatchObject({
        platform: "teams",
        externalId: anna.aadObjectId,
        displayName: "Anna Berg",
      });
      expect(data.actionsAssigned).toEqual([
        expect.objectContaining({ council: "Reglab", text: "Skicka avtalet", status: "open" }),
      ]);
      expect(data.roles).toEqual([
        expect.objectContaining({ council: "Mälardalsrådet", role: "member" }),
      ]);
      // Only Anna's.
      for (const other of ["Ring regionen", "Eva Ek", eva.aadObjectId, "Per Persson"]) {
        expect(json).not.toContain(other);
      }
    });

    it("tells someone never stored that nothing is held, offers no file and stores nobody", async () => {
      const before = await h.tableCounts();
      const asked = await say(PEOPLE.lisa, "mina uppgifter");
      expect(places(asked)).toEqual([h.privateChatOf(PEOPLE.lisa)]);
      expect(asked.text).toBe("Noterat har inga uppgifter sparade om dig.");
      expect(
        asked.records.flatMap((record) => attachmentsOf(deliveredActivity(record), CONSENT)),
      ).toEqual([]);
      expect(await h.tableCounts()).toEqual(before);
    });

    it("stores nobody who asks in the personal chat either", async () => {
      const before = await h.tableCounts();
      const chat = {
        id: `a:1-personal-${PEOPLE.lisa.aadObjectId}`,
        conversationType: "personal",
      } as const;
      const asked = await h.say(PEOPLE.lisa, "mina uppgifter", { where: chat });
      expect(asked.text).toBe("Noterat har inga uppgifter sparade om dig.");
      expect(await h.tableCounts()).toEqual(before);
    });
  });
});

describe("privacy on Teams in English", () => {
  let h: TeamsAppHarness;
  const say = (person: TeamsUser, text: string, mentions: TeamsUser[] = []) =>
    h.say(person, text, { mentions });

  beforeEach(async () => {
    h = await TeamsAppHarness.start({ locale: "en" });
    await say(eva, "council Reglab");
    await say(eva, `role ${at(olle)} chair`, [olle]);
    await say(eva, `role ${at(anna)} member`, [anna]);
    await say(eva, "meeting today at 13:00");
  });
  afterEach(async () => {
    await h.stop();
  });

  it("refuses `publish` with the findings and publishes on `publish anyway`", async () => {
    await say(eva, `note Case: The applicant, ${PERSONAL_NUMBER}, wrote from ${EMAIL}.`);
    await say(olle, "approve");
    const inChannel = h.fake.sentTo(CHANNEL.id).length;
    const refused = await say(eva, "publish");
    expect(refused.text).toContain("Publishing stopped: the text may contain personal data");
    expect(refused.text).toContain("#1: personal identity number 19••••••-••12");
    expect(refused.text).toMatch(/#1: e-mail address an[•.]+@•+\.se/);
    expect(refused.text).toContain("publish anyway");
    for (const secret of SECRETS) expect(refused.text).not.toContain(secret);
    expect(h.fake.sentTo(CHANNEL.id)).toHaveLength(inChannel);

    const anyway = await say(eva, "publish anyway");
    expect(anyway.text.split("\n").at(-1)).toBe(
      "“Notes from Reglab, April 14” is published in 1 of 1 channel.",
    );
    expect(h.fake.sentTo(CHANNEL.id)).toHaveLength(inChannel + 1);
    expect(await h.prisma.auditEntry.count({ where: { action: "published-anyway" } })).toBe(1);
  });

  it("forgets on `forget @P` and `yes`", async () => {
    await say(eva, `action ${at(anna)} Send the contract by April 20`, [anna]);
    const asked = await say(eva, `forget ${at(anna)}`, [anna]);
    expect(asked.text).toContain("Do you want Noterat to forget Anna Berg in Reglab?");
    expect(asked.text).toContain("Reply `yes` within 10 minutes");
    const done = await say(eva, "yes");
    expect(done.text).toContain("Anna Berg has been forgotten in Reglab.");
    expect((await say(eva, "open")).text).toContain("(removed person): Send the contract");
  });
});
