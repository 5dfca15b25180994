import type { ParseError } from "../domain/command/parsed-command.js";
import type { NoteratError } from "../domain/errors.js";
import { createTranslator, isMessageKey, type Translator } from "../domain/i18n/translator.js";
import { type Reply, type ReplyBody, textReply } from "../domain/reply.js";
import type { Locale } from "../domain/types.js";

/** A refusal or failure of the core, in the caller's language, shown only to the caller. */
export function errorReply(error: NoteratError, t: Translator): ReplyBody {
  const key = `error.${error.code}`;
  return textReply("caller", isMessageKey(key) ? t.t(key, error.params) : error.code);
}

/** What was wrong with the words, and the right form of the command when it is known. */
export function parseErrorReply(error: ParseError, t: Translator): ReplyBody {
  const key = `parse.${error.code}`;
  const texts = [isMessageKey(key) ? t.t(key, error.params) : error.code];
  const usage = error.command === undefined ? undefined : `usage.${error.command}`;
  if (usage !== undefined && isMessageKey(usage)) {
    texts.push(t.t("reply.usage", { usage: t.t(usage) }));
  }
  return textReply("caller", ...texts);
}

/** What a surface answers when something unexpected failed: the failure itself is logged. */
export function internalErrorReply(locale: Locale): Reply {
  const text = createTranslator(locale).t("reply.internal-error");
  return { audience: "caller", locale, blocks: [{ type: "text", text }] };
}

/** A refusal a surface itself decides on (a button of a council not bound here), localised. */
export function refusalReply(error: NoteratError, locale: Locale): Reply {
  return { ...errorReply(error, createTranslator(locale)), locale };
}
