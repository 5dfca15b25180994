import { defineMessages } from "../define-messages.js";

/** Replies to a command that was understood but cannot be done: one per `ErrorCode`. */
export const errorMessages = defineMessages({
  sv: {
    "error.no-council":
      "Den här kanalen hör inte till något råd än. Sekreteraren skapar ett med `råd NAMN`.",
    "error.no-current-meeting":
      "Det finns inget pågående möte. Planera ett med `möte DATUM`, till exempel `möte idag kl 13`.",
    "error.no-next-meeting": "Inget kommande möte är planerat. Planera ett med `möte DATUM`.",
    "error.meeting-not-found": "Det finns inget planerat möte {date}.",
    "error.meeting-exists":
      "Det finns redan ett möte {date}. Flytta det med `flytta` eller välj en annan dag.",
    "error.not-found": "Det finns ingen punkt eller inget uppdrag med nummer #{ref}.",
    "error.forbidden-secretary": "Det får bara rådets sekreterare göra.",
    "error.forbidden-approver": "Det får bara ordföranden eller en justerare göra.",
    "error.forbidden-assignee":
      "Bara den som har uppdraget, eller sekreteraren, kan markera det klart.",
    "error.already-bound": "Den här kanalen hör redan till {council}.",
    "error.bad-button": "Den knappen känner Noterat inte igen. Skriv kommandot i stället.",
    "error.link-code-invalid":
      "Koden är okänd, redan använd eller äldre än en timme. Be sekreteraren om en ny med `koppla`.",
    "error.nothing-to-compile":
      "Mötet har inga punkter än. Lägg till med `noterat RUBRIK: TEXT`, `diskussion` eller `beslut`.",
    "error.already-approved": "Anteckningarna är redan justerade.",
    "error.already-published":
      "Anteckningarna är redan publicerade. Ändras något i dem behöver de justeras igen.",
    "error.forbidden-draft": "Utkastet visas bara för sekreteraren, ordföranden och justerare.",
    "error.not-approved":
      "Anteckningarna är inte justerade än. Ordföranden eller en justerare justerar med `justera`.",
    "error.not-published": "Anteckningarna från mötet {date} är inte publicerade.",
    "error.changed-while-approved":
      "Anteckningarna ändrades medan du justerade dem, så justeringen gäller inte. Se dem igen med `protokoll` och justera på nytt.",
    "error.busy": "Någon annan gör samma sak just nu. Försök igen om en stund.",
    "error.nothing-published": "Rådet har inga publicerade anteckningar ännu.",
    "error.already-done": "Uppdrag #{ref} är redan klart.",
    "error.already-removed": "#{ref} är redan struket.",
    "error.not-an-action": "#{ref} är en punkt, inte ett uppdrag. Bara uppdrag kan markeras klara.",
    "error.no-such-date":
      "”{date}” finns inte i kalendern, så #{ref} är oförändrad. Se över dag, månad och år: juni har till exempel 30 dagar, och året ska vara mellan 1900 och 2199.",
    "error.last-secretary":
      "Rådet behöver minst en sekreterare. Utse en ny innan du ändrar den sista.",
    "error.reminder-time-outside-hours":
      "Påminnelserna går kl. {at}, utanför dagtiden {from}–{to}: då skulle de vänta till nästa dag. Välj en tid inom dagtiden, eller ändra den med `dagtid`.",
  },
  en: {
    "error.no-council":
      "This channel does not belong to a council yet. The secretary creates one with `council NAME`.",
    "error.no-current-meeting":
      "There is no current meeting. Schedule one with `meeting DATE`, for example `meeting today at 13:00`.",
    "error.no-next-meeting": "No coming meeting is scheduled. Schedule one with `meeting DATE`.",
    "error.meeting-not-found": "There is no meeting scheduled on {date}.",
    "error.meeting-exists":
      "There is already a meeting on {date}. Move it with `move` or pick another day.",
    "error.not-found": "There is no item or action numbered #{ref}.",
    "error.forbidden-secretary": "Only the council's secretary may do that.",
    "error.forbidden-approver": "Only the chair or an approver may do that.",
    "error.forbidden-assignee":
      "Only the person with the action, or the secretary, can mark it done.",
    "error.already-bound": "This channel already belongs to {council}.",
    "error.bad-button": "Noterat does not recognise that button. Type the command instead.",
    "error.link-code-invalid":
      "The code is unknown, already used or older than an hour. Ask the secretary for a new one with `link`.",
    "error.nothing-to-compile":
      "The meeting has no items yet. Add one with `note HEADING: TEXT`, `discussion` or `decision`.",
    "error.already-approved": "The notes are already approved.",
    "error.already-published":
      "The notes are already published. If anything in them changes, they need approving again.",
    "error.forbidden-draft": "The draft is shown only to the secretary, the chair and approvers.",
    "error.not-approved":
      "The notes are not approved yet. The chair or an approver approves with `approve`.",
    "error.not-published": "The notes from the meeting on {date} are not published.",
    "error.changed-while-approved":
      "The notes changed while you approved them, so the approval does not stand. See them again with `minutes` and approve anew.",
    "error.busy": "Someone else is doing the same thing right now. Try again in a while.",
    "error.nothing-published": "This council has no published notes yet.",
    "error.already-done": "Action #{ref} is already done.",
    "error.already-removed": "#{ref} is already removed.",
    "error.not-an-action": "#{ref} is an item, not an action. Only actions can be marked done.",
    "error.no-such-date":
      "“{date}” is not a day in the calendar, so #{ref} is unchanged. Check the day, the month and the year: June, for example, has 30 days, and the year must be between 1900 and 2199.",
    "error.last-secretary":
      "The council needs at least one secretary. Appoint another before changing the last one.",
    "error.reminder-time-outside-hours":
      "Reminders go at {at}, outside the hours {from}–{to}, so they would wait until the next day. Choose a time within the hours, or change them with `hours`.",
  },
});
