import type { WebClient } from "@slack/web-api";
import { describe, expect, it } from "vitest";
import { SlackPeople } from "../../../src/bots/slack/slack-people.js";

// Two instances of Noterat name a person alike: the store's name is the one used, and only
// what Slack has just said changes it — never a name one process remembers from earlier.

/** A users.info that answers with whatever name the person has at that moment. */
function slackWith(profile: { name: string }): { client: WebClient; asked: () => number } {
  let asked = 0;
  const client = {
    users: {
      info: async () => {
        asked += 1;
        return { ok: true, user: { real_name: profile.name, profile: { display_name: "" } } };
      },
    },
  } as unknown as WebClient;
  return { client, asked: () => asked };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("Slack names on several instances", () => {
  it("uses the name another instance stored, not the one this process heard an hour ago", async () => {
    const stored = new Map<string, string>();
    const storedName = async (_team: string, user: string) => stored.get(user) ?? null;
    const storeName = async (_team: string, user: string, name: string) => {
      stored.set(user, name);
    };
    let now = 0;
    const profile = { name: "Anna" };
    const slack = slackWith(profile);
    const one = new SlackPeople(storedName, storeName, () => now);
    const two = new SlackPeople(storedName, storeName, () => now);

    // Instance one meets Anna first: Slack is asked, and the command stores what it said.
    expect(await one.displayName(slack.client, "T1", "U1")).toBe("Anna");
    stored.set("U1", "Anna");
    // She renames herself; instance two asks Slack (its first time) and stores the new name.
    profile.name = "Anna Berg";
    expect(await two.displayName(slack.client, "T1", "U1")).toBe("Anna");
    await settle();
    expect(stored.get("U1")).toBe("Anna Berg");
    // Instance one still remembers "Anna" from Slack, but names her as stored.
    now += 60_000;
    expect(await one.displayName(slack.client, "T1", "U1")).toBe("Anna Berg");
    await settle();
    expect(stored.get("U1")).toBe("Anna Berg");
    // Slack was asked twice in all: once by each instance, not on every command.
    expect(slack.asked()).toBe(2);
  });
});
