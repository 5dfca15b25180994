import { NoteratError } from "../domain/errors.js";
import { assertSecretary } from "../domain/permissions.js";
import type { CouncilRecord, ItemRecord } from "../domain/records.js";
import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import type { CommandContext } from "./context.js";
import { loadRoster, rosterQuorum } from "./meeting-roster.js";
import { inCouncil } from "./record-attendance.js";
import { requireCouncil, requireProtocolMode } from "./scope.js";

// What the protocol records under a § (architecture.md §12): reservations, protokollsanteckningar,
// jäv, votes and omedelbar justering. Each is the secretary's, on an item of this council.

/** `reservation ID @P [TEXT]`: P reserves against decision ID. */
export const recordReservation: CommandHandler<"reservation"> = async (context) => {
  const { item } = await paragraphScope(context, context.command.ref);
  if (item.kind !== "decision") throw new NoteratError("not-a-decision", { ref: item.ref });
  const roster = await loadRoster(context.deps.store, await meetingOf(context, item));
  const person = inCouncil(roster, context.command.person, context);
  await context.deps.store.protocol.addNote(
    item,
    { kind: "reservation", personId: person.id, text: context.command.text },
    context.actor.id,
    context.now,
  );
  return textReply(
    "channel",
    context.t.t("paragraph.reservation", { name: person.displayName, ref: item.ref }),
  );
};

/** `anteckning ID TEXT`: a protokollsanteckning under item ID. */
export const recordRemark: CommandHandler<"remark"> = async (context) => {
  const { item } = await paragraphScope(context, context.command.ref);
  await context.deps.store.protocol.addNote(
    item,
    { kind: "remark", personId: null, text: context.command.text },
    context.actor.id,
    context.now,
  );
  return textReply("channel", context.t.t("paragraph.remark", { ref: item.ref }));
};

/** `jäv ID @P`: P took no part in item ID. */
export const recordConflict: CommandHandler<"conflict"> = async (context) => {
  const { item } = await paragraphScope(context, context.command.ref);
  const roster = await loadRoster(context.deps.store, await meetingOf(context, item));
  const person = inCouncil(roster, context.command.person, context);
  await context.deps.store.protocol.addNote(
    item,
    { kind: "conflict", personId: person.id, text: "" },
    context.actor.id,
    context.now,
  );
  return textReply(
    "channel",
    context.t.t("paragraph.conflict", { name: person.displayName, ref: item.ref }),
  );
};

/**
 * `votering ID JA NEJ [AVSTÅR]`: the vote on decision ID. No more votes than deciding members
 * (or, before the roll is taken, than members in the register).
 */
export const recordVote: CommandHandler<"vote"> = async (context) => {
  const { item } = await paragraphScope(context, context.command.ref);
  if (item.kind !== "decision") throw new NoteratError("not-a-decision", { ref: item.ref });
  const { yes, no, abstain } = context.command;
  const roster = await loadRoster(context.deps.store, await meetingOf(context, item));
  const limit = rosterQuorum(roster)?.deciding ?? roster.members.length;
  const votes = yes + no + (abstain ?? 0);
  if (votes > limit) throw new NoteratError("vote-exceeds", { votes, limit });
  await context.deps.store.protocol.setVote(
    item,
    { yes, no, abstain: abstain ?? null },
    context.actor.id,
    context.now,
  );
  return textReply("channel", context.t.t("paragraph.vote", { ref: item.ref, yes, no }));
};

/** `omedelbar ID`: the § is approved alone at the meeting (`justera ID`), to act on at once. */
export const markImmediate: CommandHandler<"immediate"> = async (context) => {
  const { item } = await paragraphScope(context, context.command.ref);
  await context.deps.store.protocol.markImmediate(item, context.actor.id, context.now);
  return textReply("channel", context.t.t("paragraph.immediate", { ref: item.ref }));
};

/** A § of this council, living, named by the secretary of a council in protocol mode. */
async function paragraphScope(
  context: CommandContext<unknown>,
  ref: number,
): Promise<{ council: CouncilRecord; item: ItemRecord }> {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  requireProtocolMode(council);
  const item = await context.deps.store.items.byRef(council.id, ref);
  if (!item || item.removedAt) throw new NoteratError("not-found", { ref });
  return { council, item };
}

async function meetingOf(context: CommandContext<unknown>, item: ItemRecord) {
  const meeting = await context.deps.store.meetings.byId(item.meetingId);
  if (!meeting) throw new NoteratError("not-found", { ref: item.ref });
  return meeting;
}
