import type { MinutesDocument } from "../domain/minutes/document.js";

/** "Kontrollsumma (SHA-256): 3f2a…": the approved snapshot's, for anyone who verifies the post. */
export function checksumLine(checksum: NonNullable<MinutesDocument["checksum"]>): string {
  return `${checksum.label}: ${checksum.sha256}`;
}
