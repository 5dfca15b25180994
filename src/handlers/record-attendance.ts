import { NoteratError } from "../domain/errors.js";
import { joinList } from "../domain/i18n/join-list.js";
import { assertSecretary } from "../domain/permissions.js";
import type { Quorum } from "../domain/protocol/quorum.js";
import type { CouncilRecord, MeetingRecord, PersonRecord } from "../domain/records.js";
import { textReply } from "../domain/reply.js";
import type { Mention } from "../domain/types.js";
import type { CommandHandler } from "./command-registry.js";
import type { CommandContext } from "./context.js";
import { loadRoster, type MeetingRoster, rosterQuorum } from "./meeting-roster.js";
import { currentMeeting, requireCouncil, requireProtocolMode } from "./scope.js";

/** `närvarande @P…` / `frånvarande @P…` at the current meeting; the reply says the quorum. */
export const recordAttendance: CommandHandler<"attendance"> = async (context) => {
  const { meeting, roster } = await attendanceScope(context);
  const { command, t } = context;
  const people = command.people.map((mention) => inCouncil(roster, mention, context));
  await context.deps.store.protocol.recordAttendance(
    meeting,
    people.map((person) => ({ personId: person.id, status: command.status })),
    context.actor.id,
    context.now,
  );
  const names = joinList(
    people.map((person) => person.displayName),
    t,
  );
  return textReply(
    "channel",
    ...withQuorum(
      t.t(`attendance.${command.status}`, { names, count: people.length }),
      await quorumLine(context, meeting),
    ),
  );
};

/** `ersättare @S för @P`: substitute S serves for ordinary member P, who is then absent. */
export const recordServing: CommandHandler<"serving"> = async (context) => {
  const { meeting, roster } = await attendanceScope(context);
  const { command, t } = context;
  const substitute = inCouncil(roster, command.substitute, context);
  const member = inCouncil(roster, command.member, context);
  if (!roster.substitutes.some((each) => each.id === substitute.id)) {
    throw new NoteratError("not-a-substitute", { name: substitute.displayName });
  }
  if (!roster.members.some((each) => each.id === member.id)) {
    throw new NoteratError("not-a-member", { name: member.displayName });
  }
  await context.deps.store.protocol.recordAttendance(
    meeting,
    [
      { personId: substitute.id, status: "present", substituteForId: member.id },
      { personId: member.id, status: "absent" },
    ],
    context.actor.id,
    context.now,
  );
  return textReply(
    "channel",
    ...withQuorum(
      t.t("attendance.serving", {
        substitute: substitute.displayName,
        member: member.displayName,
      }),
      await quorumLine(context, meeting),
    ),
  );
};

/** A reply and, when attendance is known, the quorum under it. */
export function withQuorum(reply: string, quorum: string): string[] {
  return quorum === "" ? [reply] : [reply, quorum];
}

/** "Beslutsmässigt: 4 av 7 ledamöter deltar." or the warning that the meeting is not. */
export async function quorumLine(
  context: CommandContext<unknown>,
  meeting: MeetingRecord,
): Promise<string> {
  const quorum = rosterQuorum(await loadRoster(context.deps.store, meeting));
  return quorum ? describeQuorum(quorum, context) : "";
}

export function describeQuorum(quorum: Quorum, context: CommandContext<unknown>): string {
  const { deciding, members, needed } = quorum;
  return context.t.t(quorum.met ? "quorum.met" : "quorum.not-met", { deciding, members, needed });
}

async function attendanceScope(
  context: CommandContext<unknown>,
): Promise<{ council: CouncilRecord; meeting: MeetingRecord; roster: MeetingRoster }> {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  requireProtocolMode(council);
  const meeting = await currentMeeting(context, council);
  return { council, meeting, roster: await loadRoster(context.deps.store, meeting) };
}

/** A mentioned person who has a role in the council: attendance is of the register. */
export function inCouncil(
  roster: MeetingRoster,
  mention: Mention,
  context: CommandContext<unknown>,
): PersonRecord {
  const known = [...roster.people.values()].find(
    ({ person }) =>
      person.externalId === mention.externalId &&
      person.platform === context.place.platform &&
      person.workspaceId === context.place.workspaceId,
  );
  if (!known) {
    throw new NoteratError("not-in-council", { name: mention.displayName ?? mention.externalId });
  }
  return known.person;
}
