import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCommand } from "../../../src/domain/command/parse-command.js";
import type { Identity, Place } from "../../../src/domain/records.js";
import type { Reply } from "../../../src/domain/reply.js";
import type { HandlerDeps } from "../../../src/handlers/context.js";
import { handleCommand } from "../../../src/handlers/handle-command.js";
import { createCommandRegistry } from "../../../src/handlers/registry.js";
import { renderReplyCards } from "../../../src/render/adaptive-card/reply-cards.js";
import { renderReplyMessages } from "../../../src/render/block-kit/reply-messages.js";
import { escapeSlackText } from "../../../src/render/block-kit/slack-escape.js";
import { renderReplyText } from "../../../src/render/reply-text.js";
import { webHref } from "../../../src/render/web-link.js";
import { wireApp } from "../../support/app-wiring.js";
import { anyText, commandLine } from "../../support/arbitrary-commands.js";
import { openTempDatabase, type TempDatabase, tableCounts } from "../../support/temp-database.js";
import { readSlack } from "../command/parse-context.js";
import { cardProblems, textBlocks } from "../render/adaptive-card/card-checks.js";
import { messageProblems } from "../render/block-kit/block-kit-checks.js";

// Whatever a secretary types, through the real handlers on a real SQLite file: no exception
// escapes, a command that is not understood stores nothing, and the reply — which may echo
// what was typed — stays within Slack's and Teams' limits with no mention, link or tag made
// from the typed text. (parse-command.property.test.ts runs the parser alone, many more times.)

const PLACE: Place = { platform: "slack", workspaceId: "T0PROPERTY", channelId: "C0PROPERTY" };
const EVA: Identity = { ...PLACE, externalId: "U0EVA00001", displayName: "Eva" };
const NOW = "2026-04-14T09:00:00Z";

const HOSTILE = [
  "<!channel>",
  "<!here|here>",
  "<@U0EVA00001>",
  "<#C0PROPERTY>",
  "<https://evil.example|klicka>",
  "<at>Eva</at>",
  "&lt;!channel&gt;",
  "**fet**",
  "[x](https://evil.example)",
  "javascript:alert(1)",
  "\u202e",
  "😀",
  "x".repeat(4100),
];

/** Whole commands that write, read or compile, with hostile text where the user's goes. */
const typedCommand = fc.oneof(
  commandLine,
  anyText,
  fc
    .tuple(
      fc.constantFrom(
        "noterat",
        "diskussion",
        "beslut",
        "uppdrag <@U0ANNA0001>",
        "ingress",
        "punkt",
        "sök",
        "handlingar",
        "ändra 1",
        "råd",
        "möte imorgon kl 13",
      ),
      fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 20 })), {
        maxLength: 6,
      }),
      fc.constantFrom("", ":", ": "),
    )
    .map(([word, parts, colon]) => `${word} ${parts.join(" ")}${colon}${parts.join("")}`),
  fc.constantFrom(
    "protokoll",
    "öppna",
    "dagordning",
    "nästa",
    "hjälp",
    "help",
    "mina",
    "försenade",
  ),
);

describe("a typed command, whatever its text", () => {
  let db: TempDatabase;
  let deps: HandlerDeps;
  const registry = createCommandRegistry();

  const run = (text: string): Promise<Reply> =>
    handleCommand(deps, registry, { actor: EVA, place: PLACE, text, readMention: readSlack });

  beforeAll(async () => {
    db = await openTempDatabase();
    deps = wireApp(db.store, { now: NOW }).deps;
    // The council the property runs in: each step must have done its work (a refusal would
    // leave the property testing a channel without a council or meeting).
    const setUp: Array<[string, string]> = [
      [
        "råd Egenskapsrådet",
        "Rådet Egenskapsrådet är skapat och hör till den här kanalen. Eva är rådets sekreterare. Nästa steg: planera ett möte med `möte DATUM`.",
      ],
      ["möte idag kl 13:00", "Möte planerat: tisdag 14 april kl. 13.00."],
      ["noterat Budget: Rådet informerades.", "Noterat #1: Budget"],
      [
        "uppdrag <@U0ANNA0001> Skicka förslaget",
        "Nytt uppdrag\n  #2 U0ANNA0001: Skicka förslaget · mötet 14 april",
      ],
    ];
    for (const [text, answer] of setUp) {
      const reply = await run(text);
      expect({ text: renderReplyText(reply), audience: reply.audience }).toEqual({
        text: answer,
        audience: "channel",
      });
    }
    const prisma = db.database.prisma;
    expect(await prisma.council.count()).toBe(1);
    expect(await prisma.meeting.count({ where: { status: "planned" } })).toBe(1);
    expect((await prisma.item.findMany()).map((item) => item.heading)).toEqual(["Budget"]);
    expect((await prisma.action.findMany()).map((action) => action.text)).toEqual([
      "Skicka förslaget",
    ]);
  });
  afterAll(async () => {
    await db.cleanup();
  });

  it("gets a reply every renderer shows within limits; not understood, it stores nothing", async () => {
    const council = (
      await db.database.prisma.channelBinding.findUnique({
        where: { platform_workspaceId_channelId: PLACE },
        include: { council: true },
      })
    )?.council;
    expect(council).not.toBeNull();
    await fc.assert(
      fc.asyncProperty(typedCommand, async (text) => {
        const understood = parseCommand(text, {
          now: new Date(NOW),
          timeZone: council?.timeZone ?? "Europe/Stockholm",
          readMention: readSlack,
        }).ok;
        const before = understood ? undefined : await tableCounts(db.database);
        const reply = await run(text);
        if (before !== undefined) {
          expect(await tableCounts(db.database)).toEqual(before);
          expect(reply.audience).toBe("caller");
        }

        const links = await allowedSlackLinks();
        const messages = renderReplyMessages(reply);
        expect(messages.length).toBeGreaterThan(0);
        for (const message of messages) {
          expect(messageProblems(message)).toEqual([]);
          expect(slackMarkup(JSON.stringify(message), links)).toEqual([]);
        }
        for (const card of renderReplyCards(reply)) {
          expect(cardProblems(card)).toEqual([]);
          for (const block of textBlocks([card])) expect(block.text).not.toMatch(/<\/?at>/i);
        }
        expect(renderReplyText(reply).trim()).not.toBe("");
      }),
      { numRuns: 250 },
    );
  });

  /** `<href|…>` for each meeting's documents link: the only Slack markup a reply may hold. */
  async function allowedSlackLinks(): Promise<Set<string>> {
    const meetings = await db.database.prisma.meeting.findMany();
    return new Set(
      meetings.flatMap((meeting) => {
        const href = meeting.documentsUrl ? webHref(meeting.documentsUrl) : undefined;
        return href === undefined ? [] : [href];
      }),
    );
  }
});

/** `<…>` in Slack output that is not a link to an allowed documents address. */
function slackMarkup(json: string, hrefs: Set<string>): string[] {
  return [...json.matchAll(/<([^<>]*)>/g)]
    .map((match) => match[1] ?? "")
    .filter((inside) => {
      const target = inside.split("|")[0] ?? "";
      return ![...hrefs].some((href) => target === escapeSlackText(href));
    })
    .concat(json.replace(/<[^<>]*>/g, "").match(/[<>]/g) ?? []);
}
