import type { MinutesDocument } from "../domain/minutes/document.js";
import { noticeDates, withNotice } from "../domain/protocol/notice-dates.js";
import { type ProtocolSignature, withSignatures } from "../domain/protocol/sign-protocol.js";
import type { CouncilRecord } from "../domain/records.js";
import type { SignatureRecord } from "../store/minutes-record-repository.js";
import type { Store } from "../store/store.js";

/**
 * A protocol with what came after its snapshot: each signature (name, time, checksum) and, for
 * a justerat protocol of a council that gives notice, the anslag from the last signature on. A
 * document without a protocol is returned as it is.
 */
export async function withSignedProtocol(
  store: Store,
  council: CouncilRecord,
  document: MinutesDocument,
  signatures: SignatureRecord[],
  justerat: boolean,
): Promise<MinutesDocument> {
  if (!document.protocol) return document;
  const [memberships, settings] = await Promise.all([
    store.people.members(council.id),
    store.protocol.settings(council.id),
  ]);
  const chairIds = new Set(
    memberships.filter(({ role }) => role === "chair").map(({ person }) => person.id),
  );
  const signed = withSignatures(
    document.protocol,
    signatures.map((signature) => asSignature(signature, chairIds)),
    council.timeZone,
  );
  const last = signatures.at(-1);
  return {
    ...document,
    protocol:
      justerat && last && settings.noticeEnabled
        ? withNotice(signed, noticeDates(last.at, council.timeZone), null)
        : signed,
  };
}

function asSignature(signature: SignatureRecord, chairIds: ReadonlySet<string>): ProtocolSignature {
  return {
    role: chairIds.has(signature.personId) ? "chair" : "approver",
    name: signature.personName,
    at: signature.at,
    sha256: signature.sha256,
  };
}
