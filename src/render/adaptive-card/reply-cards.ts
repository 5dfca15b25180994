import { createTranslator, type Translator } from "../../domain/i18n/translator.js";
import type { Reply, ReplyBlock } from "../../domain/reply.js";
import {
  ADAPTIVE_CARD_LIMITS,
  type AdaptiveCard,
  adaptiveCard,
  type TextStyle,
} from "./adaptive-card-types.js";
import { actionSets, entryParts } from "./card-actions.js";
import { type BodyGroup, elementPart, packBodies, textPart } from "./card-packing.js";
import { jsonBytes } from "./card-size.js";
import { minutesGroups } from "./minutes-cards.js";
import { protocolGroups } from "./protocol-cards.js";

// A command's reply as Adaptive Cards: usually one; a reply too big for one card (a long
// list, a compiled post) becomes several, sent in order. A reply with nothing to show gives
// no card. The notification text is src/render/reply-text.ts.

const TITLE: TextStyle = { weight: "Bolder" };
/** List lines sit tight under each other, like the lines of a list. */
const LINE: TextStyle = { spacing: "None" };
const MORE: TextStyle = { isSubtle: true };

export function renderReplyCards(reply: Reply): AdaptiveCard[] {
  const t = createTranslator(reply.locale);
  const groups = reply.blocks.flatMap((block) => blockGroups(block, t));
  const emptyCard = jsonBytes(adaptiveCard([]));
  return packBodies(groups, {
    limit: ADAPTIVE_CARD_LIMITS.cardBytes,
    emptyCard: () => emptyCard,
  }).map((body) => adaptiveCard(body));
}

function blockGroups(block: ReplyBlock, t: Translator): BodyGroup[] {
  switch (block.type) {
    case "text":
      return [{ parts: [textPart(block.text)] }];
    case "list":
      return [
        {
          parts: [
            ...(block.title ? [textPart(block.title, TITLE, true)] : []),
            ...block.lines.map((line) => textPart(line, LINE)),
          ],
        },
      ];
    case "actions": {
      const [first = [], ...rest] = block.actions.map((entry) => entryParts(entry, t));
      // The title travels with the first action, so that it never ends a card alone.
      const title = block.title ? [textPart(block.title, TITLE, true)] : [];
      return [
        { parts: [...title, ...first] },
        ...rest.map((parts) => ({ parts })),
        ...(block.more ? [{ parts: [textPart(block.more, MORE)] }] : []),
      ];
    }
    case "minutes":
      return minutesGroups(block.document);
    case "protocol":
      return protocolGroups(block.document);
    case "document":
      return [{ parts: [textPart(block.note)] }];
    case "buttons":
      return [{ parts: actionSets(block.buttons).map((set) => elementPart(set)) }];
  }
}
