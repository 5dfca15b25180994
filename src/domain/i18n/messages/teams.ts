import { defineMessages } from "../define-messages.js";

/**
 * The few lines the Teams surface adds around a reply: the mark on each card after the first
 * of a post too big for one card, and the line under a list cut short in the overview card.
 */
export const teamsMessages = defineMessages({
  sv: {
    "teams.continued": "… (forts. {part}/{parts})",
    "teams.more": "… och {count} till.",
  },
  en: {
    "teams.continued": "… (cont. {part}/{parts})",
    "teams.more": "… and {count} more.",
  },
});
