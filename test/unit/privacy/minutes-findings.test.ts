import { describe, expect, it } from "vitest";
import { compileMinutes } from "../../../src/domain/minutes/compile-minutes.js";
import type { MinutesDocument } from "../../../src/domain/minutes/document.js";
import {
  type PersonalDataFinding,
  personalDataIn,
} from "../../../src/domain/privacy/minutes-findings.js";
import type { ProtocolDocument } from "../../../src/domain/protocol/protocol-document.js";
import { seedMeeting } from "../minutes/seed-003-meeting.js";
import { exampleProtocol } from "../protocol/protokoll-example.js";

const POST: MinutesDocument = {
  locale: "sv",
  // Noterat's own words (the council's name and the date) are not checked.
  title: "Noterat från rådet 121212-1212",
  lede: "Frågor till sara.nord@region.se.",
  sections: [
    {
      ref: 12,
      kind: "decision",
      heading: "Bidrag till 811228-9874",
      paragraphs: ["Sökanden nås på 070-123 45 67.", "Beslutet gäller 811228-9874."],
      decision: { label: "Beslut § 6" },
      actions: [{ ref: 31, line: "Anna Lind: Ring 08-12 34 56 (senast 1 juni)" }],
    },
    {
      ref: 13,
      kind: "info",
      heading: "Budget 2027",
      paragraphs: ["1 250 000 kr, Dnr RS 2026/1187, beslutat 2026-12-07 kl. 13.00."],
      actions: [],
    },
  ],
  otherActions: {
    heading: "Övriga uppdrag",
    actions: [{ ref: 40, line: "Per Dal: Mejla per@kommun.se (senast 30 maj)" }],
  },
  closing: {
    heading: "Nästa möte",
    documents: { before: "Handlingar finns på ", url: "mailto:registrator@region.se", after: "." },
    nextMeeting: "Nästa möte är den 30 maj.",
  },
};

const PROTOCOL: ProtocolDocument = {
  locale: "sv",
  body: "Samverkansrådet Norr",
  title: "PROTOKOLL",
  dateLine: "Sammanträdesdatum 2027-02-08",
  header: [
    {
      label: "Plats och tid",
      value: "Regionens hus (tel. 063-14 30 00), 2027-02-08 kl. 13.00–15.00",
    },
    { label: "Paragrafer", value: "§ 1–10" },
  ],
  paragraphs: [
    {
      number: "§ 6",
      ref: 12,
      heading: "Bidrag till 811228-9874",
      paragraphs: ["Sökanden nås på 070-123 45 67."],
      parts: [
        { label: "Beslut", lines: ["Rådet beviljar bidraget."] },
        { label: "Reservation", lines: ["Cecilia Sjö (cecilia.sjo@region.se) reserverar sig."] },
      ],
    },
  ],
  // Added by Noterat after approval, never typed by a user: not checked.
  signatures: { heading: "Justering", rows: [{ label: "Anna Lind", value: "anna@region.se" }] },
  notice: { heading: "Anslag", text: "Tel. 070-999 88 77", rows: [] },
};

const POST_FINDINGS: PersonalDataFinding[] = [
  { place: { type: "lede" }, kind: "email", masked: "sa••.••••@••••••.se" },
  { place: { type: "item", ref: 12 }, kind: "personal-number", masked: "81••••-••74" },
  { place: { type: "item", ref: 12 }, kind: "phone", masked: "07•-••• •• 67" },
  { place: { type: "item", ref: 12 }, kind: "phone", masked: "08-•• •• 56" },
  { place: { type: "item", ref: 40 }, kind: "email", masked: "pe•@••••••.se" },
  { place: { type: "closing" }, kind: "email", masked: "re•••••••••@••••••.se" },
];

describe("personal data in the minutes", () => {
  it("names each finding in the post by its place, kind and masked match", () => {
    expect(personalDataIn(POST)).toEqual(POST_FINDINGS);
  });

  it("adds the protocol's findings once, however often the post and the protocol repeat them", () => {
    expect(personalDataIn({ ...POST, protocol: PROTOCOL })).toEqual([
      ...POST_FINDINGS,
      { place: { type: "protocol-header" }, kind: "phone", masked: "06•-•• •• 00" },
      { place: { type: "item", ref: 12 }, kind: "email", masked: "ce•••••.•••@••••••.se" },
    ]);
  });

  it("keeps two different matches that mask alike", () => {
    const post: MinutesDocument = {
      ...POST,
      lede: "Ring 070-123 45 67 eller 070-987 65 67.",
      sections: [],
      otherActions: undefined,
      closing: undefined,
    };
    expect(personalDataIn(post)).toEqual([
      { place: { type: "lede" }, kind: "phone", masked: "07•-••• •• 67" },
      { place: { type: "lede" }, kind: "phone", masked: "07•-••• •• 67" },
    ]);
  });

  it("finds nothing in real minutes and their protocol, with their dates, times and § numbers", () => {
    const minutes = compileMinutes(seedMeeting());
    expect(minutes.sections.length).toBeGreaterThan(0);
    expect(personalDataIn(minutes)).toEqual([]);
    expect(personalDataIn({ ...minutes, protocol: exampleProtocol() })).toEqual([]);
  });
});
