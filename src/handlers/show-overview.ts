import { createTranslator } from "../domain/i18n/translator.js";
import type { Identity } from "../domain/records.js";
import type { Overview } from "../domain/reply.js";
import { actionEntries } from "./action-entries.js";
import type { HandlerDeps } from "./context.js";
import { describeMeeting } from "./meeting-description.js";

const OVERVIEW_LIMIT = 50;

/**
 * A person's own page (Slack's App Home): their open actions in every council, and the next
 * meeting of each of their councils. Reads only; someone never seen gets an empty page.
 */
export async function showOverview(deps: HandlerDeps, identity: Identity): Promise<Overview> {
  const now = deps.clock.now();
  const person = await deps.store.people.find(identity);
  const councils = person ? await deps.store.councils.ofPerson(person.id) : [];
  const locale = person?.locale ?? councils[0]?.locale ?? deps.defaults.locale;
  const t = createTranslator(locale);
  const timeZone = councils[0]?.timeZone ?? deps.defaults.timeZone;
  const context = { now, t, dates: { locale, timeZone, now } };
  const actions = person
    ? await deps.store.actions.open({ assigneeId: person.id, limit: OVERVIEW_LIMIT })
    : [];
  const meetings: string[] = [];
  for (const council of councils) {
    const next = await deps.store.meetings.next(council.id, now);
    const dates = { locale, timeZone: council.timeZone, now };
    if (next) {
      meetings.push(
        t.t("overview.meeting", {
          council: council.name,
          meeting: describeMeeting(next, { ...context, dates }),
        }),
      );
    }
  }
  return {
    locale,
    title: t.t("overview.title"),
    actionsTitle: t.t("overview.actions-title"),
    actions: actionEntries(actions, context, { withCouncil: true }),
    noActions: t.t("overview.no-actions"),
    meetingsTitle: t.t("overview.meetings-title"),
    meetings,
    noMeetings: t.t("overview.no-meetings"),
  };
}
