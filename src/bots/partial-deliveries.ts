import { createHash } from "node:crypto";
import type { Clock } from "../handlers/context.js";

/**
 * The parts of a multi-message reminder already posted when a later part failed. The outbox
 * retries the whole notice; without this, its first parts would reach the recipient twice.
 * Kept in memory: a retry within this process (normal operation) continues where the failed
 * attempt stopped. A notice whose text changed in between is a different notice and is sent
 * whole. Entries older than the outbox's whole retry span are forgotten, so that an identical
 * reminder days later (a weekly overdue one) is never mistaken for a retry.
 */
export class PartialDeliveries {
  private readonly posted = new Map<string, { refs: string[]; at: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = 6 * 60 * 60_000,
    private readonly max = 10_000,
  ) {}

  /** A key for one notice: where it goes and exactly what it says. */
  static key(address: string, messages: unknown): string {
    return createHash("sha256").update(address).update(JSON.stringify(messages)).digest("hex");
  }

  /**
   * Sends the parts an earlier attempt did not, one by one; returns every part's ref. When a
   * part fails, what was sent is remembered for the next attempt and the failure thrown on.
   */
  async sendRemaining<T>(
    key: string,
    parts: T[],
    sendOne: (part: T) => Promise<string>,
  ): Promise<string[]> {
    const refs = this.postedBefore(key);
    try {
      for (const part of parts.slice(refs.length)) refs.push(await sendOne(part));
    } catch (error) {
      this.remember(key, refs);
      throw error;
    }
    this.forget(key);
    return refs;
  }

  /** The refs of the parts an earlier attempt posted (empty when there was none). */
  private postedBefore(key: string): string[] {
    const entry = this.posted.get(key);
    if (!entry) return [];
    if (this.clock.now().getTime() - entry.at > this.ttlMs) {
      this.posted.delete(key);
      return [];
    }
    return [...entry.refs];
  }

  /** After a failed attempt: what it (and the ones before) posted. */
  private remember(key: string, refs: string[]): void {
    if (refs.length === 0) return;
    this.posted.delete(key);
    // Oldest first in a Map: past the cap, the oldest unfinished notice is forgotten.
    if (this.posted.size >= this.max) {
      const oldest = this.posted.keys().next().value;
      if (oldest !== undefined) this.posted.delete(oldest);
    }
    this.posted.set(key, { refs: [...refs], at: this.clock.now().getTime() });
  }

  /** After the last part went: nothing more to continue. */
  private forget(key: string): void {
    this.posted.delete(key);
  }
}
