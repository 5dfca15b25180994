import { describe, expect, it } from "vitest";
import { FakeSlackApi } from "../../support/fake-slack-api.js";
import { FailurePlan, type FakeFailure } from "../../support/fake-slack-failures.js";
import { seededRandom } from "../../support/seeded-random.js";

const failures: FakeFailure[] = [{ error: "ratelimited" }, { status: 500 }, { delayMs: 1 }];

function sequence(seed: number, calls: number): Array<FakeFailure | undefined> {
  const plan = new FailurePlan();
  plan.failRandomly("chat.postMessage", { rate: 0.3, failures, seed });
  return Array.from({ length: calls }, () => plan.take("chat.postMessage"));
}

describe("failRandomly", () => {
  it("is reproducible for a seed and differs between seeds", () => {
    expect(sequence(42, 200)).toEqual(sequence(42, 200));
    expect(sequence(42, 200)).not.toEqual(sequence(43, 200));
  });

  it("fails at about the given rate and uses every failure offered", () => {
    const taken = sequence(7, 5000);
    const failed = taken.filter((failure) => failure !== undefined);
    expect(failed.length / taken.length).toBeGreaterThan(0.27);
    expect(failed.length / taken.length).toBeLessThan(0.33);
    for (const failure of failures) expect(failed).toContainEqual(failure);
  });

  it("leaves other methods alone; queued failures come before random ones", () => {
    const plan = new FailurePlan();
    plan.failRandomly("chat.postMessage", { rate: 1, failures: [{ error: "random" }], seed: 1 });
    plan.failNext("chat.postMessage", { error: "queued" });
    expect(plan.take("users.info")).toBeUndefined();
    expect(plan.take("chat.postMessage")).toEqual({ error: "queued" });
    expect(plan.take("chat.postMessage")).toEqual({ error: "random" });
    plan.clear();
    expect(plan.take("chat.postMessage")).toBeUndefined();
  });

  it("mulberry32 stays within [0, 1)", () => {
    const next = seededRandom(123);
    for (let i = 0; i < 1000; i++) {
      const value = next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it("drives the fake reproducibly in a soak run", async () => {
    async function run(seed: number): Promise<string[]> {
      const fake = new FakeSlackApi();
      await fake.start();
      try {
        fake.failRandomly("*", {
          rate: 0.25,
          failures: [{ error: "fatal_error" }, { status: 503 }],
          seed,
        });
        const outcomes: string[] = [];
        for (let i = 0; i < 40; i++) {
          const response = await fetch(`${fake.url}chat.postMessage`, {
            method: "POST",
            headers: { authorization: `Bearer ${fake.team.botToken}` },
            body: new URLSearchParams({ channel: "C1", text: `#${i}` }).toString(),
          });
          const text = await response.text();
          outcomes.push(`${response.status} ${response.status === 200 ? text.slice(0, 12) : ""}`);
        }
        expect(fake.calls.filter((call) => call.injected !== undefined).length).toBeGreaterThan(0);
        return outcomes;
      } finally {
        await fake.stop();
      }
    }
    expect(await run(2024)).toEqual(await run(2024));
  });
});
