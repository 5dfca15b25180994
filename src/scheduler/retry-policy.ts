/**
 * How often and how long a reminder is retried when a platform fails: exponential back-off
 * from one minute (the tick), or the platform's own Retry-After when it is longer, given up
 * after six attempts (about an hour) with the reason kept for the secretary.
 */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 60_000,
  maxDelayMs: 30 * 60_000,
};

/** When to try again after the `attempts`-th failed attempt. */
export function nextAttemptAt(
  now: Date,
  attempts: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy,
): Date {
  const backoff = Math.min(policy.baseDelayMs * 2 ** Math.max(0, attempts - 1), policy.maxDelayMs);
  return new Date(now.getTime() + Math.max(backoff, retryAfterMs ?? 0));
}
