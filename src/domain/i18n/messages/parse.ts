import { defineMessages } from "../define-messages.js";

/**
 * Replies to commands that could not be understood (`parse.<code>`), and the form of every
 * command (`usage.<command id>`): shown under a parse error and listed by `hjälp`.
 */
export const parseMessages = defineMessages({
  sv: {
    "parse.empty": "Du skrev inget kommando. Skriv `hjälp` för att se vad jag kan.",
    "parse.bad-code": "”{word}” är ingen kopplingskod. En kod ser ut som ABCD-EFGH.",
    "parse.bad-character":
      "Texten innehåller ett osynligt styrtecken ({code}). Ta bort det och skriv igen.",
    "parse.unknown-command": "Jag förstod inte ”{word}”. Skriv `hjälp` för att se vad jag kan.",
    "parse.missing-argument": "Det saknas något efter ”{word}”.",
    "parse.unexpected-argument": "Jag vet inte vad jag ska göra med ”{word}” här.",
    "parse.bad-date":
      "Jag kunde inte läsa ”{word}” som ett datum. Skriv till exempel 30 maj, 30/5, 2026-05-30, imorgon eller nästa tisdag.",
    "parse.no-such-date":
      "”{word}” finns inte i kalendern. Se över dag, månad och år: juni har till exempel 30 dagar och februari 28, 29 under skottår, och året ska vara mellan 1900 och 2199. Inget har sparats.",
    "parse.bad-time":
      "Jag kunde inte läsa ”{word}” som ett klockslag. Skriv till exempel kl 13:00 eller kl 13.",
    "parse.bad-mention":
      "”{word}” är ingen person jag känner igen. Nämn personen med @, till exempel @anna.",
    "parse.bad-id":
      "”{word}” är inget nummer på en punkt eller ett uppdrag. Skriv numret som står i svaren, till exempel 12 eller #12.",
    "parse.bad-role":
      "”{word}” är ingen roll. Välj sekreterare, ordförande, justerare eller ledamot.",
    "parse.bad-url":
      "”{word}” ser inte ut som en webbadress. Skriv till exempel https://www.rvn.se/handlingar eller rvn.se/handlingar.",
    "parse.missing-heading": "Rubriken saknas. Skriv rubriken, ett kolon och sedan texten.",
    "parse.empty-text": "Det finns ingen text att spara.",
    "parse.too-long": "Det är för långt: högst {limit} tecken går, och du skrev {length}.",
    "parse.bad-lead":
      "”{word}” är ingen tid före mötet som går att använda. Skriv dagar, timmar eller minuter, till exempel 7d, 2h eller 30min – högst {days, plural, one {# dag} other {# dagar}} eller {hours, plural, one {# timme} other {# timmar}}.",
    "parse.too-many-leads":
      "Högst {limit, plural, one {# påminnelse} other {# påminnelser}} före ett möte går, och du skrev {count}.",
    "parse.bad-approval-days":
      "”{word}” är ingen justeringstid. Skriv antalet dagar efter mötet, till exempel justering 14d – mellan {min} och {max} dagar.",
    "parse.bad-hours":
      "”{word}” är ingen dagtid. Skriv två klockslag, det tidigaste först, till exempel dagtid 08-18 eller dagtid 8.30–17, eller dagtid alltid.",
    "parse.bad-weekday":
      "”{word}” är ingen veckodag. Skriv till exempel sammanfattning måndag, eller sammanfattning av.",
    "usage.help": "`hjälp` – visa den här listan",
    "usage.link":
      "`koppla [KOD]` – koppla ännu en kanal, även i Teams eller Slack, till rådet: utan kod får sekreteraren en kod att skriva i den andra kanalen",
    "usage.council":
      "`råd NAMN` – skapa ett råd i den här kanalen (eller koppla kanalen till ett befintligt råd); du blir sekreterare",
    "usage.role":
      "`roll @PERSON ROLL` – ge någon en roll: sekreterare, ordförande, justerare eller ledamot",
    "usage.meeting":
      "`möte DATUM [kl HH:MM] [PLATS]` – planera ett möte, till exempel `möte 30 maj kl 13:00 Stadshuset`",
    "usage.move":
      "`flytta [DATUM] till DATUM [kl HH:MM]` – flytta nästa möte (eller mötet den dagen)",
    "usage.cancel": "`ställ in [DATUM]` – ställ in nästa möte (eller mötet den dagen)",
    "usage.agenda-add": "`punkt RUBRIK` – lägg till en punkt på nästa mötes dagordning",
    "usage.agenda-show": "`dagordning` – visa nästa mötes dagordning",
    "usage.next": "`nästa` – nästa möte, med dagordning och handlingar",
    "usage.documents":
      "`handlingar URL` – ange var mötets handlingar finns, till exempel `handlingar rvn.se/handlingar`",
    "usage.item":
      "`noterat RUBRIK: TEXT`, `diskussion RUBRIK: TEXT`, `beslut RUBRIK: TEXT` – anteckna information, en diskussion eller ett beslut i mötet; ett beslut får nästa §",
    "usage.action":
      "`uppdrag [#ID] @PERSON [@PERSON…] TEXT [senast DATUM]` – ge ett uppdrag, till exempel `uppdrag @anna Boka lokal senast 30 maj`; med #ID hör uppdraget till punkt ID, till exempel `uppdrag #12 @anna Skicka beslutet`",
    "usage.edit":
      "`ändra ID TEXT` – rätta en punkt eller ett uppdrag: `ändra 12 RUBRIK: TEXT`, `ändra 12 TEXT senast DATUM`",
    "usage.remove":
      "`stryk ID` – stryk en punkt eller ett uppdrag; det finns kvar i ändringsloggen",
    "usage.list-open": "`öppna` – rådets alla öppna uppdrag",
    "usage.list-mine": "`mina` – dina öppna uppdrag, i alla dina råd",
    "usage.list-overdue": "`försenade` – uppdrag vars sista datum har passerat",
    "usage.list-person": "`uppdrag @PERSON` – en persons öppna uppdrag",
    "usage.done": "`klar ID` – markera ett uppdrag som klart, till exempel `klar 12`",
    "usage.postpone":
      "`skjut upp ID [till DATUM]` – flytta ett uppdrags slutdatum, en vecka om inget datum anges",
    "usage.reminders-show":
      "`påminnelser` – när rådets påminnelser skickas; sekreteraren ser också de som inte gick fram",
    "usage.reminders-set":
      "`påminnelser [på|av] [möte 7d 1d] [uppdrag 1d] [kl 9:00] [sammanfattning måndag] [dagtid 08-18] [vardagar|helger] [justering 14d]` – ändra påminnelserna (sekreteraren): tider före mötet i d, h eller min; `möte av`, `uppdrag av` och `sammanfattning av` stänger av just den delen; `dagtid alltid` tillåter alla tider och `helger` tar med lördag och söndag; `justering` är hur många dagar efter mötet ett protokoll ska vara justerat",
    "usage.search": "`sök TEXT` – sök bland rådets punkter och beslut",
    "usage.minutes":
      "`protokoll [DATUM]` – sammanställ mötets anteckningar till ett utkast som bara du ser",
    "usage.lede": "`ingress TEXT` – skriv en egen ingress i stället för den som görs automatiskt",
    "usage.approve":
      "`justera [DATUM]` – justera utkastet (ordförande eller justerare); med datum ett tidigare möte",
    "usage.publish": "`publicera [DATUM]` – publicera de justerade anteckningarna i rådets kanaler",
    "usage.verify":
      "`verifiera [DATUM]` – kontrollera att de publicerade anteckningarna är exakt de som justerades",
    "usage.show": "`visa ID` – en punkt eller ett uppdrag i sin helhet, med ursprung och historik",
  },
  en: {
    "parse.empty": "You did not write a command. Type `help` to see what I can do.",
    "parse.bad-code": "“{word}” is not a link code. A code looks like ABCD-EFGH.",
    "parse.bad-character":
      "The text contains an invisible control character ({code}). Remove it and try again.",
    "parse.unknown-command": "I did not understand “{word}”. Type `help` to see what I can do.",
    "parse.missing-argument": "Something is missing after “{word}”.",
    "parse.unexpected-argument": "I do not know what to do with “{word}” here.",
    "parse.bad-date":
      "I could not read “{word}” as a date. Write, for example, May 30, 2026-05-30, tomorrow or next tuesday.",
    "parse.no-such-date":
      "“{word}” is not a day in the calendar. Check the day, the month and the year: June, for example, has 30 days, and February 28, or 29 in a leap year, and the year must be between 1900 and 2199. Nothing was saved.",
    "parse.bad-time":
      "I could not read “{word}” as a time. Write, for example, at 13:00 or at 1pm.",
    "parse.bad-mention":
      "“{word}” is not a person I recognise. Mention them with @, for example @anna.",
    "parse.bad-id":
      "“{word}” is not the number of an item or an action. Write the number shown in the replies, for example 12 or #12.",
    "parse.bad-role": "“{word}” is not a role. Choose secretary, chair, approver or member.",
    "parse.bad-url":
      "“{word}” does not look like a web address. Write, for example, https://www.rvn.se/handlingar or rvn.se/handlingar.",
    "parse.missing-heading": "The heading is missing. Write the heading, a colon, then the text.",
    "parse.empty-text": "There is no text to save.",
    "parse.too-long":
      "That is too long: at most {limit, plural, one {# character} other {# characters}}, and you wrote {length}.",
    "parse.bad-lead":
      "“{word}” is not a lead time I can use. Write days, hours or minutes, for example 7d, 2h or 30min – at most {days, plural, one {# day} other {# days}} or {hours, plural, one {# hour} other {# hours}}.",
    "parse.too-many-leads":
      "At most {limit, plural, one {# reminder} other {# reminders}} before a meeting, and you wrote {count}.",
    "parse.bad-approval-days":
      "“{word}” is no time for approval. Write the number of days after the meeting, for example approval 14d – between {min} and {max} days.",
    "parse.bad-hours":
      "“{word}” is not a span of hours. Write two times, the earlier first, for example hours 08-18 or hours 8:30–17, or hours always.",
    "parse.bad-weekday":
      "“{word}” is not a day of the week. Write, for example, digest monday, or digest off.",
    "usage.help": "`help` – show this list",
    "usage.link":
      "`link [CODE]` – bind another channel, also in Teams or Slack, to the council: without a code the secretary gets a code to type in the other channel",
    "usage.council":
      "`council NAME` – create a council in this channel (or bind the channel to an existing council); you become its secretary",
    "usage.role": "`role @PERSON ROLE` – give someone a role: secretary, chair, approver or member",
    "usage.meeting":
      "`meeting DATE [at HH:MM] [PLACE]` – schedule a meeting, for example `meeting May 30 at 13:00 City Hall`",
    "usage.move":
      "`move [DATE] to DATE [at HH:MM]` – move the next meeting (or the meeting on that day)",
    "usage.cancel": "`cancel [DATE]` – cancel the next meeting (or the meeting on that day)",
    "usage.agenda-add": "`agenda HEADING` – add a point to the next meeting's agenda",
    "usage.agenda-show": "`agenda` – show the next meeting's agenda",
    "usage.next": "`next` – the next meeting, with its agenda and documents",
    "usage.documents":
      "`documents URL` – say where the meeting documents are, for example `documents rvn.se/handlingar`",
    "usage.item":
      "`note HEADING: TEXT`, `discussion HEADING: TEXT`, `decision HEADING: TEXT` – log information, a discussion or a decision in the meeting; a decision gets the next §",
    "usage.action":
      "`action [#ID] @PERSON [@PERSON…] TEXT [by DATE]` – assign an action, for example `action @anna Book a room by May 30`; with #ID the action belongs to item ID, for example `action #12 @anna Send the decision`",
    "usage.edit":
      "`edit ID TEXT` – correct an item or an action: `edit 12 HEADING: TEXT`, `edit 12 TEXT by DATE`",
    "usage.remove": "`remove ID` – withdraw an item or an action; the audit trail keeps it",
    "usage.list-open": "`open` – every open action of this council",
    "usage.list-mine": "`mine` – your open actions, in all your councils",
    "usage.list-overdue": "`overdue` – actions past their due date",
    "usage.list-person": "`actions @PERSON` – one person's open actions",
    "usage.done": "`done ID` – mark an action done, for example `done 12`",
    "usage.postpone":
      "`postpone ID [to DATE]` – move an action's due date, by a week when no date is given",
    "usage.reminders-show":
      "`reminders` – when this council's reminders go out; the secretary also sees those that failed",
    "usage.reminders-set":
      "`reminders [on|off] [meeting 7d 1d] [actions 1d] [at 9:00] [digest monday] [hours 08-18] [weekdays|weekends] [approval 14d]` – change the reminders (secretary): times before the meeting in d, h or min; `meeting off`, `actions off` and `digest off` turn off just that part; `hours always` allows any hour and `weekends` adds Saturday and Sunday; `approval` is how many days after the meeting a protocol is to be approved by",
    "usage.search": "`search TEXT` – search this council's items and decisions",
    "usage.minutes": "`minutes [DATE]` – compile the meeting's notes into a draft only you see",
    "usage.lede": "`lede TEXT` – write your own lede instead of the generated one",
    "usage.approve":
      "`approve [DATE]` – approve the draft (chair or approver); with a date, an earlier meeting's",
    "usage.publish": "`publish [DATE]` – post the approved notes to the council's channels",
    "usage.verify":
      "`verify [DATE]` – check that the published minutes are exactly what was approved",
    "usage.show": "`show ID` – one item or action in full, with its origin and history",
  },
});
