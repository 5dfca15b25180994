import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  CHANNEL,
  findButton,
  formValues,
  PEOPLE,
  SIGNING_SECRET,
  SlackAppHarness,
} from "../../support/slack-app-harness.js";
import {
  blockAction,
  postToSlackEndpoint,
  type SlackRequest,
  signRequest,
  viewSubmission,
} from "../../support/slack-requests.js";

// architecture.md §9: a request that fails the signature check, is too old, comes from a workspace
// that has not installed Noterat, or asks for what the person may not do, is refused and
// stores nothing.

const { eva, olle, anna, per } = PEOPLE;
const FIVE_MINUTES = 5 * 60;

describe("refusals", () => {
  let h: SlackAppHarness;

  beforeEach(async () => {
    h = await SlackAppHarness.start();
    await h.command(eva.id, "råd Regionala samverkansrådet");
    await h.command(eva.id, "möte idag kl 13:00");
    await h.command(eva.id, "noterat Budget: Rådet informerades.");
    await h.command(eva.id, `uppdrag <@${anna.id}> Skicka förslaget`);
    await h.command(eva.id, `roll <@${anna.id}> ledamot`);
    await h.command(eva.id, `roll <@${olle.id}> ordförande`);
  });
  afterEach(async () => {
    await h.stop();
  });

  /** Sends `request` as it is, and checks that nothing was stored or sent to Slack. */
  async function expectUnauthorized(send: () => Promise<{ status: number; body: string }>) {
    const before = await h.tableCounts();
    const calls = h.fake.calls.length;
    const responses = h.fake.responses.length;
    const result = await send();
    expect(result.status).toBe(401);
    expect(result.body).toBe("");
    expect(await h.tableCounts()).toEqual(before);
    expect(h.fake.calls.slice(calls)).toEqual([]);
    expect(h.fake.responses.slice(responses)).toEqual([]);
  }

  const now = () => Math.floor(Date.now() / 1000);
  const writeCommand = () => h.slashRequest(eva.id, "noterat Smygtillägg: Ska inte sparas.");
  const asIs = (request: SlackRequest) => postToSlackEndpoint(`${h.url}/slack/events`, request, {});

  it("refuses a request signed with another secret (401)", async () => {
    await expectUnauthorized(() => h.send(writeCommand(), { signingSecret: "fel-nyckel" }));
    await expectUnauthorized(() =>
      h.send(
        blockAction({
          teamId: h.teamId,
          userId: eva.id,
          channelId: CHANNEL,
          actionId: "noterat.run:done 2",
          value: "x|done 2",
          responseUrl: h.fake.responseUrl("forged"),
        }),
        { signingSecret: "fel-nyckel" },
      ),
    );
  });

  it("refuses a request without a signature (401)", async () => {
    await expectUnauthorized(() => asIs(writeCommand()));
  });

  it("refuses a correctly signed request older than five minutes (401)", async () => {
    await expectUnauthorized(() =>
      h.send(writeCommand(), { timestampSeconds: now() - FIVE_MINUTES - 10 }),
    );
  });

  it("refuses a body altered after it was signed (401)", async () => {
    const signed = signRequest(SIGNING_SECRET, h.slashRequest(eva.id, "öppna"));
    const altered: SlackRequest = {
      ...signed,
      body: signed.body.replace("text=%C3%B6ppna", "text=stryk+1"),
    };
    expect(altered.body).not.toBe(signed.body);
    await expectUnauthorized(() => asIs(altered));
    // The same request unaltered is accepted: the refusal was the alteration.
    expect((await asIs(signed)).status).toBe(200);
  });

  it("refuses a workspace that has not installed Noterat (401), whatever it sends", async () => {
    const otherTeam = "T0ANNAN001";
    await expectUnauthorized(() =>
      h.send(
        h.slashRequest(eva.id, "noterat Smygtillägg: Ska inte sparas.", { teamId: otherTeam }),
      ),
    );
    const council = await h.prisma.council.findFirstOrThrow();
    await expectUnauthorized(() =>
      h.send(
        blockAction({
          teamId: otherTeam,
          userId: eva.id,
          channelId: CHANNEL,
          actionId: "noterat.run:done 2",
          value: `${council.id}|done 2`,
          responseUrl: h.fake.responseUrl("other-team"),
        }),
      ),
    );
    await expectUnauthorized(() =>
      h.send(
        viewSubmission({
          teamId: otherTeam,
          userId: eva.id,
          callbackId: "noterat.form.item",
          privateMetadata: JSON.stringify({ channelId: CHANNEL }),
          values: formValues.item({ heading: "Smygtillägg", text: "Ska inte sparas." }),
          viewId: "V0OTHERTEAM",
        }),
      ),
    );
  });

  it("answers a member's secretary commands with a polite refusal naming the role", async () => {
    const before = await h.tableCounts();
    const secretaryCommands = [
      "noterat Smygtillägg: Ska inte sparas.",
      "diskussion Smygtillägg: Ska inte sparas.",
      "beslut Smygtillägg: Ska inte sparas.",
      `uppdrag <@${anna.id}> Ska inte sparas`,
      "möte imorgon kl 13",
      `roll <@${anna.id}> sekreterare`,
      "handlingar rvn.se",
      "ingress Ska inte sparas.",
      "punkt Ska inte sparas",
      "ändra 1 Budget: Ska inte sparas.",
      "stryk 1",
      "ställ in",
      "flytta till imorgon",
      "publicera",
    ];
    for (const text of secretaryCommands) {
      // A member with a role, and someone Noterat has never seen.
      for (const user of [anna.id, per.id]) {
        const refused = await h.command(user, text);
        expect(refused.status, text).toBe(200);
        expect(refused.ack?.responseType, text).toBe("ephemeral");
        expect(refused.text, text).toBe("Det får bara rådets sekreterare göra.");
      }
    }
    expect((await h.command(anna.id, "justera")).text).toBe(
      "Det får bara ordföranden eller en justerare göra.",
    );
    expect((await h.command(anna.id, "protokoll")).text).toBe(
      "Utkastet visas bara för sekreteraren, ordföranden och justerare.",
    );
    expect(await h.tableCounts()).toEqual(before);
    expect(h.fake.callsTo("chat.postMessage")).toEqual([]);
    expect((await h.prisma.meeting.findFirstOrThrow()).minutesStatus).toBe("draft");
  });

  it("refuses the chair's Justera button when someone without the role sends it", async () => {
    const justera = findButton((await h.command(olle.id, "protokoll")).messages, {
      label: "Justera",
    });
    const before = await h.tableCounts();
    const refused = await h.click(per.id, justera);
    expect(refused.text).toBe("Det får bara ordföranden eller en justerare göra.");
    expect(await h.tableCounts()).toEqual(before);
  });
});

describe("the HTTP entry", () => {
  let h: SlackAppHarness;
  beforeEach(async () => {
    h = await SlackAppHarness.start();
  });
  afterEach(async () => {
    await h.stop();
  });

  it("answers /healthz with 200, and unknown paths with 404", async () => {
    const health = await fetch(`${h.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    expect((await fetch(`${h.url}/nowhere`)).status).toBe(404);
    expect(h.fake.calls.filter((call) => call.method !== "auth.test")).toEqual([]);
  });

  it("asks Slack whose token it is once, at start, not before every request", async () => {
    await h.command(eva.id, "hjälp");
    await h.command(eva.id, "hjälp");
    expect(h.fake.callsTo("auth.test")).toHaveLength(1);
  });
});
