import type { SentMark } from "../store/reminders-repository.js";

/** Marks of sent messages, written as a group commit: see sentMarks. */
export interface SentMarks {
  /** Queues the mark of one sent message; it is written with the next write. */
  add(mark: SentMark): void;
  /** Resolves once every mark added so far has been written (or its write has failed). */
  settled(): Promise<void>;
}

/**
 * A group commit of sent marks: a mark is written at once when no write is running, else
 * with every other mark that arrived meanwhile, in one statement when the running write
 * ends. At 09:00 that is a few statements, each one commit, instead of one commit (and its
 * fsync) per message. A failed write (or a crash) loses at most those marks: their rows stay
 * claimed and go out again after the lease, as a crash between sending and marking always did.
 */
export function sentMarks(
  write: (marks: SentMark[]) => Promise<void>,
  onError: (error: unknown, marks: SentMark[]) => void,
): SentMarks {
  let queued: SentMark[] = [];
  let writing: Promise<void> | null = null;

  function writeQueued(): void {
    const marks = queued;
    queued = [];
    writing = write(marks)
      .catch((error: unknown) => onError(error, marks))
      .then(() => {
        writing = null;
        if (queued.length > 0) writeQueued();
      });
  }

  return {
    add(mark) {
      queued.push(mark);
      if (writing === null) writeQueued();
    },
    async settled() {
      while (writing !== null) await writing;
    },
  };
}
