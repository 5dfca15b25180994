import type {
  Block,
  HomeView,
  SlackMessage,
  TextObject,
} from "../../../../src/render/block-kit/block-kit-types.js";

// What Slack would refuse, checked on rendered output: each function lists the problems it
// finds, so that a failing test says which limit broke where.

export function messageProblems(message: SlackMessage): string[] {
  const problems = blockProblems(message.blocks, 50);
  if (message.text.trim() === "") problems.push("empty fallback text");
  if (message.text.length > 3000) problems.push(`fallback text of ${message.text.length}`);
  return problems;
}

export function viewProblems(view: HomeView): string[] {
  return blockProblems(view.blocks, 100);
}

function blockProblems(blocks: Block[], maxBlocks: number): string[] {
  const problems: string[] = [];
  const actionIds = new Set<string>();
  if (blocks.length === 0) problems.push("no blocks");
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks`);
  const checkText = (where: string, text: TextObject, max: number) => {
    if (text.text.trim() === "") problems.push(`${where}: blank text`);
    if (text.text.length > max) problems.push(`${where}: text of ${text.text.length}`);
  };
  blocks.forEach((block, index) => {
    const where = `block ${index} (${block.type})`;
    switch (block.type) {
      case "header":
        checkText(where, block.text, 150);
        break;
      case "section":
        checkText(where, block.text, 3000);
        break;
      case "context":
        if (block.elements.length === 0 || block.elements.length > 10) {
          problems.push(`${where}: ${block.elements.length} elements`);
        }
        for (const element of block.elements) checkText(where, element, 3000);
        break;
      case "actions":
        if (block.elements.length === 0 || block.elements.length > 25) {
          problems.push(`${where}: ${block.elements.length} elements`);
        }
        for (const button of block.elements) {
          checkText(where, button.text, 75);
          if (button.value.length > 75) problems.push(`${where}: value of ${button.value.length}`);
          if (button.action_id.length > 255) problems.push(`${where}: long action_id`);
          if (actionIds.has(button.action_id)) problems.push(`${where}: ${button.action_id} twice`);
          actionIds.add(button.action_id);
        }
        break;
      case "divider":
        break;
    }
  });
  return problems;
}

/** Every string Slack shows, in order: header, section and context texts, button labels. */
export function shownTexts(blocks: Block[]): string[] {
  return blocks.flatMap(blockTexts);
}

function blockTexts(block: Block): string[] {
  switch (block.type) {
    case "header":
    case "section":
      return [block.text.text];
    case "context":
      return block.elements.map((element) => element.text);
    case "actions":
      return block.elements.map((button) => button.text.text);
    case "divider":
      return [];
  }
}

/** The section texts of a post, joined: a text split over sections reads whole here. */
export function joinedSectionTexts(messages: SlackMessage[]): string {
  return messages
    .flatMap((message) => message.blocks)
    .map((block) => (block.type === "section" ? block.text.text : ""))
    .join("");
}

/** The mrkdwn of a block that must be a section. */
export function sectionText(block: Block | undefined): string {
  if (block?.type !== "section") throw new Error(`expected a section, got ${block?.type}`);
  return block.text.text;
}
