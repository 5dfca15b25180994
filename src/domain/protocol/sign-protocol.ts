import { formatEventStamp } from "../i18n/format-date.js";
import { createTranslator } from "../i18n/translator.js";
import { shortChecksum } from "../minutes/snapshot.js";
import type { ProtocolDocument, ProtocolRow } from "./protocol-document.js";

// The signature block (architecture.md §12): each approval's name, time and checksum, added to the
// approved protocol when it is shown or published; never part of the frozen snapshot.

export interface ProtocolSignature {
  role: "chair" | "approver" | "secretary";
  name: string;
  at: Date;
  sha256: string;
}

/** The order a protocol lists its signatures in (../shared/examples/protokoll.md). */
const ROLE_ORDER: Record<ProtocolSignature["role"], number> = {
  secretary: 0,
  chair: 1,
  approver: 2,
};

/** The protocol with its "Underskrifter"; unchanged when no one has signed yet. */
export function withSignatures(
  doc: ProtocolDocument,
  signatures: ProtocolSignature[],
  timeZone: string,
): ProtocolDocument {
  if (signatures.length === 0) return doc;
  const t = createTranslator(doc.locale);
  const rows = [...signatures]
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role])
    .map(
      (signature): ProtocolRow => ({
        label: t.t(`protocol.signature.${signature.role}`),
        value: t.t("protocol.signature", {
          name: signature.name.trim(),
          stamp: formatEventStamp(signature.at, { locale: doc.locale, timeZone }),
          checksum: shortChecksum(signature.sha256),
        }),
      }),
    );
  return { ...doc, signatures: { heading: t.t("protocol.signatures"), rows } };
}
