import { createHash } from "node:crypto";
import type { Clock } from "../handlers/context.js";
import type { PartialDeliveriesRepository } from "../store/partial-deliveries-repository.js";

/**
 * The parts of a multi-message reminder already posted when a later part failed. The outbox
 * retries the whole notice; without this, its first parts would reach the recipient twice.
 * Kept in the database, so that a retry on any instance continues where the failed attempt
 * stopped. A notice whose text changed in between is a different notice and is sent whole.
 * Records older than the outbox's whole retry span are forgotten, so that an identical
 * reminder days later (a weekly overdue one) is never mistaken for a retry.
 */
export class PartialDeliveries {
  constructor(
    private readonly store: PartialDeliveriesRepository,
    private readonly clock: Clock,
    private readonly ttlMs = 6 * 60 * 60_000,
  ) {}

  /** A key for one notice: where it goes and exactly what it says. */
  static key(address: string, messages: unknown): string {
    return createHash("sha256").update(address).update(JSON.stringify(messages)).digest("hex");
  }

  /**
   * Sends the parts an earlier attempt did not, one by one; returns every part's ref. When a
   * part fails, what was sent is recorded for the next attempt and the failure thrown on.
   */
  async sendRemaining<T>(
    key: string,
    parts: T[],
    sendOne: (part: T) => Promise<string>,
  ): Promise<string[]> {
    const now = this.clock.now();
    const since = new Date(now.getTime() - this.ttlMs);
    // A single message has no earlier parts to continue from: no lookup on the common path.
    const refs = parts.length > 1 ? await this.store.postedSince(key, since) : [];
    const before = refs.length;
    try {
      for (const part of parts.slice(refs.length)) refs.push(await sendOne(part));
    } catch (error) {
      if (refs.length > before) await this.store.remember(key, refs, this.clock.now(), since);
      throw error;
    }
    if (before > 0) await this.store.forget(key);
    return refs;
  }
}
