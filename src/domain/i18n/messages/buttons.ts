import { defineMessages } from "../define-messages.js";

/**
 * Labels of buttons and form elements, the same on every surface, and the few lines a
 * surface adds around a reply (Slack: a continued post, the App Home's "more" lines).
 */
export const buttonMessages = defineMessages({
  sv: {
    "button.done": "Klar",
    "button.postpone": "Skjut upp en vecka",
    "button.approve": "Justera",
    "button.publish": "Publicera",
    "slack.continued": "{title} (forts. {part}/{parts})",
    "slack.home.more-actions": "… och {count} till. Skriv `/noterat mina` för alla.",
    "slack.home.more-meetings": "… och {count} till.",
  },
  en: {
    "button.done": "Done",
    "button.postpone": "Postpone a week",
    "button.approve": "Approve",
    "button.publish": "Publish",
    "slack.continued": "{title} (cont. {part}/{parts})",
    "slack.home.more-actions": "… and {count} more. Type `/noterat mine` to see them all.",
    "slack.home.more-meetings": "… and {count} more.",
  },
});
