import { defineMessages } from "../define-messages.js";

/**
 * The words of the web archive's index page (architecture.md §13): its title, the links to the
 * feeds, and the links to a post's protocol. The posts' own words come with the posts.
 */
export const webMessages = defineMessages({
  sv: {
    "web.archive.title": "Publicerat från {council}",
    "web.archive.intro": "Anteckningar från rådets möten, de senaste först.",
    "web.archive.empty": "Inget har publicerats ännu.",
    "web.archive.feed": "Nyhetsflöde (Atom) med publicerade anteckningar",
    "web.archive.feed-title": "Publicerat från {council} (Atom)",
    "web.archive.calendar": "Planerade möten som kalender (iCalendar)",
    "web.archive.protocol": "Protokoll",
    "web.archive.protocol-pdf": "Protokoll som PDF",
  },
  en: {
    "web.archive.title": "Published by {council}",
    "web.archive.intro": "Notes from the council's meetings, newest first.",
    "web.archive.empty": "Nothing has been published yet.",
    "web.archive.feed": "News feed (Atom) of published notes",
    "web.archive.feed-title": "Published by {council} (Atom)",
    "web.archive.calendar": "Planned meetings as a calendar (iCalendar)",
    "web.archive.protocol": "Minutes",
    "web.archive.protocol-pdf": "Minutes as PDF",
  },
});
