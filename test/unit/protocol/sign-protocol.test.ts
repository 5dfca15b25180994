import { describe, expect, it } from "vitest";
import type { MinutesDocument } from "../../../src/domain/minutes/document.js";
import { freezeMinutes } from "../../../src/domain/minutes/snapshot.js";
import {
  type ProtocolSignature,
  withSignatures,
} from "../../../src/domain/protocol/sign-protocol.js";
import { exampleProtocol } from "./protokoll-example.js";

const SHA = `3f9a1c0e77b2${"0".repeat(52)}`;

// Out of order on purpose: the protocol lists secretary, chair, approvers.
const SIGNATURES: ProtocolSignature[] = [
  { role: "approver", name: "Anna Lind", at: new Date("2027-02-11T07:40:00Z"), sha256: SHA },
  { role: "chair", name: "Maria Ek", at: new Date("2027-02-10T10:02:00Z"), sha256: SHA },
  { role: "approver", name: "Bertil Holm", at: new Date("2027-02-11T09:05:00Z"), sha256: SHA },
  { role: "secretary", name: "Sara Nord", at: new Date("2027-02-10T08:14:00Z"), sha256: SHA },
];

describe("withSignatures", () => {
  it("adds Underskrifter in the protocol's order, each with its local time and short checksum", () => {
    const signed = withSignatures(exampleProtocol(), SIGNATURES, "Europe/Stockholm");
    expect(signed.signatures).toEqual({
      heading: "Underskrifter",
      rows: [
        {
          label: "Sekreterare",
          value: "Sara Nord — Justerat digitalt 2027-02-10 09.14, kontrollsumma 3f9a1c0e77b2",
        },
        {
          label: "Ordförande",
          value: "Maria Ek — Justerat digitalt 2027-02-10 11.02, kontrollsumma 3f9a1c0e77b2",
        },
        {
          label: "Justerare",
          value: "Anna Lind — Justerat digitalt 2027-02-11 08.40, kontrollsumma 3f9a1c0e77b2",
        },
        {
          label: "Justerare",
          value: "Bertil Holm — Justerat digitalt 2027-02-11 10.05, kontrollsumma 3f9a1c0e77b2",
        },
      ],
    });
    expect(signed.paragraphs).toEqual(exampleProtocol().paragraphs);
  });

  it("speaks the protocol's language and the council's zone", () => {
    const signed = withSignatures(
      exampleProtocol({ locale: "en" }),
      [SIGNATURES[1] as ProtocolSignature],
      "America/New_York",
    );
    expect(signed.signatures).toEqual({
      heading: "Signatures",
      rows: [
        {
          label: "Chair",
          value: "Maria Ek — Approved digitally 2027-02-10 05:02, checksum 3f9a1c0e77b2",
        },
      ],
    });
  });

  it("adds no empty block before anyone has signed", () => {
    const doc = exampleProtocol();
    expect(withSignatures(doc, [], "Europe/Stockholm")).toBe(doc);
  });

  it("leaves the approved checksum as it was: signatures are not part of the snapshot", async () => {
    const post: MinutesDocument = { locale: "sv", title: "Noterat", lede: "", sections: [] };
    const protocol = exampleProtocol();
    const signed = withSignatures(protocol, SIGNATURES, "Europe/Stockholm");
    const [before, after] = await Promise.all([
      freezeMinutes({ ...post, protocol }),
      freezeMinutes({ ...post, protocol: signed }),
    ]);
    expect(after.sha256).toBe(before.sha256);
  });
});
