import { formatEventStamp, formatStamp } from "../i18n/format-date.js";
import { createTranslator } from "../i18n/translator.js";
import type { MinutesDocument } from "./document.js";

/** When a snapshot was first published and, after a reopen, published again. */
export interface PublicationMarks {
  publishedAt: Date;
  correctedAt: Date | null;
  sha256: string;
}

/**
 * The approved snapshot as it is published: the stamp of its first publication, "Rättad …"
 * when it was corrected after that, and the checksum of what was approved.
 */
export function asPublished(
  snapshot: MinutesDocument,
  marks: PublicationMarks,
  timeZone: string,
): MinutesDocument {
  const { t } = createTranslator(snapshot.locale);
  return {
    ...snapshot,
    stamp: formatStamp(marks.publishedAt, timeZone),
    stampIso: marks.publishedAt.toISOString(),
    ...(marks.correctedAt
      ? {
          corrected: t("minutes.corrected", {
            stamp: formatEventStamp(marks.correctedAt, { locale: snapshot.locale, timeZone }),
          }),
        }
      : {}),
    checksum: { label: t("minutes.checksum"), sha256: marks.sha256 },
  };
}
