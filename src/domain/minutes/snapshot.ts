// Approved minutes are a record (architecture.md §11): `justera` freezes the compiled document as text,
// and its SHA-256 is what approvers, `publicera` and `verifiera` agree on. Pure: Web Crypto is
// the platform's, so the checksum is the same in Node and in any other runtime.
import type { ProtocolDocument } from "../protocol/protocol-document.js";
import type { MinutesDocument } from "./document.js";

/** The parts publishing adds; they are not part of what was approved. */
type PublicationParts = "stamp" | "stampIso" | "corrected" | "checksum";

/** Approvals and replies show this many hex digits; the web files carry all 64. */
const SHORT_CHECKSUM = 12;

/**
 * JSON with object keys sorted at every level, so that the same document is always the same
 * text (and the same checksum) whatever order its fields were built in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : inner,
  );
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export interface FrozenMinutes {
  /** The document as canonical JSON, without a publication stamp. */
  document: string;
  sha256: string;
}

/** What an approval stores: the document as it stands, without what publishing adds. */
export async function freezeMinutes(document: MinutesDocument): Promise<FrozenMinutes> {
  const {
    stamp: _stamp,
    stampIso: _stampIso,
    corrected: _corrected,
    checksum: _checksum,
    ...approved
  } = document;
  // A protocol's signatures and notice come after the approval they record.
  const frozen = approved.protocol
    ? { ...approved, protocol: withoutApprovalParts(approved.protocol) }
    : approved;
  const text = canonicalJson(frozen satisfies Omit<MinutesDocument, PublicationParts>);
  return { document: text, sha256: await sha256Hex(text) };
}

function withoutApprovalParts(protocol: ProtocolDocument): ProtocolDocument {
  const { signatures: _signatures, notice: _notice, ...rest } = protocol;
  return rest;
}

/** A stored snapshot back as a document: text that Noterat itself wrote with freezeMinutes. */
export function thawMinutes(document: string): MinutesDocument {
  return JSON.parse(document) as MinutesDocument;
}

export function shortChecksum(sha256: string): string {
  return sha256.slice(0, SHORT_CHECKSUM);
}
