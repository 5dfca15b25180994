import { defineMessages } from "../define-messages.js";

/**
 * Text of the compiled post (architecture.md §4, seed 003). Owned by the minutes module.
 * The action suffixes start with a space, since they follow the line they qualify; the
 * renderers place the documents link where `{url}` stands.
 */
export const minutesMessages = defineMessages({
  sv: {
    "minutes.title": "Noterat från {council} {date}",
    // `count` is how many topics `topics` names.
    "minutes.lede":
      "{count, plural, =0 {Det här} one {{topics} – det var en av frågorna som} other {{topics} – det var några av de frågor som}} behandlades vid {council} möte den {date}.",
    "minutes.decision": "Beslut § {paragraph}",
    "minutes.decision.unnumbered": "Beslut",
    "minutes.action": "{assignees}: {text}",
    "minutes.action.due": " (senast {date})",
    "minutes.corrected": "Rättad {stamp}",
    "minutes.checksum": "Kontrollsumma (SHA-256)",
    "minutes.other-actions": "Uppdrag",
    "minutes.closing": "Nästa möte",
    "minutes.documents": "Handlingar från {council} finns i sin helhet på {url}",
    "minutes.next-meeting": "Nästa möte med {council} är den {date}.",
  },
  en: {
    "minutes.title": "Notes from {council}, {date}",
    "minutes.lede":
      "{count, plural, =0 {This was} one {{topics} – this was one of the issues} other {{topics} – these were some of the issues}} discussed at {council} meeting on {date}.",
    "minutes.decision": "Decision § {paragraph}",
    "minutes.decision.unnumbered": "Decision",
    "minutes.action": "{assignees}: {text}",
    "minutes.action.due": " (by {date})",
    "minutes.corrected": "Corrected {stamp}",
    "minutes.checksum": "Checksum (SHA-256)",
    "minutes.other-actions": "Actions",
    "minutes.closing": "Next meeting",
    "minutes.documents": "The documents from {council} are available in full at {url}",
    "minutes.next-meeting": "The next meeting of {council} is on {date}.",
  },
});
