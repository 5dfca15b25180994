import { type Quorum, quorumOf } from "../domain/protocol/quorum.js";
import type { RequiredSigners } from "../domain/protocol/required-signers.js";
import type { MeetingRecord, PersonRecord } from "../domain/records.js";
import type { Role } from "../domain/types.js";
import type { AttendanceRecord } from "../store/protocol-repository.js";
import type { Store } from "../store/store.js";

/**
 * Who is who at a protocol-mode meeting (architecture.md §12): the council's register and offices,
 * the meeting's attendance and its chosen justerare — what attendance, the rota, justering
 * and the protocol's header all read.
 */
export interface MeetingRoster {
  /** Everyone with a role in the council, each once, with all their roles. */
  people: Map<string, { person: PersonRecord; roles: Role[] }>;
  /** Ordinary members, in register order. */
  members: PersonRecord[];
  substitutes: PersonRecord[];
  chairs: PersonRecord[];
  secretaries: PersonRecord[];
  attendance: Map<string, AttendanceRecord>;
  approvers: PersonRecord[];
}

export async function loadRoster(store: Store, meeting: MeetingRecord): Promise<MeetingRoster> {
  const [memberships, attendance, approvers] = await Promise.all([
    store.people.members(meeting.councilId),
    store.protocol.attendance(meeting.id),
    store.protocol.approvers(meeting.id),
  ]);
  const people = new Map<string, { person: PersonRecord; roles: Role[] }>();
  for (const { person, role } of memberships) {
    const known = people.get(person.id) ?? { person, roles: [] };
    known.roles.push(role);
    people.set(person.id, known);
  }
  const withRole = (role: Role) =>
    memberships.filter((membership) => membership.role === role).map(({ person }) => person);
  return {
    people,
    members: withRole("member"),
    substitutes: withRole("substitute"),
    chairs: withRole("chair"),
    secretaries: withRole("secretary"),
    attendance: new Map(attendance.map((entry) => [entry.personId, entry])),
    approvers,
  };
}

export function isPresent(roster: MeetingRoster, personId: string): boolean {
  return roster.attendance.get(personId)?.status === "present";
}

/** Substitutes present and serving for an ordinary member, with whom they serve for. */
export function servingSubstitutes(
  roster: MeetingRoster,
): Array<{ substitute: PersonRecord; member: PersonRecord }> {
  return roster.substitutes.flatMap((substitute) => {
    const entry = roster.attendance.get(substitute.id);
    const member = roster.members.find((each) => each.id === entry?.substituteForId);
    return entry?.status === "present" && member ? [{ substitute, member }] : [];
  });
}

/** Null until attendance is recorded: a meeting nobody took the roll of has no known quorum. */
export function rosterQuorum(roster: MeetingRoster): Quorum | null {
  if (roster.attendance.size === 0) return null;
  // Each absent member counts once, however many substitutes were named for them.
  const serving = new Set(
    servingSubstitutes(roster)
      .filter(({ member }) => !isPresent(roster, member.id))
      .map(({ member }) => member.id),
  ).size;
  return quorumOf({
    members: roster.members.length,
    membersPresent: roster.members.filter((member) => isPresent(roster, member.id)).length,
    serving,
  });
}

export function requiredSigners(roster: MeetingRoster): RequiredSigners {
  return {
    chairIds: roster.chairs.map((chair) => chair.id),
    approverIds: roster.approvers.map((approver) => approver.id),
  };
}

/** Whether the person signs this meeting's protocol: a chair or one of its chosen justerare. */
export function isSigner(roster: MeetingRoster, personId: string): boolean {
  const { chairIds, approverIds } = requiredSigners(roster);
  return chairIds.includes(personId) || approverIds.includes(personId);
}
