import type {
  ClaimOptions,
  OutboxReminder,
  RemindersRepository,
} from "../store/reminders-repository.js";

/** Recipients per claim: sent within the lease even when every send waits out its timeout. */
const RECIPIENTS_PER_CLAIM = 50;

/**
 * One pass over the outbox: reads once which recipients have rows due at `now`, then claims
 * them RECIPIENTS_PER_CLAIM recipients at a time by id, yielding each claim's rows (none when
 * another instance took them all meanwhile: those are left to it). Each claim is stamped with
 * `claimedAt()`, so that a long 09:00 tick's later claims keep their lease.
 */
export async function* claimPass(
  outbox: RemindersRepository,
  now: Date,
  options: Omit<ClaimOptions, "claimedAt">,
  claimedAt: () => Date,
): AsyncGenerator<OutboxReminder[]> {
  const due = await outbox.dueByRecipient(now, options);
  for (let start = 0; start < due.length; start += RECIPIENTS_PER_CLAIM) {
    const ids = due.slice(start, start + RECIPIENTS_PER_CLAIM).flat();
    const rows = await outbox.claim(ids, now, { ...options, claimedAt: claimedAt() });
    if (rows.length > 0) yield rows;
  }
}
