import type { Block } from "./block-kit-types.js";

/**
 * A block with the plain text it shows, from which a message's notification fallback is
 * made. Buttons show no content; their labels stand in only when a message has nothing else.
 */
export interface RenderedBlock {
  block: Block;
  plain: string;
  buttonLabels?: string[];
}

/** Blocks that belong together (an action and its buttons): one message when they fit. */
export type BlockGroup = RenderedBlock[];
