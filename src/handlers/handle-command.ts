import { parseCommand } from "../domain/command/parse-command.js";
import type { ParsedCommand } from "../domain/command/parsed-command.js";
import { NoteratError } from "../domain/errors.js";
import { createTranslator } from "../domain/i18n/translator.js";
import type { Identity, PersonRecord, Place } from "../domain/records.js";
import type { Reply } from "../domain/reply.js";
import type { ActorInPlace } from "../store/people-repository.js";
import type { CommandRegistry } from "./command-registry.js";
import type { CommandRequest, HandlerDeps } from "./context.js";
import { errorReply, parseErrorReply } from "./error-replies.js";
import { cancelQuestion } from "./forget-person.js";
import { replyLocale } from "./reply-locale.js";

/** A command already in parsed form: from a button or a form rather than typed text. */
export interface ParsedCommandRequest {
  actor: Identity;
  place: Place;
  command: ParsedCommand;
  deliveryId?: string;
}

/**
 * The path of every typed command from every surface: understand it, then run it. A command
 * that is not understood, or not allowed, changes nothing and gets a reply that says why; only
 * unexpected failures escape, for the surface's top-level handler.
 */
export async function handleCommand(
  deps: HandlerDeps,
  registry: CommandRegistry,
  request: CommandRequest,
): Promise<Reply> {
  const now = deps.clock.now();
  const scope = await deps.store.people.actingIn(request.actor, request.place);
  const { locale, timeZone } = scope.council ?? deps.defaults;
  const parsed = parseCommand(request.text, { now, timeZone, readMention: request.readMention });
  if (!parsed.ok && scope.pendingUntil && scope.person) {
    // Not `ja`, so the question is cancelled: what was typed is not run either way.
    const t = createTranslator(scope.person.locale ?? locale);
    const cancelled = await cancelQuestion(deps, scope.council, scope.person, { t, now });
    if (cancelled) return { ...cancelled, locale: t.locale };
  }
  if (!parsed.ok) {
    // Shown to the caller alone: in their own language when they chose one (`mitt språk`).
    const own = scope.person?.locale ?? locale;
    return { ...parseErrorReply(parsed.error, createTranslator(own)), locale: own };
  }
  return run(deps, registry, { ...request, command: parsed.command }, scope, now);
}

/** Runs a command that a button or a form has already put in parsed form. */
export async function runCommand(
  deps: HandlerDeps,
  registry: CommandRegistry,
  request: ParsedCommandRequest,
): Promise<Reply> {
  const scope = await deps.store.people.actingIn(request.actor, request.place);
  return run(deps, registry, request, scope, deps.clock.now());
}

async function run(
  deps: HandlerDeps,
  registry: CommandRegistry,
  request: ParsedCommandRequest,
  { council, person, roles, pendingUntil }: ActorInPlace,
  now: Date,
): Promise<Reply> {
  const { locale: councilLocale, timeZone } = council ?? deps.defaults;
  const locale = replyLocale(request.command, councilLocale, person?.locale ?? null);
  const t = createTranslator(locale);
  if (pendingUntil && person && request.command.id !== "confirm") {
    const cancelled = await cancelQuestion(deps, council, person, { t, now });
    if (cancelled) return { ...cancelled, locale };
  }
  try {
    const actor = person ?? unstored(request.actor);
    const body = await registry.handlerFor(request.command.id)({
      command: request.command,
      deps,
      now,
      actor,
      storedActor: async () => (actor.id === "" ? deps.store.people.ensure(request.actor) : actor),
      place: request.place,
      council,
      roles,
      ...(request.deliveryId === undefined
        ? {}
        : {
            deliveryKey: `${request.place.platform}:${request.place.workspaceId}:${request.deliveryId}`,
          }),
      t,
      dates: { locale, timeZone, now },
    });
    return { ...body, locale };
  } catch (error) {
    if (error instanceof NoteratError) {
      const own = person?.locale ?? councilLocale;
      return { ...errorReply(error, createTranslator(own)), locale: own };
    }
    throw error;
  }
}

function unstored(identity: Identity): PersonRecord {
  return { ...identity, id: "", locale: null };
}
