import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  CHANNEL,
  dmOf,
  findButton,
  OTHER_CHANNEL,
  PEOPLE,
  SlackAppHarness,
} from "../../support/slack-app-harness.js";

// Privacy (architecture.md §15) on Slack end to end, through Bolt and the real WebClient against the
// fake Web API: the personal-data check before publishing (typed and on the "Publicera"
// button), `mina uppgifter` with its JSON file uploaded to the caller's DM with the app, and
// `glöm @P` confirmed by the secretary's next command.

const { eva, olle, anna, per } = PEOPLE;
const at = (id: string) => `<@${id}>`;

/** Skatteverket's test number: a valid date and check digit. */
const PERSONAL_NUMBER = "19121212-1212";
const EMAIL = "anna.berg@region.se";
const COUNCIL = "Regionala samverkansrådet";
const NOTHING_TO_CONFIRM = "Det finns inget att bekräfta just nu.";

describe("privacy on Slack", () => {
  let h: SlackAppHarness;

  const meeting = () =>
    h.prisma.meeting.findFirstOrThrow({ where: { council: { name: COUNCIL } } });

  beforeEach(async () => {
    // Tuesday 14 April 2026, 11:00 in Stockholm; the meeting is at 13:00 today.
    h = await SlackAppHarness.start();
    await h.command(eva.id, `råd ${COUNCIL}`);
    await h.command(eva.id, `roll ${at(olle.id)} ordförande`);
    await h.command(eva.id, "möte idag kl 13:00 Sundsvall");
  });
  afterEach(async () => {
    await h.stop();
  });

  describe("the personal-data check", () => {
    it("shows the findings masked to the caller, refuses the Publicera button and posts nothing, then `publicera ändå` posts", async () => {
      // Slack sends a typed address as a mailto link (the app's command escapes links).
      await h.command(
        eva.id,
        `noterat Ärende: Sökande ${PERSONAL_NUMBER} nås på <mailto:${EMAIL}|${EMAIL}>.`,
      );
      await h.command(eva.id, "beslut Lokal: Rådet hyr Stadshuset enligt RS 2026/123.");

      const draft = await h.command(eva.id, "protokoll");
      expect(draft.messages.map((message) => message.responseType)).toEqual(
        draft.messages.map(() => "ephemeral"),
      );
      const warnings = draft.text.slice(draft.text.indexOf("Möjliga personuppgifter"));
      expect(warnings).toContain("Möjliga personuppgifter – kontrollera innan publicering");
      expect(warnings).toContain("#1: personnummer 19••••••-••12");
      expect(warnings.match(/#1: e-postadress an[•.]+@•+\.se/g)).toHaveLength(1);
      // The case number is no personal data.
      expect(warnings).not.toContain("#2:");
      for (const secret of [PERSONAL_NUMBER, "121212-1212", EMAIL]) {
        expect(warnings).not.toContain(secret);
      }
      expect(h.fake.callsTo("chat.postMessage")).toEqual([]);

      expect((await h.command(olle.id, "justera")).text).toContain("justerade av Olle");
      const publicera = findButton((await h.command(eva.id, "protokoll")).messages, {
        label: "Publicera",
      });
      const before = await h.tableCounts();
      const refused = await h.click(eva.id, publicera);
      expect(refused.status).toBe(200);
      expect(refused.messages.map((message) => message.responseType)).toEqual(
        refused.messages.map(() => "ephemeral"),
      );
      expect(refused.text).toContain(
        "Publiceringen stoppades: texten kan innehålla personuppgifter",
      );
      expect(refused.text).toContain("#1: personnummer 19••••••-••12");
      expect(refused.text).toMatch(/#1: e-postadress an[•.]+@•+\.se/);
      expect(refused.text).toContain("`publicera ändå`");
      for (const secret of [PERSONAL_NUMBER, "121212-1212", EMAIL]) {
        expect(refused.text).not.toContain(secret);
      }
      // Nothing reached the channel, and nothing changed.
      expect(h.fake.callsTo("chat.postMessage")).toEqual([]);
      expect(h.fake.callsTo("chat.update")).toEqual([]);
      expect(h.fake.messagesIn(CHANNEL)).toEqual([]);
      expect(await h.tableCounts()).toEqual(before);
      expect((await meeting()).minutesStatus).toBe("approved");
      // Typed, the same.
      expect((await h.command(eva.id, "publicera")).text).toContain("Publiceringen stoppades");
      expect(h.fake.messagesIn(CHANNEL)).toEqual([]);

      const anyway = await h.command(eva.id, "publicera ändå");
      expect(anyway.text).toContain("är publicerad i 1 av 1 kanal");
      expect(h.fake.callsTo("chat.postMessage")).toHaveLength(1);
      const [post] = h.fake.messagesIn(CHANNEL);
      // The secretary chose to publish it as it stands.
      expect(JSON.stringify(post?.blocks)).toContain(PERSONAL_NUMBER);
      expect((await meeting()).minutesStatus).toBe("published");
      const entry = await h.prisma.auditEntry.findFirstOrThrow({
        where: { action: "published-anyway" },
      });
      expect(entry.entityId).toBe((await meeting()).id);
      const { findings } = JSON.parse(entry.after ?? "{}") as { findings: unknown[] };
      expect(findings).toEqual([
        expect.objectContaining({ kind: "personal-number", masked: "19••••••-••12" }),
        expect.objectContaining({ kind: "email" }),
      ]);
      expect(entry.after).not.toContain(EMAIL);
      expect(entry.after).not.toContain(PERSONAL_NUMBER);
    });

    it("refuses `publicera ändå` when nothing was found, posting nothing", async () => {
      await h.command(eva.id, "noterat Ekonomi: Budgeten (dnr 2026-00123) presenterades.");
      await h.command(olle.id, "justera");
      const before = await h.tableCounts();
      const refused = await h.command(eva.id, "publicera ändå");
      expect(refused.text).toBe(
        "Kontrollen hittade inga personuppgifter, så det finns inget att publicera ändå. Skriv `publicera`.",
      );
      expect(refused.messages.map((message) => message.responseType)).toEqual(["ephemeral"]);
      expect(await h.tableCounts()).toEqual(before);
      expect(h.fake.messagesIn(CHANNEL)).toEqual([]);
      // Nothing found, the button publishes at once.
      const publicera = findButton((await h.command(eva.id, "protokoll")).messages, {
        label: "Publicera",
      });
      expect((await h.click(eva.id, publicera)).text).toContain("är publicerad i 1 av 1 kanal");
      expect(h.fake.messagesIn(CHANNEL)).toHaveLength(1);
    });
  });

  describe("mina uppgifter", () => {
    beforeEach(async () => {
      await h.command(eva.id, `uppdrag ${at(anna.id)} Skicka avtalet senast 20 april`);
      await h.command(eva.id, `uppdrag ${at(per.id)} Ring regionen`);
      // A second council, where Per is secretary and Anna a member.
      await h.command(per.id, "råd Reglab", { channelId: OTHER_CHANNEL });
      await h.command(per.id, `roll ${at(anna.id)} ledamot`, { channelId: OTHER_CHANNEL });
    });

    it("summarises to the caller alone and uploads the JSON to the caller's DM with the app", async () => {
      const answer = await h.command(anna.id, "mina uppgifter");
      expect(answer.messages.map((message) => message.responseType)).toEqual(
        answer.messages.map(() => "ephemeral"),
      );
      expect(answer.text).toContain("Det här har Noterat sparat om dig (Anna B)");
      expect(answer.text).toContain("Roller: ledamot i Reglab");
      expect(answer.text).toContain("Uppdrag till dig: 1 (öppna: 1)");
      expect(answer.text).toContain("Alla uppgifter som fil har skickats till dig privat.");
      expect(answer.text).not.toContain("kunde inte lämnas här");

      expect(h.fake.callsTo("conversations.open").map((call) => call.args.users)).toEqual([
        anna.id,
      ]);
      const [file, ...others] = h.fake.files;
      expect(others).toEqual([]);
      expect(file?.filename).toBe("noterat-mina-uppgifter-2026-04-14.json");
      expect(file?.completed?.channel).toBe(dmOf(anna.id));
      expect(h.fake.filesIn(CHANNEL)).toEqual([]);
      expect(h.fake.messagesIn(CHANNEL)).toEqual([]);

      const bytes = file?.bytes ?? Buffer.alloc(0);
      expect(bytes.length).toBe(file?.length);
      const json = bytes.toString("utf8");
      const data = JSON.parse(json);
      expect(data.person).toMatchObject({
        platform: "slack",
        workspaceId: h.teamId,
        externalId: anna.id,
        displayName: "Anna B",
      });
      expect(data.actionsAssigned).toEqual([
        expect.objectContaining({ council: COUNCIL, text: "Skicka avtalet", status: "open" }),
      ]);
      expect(data.roles).toEqual([expect.objectContaining({ council: "Reglab", role: "member" })]);
      // Only Anna's: not Per's action, nor Eva's or Per's names and ids.
      for (const other of ["Ring regionen", "Eva", eva.id, "Per Persson", per.id]) {
        expect(json).not.toContain(other);
      }
    });

    it("keeps the file's note when the upload fails", async () => {
      h.fake.failNext("files.getUploadURLExternal", { error: "file_uploads_disabled" });
      const answer = await h.command(anna.id, "mina uppgifter");
      expect(answer.text).toContain("Det här har Noterat sparat om dig (Anna B)");
      expect(answer.text).toContain(
        "Filen med alla uppgifter kunde inte lämnas här: be om den i en privat chatt med Noterat.",
      );
      expect(h.fake.callsTo("files.completeUploadExternal")).toEqual([]);
    });

    it("tells someone never stored that nothing is held, stores nobody and uploads nothing", async () => {
      const before = await h.tableCounts();
      const answer = await h.command(olle.id, "mina uppgifter", { channelId: OTHER_CHANNEL });
      // Olle is the chair of the first council: held there, whichever channel he asks in.
      expect(answer.text).toContain("Roller: ordförande i Regionala samverkansrådet");
      const stranger = "U0OKAND001";
      expect((await h.command(stranger, "mina uppgifter")).text).toBe(
        "Noterat har inga uppgifter sparade om dig.",
      );
      expect(await h.tableCounts()).toEqual(before);
      expect(h.fake.callsTo("conversations.open").map((call) => call.args.users)).toEqual([
        olle.id,
      ]);
      expect(h.fake.files).toHaveLength(1);
    });
  });

  describe("glöm @P", () => {
    const annaRow = () =>
      h.prisma.person.findFirst({ where: { platform: "slack", externalId: anna.id } });
    const annaMemberships = () =>
      h.prisma.membership.count({ where: { person: { externalId: anna.id } } });

    beforeEach(async () => {
      await h.command(eva.id, `roll ${at(anna.id)} ledamot`);
      await h.command(eva.id, `uppdrag ${at(anna.id)} Skicka avtalet senast 20 april`);
    });

    it("asks, and `ja` forgets Anna in the council: her role is gone and lists say (borttagen person)", async () => {
      // An older client's mention, with the name after the id.
      const asked = await h.command(eva.id, `glöm <@${anna.id}|anna.b>`);
      expect(asked.messages.map((message) => message.responseType)).toEqual(["ephemeral"]);
      expect(asked.text).toContain(`Vill du att Noterat glömmer Anna B i ${COUNCIL}?`);
      expect(asked.text).toContain("Svara `ja` inom 10 minuter");
      expect(await h.prisma.pendingConfirmation.count()).toBe(1);
      expect(await annaMemberships()).toBe(1);

      const done = await h.command(eva.id, "ja");
      expect(done.messages.map((message) => message.responseType)).toEqual(["ephemeral"]);
      expect(done.text).toContain(`Anna B är glömd i ${COUNCIL}.`);
      expect(done.text).toContain("Roller borttagna: 1");
      expect(await annaMemberships()).toBe(0);
      expect(await annaRow()).toBeNull();
      expect(await h.prisma.pendingConfirmation.count()).toBe(0);

      const open = await h.command(eva.id, "öppna");
      expect(open.text).toContain("(borttagen person): Skicka avtalet");
      expect(open.text).not.toContain("Anna B");
      // Anna writes again: a new person, with nothing held.
      expect((await h.command(anna.id, "mina uppgifter")).text).toBe(
        "Noterat har inga uppgifter sparade om dig.",
      );
    });

    it("cancels when another command comes instead of `ja`, and changes nothing", async () => {
      await h.command(eva.id, `glöm ${at(anna.id)}`);
      const before = await h.tableCounts();
      const cancelled = await h.command(eva.id, "öppna");
      expect(cancelled.text).toBe(
        "Avbrutet: Anna B glömdes inte, och inget ändrades. Skriv ditt kommando igen.",
      );
      expect(await h.tableCounts()).toEqual({ ...before, PendingConfirmation: 0 });
      expect((await h.command(eva.id, "ja")).text).toBe(NOTHING_TO_CONFIRM);
      expect(await annaMemberships()).toBe(1);
      expect((await h.command(eva.id, "öppna")).text).toContain("Anna B: Skicka avtalet");
      expect(await h.prisma.auditEntry.count({ where: { action: "forgotten" } })).toBe(0);
    });

    it("refuses a member, and someone not in the council, and changes nothing", async () => {
      const before = await h.tableCounts();
      expect((await h.command(anna.id, `glöm ${at(olle.id)}`)).text).toContain("sekreterare");
      expect((await h.command(eva.id, `glöm ${at(per.id)}`)).text).toBe(
        "Per Persson finns inte i rådet, så det finns inget att glömma.",
      );
      expect(await h.tableCounts()).toEqual(before);
    });

    it("forgets once when Slack delivers `ja` again (X-Slack-Retry-Num)", async () => {
      await h.command(eva.id, `glöm ${at(anna.id)}`);
      const triggerId = "1776150000.4321.abcdef0123456789";
      const first = await h.command(eva.id, "ja", { triggerId });
      expect(first.text).toContain(`Anna B är glömd i ${COUNCIL}.`);
      const after = await h.tableCounts();
      const retry = await h.command(eva.id, "ja", { triggerId, retryNum: 1 });
      expect(retry.status).toBe(200);
      // The first answer again, or that nothing waits any more: never a failure.
      expect([first.text, NOTHING_TO_CONFIRM]).toContain(retry.text);
      expect(await h.tableCounts()).toEqual(after);
      expect(await h.prisma.auditEntry.count({ where: { action: "forgotten" } })).toBe(1);
    });

    it("forgets once when both deliveries of `ja` arrive at once", async () => {
      await h.command(eva.id, `glöm ${at(anna.id)}`);
      const triggerId = "1776150000.8765.0123456789abcdef";
      const answers = await Promise.all([
        h.command(eva.id, "ja", { triggerId }),
        h.command(eva.id, "ja", { triggerId, retryNum: 1 }),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
      const [forgotten, other] = answers[0]?.text.includes("är glömd")
        ? answers
        : [...answers].reverse();
      expect(forgotten?.text).toContain(`Anna B är glömd i ${COUNCIL}.`);
      expect([forgotten?.text, NOTHING_TO_CONFIRM]).toContain(other?.text);
      expect(await h.prisma.auditEntry.count({ where: { action: "forgotten" } })).toBe(1);
      expect(await h.prisma.person.count({ where: { displayName: "(borttagen person)" } })).toBe(1);
      expect(await annaMemberships()).toBe(0);
    });
  });
});
