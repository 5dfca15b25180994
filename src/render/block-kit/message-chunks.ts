import { BLOCK_KIT_LIMITS, type Block, type ButtonElement } from "./block-kit-types.js";
import type { BlockGroup, RenderedBlock } from "./rendered-block.js";
import { escapeWithin } from "./split-text.js";

// Deals blocks out to messages of at most `capacity` blocks, keeping each group (an action
// and its buttons, an item's sections) in one message whenever it fits in one at all.

/** `capacity(index)`: how many blocks message number `index` (from 0) may take. */
export function chunkGroups(
  groups: BlockGroup[],
  capacity: (index: number) => number,
): RenderedBlock[][] {
  const messages: RenderedBlock[][] = [];
  let current: RenderedBlock[] = [];
  const room = () => capacity(messages.length) - current.length;
  const flush = () => {
    if (current.length > 0) messages.push(current);
    current = [];
  };

  for (const group of groups) {
    if (group.length > room() && group.length <= capacity(messages.length + 1)) flush();
    for (const block of group) {
      if (room() <= 0) flush();
      current.push(block);
    }
  }
  flush();
  return messages;
}

/**
 * A message's notification text: the plain text of what it shows (the button labels when it
 * shows nothing else), escaped, and shortened to Slack's preview size — the blocks carry it all.
 */
export function fallbackText(blocks: RenderedBlock[]): string {
  const shown = blocks.map((block) => block.plain).filter((plain) => plain.trim() !== "");
  const labels = blocks.flatMap((block) => block.buttonLabels ?? []);
  const plain = shown.length > 0 ? shown.join("\n") : labels.join(" · ");
  return escapeWithin(plain, BLOCK_KIT_LIMITS.fallback);
}

/**
 * Slack refuses two buttons with one action_id in a surface; the same command twice (an
 * action listed twice) gets a numbered suffix. Routing reads `value`, so that is harmless.
 */
export function withUniqueActionIds(blocks: Block[]): Block[] {
  const seen = new Map<string, number>();
  const unique = (button: ButtonElement): ButtonElement => {
    const count = (seen.get(button.action_id) ?? 0) + 1;
    seen.set(button.action_id, count);
    return count === 1 ? button : { ...button, action_id: `${button.action_id}#${count}` };
  };
  return blocks.map((block) => {
    if (block.type === "actions") return { ...block, elements: block.elements.map(unique) };
    if (block.type === "section" && block.accessory) {
      return { ...block, accessory: unique(block.accessory) };
    }
    return block;
  });
}
