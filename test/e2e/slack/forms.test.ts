import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  CHANNEL,
  callMessage,
  formValues,
  OTHER_CHANNEL,
  PEOPLE,
  SlackAppHarness,
  textOf,
} from "../../support/slack-app-harness.js";

// The modals: global shortcuts open them, submissions run the same commands as /noterat,
// a refusal keeps the modal open with the reason, and "Spara som notering" keeps a link
// to the message it saved.

const { eva, anna, per } = PEOPLE;

describe("forms", () => {
  let h: SlackAppHarness;

  beforeEach(async () => {
    h = await SlackAppHarness.start();
    await h.command(eva.id, "råd Regionala samverkansrådet");
    await h.command(eva.id, `roll <@${anna.id}> ledamot`);
  });
  afterEach(async () => {
    await h.stop();
  });

  const postedText = (result: { posted: Parameters<typeof callMessage>[0][] }) =>
    textOf(result.posted.map(callMessage));

  it("opens each form from its global shortcut", async () => {
    const forms = [
      [
        "noterat.new_item",
        "noterat.form.item",
        ["channel", "kind", "heading", "text"],
        "Ny notering",
      ],
      [
        "noterat.new_action",
        "noterat.form.action",
        ["channel", "assignees", "text", "due"],
        "Nytt uppdrag",
      ],
      [
        "noterat.new_meeting",
        "noterat.form.meeting",
        ["channel", "date", "time", "place"],
        "Nytt möte",
      ],
    ] as const;
    for (const [shortcut, callbackId, blockIds, title] of forms) {
      const opened = await h.shortcut(eva.id, shortcut);
      expect(opened.callbackId).toBe(callbackId);
      expect(opened.view).toMatchObject({ type: "modal", title: { text: title } });
      expect(Object.keys(opened.inputs)).toEqual(blockIds);
      for (const input of Object.values(opened.inputs)) {
        expect(input).toMatchObject({ type: "input", element: { action_id: "value" } });
      }
      // A global shortcut has no channel: the form asks for it.
      expect(opened.inputs.channel).toMatchObject({
        element: { type: "conversations_select", default_to_current_conversation: true },
      });
    }
    expect(h.fake.callsTo("views.open")).toHaveLength(3);
    expect(await h.prisma.item.count()).toBe(0);
  });

  it("creates an item, an action with its assignees and due date, and a meeting", async () => {
    const meetingForm = await h.shortcut(eva.id, "noterat.new_meeting");
    const meeting = await h.submit(eva.id, {
      callbackId: meetingForm.callbackId,
      privateMetadata: meetingForm.privateMetadata,
      values: {
        ...formValues.channel(CHANNEL),
        ...formValues.meeting({ date: "2026-04-14", time: "13:00", place: "Sundsvall" }),
      },
    });
    expect(meeting).toMatchObject({ status: 200, ack: undefined });
    expect(meeting.posted.map((call) => call.args.channel)).toEqual([CHANNEL]);
    expect(postedText(meeting)).toBe("Möte planerat: tisdag 14 april kl. 13.00, Sundsvall.");
    const stored = await h.prisma.meeting.findFirstOrThrow();
    expect(stored).toMatchObject({
      startsAt: new Date("2026-04-14T11:00:00Z"),
      hasTime: true,
      place: "Sundsvall",
    });

    const itemForm = await h.shortcut(eva.id, "noterat.new_item");
    const item = await h.submit(eva.id, {
      callbackId: itemForm.callbackId,
      privateMetadata: itemForm.privateMetadata,
      values: {
        ...formValues.channel(CHANNEL),
        ...formValues.item({
          kind: "decision",
          heading: "Regional exportsamverkan",
          text: "Regionen tackar ja till erbjudandet.",
        }),
      },
    });
    expect(item.ack).toBeUndefined();
    expect(postedText(item)).toBe("Beslut § 1 (#1): Regional exportsamverkan");
    expect(
      await h.prisma.item.findFirstOrThrow({ include: { author: true, meeting: true } }),
    ).toMatchObject({
      kind: "decision",
      paragraph: 1,
      heading: "Regional exportsamverkan",
      text: "Regionen tackar ja till erbjudandet.",
      author: { externalId: eva.id, displayName: "Eva" },
      meeting: { id: stored.id },
      sourceUrl: null,
    });

    const actionForm = await h.shortcut(eva.id, "noterat.new_action");
    const action = await h.submit(eva.id, {
      callbackId: actionForm.callbackId,
      privateMetadata: actionForm.privateMetadata,
      values: {
        ...formValues.channel(CHANNEL),
        ...formValues.action({
          assignees: [anna.id, per.id],
          text: "Slutför ansökan",
          due: "2026-04-28",
        }),
      },
    });
    expect(action.ack).toBeUndefined();
    expect(postedText(action)).toContain(
      "#2 Anna B och Per Persson: Slutför ansökan – senast 28 april",
    );
    const assigned = await h.prisma.action.findFirstOrThrow({
      include: { assignees: { include: { person: true } }, item: true },
    });
    expect(assigned.dueAt?.toISOString()).toBe("2026-04-27T22:00:00.000Z");
    expect(assigned.item?.heading).toBe("Regional exportsamverkan");
    expect(
      assigned.assignees.map((a) => [a.person.externalId, a.person.displayName]).sort(),
    ).toEqual([
      [anna.id, "Anna B"],
      [per.id, "Per Persson"],
    ]);
  });

  it("keeps the form open with the reason when the submission is refused, storing nothing", async () => {
    const item = formValues.item({ heading: "Budget", text: "Rådet informerades." });
    const refusals = [
      // No meeting today and none earlier to minute.
      [
        eva.id,
        "noterat.form.item",
        { ...formValues.channel(CHANNEL), ...item },
        "text",
        "Det finns inget pågående möte",
      ],
      // A member may not write.
      [
        anna.id,
        "noterat.form.meeting",
        { ...formValues.channel(CHANNEL), ...formValues.meeting({ date: "2026-04-21" }) },
        "date",
        "Det får bara rådets sekreterare göra.",
      ],
      [
        anna.id,
        "noterat.form.action",
        {
          ...formValues.channel(CHANNEL),
          ...formValues.action({ assignees: [anna.id], text: "X" }),
        },
        "text",
        "Det får bara rådets sekreterare göra.",
      ],
      // A channel that belongs to no council.
      [
        eva.id,
        "noterat.form.item",
        { ...formValues.channel(OTHER_CHANNEL), ...item },
        "text",
        "Den här kanalen hör inte till något råd än.",
      ],
      // A bidirectional override in the heading: refused under the heading.
      [
        eva.id,
        "noterat.form.item",
        {
          ...formValues.channel(CHANNEL),
          ...formValues.item({ heading: "Budget\u202e", text: "x" }),
        },
        "heading",
        "osynligt styrtecken (U+202E)",
      ],
    ] as const;
    for (const [user, callbackId, values, block, reason] of refusals) {
      const before = await h.tableCounts();
      const result = await h.submit(user, { callbackId, values, privateMetadata: "{}" });
      expect(result.status).toBe(200);
      expect(result.ack?.response_action, reason).toBe("errors");
      expect(result.ack?.errors, reason).toEqual({ [block]: expect.stringContaining(reason) });
      expect(await h.tableCounts(), reason).toEqual(before);
    }
    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("saves a message as a note with a link back to it (Spara som notering)", async () => {
    await h.command(eva.id, "möte idag kl 13:00");
    const opened = await h.messageShortcut(eva.id, {
      ts: "1776150000.000100",
      // Slack sends message text with &, < and > as entities; links and mentions as markup.
      text: "Budget &amp; plan &lt;2027&gt; enligt <https://rvn.se/budget|underlaget>",
      user: anna.id,
    });
    const [permalinkCall] = h.fake.callsTo("chat.getPermalink");
    expect(permalinkCall?.args).toMatchObject({
      channel: CHANNEL,
      message_ts: "1776150000.000100",
    });
    const permalink = `https://region-testland.fake-slack.test/archives/${CHANNEL}/p1776150000000100`;
    expect(opened.callbackId).toBe("noterat.form.item");
    // The channel is known: the form does not ask for it.
    expect(Object.keys(opened.inputs)).toEqual(["kind", "heading", "text"]);
    expect(opened.inputs.text).toMatchObject({
      element: {
        type: "plain_text_input",
        initial_value: "Budget & plan <2027> enligt <https://rvn.se/budget|underlaget>",
      },
    });
    expect(JSON.parse(opened.privateMetadata)).toEqual({
      channelId: CHANNEL,
      sourceUrl: permalink,
    });

    const saved = await h.submit(eva.id, {
      callbackId: opened.callbackId,
      privateMetadata: opened.privateMetadata,
      values: formValues.item({ heading: "Budgetunderlag", text: "Budget & plan <2027>" }),
    });
    expect(saved.ack).toBeUndefined();
    expect(saved.posted.map((call) => call.args.channel)).toEqual([CHANNEL]);
    expect(postedText(saved)).toBe("Noterat #1: Budgetunderlag");
    expect(await h.prisma.item.findFirstOrThrow()).toMatchObject({
      heading: "Budgetunderlag",
      text: "Budget & plan <2027>",
      sourceUrl: permalink,
    });
  });

  it("makes one item of a submission Slack delivers twice (same view id)", async () => {
    await h.command(eva.id, "möte idag kl 13:00");
    const form = {
      callbackId: "noterat.form.item",
      privateMetadata: JSON.stringify({ channelId: CHANNEL }),
      values: formValues.item({ heading: "Budget", text: "Rådet informerades." }),
      viewId: "V0RETRIED01",
    };
    const first = await h.submit(eva.id, form);
    const second = await h.submit(eva.id, form);
    expect([first.ack, second.ack]).toEqual([undefined, undefined]);
    expect(postedText(second)).toBe("Noterat #1: Budget");
    expect(await h.prisma.item.count()).toBe(1);
    expect(
      await h.prisma.auditEntry.count({ where: { action: "created", entityType: "item" } }),
    ).toBe(1);
  });
});
