import { describe, expect, it } from "vitest";
import { noticeDates, withNotice } from "../../../src/domain/protocol/notice-dates.js";
import { withSignatures } from "../../../src/domain/protocol/sign-protocol.js";
import { renderMinutesText } from "../../../src/render/minutes-text.js";
import { renderProtocolText } from "../../../src/render/protocol-text.js";
import { renderReplyText } from "../../../src/render/reply-text.js";
import { EXAMPLE_PARAGRAPHS, exampleProtocol } from "../protocol/protokoll-example.js";
import { smallDocument } from "./small-minutes.js";
import { firstMissingInOrder } from "./text-order.js";

const SHA = "3f9a1c0e77b2".padEnd(64, "0");

function completeProtocol() {
  const signed = withSignatures(
    exampleProtocol(),
    [{ role: "chair", name: "Maria Ek", at: new Date("2027-02-10T10:02:00Z"), sha256: SHA }],
    "Europe/Stockholm",
  );
  return withNotice(
    signed,
    noticeDates(new Date("2027-02-11T07:40:00Z"), "Europe/Stockholm"),
    null,
  );
}

describe("renderProtocolText", () => {
  it("writes the head, the header rows and each § as the paper protocol reads", () => {
    const text = renderProtocolText(exampleProtocol());
    expect(
      text.startsWith(
        [
          "Samverkansrådet Norr",
          "PROTOKOLL · Sammanträdesdatum 2027-02-08",
          "",
          "Plats och tid: Regionens hus, Östersund, kl. 13.00",
          "Beslutande: Maria Ek (ordförande), Anna Lind, Bertil Holm, Cecilia Sjö, Erik Berg (ersättare för David Ås)",
          "Övriga närvarande: Sara Nord (sekreterare), Per Dal",
          "Frånvarande: Frida Sund",
          "Utses att justera: Anna Lind",
          "Justeringens plats och tid: Digital justering, senast 2027-02-22",
          "Paragrafer: §§ 1–10",
          "",
          "§ 1 Mötets öppnande\nOrdföranden förklarar mötet öppnat.",
        ].join("\n"),
      ),
    ).toBe(true);
    expect(text).toContain(
      [
        "§ 6 Budget för samverkansarbetet 2027 (Dnr RS 2026/1187)",
        "Beslut",
        "Rådet fastställer budgeten enligt förslaget.",
        "Omröstning",
        "Ja 4, Nej 1.",
        "Reservation",
        "Cecilia Sjö reserverar sig mot beslutet: till förmån för eget yrkande.",
        "Protokollsanteckning",
        "Bertil Holm antecknar att kompetensförsörjningen bör prioriteras 2028.",
        "Jäv",
        "Erik Berg deltar inte i handläggningen på grund av jäv.",
        "Uppdrag",
        "Anna Lind och Bertil Holm: Redovisa utfallet (senast 1 juni)",
        "Paragrafen förklaras omedelbart justerad.",
        "",
        "§ 7 Information om länstransportplanen",
        "Rådet informeras om tidplanen.",
        "",
        "Informationen läggs till handlingarna.",
        "",
        "§ 8 Kompetensförsörjning",
        "",
        "§ 9 Övriga frågor",
      ].join("\n"),
    );
  });

  it("keeps the §§ in order, then the signatures, then the notice", () => {
    const text = renderProtocolText(completeProtocol());
    expect(
      firstMissingInOrder(text, [
        ...EXAMPLE_PARAGRAPHS.map((item) => `§ ${item.paragraph} ${item.heading}`),
        "Underskrifter\nOrdförande: Maria Ek — Justerat digitalt 2027-02-10 11.02, kontrollsumma 3f9a1c0e77b2",
        "ANSLAG/BEVIS\nProtokollet är justerat.",
        "Datum då anslaget sätts upp: 2027-02-12",
        "Sista dag för överklagande: 2027-03-05",
      ]),
    ).toBeUndefined();
    expect(text.endsWith("Sista dag för överklagande: 2027-03-05")).toBe(true);
  });

  it("follows the post after a rule when published with it, and shows as a reply", () => {
    const protocol = exampleProtocol();
    const post = renderMinutesText(smallDocument());
    expect(renderMinutesText(smallDocument({ protocol }))).toBe(
      `${post}\n\n${"-".repeat(40)}\n\n${renderProtocolText(protocol)}`,
    );
    expect(
      renderReplyText({
        audience: "caller",
        blocks: [
          { type: "text", text: "Utkast" },
          { type: "protocol", meetingId: "m1", status: "draft", document: protocol },
        ],
      }),
    ).toBe(`Utkast\n\n${renderProtocolText(protocol)}`);
  });
});
