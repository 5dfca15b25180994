import { describe, expect, it } from "vitest";
import { createTranslator } from "../../../src/domain/i18n/translator.js";
import type { Place } from "../../../src/domain/records.js";
import type { PublicationReport } from "../../../src/handlers/context.js";
import { publishedReply } from "../../../src/handlers/publish-extract.js";
import { renderReplyText } from "../../../src/render/reply-text.js";

// Issue 14: a failed publish names the channel as people know it (Slack's `#kanal`, the Teams
// channel's name, as stored when it was bound), not by its platform id; without a stored name
// (a channel bound before names were kept) the id is all there is.

type NamedPlace = Place & { name?: string };

const slack: NamedPlace = {
  platform: "slack",
  workspaceId: "T1",
  channelId: "C0STYRELSE",
  name: "styrelsen",
};
const teams: NamedPlace = {
  platform: "teams",
  workspaceId: "tenant",
  channelId: "19:abc@thread.tacv2",
  name: "Regionala rådet",
};
const unnamed: NamedPlace = { platform: "slack", workspaceId: "T1", channelId: "C0GAMMAL" };
const ok: NamedPlace = { platform: "slack", workspaceId: "T1", channelId: "C0OK", name: "ok" };

const report: PublicationReport = {
  outcomes: [
    { place: ok, ok: true },
    { place: slack, ok: false, reason: "not_in_channel" },
    { place: teams, ok: false, reason: "http-403" },
    { place: unnamed, ok: false, reason: "channel_not_found" },
  ],
  files: [],
};

function replyIn(locale: "sv" | "en"): string {
  return renderReplyText(
    publishedReply({ t: createTranslator(locale) }, "Noterat från Reglab 11 maj", report),
  );
}

describe("a failed publish names its channels", () => {
  it("by Slack's #name and the Teams channel's name, in Swedish", () => {
    const text = replyIn("sv");
    expect(text).toContain(
      "Kunde inte publicera i #styrelsen (not_in_channel). Rätta det och skriv `publicera` igen.",
    );
    expect(text).toContain("Kunde inte publicera i Teams-kanalen Regionala rådet (http-403).");
    expect(text).not.toContain("slack:C0STYRELSE");
    expect(text).not.toContain("teams:19:abc");
  });

  it("in English, and by id when no name was stored", () => {
    const text = replyIn("en");
    expect(text).toContain("Could not publish in #styrelsen (not_in_channel).");
    expect(text).toContain("Could not publish in the Teams channel Regionala rådet (http-403).");
    expect(text).toContain("Could not publish in slack:C0GAMMAL (channel_not_found).");
  });
});
