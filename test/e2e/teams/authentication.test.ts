import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { seededRandom } from "../../support/seeded-random.js";
import { teamsCardAction, teamsInstall, teamsUninstall } from "../../support/teams-activities.js";
import {
  AUTHENTICATED_CONFIG,
  PEOPLE,
  TENANT_ID,
  TeamsAppHarness,
} from "../../support/teams-app-harness.js";

// With an app id configured, every request must carry a Bot Framework token: one without
// (or with one that is not the Bot Framework's) gets 401 and changes nothing. Only forms that
// botbuilder rejects without fetching signing keys are sent: the tests stay on 127.0.0.1.

const { eva, anna } = PEOPLE;

/**
 * A JWT signed with a made-up key by a made-up issuer: not one botbuilder trusts. Variants
 * differ in issuer, algorithm and lifetime; none names an issuer botbuilder would fetch keys for.
 */
function foreignToken(
  variant: { issuer?: string; alg?: string; expired?: boolean; secret?: string } = {},
): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const header = part({ alg: variant.alg ?? "HS256", typ: "JWT" });
  const now = Math.floor(Date.now() / 1000);
  const payload = part({
    iss: variant.issuer ?? "https://issuer.example.invalid/",
    aud: AUTHENTICATED_CONFIG.authenticated ? AUTHENTICATED_CONFIG.appId : "",
    serviceurl: "http://127.0.0.1/",
    nbf: now - 60,
    exp: variant.expired === true ? now - 3600 : now + 3600,
  });
  const signature = createHmac("sha256", variant.secret ?? "not-a-bot-framework-key")
    .update(`${header}.${payload}`)
    .digest("base64url");
  return `${header}.${payload}.${signature}`;
}

describe("Teams authentication", () => {
  let h: TeamsAppHarness;
  afterEach(async () => {
    vi.restoreAllMocks();
    await h.stop();
  });

  it("answers 401 to requests without a valid Bot Framework token and stores nothing", async () => {
    h = await TeamsAppHarness.start({ config: AUTHENTICATED_CONFIG });
    // botbuilder prints each rejection with console.error itself.
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const before = await h.tableCounts();
    const base = { serviceUrl: h.fake.serviceUrl, tenantId: TENANT_ID };
    const requests: Array<[string, unknown, string | undefined]> = [
      ["a command, no Authorization header", h.message(eva, "råd Reglab"), undefined],
      ["a command, a token that is not a JWT", h.message(eva, "råd Reglab"), "Bearer not-a-jwt"],
      [
        "a command, a foreign issuer's token",
        h.message(eva, "råd Reglab"),
        `Bearer ${foreignToken()}`,
      ],
      ["a command, another scheme", h.message(eva, "råd Reglab"), "Basic ZXZhOmV2YQ=="],
      [
        "a personal install",
        teamsInstall({
          ...base,
          conversationType: "personal",
          from: anna,
          as: "installationUpdate",
        }),
        undefined,
      ],
      [
        "a card click",
        teamsCardAction({
          ...base,
          conversation: { id: "a:1-personal", conversationType: "personal" },
          from: eva,
          verb: "noterat.run",
          data: { councilId: "x", command: "publish" },
          replyToId: "1700000000000",
        }),
        undefined,
      ],
    ];
    for (const [what, activity, authorization] of requests) {
      const turn = await h.post(activity, authorization);
      expect([what, turn.status]).toEqual([what, 401]);
      expect([what, turn.records]).toEqual([what, []]);
    }
    expect(h.fake.requests).toEqual([]);
    expect(await h.tableCounts()).toEqual(before);
  });

  it("refuses 300 unauthenticated activities of every kind: 401 each, nothing stored or sent", async () => {
    h = await TeamsAppHarness.start({ config: AUTHENTICATED_CONFIG });
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const random = seededRandom(0x7ea5);
    const pick = <T>(of: readonly T[]): T => of[Math.floor(random() * of.length)] as T;
    const base = { serviceUrl: h.fake.serviceUrl, tenantId: TENANT_ID };
    const activities = [
      () => h.message(pick([eva, anna]), pick(["råd Reglab", "noterat Smyg: Sparas inte."])),
      () => h.message(eva, "hjälp", { where: "personal" }),
      () =>
        teamsCardAction({
          ...base,
          conversation: { id: "a:1-personal", conversationType: "personal" },
          from: eva,
          verb: "noterat.run",
          data: { councilId: "x", command: pick(["publish", "approve", "done 1"]) },
          replyToId: "1700000000000",
        }),
      () =>
        teamsInstall({
          ...base,
          conversationType: pick(["personal", "channel", "groupChat"] as const),
          from: anna,
          as: pick(["installationUpdate", "conversationUpdate"] as const),
        }),
      () =>
        teamsUninstall({
          ...base,
          conversationType: "personal",
          from: anna,
          as: "conversationUpdate",
        }),
    ];
    const authorizations = [
      () => undefined,
      () => "Bearer not-a-jwt",
      () => "Bearer ",
      () => "Bearer a.b.c",
      () => `Basic ${Buffer.from("eva:eva").toString("base64")}`,
      () => `Bearer ${foreignToken()}`,
      () =>
        `Bearer ${foreignToken({
          issuer: `https://issuer-${Math.floor(random() * 1e6)}.example.invalid/`,
          alg: pick(["HS256", "HS512", "none"]),
          expired: random() < 0.5,
          secret: String(random()),
        })}`,
      // A genuine-looking token for another app: a foreign issuer all the same.
      () => `Bearer ${foreignToken({ issuer: "https://sts.windows.net.example.invalid/" })}`,
    ];
    const before = await h.tableCounts();
    const refused: string[] = [];
    for (let index = 0; index < 300; index++) {
      const activity = pick(activities)();
      const authorization = pick(authorizations)();
      const turn = await h.post(activity, authorization);
      if (turn.status !== 401 || turn.records.length > 0) {
        refused.push(`${JSON.stringify(authorization)} ${String(activity.type)}: ${turn.status}`);
      }
    }
    expect(refused).toEqual([]);
    expect(h.fake.requests).toEqual([]);
    expect(await h.tableCounts()).toEqual(before);
  });

  it("turns away what is not an activity before authentication: 405 for GET, 400 for a bad body", async () => {
    h = await TeamsAppHarness.start({ config: AUTHENTICATED_CONFIG });
    const before = await h.tableCounts();
    const get = await fetch(`${h.url}/api/messages`);
    expect(get.status).toBe(405);
    for (const body of ["{", "[]", '{"text":"råd Reglab"}', "null"]) {
      const response = await fetch(`${h.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      expect([body, response.status]).toEqual([body, 400]);
    }
    expect(await h.tableCounts()).toEqual(before);
  });
});

describe("a Teams activity delivered twice", () => {
  let h: TeamsAppHarness;
  afterEach(async () => {
    await h.stop();
  });

  it("creates one item and one action when Teams redelivers the same activity id", async () => {
    h = await TeamsAppHarness.start();
    await h.say(eva, "råd Reglab");
    await h.say(eva, "möte idag kl 13:00");

    const note = h.message(eva, "noterat Budget: Rådet diskuterade ramarna.");
    const first = await h.post(note);
    const replay = await h.post(note);
    expect(first.text).toBe("Noterat #1: Budget");
    // The replay is answered the same way, and nothing new is made.
    expect(replay.text).toBe("Noterat #1: Budget");
    expect(await h.prisma.item.count()).toBe(1);

    const action = h.message(eva, "uppdrag <at>Anna Berg</at> Skicka underlaget", {
      mentions: [anna],
    });
    await h.post(action);
    await h.post(action);
    expect(await h.prisma.action.count()).toBe(1);
    expect(await h.prisma.actionAssignee.count()).toBe(1);

    // The same words in a new message (a new id) are a new item.
    expect((await h.say(eva, "noterat Budget: Rådet diskuterade ramarna.")).text).toBe(
      "Noterat #3: Budget",
    );
    expect(await h.prisma.item.count()).toBe(2);
    // The short numbers stay without gaps from the replays: #1, #2 (the action), #3.
    expect((await h.prisma.item.findMany({ orderBy: { ref: "asc" } })).map((i) => i.ref)).toEqual([
      1, 3,
    ]);
  });
});
