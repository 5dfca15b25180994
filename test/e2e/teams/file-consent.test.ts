import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { attachmentsOf, deliveredActivity, isRecord } from "../../support/fake-bot-connector.js";
import { pdfText } from "../../support/pdf-text.js";
import { type TeamsUser, teamsFileConsent } from "../../support/teams-activities.js";
import { CHANNEL, PEOPLE, TENANT_ID, TeamsAppHarness } from "../../support/teams-app-harness.js";

// Teams hands a file over through a consent card in the personal chat (architecture.md §13, §15):
// `protokoll pdf` offers the PDF there; accepting has Noterat make it again for whoever accepts
// and PUT it to the upload URL Teams gives (here the fake connector's, on 127.0.0.1), then show
// it with a file info card. Through botbuilder, end to end.

const { eva, olle, anna, per } = PEOPLE;
const at = (...people: TeamsUser[]) => people.map((person) => `<at>${person.name}</at>`).join(" ");

const CONSENT = "application/vnd.microsoft.teams.card.file.consent";
const FILE_INFO = "application/vnd.microsoft.teams.card.file.info";
const FILENAME = "regionala-samverkansradet-2026-04-14-protokoll.pdf";
const OFFERED = `Filen ${FILENAME} väntar på dig i din personliga chatt med Noterat. Godkänn den där, så sparas den i din OneDrive.`;
const REFUSED =
  "Den här filen kan inte skickas härifrån. Skriv kommandot igen, så erbjuds du en ny.";

interface Offer {
  /** The personal chat the card went to. */
  chatId: string;
  /** The id of the message holding the card. */
  activityId: string;
  attachment: Record<string, unknown>;
  content: Record<string, unknown>;
}

describe("files through Teams' file consent card", () => {
  let h: TeamsAppHarness;
  const say = async (person: TeamsUser, text: string, mentions: TeamsUser[] = []) =>
    (await h.say(person, text, { mentions })).text;

  /** `protokoll pdf` typed by `person` in the channel: the consent card it sent. */
  async function offer(person: TeamsUser): Promise<Offer> {
    const turn = await h.say(person, "protokoll pdf");
    expect(turn.text).toBe(OFFERED);
    const found = turn.records.flatMap((record) =>
      attachmentsOf(deliveredActivity(record), CONSENT).map((attachment) => ({
        chatId: record.conversationId,
        activityId: record.id ?? "",
        attachment,
        content: isRecord(attachment.content) ? attachment.content : {},
      })),
    );
    expect(found).toHaveLength(1);
    return found[0] as Offer;
  }

  /** `person`'s answer to the card, from their personal chat; what the turn sent back. */
  function answer(
    person: TeamsUser,
    chatId: string,
    action: "accept" | "decline",
    context: unknown,
    upload = true,
  ) {
    return h.post(
      teamsFileConsent({
        serviceUrl: h.fake.serviceUrl,
        tenantId: TENANT_ID,
        conversation: { id: chatId, conversationType: "personal" },
        from: person,
        action,
        context,
        ...(action === "accept" && upload
          ? {
              uploadInfo: {
                name: FILENAME,
                uploadUrl: h.fake.uploadUrl(FILENAME),
                contentUrl: `https://region-my.sharepoint.example/personal/eva/Documents/Applications/Noterat/${FILENAME}`,
                uniqueId: "5B2A3C4D-0000-4000-8000-00000000F11E",
                fileType: "pdf",
              },
            }
          : {}),
      }),
    );
  }

  beforeEach(async () => {
    // Tuesday 14 April 2026, 11:00 in Stockholm; the meeting is at 13:00 today.
    h = await TeamsAppHarness.start();
    await say(eva, "råd Regionala samverkansrådet");
    await say(eva, "läge protokoll");
    await say(eva, `roll ${at(olle)} ordförande`, [olle]);
    await say(eva, `ledamot ${at(olle, anna, per)}`, [olle, anna, per]);
    await say(eva, "möte idag kl 13:00 Sundsvall");
    await say(eva, `närvarande ${at(olle, anna, per, eva)}`, [olle, anna, per, eva]);
    await say(eva, `justerare ${at(anna)}`, [anna]);
    await say(eva, "beslut Budget 2027: Rådet fastställer budgeten.");
    await say(olle, "justera");
    await say(anna, "justera");
  });
  afterEach(async () => {
    await h.stop();
  });

  it("offers the PDF in the personal chat and, accepted, uploads it and shows the file", async () => {
    const inChannel = h.fake.sentTo(CHANNEL.id).length;
    const { chatId, activityId, attachment, content } = await offer(eva);
    expect(chatId).toBe(h.privateChatOf(eva));
    expect(h.fake.sentTo(CHANNEL.id)).toHaveLength(inChannel);
    expect(attachment.name).toBe(FILENAME);
    expect(content.description).toBe("Det justerade protokollet som PDF, från Noterat.");
    expect(content.sizeInBytes).toBeGreaterThan(1000);
    expect(content.acceptContext).toEqual(content.declineContext);
    expect(activityId).not.toBe("");

    const accepted = await answer(eva, chatId, "accept", content.acceptContext);
    expect(accepted.status).toBe(200);
    expect(h.fake.uploads).toHaveLength(1);
    const [upload] = h.fake.uploads;
    const size = upload?.body.length ?? 0;
    expect(upload?.name).toBe(FILENAME);
    expect(size).toBe(content.sizeInBytes);
    expect(upload?.contentLength).toBe(String(size));
    expect(upload?.contentRange).toBe(`bytes 0-${size - 1}/${size}`);
    expect(upload?.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = await pdfText(upload?.body ?? Buffer.alloc(0));
    expect(text).toContain("Regionala samverkansrådet");
    expect(text).toContain("Rådet fastställer budgeten.");

    const shown = accepted.records.flatMap((record) =>
      attachmentsOf(deliveredActivity(record), FILE_INFO).map((card) => ({
        card,
        chatId: record.conversationId,
      })),
    );
    expect(shown).toEqual([
      {
        chatId,
        card: {
          contentType: FILE_INFO,
          contentUrl: `https://region-my.sharepoint.example/personal/eva/Documents/Applications/Noterat/${FILENAME}`,
          name: FILENAME,
          content: { uniqueId: "5B2A3C4D-0000-4000-8000-00000000F11E", fileType: "pdf" },
        },
      },
    ]);
  });

  it("says the file was not sent when it is declined, and uploads nothing", async () => {
    const { chatId, content } = await offer(eva);
    const declined = await answer(eva, chatId, "decline", content.declineContext);
    expect(declined.status).toBe(200);
    expect(declined.text).toBe(`Okej, filen ${FILENAME} skickades inte.`);
    expect(declined.cards.map((card) => card.conversationId)).toEqual([chatId]);
    expect(h.fake.uploads).toHaveLength(0);
  });

  it("says so when the upload fails, and still answers the invoke", async () => {
    const { chatId, content } = await offer(eva);
    h.fake.failNextUpload(500);
    const failed = await answer(eva, chatId, "accept", content.acceptContext);
    expect(failed.status).toBe(200);
    expect(h.fake.uploads.map((upload) => upload.status)).toEqual([500]);
    expect(failed.text).toBe(
      `Filen ${FILENAME} kunde inte sparas i din OneDrive. Försök igen om en stund med samma kommando.`,
    );
    const infoCards = failed.records.flatMap((record) =>
      attachmentsOf(deliveredActivity(record), FILE_INFO),
    );
    expect(infoCards).toHaveLength(0);

    // The next accept of the same card works: nothing was kept from the failed one.
    const retried = await answer(eva, chatId, "accept", content.acceptContext);
    expect(h.fake.uploads.map((upload) => upload.status)).toEqual([500, 201]);
    expect(
      retried.records.flatMap((record) => attachmentsOf(deliveredActivity(record), FILE_INFO)),
    ).toHaveLength(1);
  });

  it("runs no command outside the allow-list and refuses garbage politely, uploading nothing", async () => {
    const { chatId, content } = await offer(eva);
    const context = content.acceptContext as Record<string, unknown>;
    const before = await h.tableCounts();
    const inChannel = h.fake.sentTo(CHANNEL.id).length;
    const forged = [
      // Justerat: `publicera` would publish, were it run.
      { ...context, command: "publicera" },
      { ...context, command: "protokoll" },
      { ...context, command: "inget kommando alls" },
      "protokoll pdf",
      null,
      { ...context, channelId: 42 },
      { ...context, locale: "de" },
    ];
    for (const forgedContext of forged) {
      const refused = await answer(eva, chatId, "accept", forgedContext);
      expect(refused.status).toBe(200);
      expect(refused.text).toBe(REFUSED);
    }
    // An accept without the upload details Teams adds.
    const bare = await answer(eva, chatId, "accept", context, false);
    expect(bare.text).toBe(REFUSED);
    expect(h.fake.uploads).toHaveLength(0);
    expect(h.fake.sentTo(CHANNEL.id)).toHaveLength(inChannel);
    expect(await h.tableCounts()).toEqual(before);
  });

  it("makes the file again for whoever accepts: another's card does not give a draft away", async () => {
    const { content } = await offer(eva);
    // Per is a member: the justerat protocol is not his to read before it is published.
    await h.say(per, "hjälp", { where: "personal" });
    const refused = await answer(per, h.personalChat(per).id, "accept", content.acceptContext);
    expect(refused.status).toBe(200);
    expect(refused.text).toBe("Utkastet visas bara för sekreteraren, ordföranden och justerare.");
    expect(h.fake.uploads).toHaveLength(0);

    // Published, the protocol is public: the same card gives him the file.
    expect(await say(eva, "publicera")).toContain("är publicerad i 1 av 1 kanal");
    await answer(per, h.personalChat(per).id, "accept", content.acceptContext);
    expect(h.fake.uploads.map((upload) => upload.status)).toEqual([201]);
  });

  it("hands over a person's data as JSON from the personal chat (`mina uppgifter`)", async () => {
    const asked = await h.say(anna, "mina uppgifter", { where: "personal" });
    const chatId = h.personalChat(anna).id;
    const [card] = asked.records.flatMap((record) =>
      attachmentsOf(deliveredActivity(record), CONSENT).map((attachment) => ({
        attachment,
        chatId: record.conversationId,
      })),
    );
    expect(card?.chatId).toBe(chatId);
    const filename = "noterat-mina-uppgifter-2026-04-14.json";
    expect(card?.attachment.name).toBe(filename);
    expect(asked.text).toContain(`Filen ${filename} väntar på dig i din personliga chatt`);
    const content = isRecord(card?.attachment.content) ? card.attachment.content : {};
    expect(content.description).toBe("Allt Noterat har om dig, som JSON.");

    await answer(anna, chatId, "accept", content.acceptContext);
    // Made again on accept, as it is then: the size offered is what it was at the time.
    const [upload] = h.fake.uploads;
    const size = upload?.body.length ?? 0;
    expect(upload?.contentRange).toBe(`bytes 0-${size - 1}/${size}`);
    const json = JSON.parse(upload?.body.toString("utf8") ?? "") as Record<string, unknown>;
    expect(JSON.stringify(json)).toContain("Anna Berg");
    expect(JSON.stringify(json)).toContain("Regionala samverkansrådet");
  });

  it("says when the file is no longer the one offered", async () => {
    const { chatId, content } = await offer(eva);
    const context = { ...(content.acceptContext as Record<string, unknown>), filename: "x.pdf" };
    const changed = await answer(eva, chatId, "accept", context);
    expect(changed.text).toBe(
      "Filen x.pdf ser inte längre ut som när den erbjöds. Skriv kommandot igen, så får du den som den är nu.",
    );
    expect(h.fake.uploads).toHaveLength(0);
  });
});

describe("the file consent card in English", () => {
  it("offers and declines in the council's language", async () => {
    const h = await TeamsAppHarness.start({ locale: "en" });
    try {
      await h.say(eva, "council Regionala samverkansrådet");
      await h.say(eva, "mode protocol");
      await h.say(eva, `role ${at(olle)} chair`, { mentions: [olle] });
      await h.say(eva, `member ${at(olle, anna)}`, { mentions: [olle, anna] });
      await h.say(eva, "meeting today at 13:00");
      await h.say(eva, `present ${at(olle, anna, eva)}`, { mentions: [olle, anna, eva] });
      await h.say(eva, `approvers ${at(anna)}`, { mentions: [anna] });
      await h.say(eva, "decision Budget: Approved.");
      await h.say(olle, "approve");
      await h.say(anna, "approve");
      const offered = await h.say(eva, "minutes pdf");
      expect(offered.text).toBe(
        `The file ${FILENAME} is waiting for you in your personal chat with Noterat. Accept it there and it is saved to your OneDrive.`,
      );
      const card = offered.records
        .flatMap((record) => attachmentsOf(deliveredActivity(record), CONSENT))
        .at(0);
      const content = isRecord(card?.content) ? card.content : {};
      expect(content.description).toBe("The approved minutes as a PDF, from Noterat.");
      const declined = await h.post(
        teamsFileConsent({
          serviceUrl: h.fake.serviceUrl,
          tenantId: TENANT_ID,
          conversation: { id: h.privateChatOf(eva) ?? "", conversationType: "personal" },
          from: eva,
          action: "decline",
          context: content.declineContext,
        }),
      );
      expect(declined.text).toBe(`All right, the file ${FILENAME} was not sent.`);
    } finally {
      await h.stop();
    }
  });
});
