import { defineMessages } from "../define-messages.js";

/** The record of approved minutes: approval snapshots, checksums, corrections, `verifiera`. */
export const recordMessages = defineMessages({
  sv: {
    "record.approved-view":
      "Så här justerades anteckningarna (kontrollsumma {checksum}). Sekreteraren publicerar dem med `publicera`.",
    "record.published-view": "Så här publicerades anteckningarna (kontrollsumma {checksum}).",
    "record.verify-match":
      "De publicerade anteckningarna från mötet {date} stämmer med det som justerades: kontrollsumma {checksum}.",
    "record.verify-mismatch":
      "Varning: de publicerade anteckningarna från mötet {date} stämmer INTE med det som justerades. Justerad kontrollsumma {approved}, den lagrade texten har nu {actual}. Ändringen är inte gjord genom Noterat.",
    "record.verify-approved-by": "Justerade av {approvals}.",
    "record.verify-approval": "{name} {at}",
    "record.verify-published": "Publicerade {published}.",
    "record.verify-corrected": "Publicerade {published}, rättade {corrected}.",
    "record.verify-reopened":
      "Anteckningarna har ändrats sedan de publicerades och väntar på en ny justering.",
  },
  en: {
    "record.approved-view":
      "This is the notes as they were approved (checksum {checksum}). The secretary publishes them with `publish`.",
    "record.published-view": "This is the notes as they were published (checksum {checksum}).",
    "record.verify-match":
      "The published notes from the meeting on {date} match what was approved: checksum {checksum}.",
    "record.verify-mismatch":
      "Warning: the published notes from the meeting on {date} do NOT match what was approved. Approved checksum {approved}, the stored text now has {actual}. The change was not made through Noterat.",
    "record.verify-approved-by": "Approved by {approvals}.",
    "record.verify-approval": "{name} {at}",
    "record.verify-published": "Published {published}.",
    "record.verify-corrected": "Published {published}, corrected {corrected}.",
    "record.verify-reopened":
      "The notes have changed since they were published and await a new approval.",
  },
});
