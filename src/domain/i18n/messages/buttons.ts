import { defineMessages } from "../define-messages.js";

/** Labels of buttons and form elements, the same on every surface. */
export const buttonMessages = defineMessages({
  sv: {
    "button.done": "Klar",
  },
  en: {
    "button.done": "Done",
  },
});
