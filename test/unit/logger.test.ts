import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";

// The logging rules of src/logger.ts (architecture.md §15): errors are named by type, codes and
// frames, never by their message; credentials under known keys are redacted.

/** A logger at the most talkative level, and what it wrote. */
function capture() {
  let text = "";
  const logger = createLogger("trace", {
    write: (chunk: string) => {
      text += chunk;
    },
  });
  return {
    logger,
    text: () => text,
    lines: () =>
      text
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe("the logger", () => {
  it("names an error by its type, code and frames, and leaves its message out", () => {
    const { logger, ...log } = capture();
    const error = Object.assign(new Error("Unique constraint failed: Kontakta Bertil Hemligsson"), {
      code: "P2002",
      meta: {
        modelName: "Item",
        target: ["dedupKey"],
        driverAdapterError: {
          cause: {
            kind: "UniqueConstraintViolation",
            originalCode: "23505",
            originalMessage: "Key (text)=(Bertil Hemligsson)",
          },
        },
      },
    });
    logger.error({ err: error, length: 12 }, "command failed");
    expect(log.text()).not.toContain("Hemligsson");
    const [line] = log.lines();
    expect(line).toMatchObject({
      msg: "command failed",
      length: 12,
      err: {
        type: "Error",
        code: "P2002",
        model: "Item",
        target: ["dedupKey"],
        dbKind: "UniqueConstraintViolation",
        dbCode: "23505",
      },
    });
    expect(String(Object(line?.err).stack)).toMatch(/^ {4}at .*logger\.test\.ts/);
  });

  it("keeps only the stack's frames, also when the message has lines that look like one", () => {
    const { logger, ...log } = capture();
    logger.error({ err: new Error("Mötet\n    at Hemliga gården (Ängsö:1:2)") }, "command failed");
    expect(log.text()).not.toMatch(/Hemlig|Ängsö|Mötet/);
    const stack = String(Object(log.lines()[0]?.err).stack).split("\n");
    expect(stack.length).toBeGreaterThan(1);
    for (const frame of stack) expect(frame).toMatch(/^ {4}at /);
  });

  it("gives an error logged without a message a fixed one, not the error's", () => {
    const { logger, ...log } = capture();
    logger.error(new Error("Hemlig rubrik"));
    logger.warn({ err: new Error("Hemlig text") });
    expect(log.text()).not.toContain("Hemlig");
    expect(log.lines().map((line) => line.msg)).toEqual(["failed", "failed"]);
    expect(log.lines().map((line) => (line.err as { type: string }).type)).toEqual([
      "Error",
      "Error",
    ]);
  });

  it("keeps a platform call's status and Slack's error name, not its request, body or headers", () => {
    const { logger, ...log } = capture();
    const rest = Object.assign(new Error("Request failed: Hemligt meddelande"), {
      code: "REQUEST_SEND_ERROR",
      statusCode: 403,
      request: { url: "https://smba/x", headers: { authorization: "Bearer eyJhbGciOi-hemlig" } },
      response: { body: '{"text":"Hemligt meddelande"}' },
    });
    const slack = Object.assign(new Error("An API error occurred: channel_not_found"), {
      code: "slack_webapi_platform_error",
      data: { ok: false, error: "channel_not_found", response_metadata: { messages: ["x"] } },
    });
    // Slack's client wraps undici's failure, whose message may hold the URL.
    const wrapped = Object.assign(
      new Error("A request error occurred: fetch https://h/?t=xoxb-hemlig"),
      {
        code: "slack_webapi_request_error",
        original: Object.assign(new TypeError("fetch failed https://h/?t=xoxb-hemlig"), {
          cause: Object.assign(new Error("connect ECONNREFUSED"), {
            code: "ECONNREFUSED",
            syscall: "connect",
          }),
        }),
      },
    );
    logger.warn({ err: rest }, "a Teams reply could not be sent");
    logger.warn({ err: slack }, "publishing to Slack failed");
    logger.warn({ err: wrapped }, "a Slack reminder failed");
    expect(log.text()).not.toMatch(/Hemlig|hemlig|Bearer/);
    expect(log.lines().map((line) => line.err)).toMatchObject([
      { type: "Error", code: "REQUEST_SEND_ERROR", status: 403 },
      { code: "slack_webapi_platform_error", slackError: "channel_not_found" },
      {
        code: "slack_webapi_request_error",
        cause: { type: "TypeError", cause: { code: "ECONNREFUSED", syscall: "connect" } },
      },
    ]);
  });

  it("logs only the type of something thrown that is not an error", () => {
    const { logger, ...log } = capture();
    logger.error({ err: "Hemlig sträng" }, "failed");
    expect(log.lines()[0]?.err).toEqual({ type: "string" });
  });

  it("redacts credentials under known keys", () => {
    const { logger, ...log } = capture();
    logger.info(
      {
        token: "xoxb-hemlig-1",
        config: { botToken: "xoxb-hemlig-2", signingSecret: "hemlig-3" },
        headers: { authorization: "Bearer hemlig-4" },
      },
      "settings",
    );
    expect(log.text()).not.toContain("hemlig");
    expect(log.lines()[0]).toMatchObject({
      token: "[redacted]",
      config: { botToken: "[redacted]", signingSecret: "[redacted]" },
      headers: { authorization: "[redacted]" },
    });
  });
});
