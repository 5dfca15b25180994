import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ProtocolDocument } from "../../src/domain/protocol/protocol-document.js";
import type { Reply } from "../../src/domain/reply.js";
import { ChatSession } from "../support/chat-session.js";
import { FixedClock } from "../support/console-harness.js";
import { openTempDatabase, type TempDatabase, tableCounts } from "../support/temp-database.js";

// Protocol mode (architecture.md §12) on the local surface, a whole meeting at a time: the register,
// attendance and quorum, procedural §§, what a § records, omedelbar justering, justering by the
// chair and the chosen justerare, publishing, the anslag — and what is refused on the way.

/** Monday 8 February 2027, 09:00 in Stockholm: the meeting is at 13:00 today. */
const MEETING_DAY = "2027-02-08T08:00:00Z";

/** The §§ a protocol-mode meeting plans (#1–#7), in a protocol's order. */
const OPENING = [
  "Mötets öppnande",
  "Val av justerare",
  "Fastställande av dagordning",
  "Föregående protokoll",
  "Uppföljning av uppdrag",
];
const CLOSING = ["Övriga frågor", "Mötets avslutande"];

const NOT_FOUND = (ref: number) => `Det finns ingen punkt eller inget uppdrag med nummer #${ref}.`;

/** The protocol a reply shows (`protokoll`), or a failure naming what the reply said. */
function protocolOf(reply: Reply): ProtocolDocument {
  const block = reply.blocks.find((candidate) => candidate.type === "protocol");
  if (block?.type !== "protocol") throw new Error(`no protocol in ${JSON.stringify(reply)}`);
  return block.document;
}

function checksumIn(text: string): string {
  const checksum = /kontrollsumma ([0-9a-f]{12})/.exec(text)?.[1];
  if (checksum === undefined) throw new Error(`no checksum in: ${text}`);
  return checksum;
}

describe("protocol mode on the local surface", () => {
  let db: TempDatabase;
  let clock: FixedClock;
  let chat: ChatSession;
  const say = async (user: string, text: string) => (await chat.say(user, text)).text;
  const counts = () => tableCounts(db.database);
  const meeting = () =>
    db.database.prisma.meeting.findFirstOrThrow({
      where: { startsAt: new Date("2027-02-08T12:00:00Z") },
    });

  /**
   * Samverkansrådet Norr in protocol mode: Maria chairs and is a member, Sara is the secretary
   * and no member, five ordinary members and Erik as substitute; today's meeting is planned.
   */
  async function council(): Promise<void> {
    expect(await say("Sara", "råd Samverkansrådet Norr")).toContain("Sara är rådets sekreterare");
    expect(await say("Sara", "läge protokoll")).toBe(
      "Samverkansrådet Norr för nu protokoll: §§ på varje punkt, närvaro, justerare och justering inom tidsfristen. Börja med `ledamot @…` och `möte DATUM`.",
    );
    await say("Sara", "roll @Maria ordförande");
    expect(await say("Sara", "ledamot @Maria @Anna @Bertil @Cecilia @David")).toBe(
      "I registret som ledamot: Maria, Anna, Bertil, Cecilia och David.",
    );
    expect(await say("Sara", "ersättare @Erik")).toBe("I registret som ersättare: Erik.");
    expect(await say("Sara", "möte idag kl 13 Östersund")).toBe(
      "Möte planerat: måndag 8 februari kl. 13.00, Östersund.\n\nProtokollets inledande och avslutande paragrafer är planerade; fyll i dem med `ändra ID TEXT`.",
    );
  }

  /** Everyone there but David, for whom Erik serves; the meeting is quorate. */
  async function attendance(): Promise<void> {
    expect(await say("Sara", "närvarande @Maria @Anna @Bertil @Cecilia @Sara")).toBe(
      "Närvarande: Maria, Anna, Bertil, Cecilia och Sara.\n\nMötet är beslutsmässigt: 4 av 5 ledamöter deltar.",
    );
    expect(await say("Sara", "frånvarande @David")).toBe(
      "Frånvarande: David.\n\nMötet är beslutsmässigt: 4 av 5 ledamöter deltar.",
    );
    expect(await say("Sara", "ersättare @Erik för @David")).toBe(
      "Erik tjänstgör för David.\n\nMötet är beslutsmässigt: 5 av 5 ledamöter deltar.",
    );
  }

  /** #8 a decision, #9 information, #10 a decision; Anna and Bertil approve with the chair. */
  async function business(): Promise<void> {
    expect(
      await say("Sara", "beslut Budget 2027: Rådet fastställer budgeten enligt förslaget."),
    ).toBe("Beslut #8: Budget 2027 (§ sätts vid justeringen)");
    expect(await say("Sara", "noterat Länstransportplanen: Rådet informerades om tidplanen.")).toBe(
      "Noterat #9: Länstransportplanen",
    );
    expect(await say("Sara", "beslut Lokal: Rådet hyr Stadshuset.")).toBe(
      "Beslut #10: Lokal (§ sätts vid justeringen)",
    );
    expect(await say("Sara", "justerare @Anna @Bertil")).toBe(
      "Att jämte ordföranden justera protokollet utses Anna och Bertil.",
    );
  }

  beforeEach(async () => {
    db = await openTempDatabase();
    clock = new FixedClock(MEETING_DAY);
    chat = new ChatSession(db.store, clock, "norr");
  });
  afterEach(async () => {
    await db.cleanup();
  });

  it("keeps a whole meeting, from `läge protokoll` to the published protocol with its signatures and anslag", async () => {
    await council();
    await attendance();
    // The procedural §§ are on the agenda; the first is filled in with `ändra`.
    const agenda = await say("Sara", "dagordning");
    for (const [index, heading] of [...OPENING, ...CLOSING].entries()) {
      expect(agenda).toContain(`#${index + 1} ${heading}`);
    }
    expect(await say("Sara", "ändra 1 Ordföranden Maria Ek förklarar mötet öppnat.")).toBe(
      "Ändrat #1.",
    );
    await business();

    // What the protocol records under § Budget 2027.
    expect(await say("Sara", "votering 8 4 1")).toBe("Omröstning i #8: ja 4, nej 1.");
    expect(await say("Sara", "reservation 8 @Cecilia till förmån för eget yrkande")).toBe(
      "Cecilia reserverar sig mot beslutet i #8.",
    );
    expect(await say("Sara", "anteckning 8 Kompetensförsörjningen bör prioriteras 2028.")).toBe(
      "Protokollsanteckning förd under #8.",
    );
    expect(await say("Sara", "jäv 8 @Erik")).toBe("Erik deltar inte i handläggningen av #8 (jäv).");

    // § Lokal is approved at the meeting and posted alone.
    expect(await say("Sara", "omedelbar 10")).toBe(
      "#10 justeras omedelbart: ordföranden och justerarna skriver `justera 10`.",
    );
    expect(await say("Maria", "justera 10")).toBe(
      "Maria har justerat § 8 (#10). Väntar på Anna och Bertil.",
    );
    expect(await say("Sara", "publicera 10")).toBe(
      "#10 är inte justerad än av alla som ska justera.",
    );
    expect(await say("Anna", "justera 10")).toBe("Anna har justerat § 8 (#10). Väntar på Bertil.");
    expect(await say("Bertil", "justera 10")).toBe(
      "§ 8 (#10) är omedelbart justerad och kan publiceras för sig med `publicera 10`.",
    );
    expect(chat.publications).toEqual([]);
    expect(await say("Sara", "publicera 10")).toBe(
      "”Protokollsutdrag: Noterat från Samverkansrådet Norr 8 februari, § 8” är publicerad i 1 av 1 kanal.",
    );
    const [extract] = chat.publications;
    expect(extract?.extractRef).toBe(10);
    expect(extract?.document.sections.map((section) => section.ref)).toEqual([10]);
    const extracted = extract?.document.protocol;
    expect(extracted?.paragraphs).toEqual([
      {
        number: "§ 8",
        ref: 10,
        heading: "Lokal",
        paragraphs: [],
        parts: [{ label: "Beslut", lines: ["Rådet hyr Stadshuset."] }],
        immediate: "Paragrafen förklaras omedelbart justerad.",
      },
    ]);
    expect(extracted?.signatures?.rows.map((row) => row.label)).toEqual([
      "Ordförande",
      "Justerare",
      "Justerare",
    ]);
    // The meeting's own protocol is still a draft.
    expect((await meeting()).minutesStatus).toBe("draft");

    // The draft, shown to the secretary, with every part of the decision.
    const draft = await chat.say("Sara", "protokoll");
    const shown = protocolOf(draft.reply);
    expect(shown.header).toEqual([
      { label: "Plats och tid", value: "Östersund, kl. 13.00" },
      {
        label: "Beslutande",
        value: "Maria (ordförande), Anna, Bertil, Cecilia, Erik (ersättare för David)",
      },
      { label: "Övriga närvarande", value: "Sara (sekreterare)" },
      { label: "Utses att justera", value: "Anna och Bertil" },
      { label: "Justeringens plats och tid", value: "Digital justering, senast 2027-02-22" },
      { label: "Paragrafer", value: "§§ 1–10" },
    ]);
    expect(shown.quorumNote).toBeUndefined();
    expect(shown.paragraphs.find((paragraph) => paragraph.ref === 8)?.parts).toEqual([
      { label: "Beslut", lines: ["Rådet fastställer budgeten enligt förslaget."] },
      { label: "Omröstning", lines: ["Ja 4, Nej 1."] },
      {
        label: "Reservation",
        lines: ["Cecilia reserverar sig mot beslutet: till förmån för eget yrkande"],
      },
      { label: "Protokollsanteckning", lines: ["Kompetensförsörjningen bör prioriteras 2028."] },
      { label: "Jäv", lines: ["Erik deltar inte i handläggningen på grund av jäv."] },
    ]);
    expect(draft.text).toContain(
      "Utkast. Ordföranden och justerarna justerar med `justera`; när alla har justerat publicerar sekreteraren.",
    );

    // Justering: the chair, then each approver; the last one makes it justerat.
    clock.set("2027-02-09T08:14:00Z");
    const chair = await say("Maria", "justera");
    expect(chair).toMatch(
      /^Maria har justerat protokollet från mötet 8 februari \(kontrollsumma [0-9a-f]{12}\)\. Väntar på Anna och Bertil\.$/,
    );
    const checksum = checksumIn(chair);
    expect(await say("Sara", "publicera")).toContain("inte justerade");
    clock.set("2027-02-10T10:02:00Z");
    expect(await say("Anna", "justera")).toBe(
      `Anna har justerat protokollet från mötet 8 februari (kontrollsumma ${checksum}). Väntar på Bertil.`,
    );
    expect((await meeting()).minutesStatus).toBe("draft");
    // Friday: the notice goes up on Monday.
    clock.set("2027-02-12T07:40:00Z");
    expect(await say("Bertil", "justera")).toBe(
      `Protokollet från mötet 8 februari är justerat: Bertil skrev sist (kontrollsumma ${checksum}). Sekreteraren publicerar det med \`publicera\`.`,
    );
    const justerad = await meeting();
    expect(justerad).toMatchObject({
      minutesStatus: "approved",
      approvedAt: new Date("2027-02-12T07:40:00Z"),
    });
    const snapshot = await db.database.prisma.minutesSnapshot.findUniqueOrThrow({
      where: { id: justerad.approvedSnapshotId ?? "" },
    });
    expect(snapshot.sha256.slice(0, 12)).toBe(checksum);
    // Every § has its number in the council's series, procedural ones too.
    const items = await db.database.prisma.item.findMany({
      where: { meetingId: justerad.id },
      orderBy: { paragraph: "asc" },
    });
    expect(items.map((item) => [item.paragraph, item.ref])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [5, 5],
      [6, 8],
      [7, 9],
      [8, 10],
      [9, 6],
      [10, 7],
    ]);

    clock.set("2027-02-12T09:00:00Z");
    expect(await say("Sara", "publicera")).toBe(
      "”Noterat från Samverkansrådet Norr 8 februari” är publicerad i 1 av 1 kanal.",
    );
    const published = chat.publications.at(-1);
    expect(published?.extractRef).toBeUndefined();
    expect(published?.document.title).toBe("Noterat från Samverkansrådet Norr 8 februari");
    expect(published?.document.checksum?.sha256).toBe(snapshot.sha256);
    const protocol = published?.document.protocol;
    expect(protocol?.title).toBe("PROTOKOLL");
    expect(protocol?.paragraphs.map((paragraph) => [paragraph.number, paragraph.heading])).toEqual([
      ["§ 1", "Mötets öppnande"],
      ["§ 2", "Val av justerare"],
      ["§ 3", "Fastställande av dagordning"],
      ["§ 4", "Föregående protokoll"],
      ["§ 5", "Uppföljning av uppdrag"],
      ["§ 6", "Budget 2027"],
      ["§ 7", "Länstransportplanen"],
      ["§ 8", "Lokal"],
      ["§ 9", "Övriga frågor"],
      ["§ 10", "Mötets avslutande"],
    ]);
    expect(protocol?.paragraphs[0]?.paragraphs).toEqual([
      "Ordföranden Maria Ek förklarar mötet öppnat.",
    ]);
    expect(protocol?.paragraphs[1]?.paragraphs).toEqual([
      "Rådet beslutar att utse Anna och Bertil att jämte ordföranden justera dagens protokoll.",
    ]);
    expect(protocol?.signatures).toEqual({
      heading: "Underskrifter",
      rows: [
        {
          label: "Ordförande",
          value: `Maria — Justerat digitalt 2027-02-09 09.14, kontrollsumma ${checksum}`,
        },
        {
          label: "Justerare",
          value: `Anna — Justerat digitalt 2027-02-10 11.02, kontrollsumma ${checksum}`,
        },
        {
          label: "Justerare",
          value: `Bertil — Justerat digitalt 2027-02-12 08.40, kontrollsumma ${checksum}`,
        },
      ],
    });
    expect((await meeting()).minutesStatus).toBe("published");

    // The anslag: off by default, then its dates.
    expect(await say("Anna", "anslag")).toBe(
      "Rådet anslår inte justerade protokoll. Sekreteraren slår på det med `anslag på`.",
    );
    expect(await say("Sara", "anslag på")).toBe(
      "Justerade protokoll anslås från och med nu. `anslag` visar datumen.",
    );
    expect(await say("Anna", "anslag")).toBe(
      "Protokollet från mötet 8 februari: anslaget sätts upp 15 februari och tas ned 8 mars. Sista dag att överklaga är 8 mars.",
    );
    expect(protocolOf((await chat.say("Sara", "protokoll 8 februari")).reply).notice?.rows).toEqual(
      [
        { label: "Organ", value: "Samverkansrådet Norr" },
        { label: "Sammanträdesdatum", value: "2027-02-08" },
        { label: "Datum då anslaget sätts upp", value: "2027-02-15" },
        { label: "Datum då anslaget tas ned", value: "2027-03-08" },
        { label: "Sista dag för överklagande", value: "2027-03-08" },
      ],
    );
  });

  it("warns when the meeting is not quorate, and the protocol says so", async () => {
    await council();
    expect(await say("Sara", "närvarande @Maria @Anna @Sara")).toBe(
      "Närvarande: Maria, Anna och Sara.\n\nObs! Mötet är inte beslutsmässigt: 2 av 5 ledamöter deltar, minst 3 behövs. Det står i protokollet.",
    );
    expect(
      await say("Sara", "beslut Budget 2027: Rådet fastställer budgeten enligt förslaget."),
    ).toBe(
      "Beslut #8: Budget 2027 (§ sätts vid justeringen)\n\nObs! Mötet är inte beslutsmässigt: 2 av 5 ledamöter deltar, minst 3 behövs. Det står i protokollet.",
    );
    expect(await db.database.prisma.item.count({ where: { ref: 8, kind: "decision" } })).toBe(1);
    const shown = protocolOf((await chat.say("Sara", "protokoll")).reply);
    expect(shown.quorumNote).toBe(
      "Mötet var inte beslutsmässigt: 2 av 5 ledamöter deltog (minst 3 behövs).",
    );
    expect(shown.header).toContainEqual({ label: "Frånvarande", value: "Bertil, Cecilia, David" });
    // A substitute serving for an absent member counts for them.
    await say("Sara", "frånvarande @Bertil");
    expect(await say("Sara", "ersättare @Erik för @Bertil")).toBe(
      "Erik tjänstgör för Bertil.\n\nMötet är beslutsmässigt: 3 av 5 ledamöter deltar.",
    );
    expect(protocolOf((await chat.say("Sara", "protokoll")).reply).quorumNote).toBeUndefined();
  });

  describe("refuses bad input with a clear reply and stores nothing", () => {
    beforeEach(async () => {
      await council();
      await attendance();
      await business();
      await say("Sara", "omedelbar 10");
      // The chair has signed both the protocol and § Lokal once.
      expect(await say("Maria", "justera")).toContain("Väntar på Anna och Bertil");
      expect(await say("Maria", "justera 10")).toContain("Väntar på Anna och Bertil");
    });

    it.each([
      [
        "Sara",
        "närvarande @Stranger",
        "Stranger finns inte i rådets register. Lägg till med `ledamot @…`.",
      ],
      [
        "Sara",
        "reservation 9 @Cecilia",
        "#9 är inget beslut: reservation och omröstning gäller beslut.",
      ],
      ["Sara", "votering 9 3 1", "#9 är inget beslut: reservation och omröstning gäller beslut."],
      [
        "Sara",
        "votering 8 4 1 1",
        "Fler röster (6) än de som får rösta (5). Kontrollera närvaron med `närvarande`.",
      ],
      ["Maria", "justera", "Du har redan justerat."],
      ["Maria", "justera 10", "Du har redan justerat."],
      ["Cecilia", "justera", "Protokollet justeras av ordföranden och de utsedda justerarna."],
      ["Cecilia", "justera 10", "Protokollet justeras av ordföranden och de utsedda justerarna."],
      ["Maria", "justera 99", NOT_FOUND(99)],
      ["Sara", "publicera 99", NOT_FOUND(99)],
    ])("%s: `%s`", async (user, typed, reply) => {
      const before = await counts();
      const approvals = await db.database.prisma.minutesApproval.findMany();
      expect(await say(user, typed)).toBe(reply);
      expect(await counts()).toEqual(before);
      expect(await db.database.prisma.minutesApproval.findMany()).toEqual(approvals);
      expect((await meeting()).minutesStatus).toBe("draft");
    });
  });

  it("does not find a § of another council", async () => {
    await council();
    await attendance();
    await business();
    // Reglab, in another channel, has items #11 and #12; Norr's refs end at #10.
    const reglab = new ChatSession(db.store, clock, "reglab");
    await reglab.say("Sara", "råd Reglab");
    await reglab.say("Sara", "läge protokoll");
    await reglab.say("Sara", "ledamot @Anna @Cecilia");
    await reglab.say("Sara", "möte idag kl 10 Sundsvall");
    for (const heading of ["Ett", "Två", "Tre", "Fyra", "Fem"]) {
      await reglab.say("Sara", `beslut ${heading}: Rådet beslutar.`);
    }
    const theirs = await db.database.prisma.item.findMany({
      where: { ref: { in: [11, 12] } },
      include: { council: true },
    });
    expect(theirs.map((item) => [item.ref, item.council.name])).toEqual([
      [11, "Reglab"],
      [12, "Reglab"],
    ]);

    const before = await counts();
    for (const [user, typed, ref] of [
      ["Sara", "omedelbar 12", 12],
      ["Sara", "votering 11 2 0", 11],
      ["Sara", "reservation 11 @Cecilia", 11],
      ["Sara", "anteckning 12 Ska inte synas.", 12],
      ["Sara", "jäv 12 @Anna", 12],
      ["Maria", "justera 12", 12],
      ["Sara", "publicera 12", 12],
    ] as const) {
      expect(await say(user, typed), typed).toBe(NOT_FOUND(ref));
    }
    expect(await counts()).toEqual(before);
    expect(
      await db.database.prisma.item.findMany({ where: { ref: { in: [11, 12] } } }),
    ).toMatchObject([
      { immediate: false, voteYes: null },
      { immediate: false, voteYes: null },
    ]);
  });

  it("chooses justerare by rota over the meetings: B, C, D, B, and skips the absent", async () => {
    await say("Sara", "råd Rotarådet");
    await say("Sara", "läge protokoll");
    await say("Sara", "roll @Alva ordförande");
    await say("Sara", "ledamot @Alva @Bo @Cilla @Dan");
    const rota = async (day: string): Promise<string> => {
      clock.set(`${day}T08:00:00Z`);
      await say("Sara", "möte idag kl 13");
      return say("Sara", "justerare");
    };
    const inTurn = (name: string) =>
      `Näst i tur att justera är ${name}, som utses att jämte ordföranden justera protokollet.`;
    expect(await rota("2027-02-08")).toBe(inTurn("Bo"));
    expect(await rota("2027-02-15")).toBe(inTurn("Cilla"));
    expect(await rota("2027-02-22")).toBe(inTurn("Dan"));
    expect(await rota("2027-03-01")).toBe(inTurn("Bo"));
    // Cilla, next in turn, is absent from the fifth meeting.
    clock.set("2027-03-08T08:00:00Z");
    await say("Sara", "möte idag kl 13");
    await say("Sara", "närvarande @Alva @Bo @Dan @Sara");
    await say("Sara", "frånvarande @Cilla");
    expect(await say("Sara", "justerare")).toBe(inTurn("Dan"));
    const chosen = await db.database.prisma.meetingApprover.findMany({
      include: { person: true, meeting: true },
      orderBy: { meeting: { startsAt: "asc" } },
    });
    expect(chosen.map((row) => row.person.displayName)).toEqual([
      "Bo",
      "Cilla",
      "Dan",
      "Bo",
      "Dan",
    ]);
  });

  it("voids the signatures when the protocol is changed after one of two, and both sign again", async () => {
    await council();
    await attendance();
    await business();
    await say("Sara", "justerare @Anna");
    const first = await say("Maria", "justera");
    expect(first).toContain("Väntar på Anna.");
    const before = checksumIn(first);

    clock.set("2027-02-09T09:30:00Z");
    expect(
      await say("Sara", "ändra 8 Budget 2027: Rådet fastställer budgeten med ändringar."),
    ).toBe("Ändrat #8.");
    const [voided] = await db.database.prisma.minutesApproval.findMany();
    expect(voided?.voidedAt).toEqual(new Date("2027-02-09T09:30:00Z"));
    const reopened = await db.database.prisma.auditEntry.findFirstOrThrow({
      where: { action: "reopened" },
    });
    expect(JSON.parse(reopened.after ?? "{}")).toMatchObject({
      cause: { entityType: "item", ref: 8, change: "changed" },
    });

    // Anna signs what it now says; the chair's earlier signature no longer counts.
    const anna = await say("Anna", "justera");
    expect(anna).toContain("Väntar på Maria.");
    const after = checksumIn(anna);
    expect(after).not.toBe(before);
    expect(await say("Maria", "justera")).toBe(
      `Protokollet från mötet 8 februari är justerat: Maria skrev sist (kontrollsumma ${after}). Sekreteraren publicerar det med \`publicera\`.`,
    );
    const signed = protocolOf((await chat.say("Sara", "protokoll")).reply).signatures?.rows;
    expect(signed?.map((row) => row.value)).toEqual([
      `Maria — Justerat digitalt 2027-02-09 10.30, kontrollsumma ${after}`,
      `Anna — Justerat digitalt 2027-02-09 10.30, kontrollsumma ${after}`,
    ]);
    expect(
      await db.database.prisma.minutesApproval.count({ where: { voidedAt: { not: null } } }),
    ).toBe(1);
  });

  it("lists the register with every role a person holds", async () => {
    await council();
    await say("Sara", "ledamot @Sara");
    expect(await say("Anna", "medlemmar")).toBe(
      [
        "Registret för Samverkansrådet Norr",
        "  Maria – ordförande och ledamot",
        "  Sara – sekreterare och ledamot",
        "  Anna – ledamot",
        "  Bertil – ledamot",
        "  Cecilia – ledamot",
        "  David – ledamot",
        "  Erik – ersättare",
      ].join("\n"),
    );
    const english = new ChatSession(db.store, clock, "english", "en");
    await english.say("Eva", "council Northern council");
    await english.say("Eva", "mode protocol");
    await english.say("Eva", "role @Maria chair");
    await english.say("Eva", "member @Maria @Anna");
    expect((await english.say("Anna", "members")).text).toBe(
      [
        "The register of Northern council",
        "  Maria – chair and member",
        "  Eva – secretary",
        "  Anna – member",
      ].join("\n"),
    );
  });
});
