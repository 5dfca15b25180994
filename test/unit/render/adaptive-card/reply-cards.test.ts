import { describe, expect, it } from "vitest";
import type { ActionEntry, Reply, ReplyBlock } from "../../../../src/domain/reply.js";
import { renderReplyCards } from "../../../../src/render/adaptive-card/reply-cards.js";
import { cardProblems, textBlocks, unescapeTeams } from "./card-checks.js";

const COUNCIL = "cm1council0000000000000000";
const SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";

function reply(locale: Reply["locale"], ...blocks: ReplyBlock[]): Reply {
  return { audience: "caller", locale, blocks };
}

function entry(ref: number, line: string, status: ActionEntry["status"] = "open"): ActionEntry {
  return { actionId: `a${ref}`, councilId: COUNCIL, ref, line, status, overdue: false };
}

const card = (...body: unknown[]) => ({
  type: "AdaptiveCard",
  $schema: SCHEMA,
  version: "1.5",
  body,
});
const text = (value: string, style: Record<string, unknown> = {}) => ({
  type: "TextBlock",
  text: value,
  wrap: true,
  ...style,
});
const run = (title: string, command: string, style?: "positive" | "destructive") => ({
  type: "Action.Execute",
  title,
  verb: "noterat.run",
  data: { councilId: COUNCIL, command },
  ...(style ? { style } : {}),
});
const actionSet = (...actions: unknown[]) => ({ type: "ActionSet", actions });

describe("renderReplyCards", () => {
  it("renders a small Swedish reply exactly: text, list, actions with buttons while open", () => {
    const cards = renderReplyCards(
      reply(
        "sv",
        { type: "text", text: "Noterat #12: Budget & *mål*" },
        { type: "list", title: "Dagordning 30 maj", lines: ["#1 Budget", "#2 Val"] },
        {
          type: "actions",
          title: "Öppna uppdrag (2)",
          actions: [
            {
              ...entry(12, "#12 Anna Berg: Skicka förslaget – senast 30 maj (försenat)"),
              overdue: true,
            },
            entry(13, "#13 Per Ek: Ring Almi – klart", "done"),
            entry(14, "#14 Eva: Boka lokal", "cancelled"),
          ],
          more: "… och 3 till.",
        },
      ),
    );
    expect(cards).toEqual([
      card(
        text("Noterat #12: Budget & \\*mål\\*"),
        text("Dagordning 30 maj", { weight: "Bolder" }),
        text("#1 Budget", { spacing: "None" }),
        text("#2 Val", { spacing: "None" }),
        text("Öppna uppdrag (2)", { weight: "Bolder" }),
        text("#12 Anna Berg: Skicka förslaget – senast 30 maj (försenat)", { color: "Attention" }),
        actionSet(run("Klar", "done 12", "positive"), run("Skjut upp en vecka", "postpone 12")),
        text("#13 Per Ek: Ring Almi – klart"),
        text("#14 Eva: Boka lokal"),
        text("… och 3 till.", { isSubtle: true }),
      ),
    ]);
  });

  it("renders a small English reply exactly, with its buttons", () => {
    const cards = renderReplyCards(
      reply(
        "en",
        { type: "actions", actions: [entry(7, "#7 Anna: Send the draft")] },
        {
          type: "buttons",
          buttons: [
            { label: "Approve", command: "approve", councilId: COUNCIL, style: "primary" },
            { label: "Remove", command: "remove 7", councilId: COUNCIL, style: "danger" },
            { label: "Publish", command: "publish", councilId: COUNCIL },
          ],
        },
      ),
    );
    expect(cards).toEqual([
      card(
        text("#7 Anna: Send the draft"),
        actionSet(run("Done", "done 7", "positive"), run("Postpone a week", "postpone 7")),
        actionSet(
          run("Approve", "approve", "positive"),
          run("Remove", "remove 7", "destructive"),
          run("Publish", "publish"),
        ),
      ),
    ]);
    expect(JSON.stringify(cards[0])).toContain(
      '"data":{"councilId":"cm1council0000000000000000","command":"done 7"}',
    );
  });

  it("gives a reply with nothing to show no card", () => {
    expect(renderReplyCards(reply("sv"))).toEqual([]);
    expect(renderReplyCards(reply("sv", { type: "text", text: " \n " }))).toEqual([]);
  });

  it("puts buttons in rows of five, leaves out blank labels and shortens long ones", () => {
    const buttons = Array.from({ length: 12 }, (_, index) => ({
      label:
        index === 3 ? "  " : index === 4 ? `Mycket ${"lång ".repeat(40)}etikett` : `Knapp ${index}`,
      command: `done ${index}`,
      councilId: COUNCIL,
    }));
    const [only, ...rest] = renderReplyCards(reply("sv", { type: "buttons", buttons }));
    expect(rest).toEqual([]);
    const sets = only?.body ?? [];
    expect(sets.map((set) => (set.type === "ActionSet" ? set.actions.length : 0))).toEqual([
      5, 5, 1,
    ]);
    const titles = sets.flatMap((set) => (set.type === "ActionSet" ? set.actions : []));
    expect(titles.map((action) => action.data.command)).not.toContain("done 3");
    const long = titles.find((action) => action.data.command === "done 4");
    expect(long?.title).toMatch(/^Mycket lång lång .*lång…$/);
    expect(long?.title.length).toBeLessThanOrEqual(80);
  });

  it("splits a long list over cards of at most 28 000 bytes, keeping each action with its buttons", () => {
    const actions = Array.from({ length: 120 }, (_, index) =>
      entry(index + 1, `#${index + 1} Anna Berg: ${"Ta fram underlag åt rådet. ".repeat(12)}`),
    );
    const cards = renderReplyCards(reply("sv", { type: "actions", title: "Öppna", actions }));
    expect(cards.length).toBeGreaterThan(1);
    for (const each of cards) expect(cardProblems(each)).toEqual([]);
    for (const each of cards) {
      // Every card ends with the buttons of its last action: none is parted from its line.
      expect(each.body.at(-1)?.type).toBe("ActionSet");
    }
    const lines = textBlocks(cards).map((block) => unescapeTeams(block.text));
    expect(lines).toEqual(["Öppna", ...actions.map((action) => action.line.trim())]);
  });
});
