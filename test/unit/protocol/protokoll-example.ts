import { compileProtocol } from "../../../src/domain/protocol/compile-protocol.js";
import type { ProtocolDocument } from "../../../src/domain/protocol/protocol-document.js";
import type {
  ProtocolSource,
  ProtocolSourceParagraph,
} from "../../../src/domain/protocol/protocol-source.js";
import { quorumOf } from "../../../src/domain/protocol/quorum.js";
import { HOSTILE } from "../render/hostile-minutes.js";

// The meeting of ../shared/examples/protokoll.md as the handlers would gather it: ten §§ with
// the procedural ones, a vote, a dissent, a remark, a conflict, an immediate §, a substitute.

/** 13.00 in Stockholm (CET, UTC+1). */
export const EXAMPLE_STARTS_AT = new Date("2027-02-08T12:00:00Z");

export function paragraph(
  overrides: Partial<ProtocolSourceParagraph> & Pick<ProtocolSourceParagraph, "paragraph">,
): ProtocolSourceParagraph {
  return {
    ref: 20 + overrides.paragraph,
    kind: "agenda",
    procedure: null,
    heading: `Punkt ${overrides.paragraph}`,
    text: "",
    vote: null,
    reservations: [],
    remarks: [],
    conflicts: [],
    immediate: false,
    actions: [],
    ...overrides,
  };
}

export const EXAMPLE_PARAGRAPHS: ProtocolSourceParagraph[] = [
  paragraph({ paragraph: 1, procedure: "opening", heading: "Mötets öppnande" }),
  paragraph({ paragraph: 2, procedure: "approvers", heading: "Val av justerare" }),
  paragraph({
    paragraph: 3,
    procedure: "agenda",
    heading: "Fastställande av dagordning",
    kind: "info",
    text: "Dagordningen fastställs med tillägg av en punkt under Övriga frågor.",
  }),
  paragraph({ paragraph: 4, procedure: "previous", heading: "Föregående protokoll" }),
  paragraph({ paragraph: 5, procedure: "follow-up", heading: "Uppföljning av uppdrag" }),
  paragraph({
    paragraph: 6,
    kind: "decision",
    heading: "Budget för samverkansarbetet 2027 (Dnr RS 2026/1187)",
    text: "Rådet fastställer budgeten enligt förslaget.",
    vote: { yes: 4, no: 1, abstain: null },
    reservations: [{ name: "Cecilia Sjö", text: "till förmån för eget yrkande." }],
    remarks: ["Bertil Holm antecknar att kompetensförsörjningen bör prioriteras 2028."],
    conflicts: ["Erik Berg"],
    immediate: true,
    actions: [
      {
        ref: 31,
        itemRef: 26,
        text: "Redovisa utfallet",
        assignees: ["Anna Lind", "Bertil Holm"],
        due: { year: 2027, month: 6, day: 1 },
      },
    ],
  }),
  paragraph({
    paragraph: 7,
    kind: "info",
    heading: "Information om länstransportplanen",
    text: "Rådet informeras om tidplanen.\n\nInformationen läggs till handlingarna.",
  }),
  paragraph({ paragraph: 8, heading: "Kompetensförsörjning" }),
  paragraph({ paragraph: 9, procedure: "other", heading: "Övriga frågor" }),
  paragraph({ paragraph: 10, procedure: "closing", heading: "Mötets avslutande" }),
];

export function exampleSource(overrides: Partial<ProtocolSource> = {}): ProtocolSource {
  return {
    locale: "sv",
    timeZone: "Europe/Stockholm",
    now: new Date("2027-02-08T15:00:00Z"),
    council: { name: "Samverkansrådet Norr" },
    meeting: { startsAt: EXAMPLE_STARTS_AT, hasTime: true, place: "Regionens hus, Östersund" },
    deciding: [
      { name: "Maria Ek", role: "chair" },
      { name: "Anna Lind", role: "member" },
      { name: "Bertil Holm", role: "member" },
      { name: "Cecilia Sjö", role: "member" },
      { name: "Erik Berg", role: "substitute", substituteFor: "David Ås" },
    ],
    others: [
      { name: "Sara Nord", role: "secretary" },
      { name: "Per Dal", role: "other" },
    ],
    absent: ["Frida Sund"],
    quorum: quorumOf({ members: 6, membersPresent: 4, serving: 1 }),
    approvers: ["Anna Lind"],
    deadline: { year: 2027, month: 2, day: 22 },
    previousMeeting: new Date("2026-12-07T12:00:00Z"),
    followUp: [
      "Klara sedan förra mötet: #14 (Bertil Holm).",
      "Öppna: #17 Cecilia Sjö, senast 2027-03-01 (från § 31 2026).",
    ],
    paragraphs: EXAMPLE_PARAGRAPHS,
    ...overrides,
  };
}

export function exampleProtocol(overrides: Partial<ProtocolSource> = {}): ProtocolDocument {
  return compileProtocol(exampleSource(overrides));
}

/** A protocol whose every user-typed part tries to become markup in the renderer's target. */
export function hostileProtocol(): ProtocolDocument {
  return exampleProtocol({
    council: { name: HOSTILE.council },
    meeting: { startsAt: EXAMPLE_STARTS_AT, hasTime: true, place: HOSTILE.documentsUrl },
    deciding: [{ name: HOSTILE.assignee, role: "chair" }],
    others: [{ name: "| cell | break", role: "other" }],
    approvers: [HOSTILE.assignee],
    paragraphs: [
      paragraph({ paragraph: 1, kind: "info", heading: HOSTILE.heading, text: HOSTILE.text }),
      paragraph({
        paragraph: 2,
        kind: "decision",
        heading: HOSTILE.decisionHeading,
        text: HOSTILE.action,
        reservations: [{ name: HOSTILE.assignee, text: "<!channel> & [x](y)" }],
        remarks: ["*fet* _kursiv_ ~struken~ `kod`"],
        actions: [{ ref: 9, itemRef: 22, text: HOSTILE.action, assignees: [], due: null }],
      }),
    ],
  });
}

/** A protocol of `count` §§, each a decision with a long text and every part, for the limits. */
export function largeProtocol(count: number): ProtocolDocument {
  const sentence = "Rådet diskuterade ärendet ingående och konstaterade att läget är oförändrat. ";
  return exampleProtocol({
    paragraphs: Array.from({ length: count }, (_, index) =>
      paragraph({
        paragraph: index + 1,
        kind: "decision",
        heading: `Ärende nummer ${index + 1}`,
        text: `${sentence.repeat(8 + (index % 5) * 10)}\n\nBeslut i ärende ${index + 1}.`,
        vote: { yes: 5, no: 1, abstain: 1 },
        reservations: [{ name: "Cecilia Sjö", text: "till förmån för eget yrkande." }],
        remarks: [`Anteckning till § ${index + 1}.`],
        conflicts: ["Erik Berg"],
        immediate: index % 7 === 0,
      }),
    ),
  });
}
