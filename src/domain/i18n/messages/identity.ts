import { defineMessages } from "../define-messages.js";

/** What the surfaces say about who and where: the page an org-wide Slack install is refused on. */
export const identityMessages = defineMessages({
  sv: {
    "slack.org-install-refused.title":
      "Noterat kan inte installeras i en hel Enterprise Grid-organisation",
    "slack.org-install-refused.text":
      "Noterat installeras i en arbetsyta i taget. Be en administratör installera Noterat i varje arbetsyta som ska använda det. Ingenting sparades, och behörigheten som gavs är återkallad.",
  },
  en: {
    "slack.org-install-refused.title":
      "Noterat cannot be installed across a whole Enterprise Grid organisation",
    "slack.org-install-refused.text":
      "Noterat is installed one workspace at a time. Ask an administrator to install Noterat in each workspace that will use it. Nothing was saved, and the access that was granted has been revoked.",
  },
});
