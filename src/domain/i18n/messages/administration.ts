import { defineMessages } from "../define-messages.js";

/**
 * The council's administration (issue 14): `språk`, `tidszon`, `koppla bort`, `logg` and a
 * person's own language, `mitt språk`. `log.event.<action>[.<entity type>]` says what an audit
 * entry records; an action without a line of its own is shown by its code.
 */
export const administrationMessages = defineMessages({
  sv: {
    "usage.language":
      "`språk sv|en` – rådets språk i kanalen, i anteckningarna och i påminnelserna till kanalen (sekreteraren)",
    "usage.time-zone":
      "`tidszon ZON` – rådets tidszon, till exempel `tidszon Europe/Stockholm`; möten med klockslag ligger kvar vid samma tidpunkt, heldagsmöten och slutdatum på samma dag (sekreteraren)",
    "usage.unlink":
      "`koppla bort` – koppla bort den här kanalen från rådet; rådet, dess historik och dess andra kanaler finns kvar (sekreteraren)",
    "usage.log":
      "`logg [ID]` – ändringsloggen, senaste först: rådets, eller en punkts eller ett uppdrags (sekreteraren, ordföranden och justerare)",
    "usage.my-language":
      "`mitt språk sv|en` – ditt eget språk i svar som bara du ser och i dina privata påminnelser",
    "parse.bad-language":
      "”{word}” är inget språk Noterat kan. Skriv sv (svenska) eller en (engelska).",
    "parse.bad-time-zone":
      "”{word}” är ingen tidszon som Noterat känner till. Skriv en IANA-tidszon, till exempel Europe/Stockholm eller Europe/Helsinki.",
    "error.forbidden-log": "Loggen visas bara för sekreteraren, ordföranden och justerare.",
    "language.set": "Språket i {council} är nu {language}.",
    "language.unchanged": "Språket i {council} är redan {language}.",
    "my-language.set":
      "Noterat svarar dig nu på {language} när bara du ser svaret, och dina privata påminnelser kommer på {language}. Rådens kanaler behåller rådens språk.",
    "time-zone.set":
      "Tidszonen i {council} är nu {zone}. Möten med klockslag ligger kvar vid samma tidpunkt, så klockslaget kan visas annorlunda; heldagsmöten och slutdatum behåller sina datum.",
    "time-zone.unchanged": "Tidszonen i {council} är redan {zone}.",
    "unlink.done":
      "Den här kanalen hör inte längre till {council}. Rådet, dess historik och dess andra kanaler finns kvar. Sekreteraren kopplar tillbaka kanalen med `råd {council}` här, eller med `koppla` i en annan av rådets kanaler och sedan koden här.",
    "unlink.last":
      "Den här kanalen hör inte längre till {council}, som nu inte har någon kanal. Rådet och dess historik finns kvar: sekreteraren når det igen med `råd {council}` i en kanal i samma arbetsyta.",
    "log.title": "Logg för {council}, senaste först",
    "log.title-entry": "Logg för #{ref}, senaste först",
    "log.empty": "Loggen har inga händelser.",
    "log.older":
      "Äldre händelser visas inte här. En punkts eller ett uppdrags hela logg: `logg ID`.",
    "log.line": "{at} {who} {event}",
    "log.entity.ref": "#{ref}",
    "log.entity.council": "rådet",
    "log.entity.unknown": "(okänd)",
    "log.platform.slack": "Slack",
    "log.platform.teams": "Teams",
    "log.platform.local": "lokalt läge",
    "log.event.other": "{action} {entity}",
    "log.event.created": "skapade {entity}",
    "log.event.created.council": "skapade rådet",
    "log.event.created.meeting": "planerade mötet {entity}",
    "log.event.changed": "ändrade {entity}",
    "log.event.changed.meeting": "ändrade mötet {entity}",
    "log.event.changed.council": "ändrade rådets inställningar",
    "log.event.changed.council.locale": "ändrade rådets språk till {value}",
    "log.event.changed.council.timeZone": "ändrade rådets tidszon till {value}",
    "log.event.renamed": "bytte namn på rådet",
    "log.event.renamed.name": "bytte namn på rådet till {value}",
    "log.event.rescheduled": "flyttade slutdatumet för {entity}",
    "log.event.completed": "markerade {entity} som klart",
    "log.event.reopened": "öppnade {entity} igen",
    "log.event.reopened.meeting": "öppnade anteckningarna från mötet {entity} igen",
    "log.event.removed": "strök {entity}",
    "log.event.approved": "justerade {entity}",
    "log.event.approved.meeting": "justerade anteckningarna från mötet {entity}",
    "log.event.signed": "skrev under {entity}",
    "log.event.signed.meeting": "skrev under protokollet från mötet {entity}",
    "log.event.published": "publicerade {entity}",
    "log.event.published.meeting": "publicerade anteckningarna från mötet {entity}",
    "log.event.published-anyway":
      "publicerade anteckningarna från mötet {entity} trots möjliga personuppgifter",
    "log.event.forgotten": "glömde en person",
    "log.event.cancelled": "ställde in mötet {entity}",
    "log.event.moved": "flyttade mötet {entity}",
    "log.event.moved.dates": "flyttade mötet {from} till {to}",
    "log.event.role-set": "ändrade rollerna för {entity}",
    "log.event.role-set.role": "gav {entity} rollen {role}",
    "log.event.bound": "kopplade en kanal till rådet ({entity})",
    "log.event.unbound": "kopplade bort en kanal från rådet ({entity})",
  },
  en: {
    "usage.language":
      "`language sv|en` – the council's language in its channels, its minutes and its channel reminders (secretary)",
    "usage.time-zone":
      "`time zone ZONE` – the council's time zone, for example `time zone Europe/Stockholm`; meetings with a time stay at the same moment, all-day meetings and due dates on the same day (secretary)",
    "usage.unlink":
      "`unlink` – unbind this channel from the council; the council, its history and its other channels stay (secretary)",
    "usage.log":
      "`log [ID]` – the audit trail, newest first: the council's, or one item's or action's (secretary, chair and approvers)",
    "usage.my-language":
      "`my language sv|en` – your own language for answers only you see and for your private reminders",
    "parse.bad-language":
      "“{word}” is not a language Noterat speaks. Write sv (Swedish) or en (English).",
    "parse.bad-time-zone":
      "“{word}” is not a time zone Noterat knows. Write an IANA time zone, for example Europe/Stockholm or Europe/Helsinki.",
    "error.forbidden-log": "The log is shown only to the secretary, the chair and approvers.",
    "language.set": "The language of {council} is now {language}.",
    "language.unchanged": "The language of {council} is already {language}.",
    "my-language.set":
      "Noterat now answers you in {language} where only you see the answer, and your private reminders come in {language}. Council channels keep their council's language.",
    "time-zone.set":
      "The time zone of {council} is now {zone}. Meetings with a time stay at the same moment, so their clock time may read differently; all-day meetings and due dates keep their dates.",
    "time-zone.unchanged": "The time zone of {council} is already {zone}.",
    "unlink.done":
      "This channel no longer belongs to {council}. The council, its history and its other channels stay. The secretary binds this channel again with `council {council}` here, or with `link` in another of the council's channels and then the code here.",
    "unlink.last":
      "This channel no longer belongs to {council}, which now has no channel. The council and its history stay: the secretary reaches it again with `council {council}` in a channel of the same workspace.",
    "log.title": "Log of {council}, newest first",
    "log.title-entry": "Log of #{ref}, newest first",
    "log.empty": "The log has no entries.",
    "log.older": "Older entries are not shown here. An item's or action's whole log: `log ID`.",
    "log.line": "{at} {who} {event}",
    "log.entity.ref": "#{ref}",
    "log.entity.council": "the council",
    "log.entity.unknown": "(unknown)",
    "log.platform.slack": "Slack",
    "log.platform.teams": "Teams",
    "log.platform.local": "local mode",
    "log.event.other": "{action} {entity}",
    "log.event.created": "created {entity}",
    "log.event.created.council": "created the council",
    "log.event.created.meeting": "scheduled the meeting on {entity}",
    "log.event.changed": "changed {entity}",
    "log.event.changed.meeting": "changed the meeting on {entity}",
    "log.event.changed.council": "changed the council's settings",
    "log.event.changed.council.locale": "changed the council's language to {value}",
    "log.event.changed.council.timeZone": "changed the council's time zone to {value}",
    "log.event.renamed": "renamed the council",
    "log.event.renamed.name": "renamed the council {value}",
    "log.event.rescheduled": "moved the due date of {entity}",
    "log.event.completed": "marked {entity} done",
    "log.event.reopened": "reopened {entity}",
    "log.event.reopened.meeting": "reopened the minutes of the meeting on {entity}",
    "log.event.removed": "removed {entity}",
    "log.event.approved": "approved {entity}",
    "log.event.approved.meeting": "approved the minutes of the meeting on {entity}",
    "log.event.signed": "signed {entity}",
    "log.event.signed.meeting": "signed the minutes of the meeting on {entity}",
    "log.event.published": "published {entity}",
    "log.event.published.meeting": "published the minutes of the meeting on {entity}",
    "log.event.published-anyway":
      "published the minutes of the meeting on {entity} despite possible personal data",
    "log.event.forgotten": "forgot a person",
    "log.event.cancelled": "cancelled the meeting on {entity}",
    "log.event.moved": "moved the meeting on {entity}",
    "log.event.moved.dates": "moved the meeting on {from} to {to}",
    "log.event.role-set": "changed the roles of {entity}",
    "log.event.role-set.role": "made {entity} {role}",
    "log.event.bound": "bound a channel to the council ({entity})",
    "log.event.unbound": "unbound a channel from the council ({entity})",
  },
});
