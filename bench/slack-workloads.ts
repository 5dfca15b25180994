// Signed `/noterat …` slash commands, round-robin over councils, each typed by the council's
// secretary in the council's channel, built with the tests' Slack request builders.

import { FakeSlackApi } from "../test/support/fake-slack-api.js";
import {
  DEFAULT_EVENTS_PATH,
  signSlackRequest,
  slashCommand,
} from "../test/support/slack-requests.js";
import type { HttpResult } from "./http-client.js";
import type { Workload } from "./latency.js";
import type { SeededCouncil, SeededPerson } from "./seed-database.js";

export interface SlackWorkspace {
  teamId: string;
  signingSecret: string;
  /** Where Bolt's respond() posts the messages after the first (the fake Web API). */
  responseUrl: string;
}

/** What a right answer looks like: Noterat's reply (the work floor's too), or the bare floor's empty ack. */
export type AckCheck = (result: HttpResult) => boolean;

/** The fake Slack Web API on 127.0.0.1, knowing the seeded people (for users.info). */
export async function startFakeSlackApi(people: SeededPerson[]): Promise<FakeSlackApi> {
  const fake = new FakeSlackApi({
    users: Object.fromEntries(
      people.map((person) => [
        person.userId,
        { real_name: person.displayName, display_name: person.displayName, tz: "Europe/Stockholm" },
      ]),
    ),
  });
  await fake.start();
  return fake;
}

export function slashCommandWorkload(options: {
  workspace: SlackWorkspace;
  councils: SeededCouncil[];
  /** The command text for the n-th request (without "/noterat"). */
  text: (n: number) => string;
  accepts: AckCheck;
}): Workload {
  const { workspace, councils } = options;
  if (councils.length === 0) throw new Error("slash command workload: no councils");
  let n = 0;
  return {
    next: () => {
      const council = councils[n % councils.length] ?? councils[0];
      n += 1;
      if (council === undefined) throw new Error("unreachable: no council");
      const request = slashCommand({
        teamId: workspace.teamId,
        channelId: council.channelId,
        userId: council.secretary.userId,
        userName: council.secretary.displayName,
        text: options.text(n),
        responseUrl: workspace.responseUrl,
      });
      return {
        path: DEFAULT_EVENTS_PATH,
        headers: { ...signSlackRequest(workspace.signingSecret, request.body) },
        body: request.body,
      };
    },
    accepts: options.accepts,
  };
}

/** The floor acknowledges with an empty 200. */
export const emptyAck: AckCheck = (result) => result.status === 200 && result.body === "";

/** Noterat's reply in the ack: 200 with a message of this audience and at least `blocks` blocks. */
export function replyAck(audience: "ephemeral" | "in_channel", blocks: number): AckCheck {
  return (result) => {
    if (result.status !== 200) return false;
    const reply = parseJson(result.body);
    if (typeof reply !== "object" || reply === null) return false;
    const shown = "blocks" in reply && Array.isArray(reply.blocks) ? reply.blocks.length : 0;
    return "response_type" in reply && reply.response_type === audience && shown >= blocks;
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
