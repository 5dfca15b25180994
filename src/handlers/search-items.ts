import { formatDayMonth } from "../domain/i18n/format-date.js";
import type { CommandHandler } from "./command-registry.js";
import { requireCouncil } from "./scope.js";

const SEARCH_LIMIT = 20;
/** Words are letters and digits; everything else (FTS5 syntax included) only separates them. */
const WORD = /[\p{L}\p{N}]+/gu;
const SNIPPET_LENGTH = 120;

/** `sök TEXT`: this council's minuted items and decisions, best match first. */
export const searchItems: CommandHandler<"search"> = async (context) => {
  const council = requireCouncil(context);
  const { t } = context;
  const words = context.command.query.match(WORD) ?? [];
  const hits = await context.deps.store.search.search(council.id, words, SEARCH_LIMIT);
  if (hits.length === 0) {
    return {
      audience: "caller",
      blocks: [{ type: "text", text: t.t("search.none", { query: context.command.query }) }],
    };
  }
  return {
    audience: "caller",
    blocks: [
      {
        type: "list",
        title: t.t("search.title", { query: context.command.query, count: hits.length }),
        lines: hits.map(({ item, meetingStartsAt }) =>
          t.t(item.paragraph === null ? "search.hit" : "search.hit-decision", {
            ref: item.ref,
            date: formatDayMonth(meetingStartsAt, context.dates),
            heading: item.heading,
            paragraph: item.paragraph ?? "",
            text: snippet(item.text),
          }),
        ),
      },
    ],
  };
};

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= SNIPPET_LENGTH ? flat : `${flat.slice(0, SNIPPET_LENGTH - 1).trimEnd()}…`;
}
