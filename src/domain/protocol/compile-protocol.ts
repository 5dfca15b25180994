import { isoDate } from "../dates/local-date.js";
import { localDateOf, toLocal } from "../dates/zoned-time.js";
import type { MessageKey } from "../i18n/catalog.js";
import { type DateContext, formatClock } from "../i18n/format-date.js";
import { joinList } from "../i18n/join-list.js";
import { createTranslator, type Translator } from "../i18n/translator.js";
import { actionLine } from "../minutes/action-line.js";
import { splitParagraphs } from "../minutes/paragraphs.js";
import type {
  ProtocolDocument,
  ProtocolParagraph,
  ProtocolPart,
  ProtocolRow,
} from "./protocol-document.js";
import type { ProtocolPerson, ProtocolSource, ProtocolSourceParagraph } from "./protocol-source.js";

// Builds the protocol (architecture.md §12) in the order and wording of a Swedish protokoll
// (../shared/examples/protokoll.md). Pure: the clock and the zone come in with the source.

export function compileProtocol(source: ProtocolSource): ProtocolDocument {
  const t = createTranslator(source.locale);
  const ctx: DateContext = { locale: source.locale, timeZone: source.timeZone, now: source.now };
  const meetingDate = isoDate(localDateOf(source.meeting.startsAt, source.timeZone));
  const { quorum } = source;
  return {
    locale: source.locale,
    body: source.council.name.trim(),
    title: t.t("protocol.title"),
    dateLine: t.t("protocol.date-line", { date: meetingDate }),
    meetingDate,
    header: compileHeader(source, t),
    ...(quorum && !quorum.met
      ? {
          quorumNote: t.t("protocol.quorum.not-met", {
            deciding: quorum.deciding,
            members: quorum.members,
            needed: quorum.needed,
          }),
        }
      : {}),
    paragraphs: source.paragraphs.map((paragraph) => compileParagraph(paragraph, source, t, ctx)),
  };
}

function compileHeader(source: ProtocolSource, t: Translator): ProtocolRow[] {
  const row = (key: MessageKey, value: string): ProtocolRow => ({
    label: t.t(key),
    value,
  });
  const placeAndTime = [
    source.meeting.place?.trim() ?? "",
    source.meeting.hasTime
      ? t.t("protocol.time", {
          time: formatClock(toLocal(source.meeting.startsAt, source.timeZone), source.locale),
        })
      : "",
  ].filter((part) => part !== "");
  const people = (persons: ProtocolPerson[]) => persons.map((person) => personName(person, t));
  const approvers = chosenApprovers(source);
  const numbers = paragraphNumbers(source.paragraphs, t);
  return [
    ...(placeAndTime.length > 0
      ? [row("protocol.header.place-time", placeAndTime.join(", "))]
      : []),
    // With attendance recorded, who decided is part of the record even when it is nobody.
    ...(source.quorum || source.deciding.length > 0
      ? [row("protocol.header.deciding", listOrNobody(people(source.deciding), t))]
      : []),
    ...(source.others.length > 0
      ? [row("protocol.header.others", people(source.others).join(", "))]
      : []),
    ...(source.absent.length > 0 ? [row("protocol.header.absent", source.absent.join(", "))] : []),
    row(
      "protocol.header.approvers",
      approvers.length > 0 ? joinList(approvers, t) : t.t("protocol.approvers.none"),
    ),
    row("protocol.header.approval", t.t("protocol.approval", { date: isoDate(source.deadline) })),
    ...(numbers ? [row("protocol.header.paragraphs", numbers)] : []),
  ];
}

function chosenApprovers(source: ProtocolSource): string[] {
  return source.approvers.map((name) => name.trim()).filter((name) => name !== "");
}

function listOrNobody(names: string[], t: Translator): string {
  return names.length > 0 ? names.join(", ") : t.t("protocol.nobody");
}

/** "Maria Ek (ordförande)", "Erik Berg (ersättare för David Ås)", "Anna Lind". */
function personName(person: ProtocolPerson, t: Translator): string {
  const name = person.name.trim();
  switch (person.role) {
    case "chair":
      return t.t("protocol.person.chair", { name });
    case "secretary":
      return t.t("protocol.person.secretary", { name });
    case "substitute":
      return person.substituteFor?.trim()
        ? t.t("protocol.person.substitute-for", { name, member: person.substituteFor.trim() })
        : t.t("protocol.person.substitute", { name });
    case "member":
    case "other":
      return name;
  }
}

/** "§§ 1–9", or "§ 4" for one; none for a protocol without §§. */
function paragraphNumbers(paragraphs: ProtocolSourceParagraph[], t: Translator): string | null {
  if (paragraphs.length === 0) return null;
  const numbers = paragraphs.map((paragraph) => paragraph.paragraph);
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  return first === last
    ? t.t("protocol.paragraph", { number: first })
    : t.t("protocol.paragraphs", { first, last });
}

function compileParagraph(
  paragraph: ProtocolSourceParagraph,
  source: ProtocolSource,
  t: Translator,
  ctx: DateContext,
): ProtocolParagraph {
  const typed = splitParagraphs(paragraph.text);
  const text =
    typed.length > 0 || paragraph.procedure === null
      ? typed
      : procedureText(paragraph.procedure, source, t);
  // A decision's text is the decision itself: it stands under "Beslut". A procedural § keeps
  // its wording as the example has it, without the label.
  const isDecision = paragraph.kind === "decision" && paragraph.procedure === null;
  return {
    number: t.t("protocol.paragraph", { number: paragraph.paragraph }),
    ref: paragraph.ref,
    heading: paragraph.heading.trim(),
    paragraphs: isDecision ? [] : text,
    parts: compileParts(paragraph, isDecision ? text : [], t, ctx),
    ...(paragraph.immediate ? { immediate: t.t("protocol.immediate") } : {}),
  };
}

/** The usual wording of a procedural § the secretary left empty. */
function procedureText(
  procedure: NonNullable<ProtocolSourceParagraph["procedure"]>,
  source: ProtocolSource,
  t: Translator,
): string[] {
  switch (procedure) {
    case "opening":
      return [t.t("protocol.procedure.opening")];
    case "approvers": {
      const names = chosenApprovers(source);
      return [
        names.length > 0
          ? t.t("protocol.procedure.approvers", { names: joinList(names, t) })
          : t.t("protocol.procedure.approvers.none"),
      ];
    }
    case "agenda":
      return [t.t("protocol.procedure.agenda")];
    case "previous":
      return [
        source.previousMeeting
          ? t.t("protocol.procedure.previous", {
              date: isoDate(localDateOf(source.previousMeeting, source.timeZone)),
            })
          : t.t("protocol.procedure.previous.none"),
      ];
    case "follow-up": {
      const lines = source.followUp.map((line) => line.trim()).filter((line) => line !== "");
      // One paragraph, a line per action, so that the list reads as one.
      return [lines.length > 0 ? lines.join("\n") : t.t("protocol.procedure.follow-up.none")];
    }
    case "other":
      return [t.t("protocol.procedure.other")];
    case "closing":
      return [t.t("protocol.procedure.closing")];
  }
}

/** Beslut, Omröstning, Reservation, Protokollsanteckning, Jäv, Uppdrag: those with content. */
function compileParts(
  paragraph: ProtocolSourceParagraph,
  decision: string[],
  t: Translator,
  ctx: DateContext,
): ProtocolPart[] {
  const { vote } = paragraph;
  const remarks = paragraph.remarks
    .map((remark) => remark.trim())
    .filter((remark) => remark !== "");
  const parts: ProtocolPart[] = [
    { label: t.t("protocol.part.decision"), lines: decision },
    {
      label: t.t("protocol.part.vote"),
      lines: vote
        ? [
            vote.abstain === null
              ? t.t("protocol.vote", { yes: vote.yes, no: vote.no })
              : t.t("protocol.vote.abstain", { yes: vote.yes, no: vote.no, abstain: vote.abstain }),
          ]
        : [],
    },
    {
      label: t.t("protocol.part.reservation"),
      lines: paragraph.reservations.map(({ name, text }) =>
        text.trim() === ""
          ? t.t("protocol.reservation", { name: name.trim() })
          : t.t("protocol.reservation.text", { name: name.trim(), text: text.trim() }),
      ),
    },
    { label: t.t("protocol.part.remark"), lines: remarks },
    {
      label: t.t("protocol.part.conflict"),
      lines: paragraph.conflicts.map((name) => t.t("protocol.conflict", { name: name.trim() })),
    },
    {
      label: t.t("protocol.part.actions"),
      lines: paragraph.actions.map((action) => actionLine(action, t, ctx)),
    },
  ];
  return parts.filter((part) => part.lines.length > 0);
}
