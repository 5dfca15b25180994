// The part of Slack's Block Kit that Noterat emits, defined here because src/render may not
// import an SDK (test/unit/architecture-boundaries.test.ts). Field names are Slack's.

export interface PlainTextObject {
  type: "plain_text";
  text: string;
  emoji?: boolean;
}

export interface MrkdwnObject {
  type: "mrkdwn";
  text: string;
  /** true: Slack does not auto-link bare channel names, mentions or URLs in the text. */
  verbatim?: boolean;
}

export type TextObject = PlainTextObject | MrkdwnObject;

export interface ButtonElement {
  type: "button";
  action_id: string;
  text: PlainTextObject;
  value: string;
  style?: "primary" | "danger";
}

export interface HeaderBlock {
  type: "header";
  text: PlainTextObject;
}

export interface SectionBlock {
  type: "section";
  text: TextObject;
  accessory?: ButtonElement;
}

export interface ContextBlock {
  type: "context";
  elements: TextObject[];
}

export interface DividerBlock {
  type: "divider";
}

export interface ActionsBlock {
  type: "actions";
  elements: ButtonElement[];
}

export type Block = HeaderBlock | SectionBlock | ContextBlock | DividerBlock | ActionsBlock;

/** What chat.postMessage / chat.postEphemeral take: `text` is the notification fallback. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** What views.publish takes for the App Home tab. */
export interface HomeView {
  type: "home";
  blocks: Block[];
}

/** Slack's documented limits; a payload over any of them is refused as invalid_blocks. */
export const BLOCK_KIT_LIMITS = {
  messageBlocks: 50,
  homeBlocks: 100,
  /** Section text and any other text object (context elements). */
  text: 3000,
  header: 150,
  buttonText: 75,
  buttonValue: 75,
  actionId: 255,
  actionsElements: 25,
  contextElements: 10,
  /** The top-level `text` of a message, as used here: a notification preview. */
  fallback: 3000,
} as const;
