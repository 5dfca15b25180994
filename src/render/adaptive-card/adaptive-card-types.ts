// The part of the Adaptive Card schema that Noterat emits, defined here because src/render may
// not import an SDK (test/unit/architecture-boundaries.test.ts). Names and values are the
// schema's; Teams accepts version 1.5 at most (TOOLCHAIN.md).

export const ADAPTIVE_CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";

export type Spacing = "None" | "Small" | "Default" | "Medium" | "Large" | "ExtraLarge";

export interface TextBlock {
  type: "TextBlock";
  /** Markdown (Teams' subset): user text in it is escaped by teams-escape.ts. */
  text: string;
  /** Always: without it Teams shows one line and cuts the rest with "…". */
  wrap: true;
  style?: "default" | "heading";
  size?: "Small" | "Default" | "Medium" | "Large" | "ExtraLarge";
  weight?: "Lighter" | "Default" | "Bolder";
  color?: "Default" | "Dark" | "Light" | "Accent" | "Good" | "Warning" | "Attention";
  isSubtle?: boolean;
  spacing?: Spacing;
  separator?: boolean;
}

/** How a TextBlock looks: everything but its text. */
export type TextStyle = Omit<TextBlock, "type" | "text" | "wrap">;

/** What a Noterat button sends back: the command to run, in the council it belongs to. */
export interface RunData {
  councilId: string;
  command: string;
}

/** A button that reaches the bot as an `adaptiveCard/action` invoke carrying `verb` and `data`. */
export interface ExecuteAction {
  type: "Action.Execute";
  /** Plain text: Teams does not read Markdown in button titles. */
  title: string;
  verb: string;
  data: RunData;
  style?: "default" | "positive" | "destructive";
}

export interface ActionSet {
  type: "ActionSet";
  actions: ExecuteAction[];
  spacing?: Spacing;
}

export interface Container {
  type: "Container";
  items: CardElement[];
  spacing?: Spacing;
  separator?: boolean;
}

/** How a Container looks: everything but its items. */
export type ContainerLayout = Omit<Container, "type" | "items">;

export type CardElement = TextBlock | Container | ActionSet;

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  version: "1.5";
  body: CardElement[];
  actions?: ExecuteAction[];
  /** Teams only: a post reads better across the whole message pane. */
  msteams?: { width: "Full" };
}

export const ADAPTIVE_CARD_LIMITS = {
  /**
   * A card's JSON in UTF-8 bytes. Teams' documented cap for bot messages is higher; 28 KB is
   * the webhook cap and keeps the card, with the activity around it, well inside either.
   */
  cardBytes: 28_000,
  /** Teams shows only the first few actions of a set (host config maxActions); rows stay below. */
  actionsPerSet: 5,
  /** A button title is a label, not content: longer ones are shortened, never refused. */
  actionTitle: 80,
} as const;

export function adaptiveCard(body: CardElement[], fullWidth = false): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: "1.5",
    body,
    ...(fullWidth ? { msteams: { width: "Full" } } : {}),
  };
}
