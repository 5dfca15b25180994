// Slack reads `<…>` as a mention, channel or link (`<!channel>`, `<@U…>`, `<https://x|y>`)
// and `&…;` as an entity. Escaping these three characters, and nothing else, is what Slack
// documents; it makes any typed text literal while keeping mrkdwn emphasis working.

const SPECIAL = /[&<>]/g;

export function escapeSlackText(text: string): string {
  return text.replace(SPECIAL, (char) => (char === "&" ? "&amp;" : char === "<" ? "&lt;" : "&gt;"));
}

/**
 * Text as a person typed it: Slack sends a typed `&`, `<` and `>` as entities (mentions and
 * links arrive as markup, which stays). Stored text is unescaped, and escaped again once for
 * whatever shows it.
 */
export function unescapeSlackText(text: string): string {
  return text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

/** How long one UTF-16 code unit of text is once escaped: Slack's limits count what is sent. */
export function escapedUnitLength(unit: string): number {
  switch (unit) {
    case "&":
      return 5;
    case "<":
    case ">":
      return 4;
    default:
      return 1;
  }
}
