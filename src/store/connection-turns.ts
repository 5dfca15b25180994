/**
 * Turns at one database connection, first come first served: each taker waits until the one
 * before has given its turn back. A transaction holds its connection across awaits, and
 * every other transaction on that connection must wait meanwhile.
 */
export class ConnectionTurns {
  private last: Promise<void> = Promise.resolve();

  /** Resolves when it is the caller's turn, with the function that ends it (once). */
  take(): Promise<() => void> {
    let end!: () => void;
    const ended = new Promise<void>((resolve) => {
      end = resolve;
    });
    const before = this.last;
    this.last = ended;
    return before.then(() => end);
  }
}
