import type { ChannelPublisher } from "../../handlers/publisher-fan-out.js";
import { renderMinutesText } from "../../render/minutes-text.js";

/** The console's channel: the post (and in protocol mode the protocol) printed as text. */
export function localPublisher(output: NodeJS.WritableStream): ChannelPublisher {
  return {
    async publish(publication, place) {
      output.write(`${renderMinutesText(publication.document)}\n\n`);
      return { place, ok: true };
    },
  };
}
