import { defineMessages } from "../define-messages.js";

/**
 * Privacy (architecture.md §15): the personal-data check before publishing, `mina uppgifter`,
 * `glöm @P` and its confirmation.
 */
export const privacyMessages = defineMessages({
  sv: {
    "usage.my-data": "`mina uppgifter` – allt Noterat har sparat om dig, som svar och som fil",
    "usage.forget":
      "`glöm @PERSON` – ta bort en person ur rådet: roller, påminnelser, namnet i utkast och öppna uppdrag",
    "usage.confirm": "`ja` – bekräfta det Noterat just frågade dig om",
    "privacy.kind.personal-number": "personnummer",
    "privacy.kind.coordination-number": "samordningsnummer",
    "privacy.kind.phone": "telefonnummer",
    "privacy.kind.email": "e-postadress",
    "privacy.place.item": "#{ref}",
    "privacy.place.lede": "ingressen",
    "privacy.place.protocol-header": "protokollets huvud",
    "privacy.place.closing": "Nästa möte",
    "privacy.finding": "{place}: {kind} {masked}",
    "privacy.findings-title": "Möjliga personuppgifter – kontrollera innan publicering",
    "privacy.findings-next":
      "Ändra texten med `ändra ID …`, eller publicera ändå med `publicera ändå` om uppgifterna ska vara med.",
    "privacy.refused-title": "Publiceringen stoppades: texten kan innehålla personuppgifter",
    "privacy.refused-next":
      "Ändra texten med `ändra ID …` (och justera igen), eller skriv `publicera ändå` om uppgifterna ska publiceras.",
    "privacy.anyway-nothing":
      "Kontrollen hittade inga personuppgifter, så det finns inget att publicera ändå. Skriv `publicera`.",
    "my-data.none": "Noterat har inga uppgifter sparade om dig.",
    "my-data.title": "Det här har Noterat sparat om dig ({name})",
    "my-data.roles": "Roller: {roles}",
    "my-data.no-roles": "Roller: inga",
    "my-data.role": "{role} i {council}",
    "my-data.items": "Punkter du skrivit: {count}",
    "my-data.actions":
      "Uppdrag till dig: {assigned} (öppna: {open}); uppdrag du gett: {given}; markerade klara av dig: {completed}",
    "my-data.approvals": "Justeringar: {count}",
    "my-data.attendance":
      "Närvaro och frånvaro i protokoll: {count}; vald till justerare: {chosen}",
    "my-data.notes": "Reservationer, anteckningar och jäv: {count}",
    "my-data.reminders": "Påminnelser till dig: {count}",
    "my-data.audit": "Händelser du står för i loggen: {count}",
    "my-data.chat-kept": "Adressen till din privata chatt med Noterat är sparad, för påminnelser.",
    "my-data.footer":
      "Publicerade anteckningar och protokoll är allmänna handlingar och finns kvar. Sekreteraren kan ta bort dig ur ett råd med `glöm @du`.",
    "my-data.file-note":
      "Filen med alla uppgifter kunde inte lämnas här: be om den i en privat chatt med Noterat.",
    "my-data.written": "Alla uppgifter som fil: {file}",
    "my-data.sent": "Alla uppgifter som fil har skickats till dig privat.",
    "forget.ask":
      'Vill du att Noterat glömmer {name} i {council}? Personens roller, privata påminnelser och chattkopplingar i rådet tas bort, och i utkast och uppdrag står det "{label}" i stället för namnet. Publicerade anteckningar och protokoll är allmänna handlingar och behåller namnet. Svara `ja` inom {minutes} minuter för att bekräfta; allt annat avbryter.',
    "forget.label": "(borttagen person)",
    "forget.done": "{name} är glömd i {council}.",
    "forget.done-details":
      'Roller borttagna: {roles}; uppdrag som nu står på "{label}": {actions}; påminnelser borttagna: {reminders}; justerade utkast som måste justeras igen: {reopened}.',
    "forget.approver-removed":
      "Personen var vald justerare för protokoll som ännu inte är justerade. Välj en ny med `justerare @…`.",
    "forget.named-in-text":
      "Namnet står kvar i texten i {refs}. Ändra med `ändra ID …` om det ska bort därifrån också.",
    "forget.cancelled":
      "Avbrutet: {name} glömdes inte, och inget ändrades. Skriv ditt kommando igen.",
    "error.nothing-to-confirm": "Det finns inget att bekräfta just nu.",
    "error.forget-not-found": "{name} finns inte i rådet, så det finns inget att glömma.",
    "error.forget-self": "Du kan inte glömma dig själv. Be en annan sekreterare i rådet.",
  },
  en: {
    "usage.my-data": "`my data` – everything Noterat holds about you, as a reply and a file",
    "usage.forget":
      "`forget @PERSON` – remove a person from the council: roles, reminders, their name in drafts and open actions",
    "usage.confirm": "`yes` – confirm what Noterat just asked you",
    "privacy.kind.personal-number": "personal identity number",
    "privacy.kind.coordination-number": "co-ordination number",
    "privacy.kind.phone": "phone number",
    "privacy.kind.email": "e-mail address",
    "privacy.place.item": "#{ref}",
    "privacy.place.lede": "the lede",
    "privacy.place.protocol-header": "the protocol's header",
    "privacy.place.closing": "Next meeting",
    "privacy.finding": "{place}: {kind} {masked}",
    "privacy.findings-title": "Possible personal data – check before publishing",
    "privacy.findings-next":
      "Change the text with `edit ID …`, or publish with `publish anyway` if the data is meant to be there.",
    "privacy.refused-title": "Publishing stopped: the text may contain personal data",
    "privacy.refused-next":
      "Change the text with `edit ID …` (and approve again), or type `publish anyway` if the data is to be published.",
    "privacy.anyway-nothing":
      "The check found no personal data, so there is nothing to publish anyway. Type `publish`.",
    "my-data.none": "Noterat holds no data about you.",
    "my-data.title": "What Noterat holds about you ({name})",
    "my-data.roles": "Roles: {roles}",
    "my-data.no-roles": "Roles: none",
    "my-data.role": "{role} in {council}",
    "my-data.items": "Items you wrote: {count}",
    "my-data.actions":
      "Actions given to you: {assigned} (open: {open}); actions you gave: {given}; marked done by you: {completed}",
    "my-data.approvals": "Approvals: {count}",
    "my-data.attendance": "Attendance in protocols: {count}; chosen as approver: {chosen}",
    "my-data.notes": "Dissents, remarks and conflicts of interest: {count}",
    "my-data.reminders": "Reminders to you: {count}",
    "my-data.audit": "Entries you made in the audit trail: {count}",
    "my-data.chat-kept": "The address of your private chat with Noterat is kept, for reminders.",
    "my-data.footer":
      "Published notes and minutes are public records and remain. The secretary can remove you from a council with `forget @you`.",
    "my-data.file-note":
      "The file with all the data could not be handed over here: ask for it in a private chat with Noterat.",
    "my-data.written": "All the data as a file: {file}",
    "my-data.sent": "All the data as a file has been sent to you privately.",
    "forget.ask":
      'Do you want Noterat to forget {name} in {council}? Their roles, private reminders and chat links in the council are removed, and drafts and actions say "{label}" instead of the name. Published notes and minutes are public records and keep the name. Reply `yes` within {minutes} minutes to confirm; anything else cancels.',
    "forget.label": "(removed person)",
    "forget.done": "{name} has been forgotten in {council}.",
    "forget.done-details":
      'Roles removed: {roles}; actions now under "{label}": {actions}; reminders removed: {reminders}; approved drafts to approve again: {reopened}.',
    "forget.approver-removed":
      "They were a chosen approver of minutes not yet approved. Choose another with `approvers @…`.",
    "forget.named-in-text":
      "The name is still in the text of {refs}. Change it with `edit ID …` if it should go from there too.",
    "forget.cancelled":
      "Cancelled: {name} was not forgotten, and nothing changed. Type your command again.",
    "error.nothing-to-confirm": "There is nothing to confirm right now.",
    "error.forget-not-found": "{name} is not in the council, so there is nothing to forget.",
    "error.forget-self": "You cannot forget yourself. Ask another secretary of the council.",
  },
});
