import { defineMessages } from "../define-messages.js";

/** What reminders say when they arrive (architecture.md §5), in a channel or privately. */
export const reminderNoticeMessages = defineMessages({
  sv: {
    "reminder.meeting": "Påminnelse: {council} har möte {lead}, {meeting}.",
    "reminder.lead-days": "{count, plural, =0 {idag} =1 {imorgon} other {om # dagar}}",
    "reminder.lead-minutes": "{count, plural, one {om en minut} other {om # minuter}}",
    // "uppdrag" is neuter: "1 öppet", "2 öppna".
    "reminder.digest-title":
      "Veckans uppdrag i {council}: {open, plural, one {# öppet} other {# öppna}}, varav {overdue, plural, one {# försenat} other {# försenade}}",
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
    "reminder.lead-days": "{count, plural, =0 {today} =1 {tomorrow} other {in # days}}",
    "reminder.lead-minutes": "{count, plural, one {in a minute} other {in # minutes}}",
    "reminder.digest-title":
      "This week's actions in {council}: {open} open, {overdue, plural, =0 {none} other {#}} of them overdue",
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
