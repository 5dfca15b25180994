import { defineMessages } from "../define-messages.js";

/**
 * The few lines the Teams surface adds around a reply: the mark on each card after the first
 * of a post too big for one card, the line under a list cut short in the overview card, and
 * the file consent flow that hands over a file in the personal chat (`protokoll pdf`).
 */
export const teamsMessages = defineMessages({
  sv: {
    "teams.continued": "… (forts. {part}/{parts})",
    "teams.more": "… och {count} till.",
    "teams.file-offered":
      "Filen {name} väntar på dig i din personliga chatt med Noterat. Godkänn den där, så sparas den i din OneDrive.",
    "teams.file-description.protocol-pdf": "Det justerade protokollet som PDF, från Noterat.",
    "teams.file-description.personal-data": "Allt Noterat har om dig, som JSON.",
    "teams.file-declined": "Okej, filen {name} skickades inte.",
    "teams.file-upload-failed":
      "Filen {name} kunde inte sparas i din OneDrive. Försök igen om en stund med samma kommando.",
    "teams.file-changed":
      "Filen {name} ser inte längre ut som när den erbjöds. Skriv kommandot igen, så får du den som den är nu.",
    "teams.file-refused":
      "Den här filen kan inte skickas härifrån. Skriv kommandot igen, så erbjuds du en ny.",
  },
  en: {
    "teams.continued": "… (cont. {part}/{parts})",
    "teams.more": "… and {count} more.",
    "teams.file-offered":
      "The file {name} is waiting for you in your personal chat with Noterat. Accept it there and it is saved to your OneDrive.",
    "teams.file-description.protocol-pdf": "The approved minutes as a PDF, from Noterat.",
    "teams.file-description.personal-data": "Everything Noterat holds about you, as JSON.",
    "teams.file-declined": "All right, the file {name} was not sent.",
    "teams.file-upload-failed":
      "The file {name} could not be saved to your OneDrive. Please try the same command again in a while.",
    "teams.file-changed":
      "The file {name} is no longer what was offered. Type the command again to get it as it is now.",
    "teams.file-refused":
      "This file can't be sent from here. Type the command again and you'll be offered a new one.",
  },
});
