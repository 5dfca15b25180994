import { describe, expect, it } from "vitest";
import { compileProtocol } from "../../../src/domain/protocol/compile-protocol.js";
import { quorumOf } from "../../../src/domain/protocol/quorum.js";
import {
  EXAMPLE_PARAGRAPHS,
  EXAMPLE_STARTS_AT,
  exampleProtocol,
  exampleSource,
  paragraph,
} from "./protokoll-example.js";

const row = (label: string, value: string) => ({ label, value });

describe("compileProtocol", () => {
  it("lays out the example's head the way a Swedish protocol has it", () => {
    const doc = exampleProtocol();
    expect(doc.locale).toBe("sv");
    expect(doc.body).toBe("Samverkansrådet Norr");
    expect(doc.title).toBe("PROTOKOLL");
    expect(doc.dateLine).toBe("Sammanträdesdatum 2027-02-08");
    expect(doc.meetingDate).toBe("2027-02-08");
    expect(doc.header).toEqual([
      row("Plats och tid", "Regionens hus, Östersund, kl. 13.00"),
      row(
        "Beslutande",
        "Maria Ek (ordförande), Anna Lind, Bertil Holm, Cecilia Sjö, Erik Berg (ersättare för David Ås)",
      ),
      row("Övriga närvarande", "Sara Nord (sekreterare), Per Dal"),
      row("Frånvarande", "Frida Sund"),
      row("Utses att justera", "Anna Lind"),
      row("Justeringens plats och tid", "Digital justering, senast 2027-02-22"),
      row("Paragrafer", "§§ 1–10"),
    ]);
    expect(doc.quorumNote).toBeUndefined();
    expect(doc.signatures).toBeUndefined();
    expect(doc.notice).toBeUndefined();
  });

  it("gives every § its number and heading in source order, procedural ones their wording", () => {
    const doc = exampleProtocol();
    expect(doc.paragraphs.map((item) => `${item.number} ${item.heading}`)).toEqual(
      EXAMPLE_PARAGRAPHS.map((item) => `§ ${item.paragraph} ${item.heading}`),
    );
    expect(doc.paragraphs.map((item) => item.ref)).toEqual(EXAMPLE_PARAGRAPHS.map((p) => p.ref));
    expect(doc.paragraphs.map((item) => item.paragraphs)).toEqual([
      ["Ordföranden förklarar mötet öppnat."],
      ["Rådet beslutar att utse Anna Lind att jämte ordföranden justera dagens protokoll."],
      ["Dagordningen fastställs med tillägg av en punkt under Övriga frågor."],
      ["Protokollet från 2026-12-07 läggs till handlingarna."],
      [
        "Klara sedan förra mötet: #14 (Bertil Holm).\nÖppna: #17 Cecilia Sjö, senast 2027-03-01 (från § 31 2026).",
      ],
      [],
      ["Rådet informeras om tidplanen.", "Informationen läggs till handlingarna."],
      [],
      ["Inga övriga frågor."],
      ["Ordföranden förklarar mötet avslutat."],
    ]);
    // Only the decision has parts; an agenda point without text keeps its heading alone.
    expect(doc.paragraphs.map((item) => item.parts.length)).toEqual([0, 0, 0, 0, 0, 6, 0, 0, 0, 0]);
    expect(doc.paragraphs.filter((item) => item.immediate).map((item) => item.number)).toEqual([
      "§ 6",
    ]);
  });

  it("shows a decision's text under Beslut, then vote, dissent, remark, conflict and actions", () => {
    const decision = exampleProtocol().paragraphs[5];
    expect(decision?.parts).toEqual([
      { label: "Beslut", lines: ["Rådet fastställer budgeten enligt förslaget."] },
      { label: "Omröstning", lines: ["Ja 4, Nej 1."] },
      {
        label: "Reservation",
        lines: ["Cecilia Sjö reserverar sig mot beslutet: till förmån för eget yrkande."],
      },
      {
        label: "Protokollsanteckning",
        lines: ["Bertil Holm antecknar att kompetensförsörjningen bör prioriteras 2028."],
      },
      { label: "Jäv", lines: ["Erik Berg deltar inte i handläggningen på grund av jäv."] },
      { label: "Uppdrag", lines: ["Anna Lind och Bertil Holm: Redovisa utfallet (senast 1 juni)"] },
    ]);
    expect(decision?.immediate).toBe("Paragrafen förklaras omedelbart justerad.");
  });

  it("words abstentions, a dissent without text and a decision of several paragraphs", () => {
    const doc = exampleProtocol({
      paragraphs: [
        paragraph({
          paragraph: 4,
          kind: "decision",
          heading: "Yttrande",
          text: "Rådet antar yttrandet.\n\nYttrandet skickas till regionen.",
          vote: { yes: 4, no: 1, abstain: 2 },
          reservations: [
            { name: "Cecilia Sjö", text: "  " },
            { name: "Bertil Holm", text: "" },
          ],
        }),
      ],
    });
    expect(doc.header.at(-1)).toEqual(row("Paragrafer", "§ 4"));
    expect(doc.paragraphs[0]?.paragraphs).toEqual([]);
    expect(doc.paragraphs[0]?.parts).toEqual([
      {
        label: "Beslut",
        lines: ["Rådet antar yttrandet.", "Yttrandet skickas till regionen."],
      },
      { label: "Omröstning", lines: ["Ja 4, Nej 1, Avstår 2."] },
      {
        label: "Reservation",
        lines: [
          "Cecilia Sjö reserverar sig mot beslutet.",
          "Bertil Holm reserverar sig mot beslutet.",
        ],
      },
    ]);
  });

  it("says so when the meeting was not quorate", () => {
    const doc = exampleProtocol({
      quorum: quorumOf({ members: 7, membersPresent: 2, serving: 1 }),
    });
    expect(doc.quorumNote).toBe(
      "Mötet var inte beslutsmässigt: 3 av 7 ledamöter deltog (minst 4 behövs).",
    );
  });

  it("leaves attendance out when none was recorded, and says when no approver is chosen", () => {
    const doc = exampleProtocol({
      meeting: { startsAt: EXAMPLE_STARTS_AT, hasTime: false, place: null },
      deciding: [],
      others: [],
      absent: [],
      quorum: null,
      approvers: [],
      previousMeeting: null,
      followUp: [],
    });
    expect(doc.header).toEqual([
      row("Utses att justera", "Ej utsedda"),
      row("Justeringens plats och tid", "Digital justering, senast 2027-02-22"),
      row("Paragrafer", "§§ 1–10"),
    ]);
    expect(doc.quorumNote).toBeUndefined();
    expect(doc.paragraphs.map((item) => item.paragraphs[0])).toEqual([
      "Ordföranden förklarar mötet öppnat.",
      "Justerare utses senare.",
      "Dagordningen fastställs med tillägg av en punkt under Övriga frågor.",
      "Inget föregående protokoll.",
      "Inga öppna uppdrag.",
      undefined,
      "Rådet informeras om tidplanen.",
      undefined,
      "Inga övriga frågor.",
      "Ordföranden förklarar mötet avslutat.",
    ]);
  });

  it("keeps the deciding row when attendance was recorded with no one deciding", () => {
    const doc = exampleProtocol({
      deciding: [],
      quorum: quorumOf({ members: 5, membersPresent: 0, serving: 0 }),
    });
    expect(doc.header).toContainEqual(row("Beslutande", "Inga"));
    expect(doc.quorumNote).toBe(
      "Mötet var inte beslutsmässigt: 0 av 5 ledamöter deltog (minst 3 behövs).",
    );
  });

  it("shows the place alone for an all-day meeting, a substitute with no one named", () => {
    const doc = exampleProtocol({
      meeting: { startsAt: EXAMPLE_STARTS_AT, hasTime: false, place: "Regionens hus" },
      deciding: [{ name: "Erik Berg", role: "substitute" }],
      approvers: ["Anna Lind", "Bertil Holm"],
    });
    expect(doc.header.slice(0, 2)).toEqual([
      row("Plats och tid", "Regionens hus"),
      row("Beslutande", "Erik Berg (ersättare)"),
    ]);
    expect(doc.header).toContainEqual(row("Utses att justera", "Anna Lind och Bertil Holm"));
    expect(doc.paragraphs[1]?.paragraphs).toEqual([
      "Rådet beslutar att utse Anna Lind och Bertil Holm att jämte ordföranden justera dagens protokoll.",
    ]);
  });

  it("dates the meeting and the previous one in the council's zone, not in UTC", () => {
    // 00.30 on 8 February in Stockholm is still 7 February in UTC (and in New York).
    const doc = compileProtocol(
      exampleSource({
        meeting: { startsAt: new Date("2027-02-07T23:30:00Z"), hasTime: true, place: null },
        previousMeeting: new Date("2026-12-06T23:30:00Z"),
      }),
    );
    expect(doc.dateLine).toBe("Sammanträdesdatum 2027-02-08");
    expect(doc.header[0]).toEqual(row("Plats och tid", "kl. 0.30"));
    expect(doc.paragraphs[3]?.paragraphs).toEqual([
      "Protokollet från 2026-12-07 läggs till handlingarna.",
    ]);
  });

  it("writes the whole protocol in English for an English council", () => {
    const doc = exampleProtocol({
      locale: "en",
      quorum: quorumOf({ members: 7, membersPresent: 3, serving: 0 }),
    });
    expect([doc.title, doc.dateLine]).toEqual(["MINUTES", "Date of meeting 2027-02-08"]);
    expect(doc.header).toEqual([
      row("Place and time", "Regionens hus, Östersund, 13:00"),
      row(
        "Voting members",
        "Maria Ek (chair), Anna Lind, Bertil Holm, Cecilia Sjö, Erik Berg (substitute for David Ås)",
      ),
      row("Also present", "Sara Nord (secretary), Per Dal"),
      row("Absent", "Frida Sund"),
      row("Appointed to approve", "Anna Lind"),
      row("Approval, place and time", "Digital approval, by 2027-02-22"),
      row("Paragraphs", "§§ 1–10"),
    ]);
    expect(doc.quorumNote).toBe(
      "The meeting was not quorate: 3 of 7 members took part (at least 4 needed).",
    );
    expect(doc.paragraphs.map((item) => item.paragraphs[0])).toEqual([
      "The chair declares the meeting open.",
      "The council appoints Anna Lind to approve today's minutes together with the chair.",
      "Dagordningen fastställs med tillägg av en punkt under Övriga frågor.",
      "The minutes of 2026-12-07 are placed on file.",
      "Klara sedan förra mötet: #14 (Bertil Holm).\nÖppna: #17 Cecilia Sjö, senast 2027-03-01 (från § 31 2026).",
      undefined,
      "Rådet informeras om tidplanen.",
      undefined,
      "There is no other business.",
      "The chair declares the meeting closed.",
    ]);
    expect(doc.paragraphs[5]?.parts.map((part) => [part.label, ...part.lines])).toEqual([
      ["Decision", "Rådet fastställer budgeten enligt förslaget."],
      ["Vote", "Yes 4, No 1."],
      ["Dissent", "Cecilia Sjö dissents from the decision: till förmån för eget yrkande."],
      [
        "Statement for the record",
        "Bertil Holm antecknar att kompetensförsörjningen bör prioriteras 2028.",
      ],
      [
        "Conflict of interest",
        "Erik Berg takes no part in the matter because of a conflict of interest.",
      ],
      ["Actions", "Anna Lind and Bertil Holm: Redovisa utfallet (by June 1)"],
    ]);
    expect(doc.paragraphs[5]?.immediate).toBe("This paragraph is declared approved immediately.");
  });
});
