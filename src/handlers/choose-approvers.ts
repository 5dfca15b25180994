import { NoteratError } from "../domain/errors.js";
import { joinList } from "../domain/i18n/join-list.js";
import { assertSecretary } from "../domain/permissions.js";
import { nextInRota } from "../domain/protocol/rota.js";
import type { PersonRecord } from "../domain/records.js";
import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import { isPresent, loadRoster } from "./meeting-roster.js";
import { inCouncil } from "./record-attendance.js";
import { currentMeeting, requireCouncil, requireProtocolMode } from "./scope.js";

/**
 * `justerare [@P…]`: who approves the current meeting's protocol with the chair. Without names,
 * the next in the rota: the ordinary members in register order, after those who approved last
 * time, skipping the chair, the secretary and the absent.
 */
export const chooseApprovers: CommandHandler<"approvers"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  requireProtocolMode(council);
  const { store } = context.deps;
  const { t } = context;
  const meeting = await currentMeeting(context, council);
  const roster = await loadRoster(store, meeting);
  let chosen: PersonRecord[];
  if (context.command.people.length > 0) {
    chosen = context.command.people.map((mention) => inCouncil(roster, mention, context));
    // The chair signs anyway: as a justerare too, one person would make both signatures.
    const chair = chosen.find((person) => roster.chairs.some((each) => each.id === person.id));
    if (chair) throw new NoteratError("approver-is-chair", { name: chair.displayName });
  } else {
    const [lastTime = []] = await store.protocol.earlierApprovers(council.id, meeting.startsAt, 1);
    const unavailable = new Set([
      ...roster.chairs.map((person) => person.id),
      ...roster.secretaries.map((person) => person.id),
      ...(roster.attendance.size === 0
        ? []
        : roster.members.filter((member) => !isPresent(roster, member.id)).map((m) => m.id)),
    ]);
    const ids = nextInRota({
      register: roster.members.map((member) => member.id),
      unavailable,
      lastTime,
      count: 1,
    });
    chosen = roster.members.filter((member) => ids.includes(member.id));
    if (chosen.length === 0) throw new NoteratError("no-one-in-rota");
  }
  await store.protocol.chooseApprovers(
    meeting,
    chosen.map((person) => person.id),
    context.actor.id,
    context.now,
  );
  const names = joinList(
    chosen.map((person) => person.displayName),
    t,
  );
  return textReply(
    "channel",
    t.t(context.command.people.length > 0 ? "approvers.chosen" : "approvers.rota", {
      names,
      count: chosen.length,
    }),
  );
};
