import { defineMessages } from "../define-messages.js";

/** `påminnelser`: a council's reminder settings in words, and the reminders that failed. */
export const reminderMessages = defineMessages({
  sv: {
    "reminders.settings.on": "Påminnelserna i {council} är på.",
    "reminders.settings.off":
      "Påminnelserna i {council} är avstängda: inga skickas förrän sekreteraren skriver `påminnelser på`.",
    "reminders.settings.changed": "Påminnelserna är ändrade.",
    "reminders.settings.meetings": "Möten: {leads}, i kanalen med dagordning och handlingar",
    "reminders.settings.meetings-none": "Möten: ingen påminnelse",
    "reminders.settings.actions": "Egna öppna uppdrag inför mötet: {lead}, till var och en",
    "reminders.settings.actions-none": "Egna öppna uppdrag inför mötet: ingen påminnelse",
    "reminders.settings.at":
      "Klockslag: kl. {time}, för påminnelser i dagar, uppdrag som ska vara klara eller är försenade och sammanfattningen",
    "reminders.settings.digest": "Veckosammanfattning: varje {weekday}, i kanalen",
    "reminders.settings.digest-none": "Veckosammanfattning: ingen",
    "reminders.settings.window":
      "Dagtid: {from}–{to} {days}; det som faller utanför skickas när dagtiden börjar",
    "reminders.settings.window-none": "Dagtid: alla tider, alla dagar",
    "reminders.settings.weekdays": "vardagar",
    "reminders.settings.every-day": "alla dagar",
    "reminders.settings.compile":
      "Protokoll att sammanställa: 2 och 5 dagar efter mötet, till sekreteraren",
    "reminders.settings.approval":
      "Justering: senast {days} efter mötet; den som ska justera och inte har gjort det påminns 3 dagar och 1 dag före och dagen efter, privat",
    "reminders.settings.approval-days": "{count, plural, one {# dag} other {# dagar}}",
    "reminders.settings.lead-days":
      "{count, plural, =0 {samma dag} one {# dag före} other {# dagar före}}",
    "reminders.settings.lead-hours": "{count, plural, one {# timme före} other {# timmar före}}",
    "reminders.settings.lead-minutes": "{count, plural, one {# minut före} other {# minuter före}}",
    "reminders.settings.hint":
      "Ändra till exempel med `påminnelser möte 7d 1d kl 9` – `hjälp` visar alla sätt.",
    "reminders.settings.failed-title":
      "Påminnelser som inte gick fram {days, plural, one {det senaste dygnet} other {de senaste # dagarna}}",
    "reminders.reason.not_in_channel":
      "Noterat är inte med i kanalen: bjud in appen (`/invite @Noterat`)",
    "reminders.reason.channel_not_found": "kanalen finns inte längre, eller appen ser den inte",
    "reminders.reason.BotNotInConversationRoster":
      "Noterat har tagits bort från chatten eller teamet",
    "reminders.reason.not-installed": "appen är inte installerad i arbetsytan",
    "reminders.reason.not-delivered-in-time":
      "ingen körande Noterat når den plattformen; påminnelsen gavs upp efter en vecka",
    "reminders.reason.other": "plattformen svarade inte som väntat",
    "reminders.settings.failed-line": "{kind}, {when}: {reason} ({code})",
    "reminders.settings.failed-none":
      "Ingen påminnelse har misslyckats {days, plural, one {det senaste dygnet} other {de senaste # dagarna}}.",
    "reminders.settings.kind-meeting": "Mötespåminnelse",
    "reminders.settings.kind-prep": "Egna uppdrag inför mötet",
    "reminders.settings.kind-due": "Uppdrag som ska vara klart",
    "reminders.settings.kind-overdue": "Försenat uppdrag",
    "reminders.settings.kind-digest": "Veckosammanfattning",
    "reminders.settings.kind-minutes-due": "Protokoll att sammanställa",
    "reminders.settings.kind-approval-due": "Justering av protokoll",
  },
  en: {
    "reminders.settings.on": "Reminders in {council} are on.",
    "reminders.settings.off":
      "Reminders in {council} are off: none go out until the secretary types `reminders on`.",
    "reminders.settings.changed": "The reminders are changed.",
    "reminders.settings.meetings": "Meetings: {leads}, in the channel with agenda and documents",
    "reminders.settings.meetings-none": "Meetings: no reminder",
    "reminders.settings.actions": "Own open actions before the meeting: {lead}, to each assignee",
    "reminders.settings.actions-none": "Own open actions before the meeting: no reminder",
    "reminders.settings.at":
      "Time of day: {time}, for reminders in days, actions due or overdue, and the digest",
    "reminders.settings.digest": "Weekly digest: every {weekday}, in the channel",
    "reminders.settings.digest-none": "Weekly digest: none",
    "reminders.settings.window":
      "Hours: {from}–{to} {days}; what falls outside them goes out when they begin",
    "reminders.settings.window-none": "Hours: any time, any day",
    "reminders.settings.weekdays": "on weekdays",
    "reminders.settings.every-day": "every day",
    "reminders.settings.compile":
      "Minutes to compile: 2 and 5 days after the meeting, to the secretary",
    "reminders.settings.approval":
      "Approval: within {days} of the meeting; whoever is to approve and has not is reminded 3 days and 1 day before and the day after, privately",
    "reminders.settings.approval-days": "{count, plural, one {# day} other {# days}}",
    "reminders.settings.lead-days":
      "{count, plural, =0 {on the day} one {# day before} other {# days before}}",
    "reminders.settings.lead-hours": "{count, plural, one {# hour before} other {# hours before}}",
    "reminders.settings.lead-minutes":
      "{count, plural, one {# minute before} other {# minutes before}}",
    "reminders.settings.hint":
      "Change them with, for example, `reminders meeting 7d 1d at 9` – `help` shows every way.",
    "reminders.settings.failed-title":
      "Reminders that failed in the last {days, plural, one {day} other {# days}}",
    "reminders.reason.not_in_channel":
      "Noterat is not in the channel: invite the app (`/invite @Noterat`)",
    "reminders.reason.channel_not_found": "the channel is gone, or the app cannot see it",
    "reminders.reason.BotNotInConversationRoster": "Noterat was removed from the chat or team",
    "reminders.reason.not-installed": "the app is not installed in the workspace",
    "reminders.reason.not-delivered-in-time":
      "no running Noterat reaches that platform; the reminder was given up after a week",
    "reminders.reason.other": "the platform did not answer as expected",
    "reminders.settings.failed-line": "{kind}, {when}: {reason} ({code})",
    "reminders.settings.failed-none":
      "No reminder has failed in the last {days, plural, one {day} other {# days}}.",
    "reminders.settings.kind-meeting": "Meeting reminder",
    "reminders.settings.kind-prep": "Own actions before the meeting",
    "reminders.settings.kind-due": "Action due",
    "reminders.settings.kind-overdue": "Overdue action",
    "reminders.settings.kind-digest": "Weekly digest",
    "reminders.settings.kind-minutes-due": "Minutes to compile",
    "reminders.settings.kind-approval-due": "Approval of minutes",
  },
});
