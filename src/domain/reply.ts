// The platform-neutral answer to a command. Every string is already localised; surfaces render
// it (Block Kit, Adaptive Card, console text) and escape user text for their target.
import type { MinutesDocument } from "./minutes/document.js";
import type { MinutesStatus } from "./types.js";

export interface Reply {
  /** `caller`: only the person who asked sees it (Slack ephemeral); `channel`: the council sees it. */
  audience: "caller" | "channel";
  blocks: ReplyBlock[];
}

export type ReplyBlock =
  | { type: "text"; text: string }
  | { type: "list"; title?: string; lines: string[] }
  | { type: "actions"; title?: string; actions: ActionEntry[]; more?: string }
  | {
      type: "minutes";
      meetingId: string;
      status: MinutesStatus;
      document: MinutesDocument;
      /** Published before: the surface edits the posted message(s) instead of posting anew. */
      republished?: boolean;
    };

/** One listed action; surfaces add the "Klar" button from `actionId`. */
export interface ActionEntry {
  actionId: string;
  ref: number;
  line: string;
  overdue: boolean;
}

export function textReply(audience: Reply["audience"], ...texts: string[]): Reply {
  return { audience, blocks: texts.map((text) => ({ type: "text", text })) };
}
