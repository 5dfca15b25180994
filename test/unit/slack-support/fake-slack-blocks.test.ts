import { describe, expect, it } from "vitest";
import {
  blockProblems,
  MAX_MESSAGE_BLOCKS,
  MAX_VIEW_BLOCKS,
} from "../../support/fake-slack-blocks.js";

const text = (length: number) => ({ type: "plain_text", text: "x".repeat(length) });
const button = (label: number, value = "v") => ({
  type: "button",
  action_id: "a",
  text: text(label),
  value,
});

describe("blockProblems (the limits Slack enforces)", () => {
  it("accepts blocks right at every limit", () => {
    const blocks = [
      { type: "header", text: text(150) },
      { type: "section", text: { type: "mrkdwn", text: "x".repeat(3000) }, accessory: button(75) },
      { type: "actions", elements: Array.from({ length: 25 }, () => button(75)) },
      {
        type: "input",
        element: {
          type: "static_select",
          options: [{ text: text(75), value: "v".repeat(75) }],
        },
      },
    ];
    expect(blockProblems(blocks, "/blocks", MAX_MESSAGE_BLOCKS)).toEqual([]);
    expect(
      blockProblems(
        Array.from({ length: 100 }, () => blocks[0]),
        "/view/blocks",
        MAX_VIEW_BLOCKS,
      ),
    ).toEqual([]);
  });

  it("reports each limit crossed with Slack's json-pointer", () => {
    const blocks = [
      { type: "header", text: text(151) },
      { type: "actions", elements: [...Array.from({ length: 25 }, () => button(1)), button(76)] },
      {
        type: "section",
        text: { type: "mrkdwn", text: "ok" },
        accessory: button(1, "v".repeat(2001)),
      },
      {
        type: "actions",
        elements: [{ type: "overflow", options: [{ text: text(1), value: "v".repeat(76) }] }],
      },
      { text: "no type" },
    ];
    expect(blockProblems(blocks, "/blocks", MAX_MESSAGE_BLOCKS)).toEqual([
      "[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text]",
      "[ERROR] no more than 25 items allowed [json-pointer:/blocks/1/elements]",
      "[ERROR] must be less than 76 characters [json-pointer:/blocks/1/elements/25/text/text]",
      "[ERROR] must be less than 2001 characters [json-pointer:/blocks/2/accessory/value]",
      "[ERROR] must be less than 76 characters [json-pointer:/blocks/3/elements/0/options/0/value]",
      "[ERROR] missing required field: type [json-pointer:/blocks/4]",
    ]);
  });

  it("counts blocks: 50 in a message, 100 in a view; a non-array is refused", () => {
    const section = { type: "section", text: { type: "mrkdwn", text: "x" } };
    expect(
      blockProblems(
        Array.from({ length: 51 }, () => section),
        "/blocks",
        MAX_MESSAGE_BLOCKS,
      ),
    ).toEqual(["[ERROR] no more than 50 items allowed [json-pointer:/blocks]"]);
    expect(
      blockProblems(
        Array.from({ length: 101 }, () => section),
        "/view/blocks",
        MAX_VIEW_BLOCKS,
      ),
    ).toHaveLength(1);
    expect(blockProblems("[{", "/blocks", MAX_MESSAGE_BLOCKS)).toEqual([
      "[ERROR] must provide an array [json-pointer:/blocks]",
    ]);
  });
});
