import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seededRandom } from "../../support/seeded-random.js";
import {
  CHANNEL,
  formValues,
  installThroughOAuth,
  PEOPLE,
  SIGNING_SECRET,
  SlackAppHarness,
} from "../../support/slack-app-harness.js";
import {
  appHomeOpenedEvent,
  appUninstalledEvent,
  blockAction,
  eventCallback,
  messageAction,
  postToSlackEndpoint,
  type SlackRequest,
  signRequest,
  slackTs,
  tokensRevokedEvent,
  viewSubmission,
} from "../../support/slack-requests.js";

// architecture.md §9, in volume: a thousand requests that each would write or make Noterat call
// Slack if they were genuine — slash commands, button clicks, form submissions, shortcuts,
// events — forged in every way a request can be (another secret, a broken signature, none,
// a stale timestamp, a body altered after signing, a workspace that has not installed
// Noterat). Every one is refused with an empty 401, no row changes, and Slack hears nothing.
// In both workspace modes: one workspace by bot token, and many through OAuth, where forged
// app_uninstalled and tokens_revoked events must not make Noterat forget an installation.
// refusals.test.ts shows each way once and what a member's refusal looks like.

const { eva, anna } = PEOPLE;
/** Replays the same thousand requests; change it to try others. */
const SEED = 0xf0_96_ed;
const FORGERIES = 1000;
/** Requests in flight at once. */
const CONCURRENCY = 8;
/** Bolt refuses a timestamp older than this. */
const FIVE_MINUTES = 5 * 60;

const KINDS = ["command", "button", "form", "shortcut", "home"] as const;
/** Events that would forget a workspace's installation (many-workspace mode only). */
const INSTALL_KINDS = ["uninstall", "revoke"] as const;
type Kind = (typeof KINDS)[number] | (typeof INSTALL_KINDS)[number];

/** A workspace that installs Noterat through OAuth in many-workspace mode. */
const KOMMUN = {
  id: "T0KOMMUN01",
  name: "Kommun Ett",
  botToken: "xoxb-0000000002-0000000002-kommunEttToken",
  botId: "B0KOMMUN01",
  botUserId: "U0KOMMUNBT",
};
const CODE = "oauth-kod-kommun-ett";

const MODES = [
  { mode: "single", kinds: KINDS },
  { mode: "oauth", kinds: [...KINDS, ...INSTALL_KINDS] },
] as const;

const FORGERY_TYPES = [
  "another secret",
  "broken signature",
  "no signature",
  "stale timestamp",
  "altered body",
  "unknown workspace",
] as const;
type ForgeryType = (typeof FORGERY_TYPES)[number];

const WRITE_COMMANDS = [
  "noterat Smygtillägg: Ska inte sparas.",
  "beslut Smygbeslut: Ska inte sparas.",
  `uppdrag <@${anna.id}> Ska inte sparas senast 30 maj`,
  "stryk 1",
  "klar 2",
  "publicera",
  "möte imorgon kl 13",
  `roll <@${anna.id}> sekreterare`,
  "råd Ett smygråd",
  "ingress Ska inte sparas.",
] as const;

describe.each(MODES)(
  "a thousand forged Slack requests ($mode workspace mode)",
  ({ mode, kinds }) => {
    let h: SlackAppHarness;
    let councilId: string;
    /** The workspace that has installed Noterat. */
    let team: string;

    beforeEach(async () => {
      h = await SlackAppHarness.start({ mode });
      team = h.teamId;
      if (mode === "oauth") {
        h.fake.addTeam(KOMMUN, CODE);
        expect((await installThroughOAuth(h.url, CODE)).callbackStatus).toBe(200);
        team = KOMMUN.id;
      }
      for (const text of [
        "råd Regionala samverkansrådet",
        "möte idag kl 13:00",
        "noterat Budget: Rådet informerades.",
        `uppdrag <@${anna.id}> Skicka förslaget`,
      ]) {
        expect((await h.command(eva.id, text, { teamId: team })).status).toBe(200);
      }
      councilId = (await h.prisma.council.findFirstOrThrow()).id;
    });
    afterEach(async () => {
      await h.stop();
    });

    /** A request of `kind` from `teamId` that would change something if it were genuine. */
    function genuine(kind: Kind, teamId: string, pick: <T>(of: readonly T[]) => T): SlackRequest {
      const responseUrl = h.fake.responseUrl(`forged-${kind}`);
      switch (kind) {
        case "command":
          return h.slashRequest(eva.id, pick(WRITE_COMMANDS), { teamId });
        case "button":
          return blockAction({
            teamId,
            userId: eva.id,
            channelId: CHANNEL,
            ...button(pick(["done 2", "publish", "approve", "postpone 2"])),
            responseUrl,
          });
        case "form":
          return viewSubmission({
            teamId,
            userId: eva.id,
            callbackId: "noterat.form.item",
            privateMetadata: JSON.stringify({ channelId: CHANNEL }),
            values: formValues.item({ heading: "Smygtillägg", text: "Ska inte sparas." }),
            viewId: "V0FORGED01",
          });
        case "shortcut":
          return messageAction({
            teamId,
            userId: eva.id,
            channelId: CHANNEL,
            callbackId: "noterat.save_as_note",
            messageTs: slackTs(),
            messageText: "Ska inte sparas.",
            messageUser: anna.id,
            responseUrl,
          });
        case "home":
          return eventCallback({
            teamId,
            event: appHomeOpenedEvent({ teamId, userId: eva.id, channelId: "D0EVA00001" }),
          });
        case "uninstall":
          return eventCallback({ teamId, event: appUninstalledEvent() });
        case "revoke":
          return eventCallback({
            teamId,
            event: tokensRevokedEvent({ bot: [KOMMUN.botUserId] }),
            botUserId: KOMMUN.botUserId,
          });
      }
    }

    /** A "run this command" button as Noterat renders it. */
    function button(command: string): { actionId: string; value: string } {
      return { actionId: `noterat.run:${command}`, value: `${councilId}|${command}` };
    }

    /** The request as it arrives, forged `how`: signed (or not) and maybe changed afterwards. */
    function forge(how: ForgeryType, kind: Kind, random: () => number): SlackRequest {
      const pick = <T>(of: readonly T[]): T => of[Math.floor(random() * of.length)] as T;
      const now = Math.floor(Date.now() / 1000);
      if (how === "unknown workspace") {
        const team = `T0${Math.floor(random() * 36 ** 8)
          .toString(36)
          .toUpperCase()
          .padStart(8, "0")}`;
        return signRequest(SIGNING_SECRET, genuine(kind, team, pick));
      }
      const request = genuine(kind, team, pick);
      switch (how) {
        case "another secret":
          return signRequest(`fel-${Math.floor(random() * 1e9)}`, request);
        case "broken signature": {
          const signed = signRequest(SIGNING_SECRET, request);
          const signature = signed.headers["x-slack-signature"] ?? "";
          // One hex digit changed, or the signature cut short, or its version changed.
          const at = 3 + Math.floor(random() * (signature.length - 3));
          const digit = signature[at] === "0" ? "1" : "0";
          const broken = pick([
            `${signature.slice(0, at)}${digit}${signature.slice(at + 1)}`,
            signature.slice(0, at),
            signature.replace("v0=", "v1="),
          ]);
          return { ...signed, headers: { ...signed.headers, "x-slack-signature": broken } };
        }
        case "no signature":
          return request;
        case "stale timestamp":
          return signRequest(
            SIGNING_SECRET,
            request,
            now - FIVE_MINUTES - 1 - Math.floor(random() * 7 * 24 * 3600),
          );
        case "altered body": {
          const signed = signRequest(SIGNING_SECRET, request);
          const at = Math.floor(random() * signed.body.length);
          const inserted = pick(["x", "%20", "&user_id=U0ANNA0001", " ", "0"]);
          const body = pick([
            `${signed.body.slice(0, at)}${inserted}${signed.body.slice(at)}`,
            // Someone else's request (events without a user get a character added instead).
            signed.body.includes(eva.id)
              ? signed.body.replace(eva.id, anna.id)
              : `${signed.body}${inserted}`,
            `${signed.body}${inserted}`,
          ]);
          expect(body).not.toBe(signed.body);
          return { ...signed, body };
        }
      }
    }

    it("refuses every one with an empty 401, stores nothing and calls Slack for none", async () => {
      const random = seededRandom(SEED);
      const requests = Array.from({ length: FORGERIES }, () => {
        const how = FORGERY_TYPES[Math.floor(random() * FORGERY_TYPES.length)] ?? "no signature";
        const kind = kinds[Math.floor(random() * kinds.length)] ?? "command";
        return { how, kind, request: forge(how, kind, random) };
      });
      // Every way of forging, for every kind of request, is among them.
      const combinations = new Set(requests.map(({ how, kind }) => `${how}/${kind}`));
      expect(combinations.size).toBe(FORGERY_TYPES.length * kinds.length);

      const before = await h.tableCounts();
      const calls = h.fake.calls.length;
      const responses = h.fake.responses.length;
      const answers: string[] = [];
      // One queue for all clients: each takes the next request when its last one is answered.
      const queue = requests.values();
      const client = async (): Promise<void> => {
        for (const { how, kind, request } of queue) {
          const http = await postToSlackEndpoint(`${h.url}/slack/events`, request);
          answers.push(`${how}/${kind}: ${http.status} ${JSON.stringify(http.body)}`);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, client));

      expect(answers).toHaveLength(FORGERIES);
      expect(
        answers.filter((answer) => !answer.endsWith(`: ${expectedStatus(answer)} ""`)),
      ).toEqual([]);
      expect(await h.tableCounts()).toEqual(before);
      expect(h.fake.calls.slice(calls)).toEqual([]);
      expect(h.fake.responses.slice(responses)).toEqual([]);

      // The same kinds of request, genuine, are answered and do change things: the refusals
      // above were the forgeries, not requests Noterat would have ignored anyway.
      const pickFirst = <T>(of: readonly T[]): T => of[0] as T;
      for (const kind of KINDS) {
        const counts = await h.tableCounts();
        const slackCalls = h.fake.calls.length + h.fake.responses.length;
        const http = await h.send(genuine(kind, team, pickFirst));
        expect([kind, http.status]).toEqual([kind, 200]);
        await expect
          .poll(
            async () =>
              JSON.stringify(await h.tableCounts()) !== JSON.stringify(counts) ||
              h.fake.calls.length + h.fake.responses.length > slackCalls,
          )
          .toBe(true);
      }
      if (mode === "oauth") {
        // A genuine uninstall does forget the workspace: the forged ones above did not.
        expect(await h.prisma.slackInstallation.count()).toBe(1);
        expect((await h.send(genuine("uninstall", team, pickFirst))).status).toBe(200);
        await expect.poll(() => h.prisma.slackInstallation.count()).toBe(0);
      }
    });
  },
);

/**
 * 401 for every forgery, except one case that is no forgery: Slack's own, correctly signed
 * app_uninstalled or tokens_revoked for a workspace Noterat does not know. Bolt acknowledges
 * those without looking for an installation (there may be none left), and Noterat has nothing
 * to forget; the unchanged table counts show that nothing else was touched.
 */
function expectedStatus(answer: string): number {
  return /^unknown workspace\/(uninstall|revoke):/.test(answer) ? 200 : 401;
}
