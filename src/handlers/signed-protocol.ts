import type { MinutesDocument } from "../domain/minutes/document.js";
import { noticeDates, withNotice } from "../domain/protocol/notice-dates.js";
import { type ProtocolSignature, withSignatures } from "../domain/protocol/sign-protocol.js";
import type { CouncilRecord, MeetingRecord } from "../domain/records.js";
import type { SignatureRecord } from "../store/minutes-record-repository.js";
import type { Store } from "../store/store.js";
import { loadRoster } from "./meeting-roster.js";

/**
 * A protocol as approved, with what came after its snapshot: each signature (name, time,
 * checksum) and, once justerat with the notice on, the anslag. A document without a protocol
 * is returned as it is.
 */
export async function withSignedProtocol(
  store: Store,
  council: CouncilRecord,
  meeting: MeetingRecord,
  document: MinutesDocument,
  itemId?: string,
): Promise<MinutesDocument> {
  if (!document.protocol) return document;
  const [signatures, roster, settings] = await Promise.all([
    store.minutesRecord.signatures(meeting.id, itemId),
    loadRoster(store, meeting),
    store.protocol.settings(council.id),
  ]);
  const chairIds = new Set(roster.chairs.map((chair) => chair.id));
  const signed = withSignatures(
    document.protocol,
    signatures.map((signature) => asSignature(signature, chairIds)),
    council.timeZone,
  );
  const justerad = itemId === undefined && meeting.minutesStatus !== "draft" && meeting.approvedAt;
  return {
    ...document,
    protocol:
      justerad && settings.noticeEnabled
        ? withNotice(signed, noticeDates(justerad, council.timeZone), null)
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
