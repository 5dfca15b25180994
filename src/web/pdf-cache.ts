/**
 * The last protocol PDFs made, by the tag of what they show: a PDF takes seconds to make, and
 * a published protocol changes only when it is corrected. Small, so that memory stays flat.
 */
export class PdfCache {
  private readonly entries = new Map<string, Promise<Buffer>>();

  constructor(private readonly size = 16) {}

  get(tag: string, make: () => Promise<Buffer>): Promise<Buffer> {
    const cached = this.entries.get(tag);
    if (cached) {
      // Most recently used last: the first is the one to evict.
      this.entries.delete(tag);
      this.entries.set(tag, cached);
      return cached;
    }
    const made = make();
    this.entries.set(tag, made);
    // A failed render is not kept: the next request tries again.
    made.catch(() => this.entries.delete(tag));
    while (this.entries.size > this.size) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return made;
  }
}
