import type { Place } from "../domain/records.js";
import type { Platform } from "../domain/types.js";
import type { Publication, PublicationOutcome, PublicationReport, Publisher } from "./context.js";

/** One surface's way of posting minutes to one of its channels. */
export interface ChannelPublisher {
  publish(publication: Publication, place: Place): Promise<PublicationOutcome>;
}

/** Writes a publication's web version for a site that takes files; returns the paths. */
export type WebExport = (publication: Publication) => Promise<string[]>;

/**
 * Sends a publication to every bound channel through the publisher of its platform, one
 * channel at a time (a channel whose surface is not running here is reported, not skipped),
 * then writes its web files once, whatever the surfaces (architecture.md §13).
 */
export function fanOutPublisher(
  publishers: Partial<Record<Platform, ChannelPublisher>>,
  webExport?: WebExport,
): Publisher {
  return {
    async publish(publication) {
      const outcomes: PublicationOutcome[] = [];
      for (const place of publication.channels) {
        const publisher = publishers[place.platform];
        outcomes.push(
          publisher
            ? await publisher.publish(publication, place)
            : { place, ok: false, reason: "surface-not-running" },
        );
      }
      if (!webExport) return { outcomes, files: [] };
      try {
        return { outcomes, files: await webExport(publication) };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { outcomes, files: [], exportFailed: reason } satisfies PublicationReport;
      }
    },
  };
}
