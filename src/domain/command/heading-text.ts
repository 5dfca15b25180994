import { foldSpace } from "./tokens.js";

export interface HeadingAndText {
  heading: string;
  text: string;
}

/**
 * `RUBRIK: TEXT`, cut at the first colon that ends a heading; undefined when there is none.
 * The heading is one line; the text keeps the user's line breaks.
 */
export function splitHeading(body: string): HeadingAndText | undefined {
  const colon = headingColon(body);
  if (colon === -1) return undefined;
  return { heading: foldSpace(body.slice(0, colon)), text: body.slice(colon + 1).trim() };
}

/** A colon inside a time ("kl 13:00") or a link ("https://") is part of the heading. */
function headingColon(body: string): number {
  for (let index = body.indexOf(":"); index !== -1; index = body.indexOf(":", index + 1)) {
    const inTime = isDigit(body[index - 1]) && isDigit(body[index + 1]);
    const inLink = body.startsWith("//", index + 1);
    if (!inTime && !inLink) return index;
  }
  return -1;
}

function isDigit(character: string | undefined): boolean {
  return character !== undefined && character >= "0" && character <= "9";
}
