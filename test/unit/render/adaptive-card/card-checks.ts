import type {
  AdaptiveCard,
  CardElement,
  TextBlock,
} from "../../../../src/render/adaptive-card/adaptive-card-types.js";

// What Teams would refuse or show wrongly, checked on rendered cards: each function lists the
// problems it finds, so that a failing test says what broke where.

export const CARD_BYTES = 28_000;

export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), "utf8");
}

export function cardProblems(card: AdaptiveCard): string[] {
  const problems: string[] = [];
  if (cardBytes(card) > CARD_BYTES) problems.push(`card of ${cardBytes(card)} bytes`);
  if (card.version !== "1.5") problems.push(`version ${card.version}`);
  if (card.body.length === 0) problems.push("empty body");
  const visit = (element: CardElement, where: string) => {
    switch (element.type) {
      case "TextBlock":
        if (element.wrap !== true) problems.push(`${where}: no wrap`);
        if (element.text.trim() === "") problems.push(`${where}: blank text`);
        break;
      case "Container":
        if (element.items.length === 0) problems.push(`${where}: empty container`);
        for (const [index, item] of element.items.entries()) visit(item, `${where}.${index}`);
        break;
      case "ActionSet":
        if (element.actions.length === 0 || element.actions.length > 5) {
          problems.push(`${where}: ${element.actions.length} actions`);
        }
        for (const action of element.actions) {
          if (action.verb !== "noterat.run") problems.push(`${where}: verb ${action.verb}`);
          if (action.title.trim() === "") problems.push(`${where}: blank title`);
          if (action.title.length > 80) problems.push(`${where}: title of ${action.title.length}`);
        }
        break;
    }
  };
  for (const [index, element] of card.body.entries()) visit(element, `body.${index}`);
  return problems;
}

/** Every TextBlock of the cards, in the order Teams shows them. */
export function textBlocks(cards: AdaptiveCard[]): TextBlock[] {
  const collect = (element: CardElement): TextBlock[] => {
    if (element.type === "TextBlock") return [element];
    if (element.type === "Container") return element.items.flatMap(collect);
    return [];
  };
  return cards.flatMap((card) => card.body.flatMap(collect));
}

/** What a CommonMark renderer shows for escaped text: escapes dropped, paragraphs on lines. */
export function unescapeTeams(text: string): string {
  return text.replace(/\n\n/g, "\n").replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

/** Text without any white space: escaping may drop indentation, blank lines and line ends. */
export function squeeze(text: string): string {
  return text.replace(/\s+/gu, "");
}

const MARKS = new Set(["*", "_", "~", "`", "[", "]", "<", ">"]);
const ENTITY = /^&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/;
const LINE_START = /^(?:[ \t]|#{1,6}(?:\s|$)|[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$)|-{2,}|>)/;

/**
 * Markup that user text would make live in a TextBlock: an unescaped emphasis, code, link or
 * mention mark, an entity, `{{`, a list or heading mark at a line start, an indented line, a
 * single line break. Empty when the text can only show as typed.
 */
export function liveMarkup(text: string): string[] {
  const found: string[] = [];
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (char === "\\") {
      index++;
      continue;
    }
    if (MARKS.has(char)) found.push(`${char} at ${index}: ${text.slice(index, index + 20)}`);
    if (char === "{" && text.charAt(index + 1) === "{") found.push(`{{ at ${index}`);
    if (char === "&" && ENTITY.test(text.slice(index))) found.push(`entity at ${index}`);
  }
  for (const line of text.split("\n\n")) {
    if (LINE_START.test(line)) found.push(`line start: ${line.slice(0, 20)}`);
    if (line.includes("\n")) found.push(`single line break: ${line.slice(0, 20)}`);
  }
  return found;
}
