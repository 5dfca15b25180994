import { NoteratError } from "../domain/errors.js";
import { formatDayMonth } from "../domain/i18n/format-date.js";
import { joinList } from "../domain/i18n/join-list.js";
import type { MinutesDocument } from "../domain/minutes/document.js";
import { freezeMinutes, shortChecksum } from "../domain/minutes/snapshot.js";
import type { CouncilRecord, ItemRecord, MeetingRecord } from "../domain/records.js";
import { type ReplyBody, textReply } from "../domain/reply.js";
import type { SignOutcome } from "../store/minutes-record-repository.js";
import { isUniqueViolation } from "../store/unique-violation.js";
import type { CommandContext } from "./context.js";
import { immediateParagraph } from "./immediate-paragraph.js";
import { compileLiveRecord, type LiveRecord } from "./live-protocol.js";
import { isSigner, loadRoster, type MeetingRoster, requiredSigners } from "./meeting-roster.js";
import { meetingOnOrCurrent } from "./scope.js";

type ApproveContext = CommandContext<{
  id: "approve";
  date?: { year: number; month: number; day: number };
  ref?: number;
}>;

/**
 * `justera` in protocol mode (architecture.md §12): the chair and every chosen justerare sign, each
 * the protocol as it stands with its checksum; the last signature makes it justerat. With a §
 * number, that § alone, declared `omedelbar`, is approved at the meeting.
 */
export async function signProtocol(
  context: ApproveContext,
  council: CouncilRecord,
): Promise<ReplyBody> {
  const { ref } = context.command;
  if (ref !== undefined) return signParagraph(context, council, ref);
  const meeting = await meetingOnOrCurrent(context, council, context.command.date);
  if (meeting.minutesStatus === "approved") throw new NoteratError("already-approved");
  if (meeting.minutesStatus === "published") throw new NoteratError("already-published");
  const roster = await signerRoster(context, meeting);
  const live = await compileLiveRecord(context, council, meeting, roster);
  if (!live) throw new NoteratError("nothing-to-compile");
  const frozen = await freezeMinutes(live.document);
  const outcome = await signing(() =>
    context.deps.store.minutesRecord.sign({
      meeting,
      frozen,
      personId: context.actor.id,
      at: context.now,
      required: requiredSigners(roster),
      paragraphs: live.paragraphs,
    }),
  );
  const { t } = context;
  const params = {
    name: context.actor.displayName,
    date: formatDayMonth(meeting.startsAt, context.dates),
    checksum: shortChecksum(frozen.sha256),
  };
  const reply =
    outcome.status === "approved"
      ? t.t("justering.complete", params)
      : t.t("justering.signed", { ...params, waiting: waitingNames(outcome, roster, context) });
  return textReply("channel", ...restartedNote(outcome, context), reply);
}

/** `justera ID`: the § declared omedelbar, signed alone by the same people. */
async function signParagraph(
  context: ApproveContext,
  council: CouncilRecord,
  ref: number,
): Promise<ReplyBody> {
  const { store } = context.deps;
  const { item, meeting } = await immediateParagraph(store, council, ref);
  const roster = await signerRoster(context, meeting);
  const live = await compileLiveRecord(context, council, meeting, roster);
  if (!live) throw new NoteratError("nothing-to-compile");
  const extract = extractOf(live, item, context);
  const frozen = await freezeMinutes(extract);
  const outcome = await signing(() =>
    store.minutesRecord.sign({
      meeting,
      frozen,
      personId: context.actor.id,
      at: context.now,
      required: requiredSigners(roster),
      itemId: item.id,
    }),
  );
  const paragraph = paragraphOf(live, item);
  const params = { name: context.actor.displayName, paragraph, ref };
  const reply =
    outcome.status === "approved"
      ? context.t.t("justering.paragraph-complete", params)
      : context.t.t("justering.paragraph-signed", {
          ...params,
          waiting: waitingNames(outcome, roster, context),
        });
  return textReply("channel", ...restartedNote(outcome, context), reply);
}

/**
 * The extract of one § (protokollsutdrag): the protocol's header and that §, with the post's
 * section of the same item when it has one.
 */
export function extractOf(
  live: LiveRecord,
  item: ItemRecord,
  context: CommandContext<unknown>,
): MinutesDocument {
  const { document } = live;
  const { protocol } = document;
  const title = context.t.t("protocol.extract-title", {
    title: document.title,
    paragraph: paragraphOf(live, item),
  });
  return {
    locale: document.locale,
    title,
    lede: "",
    sections: document.sections.filter((section) => section.ref === item.ref),
    ...(protocol
      ? {
          protocol: {
            ...protocol,
            // An extract names its one §, not the whole meeting's.
            header: protocol.header.map((row) =>
              row.label === context.t.t("protocol.header.paragraphs")
                ? {
                    ...row,
                    value: context.t.t("protocol.paragraph", { number: paragraphOf(live, item) }),
                  }
                : row,
            ),
            paragraphs: protocol.paragraphs.filter((paragraph) => paragraph.ref === item.ref),
          },
        }
      : {}),
  };
}

function paragraphOf(live: LiveRecord, item: ItemRecord): number {
  return live.paragraphs.numbers.find((entry) => entry.itemId === item.id)?.paragraph ?? 0;
}

/** The roster of a meeting whose protocol the actor may sign: the chair or a chosen justerare. */
async function signerRoster(
  context: CommandContext<unknown>,
  meeting: MeetingRecord,
): Promise<MeetingRoster> {
  const roster = await loadRoster(context.deps.store, meeting);
  if (roster.chairs.length === 0) throw new NoteratError("no-chair");
  if (roster.approvers.length === 0) throw new NoteratError("no-approvers-chosen");
  if (!isSigner(roster, context.actor.id)) throw new NoteratError("forbidden-protocol-approver");
  return roster;
}

/** A signature's outcome; refusals as the errors they are. */
async function signing(sign: () => Promise<SignOutcome>): Promise<SignOutcome> {
  let outcome: SignOutcome;
  try {
    outcome = await sign();
  } catch (error) {
    // The §§ would take numbers a later meeting's protocol already has.
    if (isUniqueViolation(error)) throw new NoteratError("paragraphs-taken");
    throw error;
  }
  if (outcome.status === "already-signed") throw new NoteratError("already-signed");
  if (outcome.status === "not-draft") throw new NoteratError("already-approved");
  return outcome;
}

/** Said first when earlier signatures were of other content and had to go. */
function restartedNote(outcome: SignOutcome, context: CommandContext<unknown>): string[] {
  return "restarted" in outcome && outcome.restarted ? [context.t.t("justering.restarted")] : [];
}

function waitingNames(
  outcome: SignOutcome,
  roster: MeetingRoster,
  context: CommandContext<unknown>,
): string {
  const ids = outcome.status === "signed" ? outcome.waitingFor : [];
  return joinList(
    ids.map((id) => roster.people.get(id)?.person.displayName ?? id),
    context.t,
  );
}
