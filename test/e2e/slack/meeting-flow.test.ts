import { afterEach, describe, expect, it } from "vitest";
import {
  CHANNEL,
  callMessage,
  findButton,
  PEOPLE,
  SlackAppHarness,
  textOf,
  textsIn,
} from "../../support/slack-app-harness.js";

// A whole council meeting through /noterat, from creating the council to the post in the
// channel, then a correction that is approved again and edits the post in place.

const { eva, olle, anna, per } = PEOPLE;

describe("a meeting minuted through /noterat", () => {
  let h: SlackAppHarness;
  afterEach(async () => {
    await h.stop();
  });

  it("runs from `råd` to the published post, and edits the post after a correction (Swedish)", async () => {
    h = await SlackAppHarness.start();
    const created = await h.command(eva.id, "råd Regionala samverkansrådet");
    expect(created.status).toBe(200);
    expect(created.ack?.responseType).toBe("in_channel");
    expect(created.text).toContain("Rådet Regionala samverkansrådet är skapat");
    expect(created.text).toContain("Eva är rådets sekreterare");

    const meeting = await h.command(eva.id, "möte idag kl 13:00 Sundsvall");
    expect(meeting.text).toBe("Möte planerat: tisdag 14 april kl. 13.00, Sundsvall.");
    const info = await h.command(
      eva.id,
      "noterat Översyn av Kollektivtrafikmyndigheten: Rådet informerades om tidplanen.",
    );
    expect(info.text).toBe("Noterat #1: Översyn av Kollektivtrafikmyndigheten");
    const decision = await h.command(
      eva.id,
      "beslut Regional exportsamverkan: Regionen tackar ja till erbjudandet.",
    );
    expect(decision.text).toBe("Beslut § 1 (#2): Regional exportsamverkan");
    const action = await h.command(
      eva.id,
      `uppdrag <@${anna.id}> <@${per.id}|per> Slutför ansökan senast om två veckor`,
    );
    expect(action.ack?.responseType).toBe("in_channel");
    expect(action.text).toContain("#3 Anna B och Per Persson: Slutför ansökan – senast 28 april");
    await h.command(eva.id, "diskussion Budget 2027: Rådet diskuterade ramarna.");
    expect((await h.command(eva.id, "beslut Budget 2027: Ramarna antas.")).text).toBe(
      "Beslut § 2 (#5): Budget 2027",
    );
    expect((await h.command(eva.id, `roll <@${olle.id}> ordförande`)).text).toBe(
      "Olle är nu ordförande.",
    );
    await h.command(eva.id, "möte om sju veckor kl 13:00");

    // The mentions became people with their Slack display names (the real name when unset).
    const assigned = await h.prisma.action.findFirstOrThrow({
      where: { ref: 3 },
      include: { assignees: { include: { person: true } } },
    });
    expect(assigned.assignees.map((a) => a.person.displayName).sort()).toEqual([
      "Anna B",
      "Per Persson",
    ]);
    expect(assigned.assignees.map((a) => a.person.externalId).sort()).toEqual(
      [anna.id, per.id].sort(),
    );
    expect(assigned.dueAt?.toISOString()).toBe("2026-04-27T22:00:00.000Z");
    const items = await h.prisma.item.findMany({ orderBy: { ref: "asc" } });
    expect(items.map((item) => [item.ref, item.kind, item.paragraph])).toEqual([
      [1, "info", null],
      [2, "decision", 1],
      [4, "discussion", null],
      [5, "decision", 2],
    ]);

    // The secretary's draft has no button (the chair approves); the chair's has "Justera".
    const secretaryDraft = await h.command(eva.id, "protokoll");
    expect(secretaryDraft.ack?.responseType).toBe("ephemeral");
    expect(secretaryDraft.text).toContain("Noterat från Regionala samverkansrådet 14 april");
    expect(secretaryDraft.text).toContain("Det här är ett utkast som bara du ser.");
    expect(secretaryDraft.messages.flatMap((m) => m.blocks)).not.toContainEqual(
      expect.objectContaining({ type: "actions" }),
    );
    const chairDraft = await h.command(olle.id, "protokoll");
    expect(chairDraft.ack?.responseType).toBe("ephemeral");
    const justera = findButton(chairDraft.messages, { label: "Justera" });
    expect(justera.command).toBe("approve 2026-04-14");

    const approved = await h.click(olle.id, justera);
    expect(approved.messages[0]?.responseType).toBe("in_channel");
    expect(approved.text).toMatch(
      /^Anteckningarna från mötet 14 april är justerade av Olle\. Kontrollsumma [0-9a-f]{12}\.$/,
    );
    const afterApproval = await h.prisma.meeting.findFirstOrThrow({
      where: { startsAt: new Date("2026-04-14T11:00:00Z") },
      include: { approvedBy: true },
    });
    expect(afterApproval.minutesStatus).toBe("approved");
    expect(afterApproval.approvedBy?.externalId).toBe(olle.id);

    const approvedDraft = await h.command(eva.id, "protokoll");
    const publicera = findButton(approvedDraft.messages, { label: "Publicera" });
    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(0);
    const published = await h.click(eva.id, publicera);
    expect(published.messages[0]?.responseType).toBe("ephemeral");
    expect(published.text).toBe(
      "”Noterat från Regionala samverkansrådet 14 april” är publicerad i 1 av 1 kanal.",
    );

    const [post, ...others] = h.fake.callsTo("chat.postMessage");
    expect(others).toHaveLength(0);
    expect(post?.token).toBe(h.fake.team.botToken);
    expect(post?.args.channel).toBe(CHANNEL);
    const postMessage = callMessage(post ?? { method: "", args: {} });
    expect(postMessage.text).toBe("Noterat från Regionala samverkansrådet 14 april");
    expect(postMessage.blocks[0]).toEqual({
      type: "header",
      text: {
        type: "plain_text",
        text: "Noterat från Regionala samverkansrådet 14 april",
        emoji: true,
      },
    });
    const postText = textOf([postMessage]);
    for (const expected of [
      "2026-04-14 11:00",
      "Översyn av Kollektivtrafikmyndigheten",
      "Rådet informerades om tidplanen.",
      "Regional exportsamverkan",
      "Beslut § 1",
      "Regionen tackar ja till erbjudandet.",
      "Anna B och Per Persson: Slutför ansökan",
      "Beslut § 2",
      "Nästa möte med Regionala samverkansrådet är den 2 juni.",
    ]) {
      expect(postText).toContain(expected);
    }
    const firstTs = h.fake.messagesIn(CHANNEL)[0]?.ts;
    expect(firstTs).toBeDefined();
    const refs = await h.prisma.publishedMessage.findMany();
    expect(refs.map((ref) => [ref.channelId, ref.part, ref.messageRef])).toEqual([
      [CHANNEL, 0, firstTs],
    ]);

    // A correction sends the minutes back to draft; approved and published again, the post
    // is edited where it stands.
    expect(
      (await h.command(eva.id, "ändra 1 Översyn av Kollektivtrafikmyndigheten: Ny tidplan i maj."))
        .text,
    ).toBe("Ändrat #1.");
    expect((await h.command(eva.id, "publicera")).text).toContain("inte justerade än");
    expect((await h.command(olle.id, "justera")).text).toMatch(
      /^Anteckningarna från mötet 14 april är justerade av Olle\. Kontrollsumma [0-9a-f]{12}\.$/,
    );
    const republished = await h.command(eva.id, "publicera");
    expect(republished.ack?.responseType).toBe("ephemeral");
    expect(republished.text).toContain("är publicerad i 1 av 1 kanal");

    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(1);
    const [update] = h.fake.callsTo("chat.update");
    expect(h.fake.callsTo("chat.update")).toHaveLength(1);
    expect(update?.args).toMatchObject({ channel: CHANNEL, ts: firstTs });
    expect(h.fake.messagesIn(CHANNEL)).toHaveLength(1);
    const edited = textsIn(h.fake.message(CHANNEL, firstTs ?? "")?.blocks).join("\n");
    expect(edited).toContain("Ny tidplan i maj.");
    expect(edited).not.toContain("Rådet informerades om tidplanen.");
    expect(await h.prisma.publishedMessage.count()).toBe(1);
    const audit = await h.prisma.auditEntry.groupBy({ by: ["action"], _count: true });
    expect(Object.fromEntries(audit.map((row) => [row.action, row._count]))).toMatchObject({
      approved: 2,
      published: 2,
      reopened: 1,
    });
  });

  it("takes the English words and answers an English council in English", async () => {
    h = await SlackAppHarness.start({ locale: "en" });
    expect((await h.command(eva.id, "council Regional Council")).text).toContain(
      "The council Regional Council is created",
    );
    expect((await h.command(eva.id, "meeting today at 13:00 Sundsvall")).text).toBe(
      "Meeting scheduled: Tuesday, April 14 at 13:00, Sundsvall.",
    );
    expect((await h.command(eva.id, "note Transport review: The council was informed.")).text).toBe(
      "Noted #1: Transport review",
    );
    expect((await h.command(eva.id, "decision Export: The region accepts the offer.")).text).toBe(
      "Decision § 1 (#2): Export",
    );
    expect(
      (await h.command(eva.id, `action <@${anna.id}> Finish the application by in two weeks`)).text,
    ).toContain("#3 Anna B: Finish the application – by April 28");
    expect((await h.command(eva.id, `role <@${olle.id}> chair`)).text).toBe("Olle is now chair.");

    const draft = await h.command(olle.id, "minutes");
    expect(draft.ack?.responseType).toBe("ephemeral");
    const approve = findButton(draft.messages, { label: "Approve" });
    expect((await h.click(olle.id, approve)).text).toContain("are approved by Olle");
    const publish = findButton((await h.command(eva.id, "minutes")).messages, {
      label: "Publish",
    });
    expect((await h.click(eva.id, publish)).text).toContain("is published in 1 of 1 channel");

    const [post] = h.fake.callsTo("chat.postMessage");
    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(1);
    expect(post?.args.channel).toBe(CHANNEL);
    const message = callMessage(post ?? { method: "", args: {} });
    expect(message.blocks[0]).toMatchObject({
      type: "header",
      text: { text: "Notes from Regional Council, April 14" },
    });
    expect(textOf([message])).toContain("Decision § 1");

    await h.command(eva.id, "edit 2 Export: The region declines the offer.");
    await h.command(olle.id, "approve");
    expect((await h.command(eva.id, "publish")).text).toContain("is published in 1 of 1");
    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(1);
    expect(h.fake.callsTo("chat.update").map((call) => call.args.ts)).toEqual([
      h.fake.messagesIn(CHANNEL)[0]?.ts,
    ]);
    expect(textsIn(h.fake.messagesIn(CHANNEL)[0]?.blocks).join("\n")).toContain(
      "The region declines the offer.",
    );
  });
});
