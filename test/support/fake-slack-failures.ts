import { seededRandom } from "./seeded-random.js";
/**
 * Failure injection for FakeSlackApi: what can go wrong between a bot and Slack's Web API,
 * scheduled per method either explicitly (`failNext`) or pseudo-randomly for soak tests.
 */

/** One way a call can go wrong. */
export type FakeFailure =
  /** HTTP 429 with a Retry-After header (seconds), as Slack rate limits. */
  | { status: 429; retryAfter: number }
  /** An HTTP 5xx with no Slack JSON body: the only other status Slack's Web API uses. */
  | { status: 500 | 502 | 503 | 504 }
  /** HTTP 200 `{ ok: false, error }`: how Slack reports almost every problem. */
  | { error: string }
  /** The normal answer, but late (lets tests hit client timeouts and Bolt's 3 s ack window). */
  | { delayMs: number }
  /** The socket is destroyed without any answer. */
  | { drop: true };

export interface RandomFailureOptions {
  /** Probability in [0, 1] that a call fails. */
  rate: number;
  /** Failures to choose from, uniformly. */
  failures: readonly FakeFailure[];
  /** Seed of the PRNG, so a failing soak run can be replayed exactly. */
  seed: number;
}

/** Matches every method in `failNext` / `failRandomly`. */
export const ANY_METHOD = "*";

interface RandomPlan {
  rate: number;
  failures: readonly FakeFailure[];
  next: () => number;
}

/** Decides, call by call, whether and how a method fails. */
export class FailurePlan {
  private readonly queued = new Map<string, FakeFailure[]>();
  private readonly random = new Map<string, RandomPlan>();

  failNext(method: string, failure: FakeFailure, times = 1): void {
    // Misuse is a bug in the test itself: fail loudly at set-up, not with a confusing pass.
    if (!Number.isInteger(times) || times < 0) {
      throw new RangeError(`failNext: times must be a non-negative integer, got ${times}`);
    }
    validateFailure(failure);
    const queue = this.queued.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(failure);
    this.queued.set(method, queue);
  }

  failRandomly(method: string, options: RandomFailureOptions): void {
    const { rate, failures, seed } = options;
    if (!(rate >= 0 && rate <= 1)) {
      throw new RangeError(`failRandomly: rate must be within [0, 1], got ${rate}`);
    }
    if (rate > 0 && failures.length === 0) {
      throw new RangeError("failRandomly: give at least one failure to choose from");
    }
    for (const failure of failures) validateFailure(failure);
    this.random.set(method, { rate, failures: [...failures], next: seededRandom(seed) });
  }

  /** The failure for this call, if any: queued ones first (exact method, then "*"), then random. */
  take(method: string): FakeFailure | undefined {
    for (const key of [method, ANY_METHOD]) {
      const queue = this.queued.get(key);
      const first = queue?.shift();
      if (first !== undefined) return first;
    }
    for (const key of [method, ANY_METHOD]) {
      const plan = this.random.get(key);
      if (plan === undefined) continue;
      // Always draw twice so the sequence for a seed does not depend on the outcomes.
      const roll = plan.next();
      const pick = plan.next();
      if (roll < plan.rate) {
        return plan.failures[Math.floor(pick * plan.failures.length)];
      }
    }
    return undefined;
  }

  /** Failures still queued for a method (not counting random ones). */
  pending(method: string): number {
    return this.queued.get(method)?.length ?? 0;
  }

  clear(): void {
    this.queued.clear();
    this.random.clear();
  }
}

function validateFailure(failure: FakeFailure): void {
  if (
    "retryAfter" in failure &&
    !(Number.isInteger(failure.retryAfter) && failure.retryAfter >= 0)
  ) {
    throw new RangeError(`retryAfter must be a non-negative integer of seconds`);
  }
  if ("delayMs" in failure && !(failure.delayMs >= 0)) {
    throw new RangeError(`delayMs must be non-negative`);
  }
}
