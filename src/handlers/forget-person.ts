import { NoteratError } from "../domain/errors.js";
import { createTranslator } from "../domain/i18n/translator.js";
import { assertSecretary } from "../domain/permissions.js";
import type { CouncilRecord, PersonRecord } from "../domain/records.js";
import { type ReplyBody, textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import type { CommandContext, HandlerDeps } from "./context.js";
import { requireCouncil } from "./scope.js";

/** How long `glöm @P` waits for its `ja`. */
const CONFIRM_MINUTES = 10;

/** What `glöm @P` leaves waiting for the secretary's `ja`. */
interface ForgetQuestion {
  personId: string;
  name: string;
}

/**
 * `glöm @P` (architecture.md §15): asks the secretary to confirm, since forgetting cannot be undone;
 * nothing changes until `ja`.
 */
export const askToForget: CommandHandler<"forget"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  const { deps, command, place, t, now } = context;
  const person = await deps.store.people.findMentioned(command.person, place);
  const name = person?.displayName ?? command.person.displayName ?? command.person.externalId;
  if (!person || !(await deps.store.personalData.isIn(council.id, person.id))) {
    throw new NoteratError("forget-not-found", { name });
  }
  if (person.id === context.actor.id) throw new NoteratError("forget-self");
  const question: ForgetQuestion = { personId: person.id, name: person.displayName };
  await deps.store.confirmations.ask(
    council.id,
    context.actor.id,
    {
      kind: "forget",
      payload: JSON.stringify(question),
      expiresAt: new Date(now.getTime() + CONFIRM_MINUTES * 60_000),
    },
    now,
  );
  return textReply(
    "caller",
    t.t("forget.ask", {
      name: person.displayName,
      council: council.name,
      label: t.t("forget.label"),
      minutes: CONFIRM_MINUTES,
    }),
  );
};

/**
 * `ja`: does what the caller was asked to confirm (today only `glöm`), if it still waits. Typed
 * where no council is (Teams asks in the personal chat), it answers the caller's latest question.
 */
export const confirm: CommandHandler<"confirm"> = async (context) => {
  const { deps, now } = context;
  const actorId = context.actor.id;
  const pending =
    actorId === ""
      ? null
      : context.council
        ? await deps.store.confirmations.take(context.council.id, actorId, now)
        : await deps.store.confirmations.takeLatest(actorId, now);
  const council =
    context.council ??
    (pending?.councilId ? await deps.store.councils.byId(pending.councilId) : null);
  if (pending?.kind !== "forget" || !council) throw new NoteratError("nothing-to-confirm");
  // Still the secretary, and the person still there (another secretary may have been quicker).
  const roles = context.council
    ? context.roles
    : await deps.store.people.rolesIn(council.id, actorId);
  assertSecretary(roles);
  const { t } = createTranslator(council.locale);
  const question = JSON.parse(pending.payload) as ForgetQuestion;
  if (!(await deps.store.personalData.isIn(council.id, question.personId))) {
    throw new NoteratError("forget-not-found", { name: question.name });
  }
  const label = t("forget.label");
  const report = await deps.store.personalData.forget({
    councilId: council.id,
    personId: question.personId,
    label,
    actorId,
    at: now,
  });
  return textReply(
    "caller",
    t("forget.done", { name: question.name, council: council.name }),
    t("forget.done-details", {
      roles: report.roles.length,
      label,
      actions: report.actions,
      reminders: report.remindersRemoved,
      reopened: report.minutesReopened,
    }),
    ...(report.approversRemoved > 0 ? [t("forget.approver-removed")] : []),
    ...(report.namedInText.length > 0
      ? [t("forget.named-in-text", { refs: report.namedInText.map((ref) => `#${ref}`).join(", ") })]
      : []),
  );
};

/**
 * Anything but `ja` from someone with a question waiting cancels it (architecture.md §15): the command
 * is not run, so that a `glöm` is never confirmed or forgotten by accident. Null when the
 * question had expired: the command then runs as usual.
 */
export async function cancelQuestion(
  deps: HandlerDeps,
  council: CouncilRecord | null,
  person: PersonRecord,
  context: Pick<CommandContext<unknown>, "t" | "now">,
): Promise<ReplyBody | null> {
  const { confirmations } = deps.store;
  const pending = council
    ? await confirmations.take(council.id, person.id, context.now)
    : await confirmations.takeLatest(person.id, context.now);
  if (!pending) return null;
  const question = JSON.parse(pending.payload) as ForgetQuestion;
  return textReply("caller", context.t.t("forget.cancelled", { name: question.name }));
}
