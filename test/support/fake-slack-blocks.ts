/**
 * The Block Kit limits Slack enforces when a message or view is sent, so end-to-end tests
 * fail where production would (Slack rejects the whole call; it does not truncate).
 * Only the documented limits a meeting-notes bot can plausibly hit are checked.
 */

import { isRecord } from "./json-values.js";

export { isRecord };

export const MAX_MESSAGE_BLOCKS = 50;
export const MAX_VIEW_BLOCKS = 100;

function textOf(value: unknown): string | undefined {
  if (isRecord(value) && typeof value.text === "string") return value.text;
  return undefined;
}

/**
 * Problems with `blocks`, phrased like Slack's `response_metadata.messages`
 * (e.g. "[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]").
 */
export function blockProblems(blocks: unknown, pointer: string, maxBlocks: number): string[] {
  if (!Array.isArray(blocks)) return [`[ERROR] must provide an array [json-pointer:${pointer}]`];
  const problems: string[] = [];
  if (blocks.length > maxBlocks) {
    problems.push(`[ERROR] no more than ${maxBlocks} items allowed [json-pointer:${pointer}]`);
  }
  blocks.forEach((block, index) => {
    checkBlock(block, `${pointer}/${index}`, problems);
  });
  return problems;
}

function tooLong(text: string | undefined, max: number, at: string, problems: string[]): void {
  if (text !== undefined && text.length > max) {
    problems.push(`[ERROR] must be less than ${max + 1} characters [json-pointer:${at}]`);
  }
}

function checkBlock(block: unknown, at: string, problems: string[]): void {
  if (!isRecord(block) || typeof block.type !== "string") {
    problems.push(`[ERROR] missing required field: type [json-pointer:${at}]`);
    return;
  }
  if (typeof block.block_id === "string") tooLong(block.block_id, 255, `${at}/block_id`, problems);
  switch (block.type) {
    case "header":
      tooLong(textOf(block.text), 150, `${at}/text/text`, problems);
      break;
    case "section":
      tooLong(textOf(block.text), 3000, `${at}/text/text`, problems);
      if (Array.isArray(block.fields)) {
        if (block.fields.length > 10) {
          problems.push(`[ERROR] no more than 10 items allowed [json-pointer:${at}/fields]`);
        }
        block.fields.forEach((field, i) => {
          tooLong(textOf(field), 2000, `${at}/fields/${i}/text`, problems);
        });
      }
      if (block.accessory !== undefined) checkElement(block.accessory, `${at}/accessory`, problems);
      break;
    case "actions":
      if (Array.isArray(block.elements)) {
        if (block.elements.length > 25) {
          problems.push(`[ERROR] no more than 25 items allowed [json-pointer:${at}/elements]`);
        }
        block.elements.forEach((element, i) => {
          checkElement(element, `${at}/elements/${i}`, problems);
        });
      }
      break;
    case "context":
      if (Array.isArray(block.elements) && block.elements.length > 10) {
        problems.push(`[ERROR] no more than 10 items allowed [json-pointer:${at}/elements]`);
      }
      break;
    case "input":
      if (block.element !== undefined) checkElement(block.element, `${at}/element`, problems);
      break;
    default:
      break;
  }
}

function checkElement(element: unknown, at: string, problems: string[]): void {
  if (!isRecord(element)) return;
  if (typeof element.action_id === "string") {
    tooLong(element.action_id, 255, `${at}/action_id`, problems);
  }
  if (element.type === "button") {
    tooLong(textOf(element.text), 75, `${at}/text/text`, problems);
    if (typeof element.value === "string") tooLong(element.value, 2000, `${at}/value`, problems);
  }
  if (Array.isArray(element.options)) {
    element.options.forEach((option, i) => {
      if (!isRecord(option)) return;
      tooLong(textOf(option.text), 75, `${at}/options/${i}/text/text`, problems);
      if (typeof option.value === "string") {
        tooLong(option.value, 75, `${at}/options/${i}/value`, problems);
      }
    });
  }
}
