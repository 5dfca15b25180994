import { defineMessages } from "../define-messages.js";

/** Replies to commands that could not be understood, and the usage line of every command. */
export const parseMessages = defineMessages({
  sv: {
    "parse.unknown-command": "Jag förstod inte ”{word}”. Skriv `hjälp` för att se vad jag kan.",
  },
  en: {
    "parse.unknown-command": "I did not understand “{word}”. Type `help` to see what I can do.",
  },
});
