import type { Place } from "../domain/records.js";
import type { Platform } from "../domain/types.js";
import type { Publication, PublicationOutcome, Publisher } from "./context.js";

/** One surface's way of posting minutes to one of its channels. */
export interface ChannelPublisher {
  publish(publication: Publication, place: Place): Promise<PublicationOutcome>;
}

/**
 * Sends a publication to every bound channel through the publisher of its platform, one
 * channel at a time; a channel whose surface is not running here is reported, not skipped.
 */
export function fanOutPublisher(
  publishers: Partial<Record<Platform, ChannelPublisher>>,
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
      return outcomes;
    },
  };
}
