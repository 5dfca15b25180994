import { defineMessages } from "../define-messages.js";

/** What reminders say when they arrive (DESIGN.md §5), in a channel or privately. */
export const reminderNoticeMessages = defineMessages({
  sv: {
    "reminder.meeting": "Påminnelse: {council} har möte {lead}, {meeting}.",
    "reminder.lead-days": "om {count} dagar",
    "reminder.lead-tomorrow": "imorgon",
    "reminder.lead-today": "idag",
    "reminder.lead-minutes": "om {count} minuter",
    "reminder.lead-minute": "om en minut",
    "reminder.digest-title": "Veckans uppdrag i {council}: {open} öppna, varav {overdue} försenade",
    "reminder.due-title": "Påminnelse: uppdrag som ska vara klara",
    "reminder.overdue-title": "Försenade uppdrag – klara, eller ska de skjutas upp?",
    "reminder.prep-title": "Inför mötet med {council} {meeting}: dina öppna uppdrag ({count})",
    "reminder.minutes-due":
      "Påminnelse: protokollet från mötet med {council} {meeting} är inte sammanställt än. Sammanställ det med `protokoll {date}`, så att det kan justeras senast {deadline}.",
    "reminder.approval-due":
      "Påminnelse: protokollet från mötet med {council} {meeting} ska vara justerat senast {deadline}, {left}, och du har inte justerat det än. Läs det med `protokoll {date}` och justera med `justera {date}`.",
    "reminder.approval-passed":
      "Protokollet från mötet med {council} {meeting} skulle ha varit justerat senast {deadline}, och du har inte justerat det än. Läs det med `protokoll {date}` och justera med `justera {date}`.",
    "local.reminder-to": "🔔 Påminnelse till {name}:",
    "local.reminder-channel": "🔔 Påminnelse i kanalen:",
  },
  en: {
    "reminder.meeting": "Reminder: {council} meets {lead}, {meeting}.",
    "reminder.lead-days": "in {count} days",
    "reminder.lead-tomorrow": "tomorrow",
    "reminder.lead-today": "today",
    "reminder.lead-minutes": "in {count} minutes",
    "reminder.lead-minute": "in a minute",
    "reminder.digest-title":
      "This week's actions in {council}: {open} open, {overdue} of them overdue",
    "reminder.due-title": "Reminder: actions due",
    "reminder.overdue-title": "Overdue actions – done, or should they be postponed?",
    "reminder.prep-title": "Before the meeting of {council} {meeting}: your open actions ({count})",
    "reminder.minutes-due":
      "Reminder: the minutes of the {council} meeting on {meeting} are not compiled yet. Compile them with `minutes {date}`, so that they can be approved by {deadline}.",
    "reminder.approval-due":
      "Reminder: the minutes of the {council} meeting on {meeting} are to be approved by {deadline}, {left}, and you have not approved them yet. Read them with `minutes {date}` and approve them with `approve {date}`.",
    "reminder.approval-passed":
      "The minutes of the {council} meeting on {meeting} were to be approved by {deadline}, and you have not approved them yet. Read them with `minutes {date}` and approve them with `approve {date}`.",
    "local.reminder-to": "🔔 Reminder for {name}:",
    "local.reminder-channel": "🔔 Reminder in the channel:",
  },
});
