// The personal-data check before publishing (architecture.md §15): every text of a post, and of its
// protocol in protocol mode, that a user typed and the web would show. Titles, labels,
// signatures and the notice are Noterat's own words and are not checked.
import type { MinutesDocument } from "../minutes/document.js";
import { findPersonalData, type PersonalDataKind } from "./personal-data.js";

export type FindingPlace =
  | { type: "item"; ref: number }
  | { type: "lede" }
  | { type: "protocol-header" }
  | { type: "closing" };

export interface PersonalDataFinding {
  place: FindingPlace;
  kind: PersonalDataKind;
  masked: string;
}

/** What would be published: every text of the post and, in protocol mode, of the protocol. One finding per distinct (place, kind, match). */
export function personalDataIn(document: MinutesDocument): PersonalDataFinding[] {
  const item = (ref: number): FindingPlace => ({ type: "item", ref });
  const at = (place: FindingPlace, ...texts: (string | undefined)[]) =>
    texts.flatMap((text) => (text ? [{ place, text }] : []));
  const { closing, protocol } = document;
  const texts = [
    ...at({ type: "lede" }, document.lede),
    ...document.sections.flatMap((section) =>
      at(
        item(section.ref),
        section.heading,
        ...section.paragraphs,
        ...section.actions.map((action) => action.line),
      ),
    ),
    // An action of no item is named by its own short number, which `ändra` takes.
    ...(document.otherActions?.actions ?? []).flatMap((action) =>
      at(item(action.ref), action.line),
    ),
    ...at(
      { type: "closing" },
      closing?.nextMeeting,
      closing?.documents?.before,
      closing?.documents?.url,
      closing?.documents?.after,
    ),
    ...at({ type: "protocol-header" }, ...(protocol?.header ?? []).map((row) => row.value)),
    ...(protocol?.paragraphs ?? []).flatMap((paragraph) =>
      at(
        item(paragraph.ref),
        paragraph.heading,
        ...paragraph.paragraphs,
        ...paragraph.parts.flatMap((part) => part.lines),
      ),
    ),
  ];
  // The post and the protocol repeat an item's text: the same match in the same place once.
  const seen = new Set<string>();
  return texts.flatMap(({ place, text }) =>
    findPersonalData(text).flatMap(({ kind, text: match, masked }) => {
      const key = JSON.stringify([place, kind, match]);
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ place, kind, masked }];
    }),
  );
}
