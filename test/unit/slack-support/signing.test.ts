import { isValidSlackRequest } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import {
  FORM_CONTENT_TYPE,
  JSON_CONTENT_TYPE,
  signRequest,
  signSlackRequest,
  slackSignature,
  urlVerification,
} from "../../support/slack-requests.js";
import { fixture, record } from "./helpers.js";

const vector = fixture("slack-signing-test-vector.json");
const secret = String(vector.signing_secret);
const body = String(vector.raw_body);
const vectorHeaders = record(vector.headers);
const timestamp = Number(vectorHeaders["X-Slack-Request-Timestamp"]);

describe("signSlackRequest", () => {
  it("reproduces Slack's worked example exactly", () => {
    expect(`v0:${timestamp}:${body}`).toBe(vector.sig_basestring);
    expect(signSlackRequest(secret, body, timestamp)).toEqual({
      "content-type": vectorHeaders["Content-Type"],
      "x-slack-request-timestamp": vectorHeaders["X-Slack-Request-Timestamp"],
      "x-slack-signature": vectorHeaders["X-Slack-Signature"],
    });
  });

  it("is accepted by Bolt's own verifier, and a changed body is not", () => {
    const headers = signSlackRequest(secret, body, timestamp);
    const verify = (signedBody: string) =>
      isValidSlackRequest({
        signingSecret: secret,
        body: signedBody,
        headers: {
          "x-slack-signature": headers["x-slack-signature"],
          "x-slack-request-timestamp": timestamp,
        },
        // The example is from 2018; Bolt rejects timestamps older than five minutes.
        nowMilliseconds: timestamp * 1000,
      });
    expect(verify(body)).toBe(true);
    expect(verify(`${body}x`)).toBe(false);
  });

  it("uses the exact content types Bolt matches: form without charset, JSON for events", () => {
    expect(signSlackRequest(secret, "a=b")["content-type"]).toBe(FORM_CONTENT_TYPE);
    expect(signSlackRequest(secret, '{"type":"event_callback"}')["content-type"]).toBe(
      JSON_CONTENT_TYPE,
    );
    expect(FORM_CONTENT_TYPE).toBe("application/x-www-form-urlencoded");
  });

  it("defaults the timestamp to now, in whole seconds", () => {
    const before = Math.floor(Date.now() / 1000);
    const stamp = Number(signSlackRequest(secret, "a=b")["x-slack-request-timestamp"]);
    expect(stamp).toBeGreaterThanOrEqual(before);
    expect(stamp).toBeLessThanOrEqual(before + 1);
  });

  it("signRequest keeps the builder's content type and headers and adds the signature", () => {
    const request = urlVerification("c", { retryNum: 2 });
    const signed = signRequest(secret, request, 1_700_000_000);
    expect(signed.headers).toEqual({
      "content-type": JSON_CONTENT_TYPE,
      "x-slack-retry-num": "2",
      "x-slack-retry-reason": "http_timeout",
      "x-slack-request-timestamp": "1700000000",
      "x-slack-signature": slackSignature(secret, 1_700_000_000, request.body),
    });
    expect(signed.body).toBe(request.body);
  });
});
