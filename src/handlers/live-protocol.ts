import { localDateOf, toLocal } from "../domain/dates/zoned-time.js";
import type { MinutesDocument } from "../domain/minutes/document.js";
import { compileProtocol } from "../domain/protocol/compile-protocol.js";
import type { ProtocolPerson, ProtocolSource } from "../domain/protocol/protocol-source.js";
import type { CouncilRecord, ItemRecord, MeetingRecord } from "../domain/records.js";
import { approvalDeadline } from "../domain/reminders/minutes-deadlines.js";
import type { Procedure } from "../domain/types.js";
import type { CommandContext } from "./context.js";
import { followUpBlocks } from "./follow-up-actions.js";
import {
  isPresent,
  loadRoster,
  type MeetingRoster,
  rosterQuorum,
  servingSubstitutes,
} from "./meeting-roster.js";
import { compileLiveMinutes } from "./minutes-document.js";

/** Procedural §§ that open a meeting come before its business; these two close it. */
const CLOSING: readonly Procedure[] = ["other", "closing"];

/** A protocol-mode meeting's record as it stands: the post with its protocol, and § numbers. */
export interface LiveRecord {
  document: MinutesDocument;
  /** The § each item gets, in the council's series for the meeting's year. */
  paragraphs: { year: number; numbers: Array<{ itemId: string; paragraph: number }> };
  roster: MeetingRoster;
}

/** The meeting's items in a protocol's order: opening procedure, business, closing procedure. */
export function protocolOrder(items: ItemRecord[]): ItemRecord[] {
  const group = (item: ItemRecord) =>
    item.procedure === null ? 1 : CLOSING.includes(item.procedure) ? 2 : 0;
  return [...items].sort((a, b) => group(a) - group(b) || a.position - b.position);
}

/**
 * Compiles the post and the protocol of a protocol-mode meeting as it stands now: what a
 * signature freezes. Null when the meeting has no items at all.
 */
export async function compileLiveRecord(
  context: CommandContext<unknown>,
  council: CouncilRecord,
  meeting: MeetingRecord,
  /** The meeting's roster when the caller has already loaded it. */
  loaded?: MeetingRoster,
): Promise<LiveRecord | null> {
  const { store } = context.deps;
  const items = protocolOrder(await store.items.ofMeeting(meeting.id));
  if (items.length === 0) return null;
  const year = toLocal(meeting.startsAt, council.timeZone).year;
  const first = await store.protocol.firstParagraph(council.id, year, meeting.id);
  const numbers = items.map((item, index) => ({ itemId: item.id, paragraph: first + index }));
  const paragraphs = new Map(numbers.map(({ itemId, paragraph }) => [itemId, paragraph]));
  const [post, roster, notes, actions, previous, reminders, followUp] = await Promise.all([
    compileLiveMinutes(store, council, meeting, context.now, { paragraphs }),
    loaded ?? loadRoster(store, meeting),
    store.protocol.notes(meeting.id),
    store.actions.minutedOf(meeting.id),
    store.meetings.latestBefore(council.id, meeting.startsAt, ["draft", "approved", "published"]),
    store.reminders.settingsOf(council.id),
    followUpBlocks(context.deps, meeting, context, true),
  ]);
  if (!post) return null;
  const notesOf = (item: ItemRecord, kind: string) =>
    notes.filter((note) => note.itemId === item.id && note.kind === kind);
  const source: ProtocolSource = {
    locale: council.locale,
    timeZone: council.timeZone,
    now: context.now,
    council: { name: council.name },
    meeting: { startsAt: meeting.startsAt, hasTime: meeting.hasTime, place: meeting.place },
    ...attendanceOf(roster),
    quorum: rosterQuorum(roster),
    approvers: roster.approvers.map((person) => person.displayName),
    deadline: approvalDeadline(
      localDateOf(meeting.startsAt, council.timeZone),
      reminders.approvalDeadlineDays,
    ),
    previousMeeting: previous?.startsAt ?? null,
    // The lists only: the protocol words the case of no open actions itself.
    followUp: followUp.flatMap((block) =>
      block.type === "actions"
        ? [...(block.title ? [block.title] : []), ...block.actions.map((entry) => entry.line)]
        : [],
    ),
    paragraphs: items.map((item, index) => ({
      paragraph: first + index,
      ref: item.ref,
      kind: item.kind,
      procedure: item.procedure,
      heading: item.heading,
      text: item.text,
      vote: item.vote,
      reservations: notesOf(item, "reservation").map((note) => ({
        name: note.personName ?? "",
        text: note.text,
      })),
      remarks: notesOf(item, "remark").map((note) => note.text),
      conflicts: notesOf(item, "conflict").map((note) => note.personName ?? ""),
      immediate: item.immediate,
      actions: actions
        .filter((action) => action.itemRef === item.ref)
        .map((action) => ({
          ref: action.ref,
          itemRef: action.itemRef,
          text: action.text,
          assignees: action.assignees,
          due: action.decidedDueAt ? localDateOf(action.decidedDueAt, council.timeZone) : null,
        })),
    })),
  };
  return {
    document: { ...post, protocol: compileProtocol(source) },
    paragraphs: { year, numbers },
    roster,
  };
}

/** The header's people: deciding (the chair first), others present, and the absent. */
function attendanceOf(
  roster: MeetingRoster,
): Pick<ProtocolSource, "deciding" | "others" | "absent"> {
  const chairIds = new Set(roster.chairs.map((chair) => chair.id));
  const memberIds = new Set(roster.members.map((member) => member.id));
  const serving = servingSubstitutes(roster);
  const deciding: ProtocolPerson[] = [
    ...roster.members
      .filter((member) => isPresent(roster, member.id))
      .map((member) => ({
        name: member.displayName,
        role: chairIds.has(member.id) ? ("chair" as const) : ("member" as const),
      }))
      .sort((a, b) => Number(b.role === "chair") - Number(a.role === "chair")),
    ...serving.map(({ substitute, member }) => ({
      name: substitute.displayName,
      role: "substitute" as const,
      substituteFor: member.displayName,
    })),
  ];
  const servingIds = new Set(serving.map(({ substitute }) => substitute.id));
  const others: ProtocolPerson[] = [...roster.people.values()]
    .filter(
      ({ person }) =>
        isPresent(roster, person.id) && !memberIds.has(person.id) && !servingIds.has(person.id),
    )
    .map(({ person, roles }) => ({
      name: person.displayName,
      role: roles.includes("chair")
        ? "chair"
        : roles.includes("secretary")
          ? "secretary"
          : roles.includes("substitute")
            ? "substitute"
            : "other",
    }));
  const servedFor = new Set(serving.map(({ member }) => member.id));
  const absent =
    roster.attendance.size === 0
      ? []
      : roster.members
          .filter((member) => !isPresent(roster, member.id) && !servedFor.has(member.id))
          .map((member) => member.displayName);
  return { deciding, others, absent };
}
