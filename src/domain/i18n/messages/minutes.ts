import { defineMessages } from "../define-messages.js";

/** Text of the compiled post (DESIGN.md §4). Owned by the minutes module. */
export const minutesMessages = defineMessages({
  sv: {
    "minutes.title": "Noterat från {council} {date}",
  },
  en: {
    "minutes.title": "Notes from {council}, {date}",
  },
});
