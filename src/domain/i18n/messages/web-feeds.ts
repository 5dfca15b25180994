import { defineMessages } from "../define-messages.js";

/**
 * The names a council's feeds go by in a feed reader or a calendar (architecture.md §13); the
 * renderers take them ready-made, the archive's routes fill them in.
 */
export const webFeedMessages = defineMessages({
  sv: {
    "feeds.atom.title": "Noterat från {council}",
    "feeds.calendar.name": "{council} – möten",
    "feeds.calendar.event": "Möte med {council}",
  },
  en: {
    "feeds.atom.title": "Notes from {council}",
    "feeds.calendar.name": "{council} – meetings",
    "feeds.calendar.event": "{council} meeting",
  },
});
