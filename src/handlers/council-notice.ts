import { NoteratError } from "../domain/errors.js";
import { formatDayMonth } from "../domain/i18n/format-date.js";
import { assertSecretary } from "../domain/permissions.js";
import { noticeDates } from "../domain/protocol/notice-dates.js";
import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import { requireCouncil, requireProtocolMode } from "./scope.js";

/** `anslag på|av`: whether justerade protocols get a notice of approval (anslag). */
export const setNotice: CommandHandler<"notice-set"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  const { enabled } = context.command;
  await context.deps.store.protocol.setNotice(council.id, enabled, context.actor.id, context.now);
  return textReply("channel", context.t.t(enabled ? "notice.on" : "notice.off"));
};

/**
 * `anslag`: the notice of the latest justerat protocol: when it is posted, when it is taken
 * down, and the last day to appeal.
 */
export const showNotice: CommandHandler<"notice-show"> = async (context) => {
  const council = requireCouncil(context);
  requireProtocolMode(council);
  const { store } = context.deps;
  const { t, dates } = context;
  const settings = await store.protocol.settings(council.id);
  if (!settings.noticeEnabled) return textReply("caller", t.t("notice.disabled"));
  const meeting = await store.meetings.latestJusterad(council.id);
  if (!meeting?.approvedAt) throw new NoteratError("not-justerad");
  const notice = noticeDates(meeting.approvedAt, council.timeZone);
  return textReply(
    "caller",
    t.t("notice.dates", {
      date: formatDayMonth(meeting.startsAt, dates),
      posted: formatDayMonth(notice.postedOn, dates),
      down: formatDayMonth(notice.takenDownOn, dates),
      appeal: formatDayMonth(notice.lastAppealDay, dates),
    }),
  );
};
