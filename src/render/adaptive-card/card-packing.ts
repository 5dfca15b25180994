import type { CardElement, Container, ContainerLayout, TextStyle } from "./adaptive-card-types.js";
import { jsonBytes } from "./card-size.js";
import { textBlock, textPieceEnd } from "./card-text.js";

// Deals what a reply or a post shows out to card bodies, each card within its byte limit. A
// group (an item of the post, an action and its buttons) stays in one card whenever it fits
// one; a group too big for any card continues on the next, in a container of its own there,
// and a text too big for any card is split (card-text.ts) — never cut.

export type BodyPart =
  | {
      kind: "element";
      element: CardElement;
      /** Shown instead when the element alone is too big for a card. */
      fallback?: BodyPart[];
    }
  | {
      kind: "text";
      /** User text, escaped here: split over cards when too big for one. */
      text: string;
      style?: TextStyle;
      /** A heading: never the last thing on a card when what follows it goes on the next. */
      keepWithNext?: boolean;
    };

export interface BodyGroup {
  parts: BodyPart[];
  /** Shown in a Container with this layout (an item of the post); else straight in the body. */
  container?: ContainerLayout;
}

export interface CardRoom {
  /** Bytes a card's JSON may take. */
  limit: number;
  /**
   * Bytes card number `index` (from 0) takes with an empty body, including what the caller adds
   * to its body afterwards (a continuation line, and the comma after it).
   */
  emptyCard: (index: number) => number;
}

/** A text split over cards leaves at least this much of it at the bottom of a card. */
const MIN_PIECE_BYTES = 1024;

export function textPart(text: string, style?: TextStyle, keepWithNext = false): BodyPart {
  return {
    kind: "text",
    text,
    ...(style ? { style } : {}),
    ...(keepWithNext ? { keepWithNext } : {}),
  };
}

export function elementPart(element: CardElement, fallback?: BodyPart[]): BodyPart {
  return { kind: "element", element, ...(fallback ? { fallback } : {}) };
}

export function packBodies(groups: BodyGroup[], room: CardRoom): CardElement[][] {
  const packer = new BodyPacker(room);
  for (const group of groups) packer.add(group);
  return packer.finish();
}

class BodyPacker {
  private readonly room: CardRoom;
  private readonly bodies: CardElement[][] = [];
  private body: CardElement[] = [];
  /** Bytes of the card being filled, as it would be serialised now. */
  private used: number;
  /** The Container of the group being split, on this card. */
  private container: Container | undefined;

  constructor(room: CardRoom) {
    this.room = room;
    this.used = room.emptyCard(0);
  }

  add(group: BodyGroup): void {
    const elements = wholeElements(group);
    if (elements.length === 0) return;
    const size = sequenceBytes(elements);
    const nextCardRoom = this.room.limit - this.room.emptyCard(this.bodies.length + 1);
    if (size + this.comma() > this.free() && this.body.length > 0 && size <= nextCardRoom) {
      this.flush();
    }
    if (size + this.comma() <= this.free()) {
      this.used += size + this.comma();
      this.body.push(...elements);
      return;
    }
    this.placeAll(group.parts, group);
    this.container = undefined;
  }

  finish(): CardElement[][] {
    this.flush();
    return this.bodies;
  }

  private place(part: BodyPart, group: BodyGroup, next: BodyPart | undefined): void {
    if (part.kind === "text" && part.keepWithNext && next && this.body.length > 0) {
      const need = this.cost(this.startBytes(part), group) + this.startBytes(next) + 1;
      if (need > this.free()) this.flush();
    }
    if (part.kind === "text") {
      this.placeText(part.text, part.style ?? {}, group);
      return;
    }
    const bytes = jsonBytes(part.element);
    if (this.cost(bytes, group) > this.free()) this.flush();
    if (this.cost(bytes, group) <= this.free()) {
      this.put(part.element, bytes, group);
      return;
    }
    if (!part.fallback) throw new RangeError(`An element of ${bytes} bytes fits no card`);
    this.placeAll(part.fallback, group);
  }

  private placeAll(parts: BodyPart[], group: BodyGroup): void {
    for (const [index, part] of parts.entries()) this.place(part, group, parts[index + 1]);
  }

  private placeText(text: string, style: TextStyle, group: BodyGroup): void {
    const whole = textBlock(text, style);
    if (whole.text === "") return;
    const bytes = jsonBytes(whole);
    if (this.cost(bytes, group) > this.free() && bytes <= this.freshRoom(group)) this.flush();
    if (this.cost(bytes, group) <= this.free()) {
      this.put(whole, bytes, group);
      return;
    }
    let start = 0;
    while (start < text.length) {
      const budget = this.free() - this.cost(0, group);
      const end = budget < MIN_PIECE_BYTES ? start : textPieceEnd(text, start, budget, style);
      if (end === start) {
        if (this.body.length === 0) throw new RangeError("A card holds no text");
        this.flush();
        continue;
      }
      const piece = textBlock(text.slice(start, end), style);
      if (piece.text !== "") this.put(piece, jsonBytes(piece), group);
      start = end;
    }
  }

  /** What a part needs on this card to begin here: all of it, or a first piece of a long text. */
  private startBytes(part: BodyPart): number {
    if (part.kind === "element") return jsonBytes(part.element);
    const bytes = jsonBytes(textBlock(part.text, part.style));
    return bytes <= this.room.limit - this.room.emptyCard(1) ? bytes : MIN_PIECE_BYTES;
  }

  /** Bytes a group's element of `bytes` adds to this card: its comma, and a container to hold it. */
  private cost(bytes: number, group: BodyGroup): number {
    if (!group.container) return bytes + this.comma();
    if (this.container) return bytes + (this.container.items.length > 0 ? 1 : 0);
    return jsonBytes(container(group.container)) + this.comma() + bytes;
  }

  /** Room for one element of `group` on an empty card after this one. */
  private freshRoom(group: BodyGroup): number {
    const shell = group.container ? jsonBytes(container(group.container)) : 0;
    return this.room.limit - this.room.emptyCard(this.bodies.length + 1) - shell;
  }

  private put(element: CardElement, bytes: number, group: BodyGroup): void {
    this.used += this.cost(bytes, group);
    if (!group.container) {
      this.body.push(element);
      return;
    }
    if (!this.container) {
      this.container = container(group.container);
      this.body.push(this.container);
    }
    this.container.items.push(element);
  }

  private comma(): number {
    return this.body.length > 0 ? 1 : 0;
  }

  private free(): number {
    return this.room.limit - this.used;
  }

  private flush(): void {
    if (this.body.length > 0) this.bodies.push(this.body);
    this.body = [];
    this.container = undefined;
    this.used = this.room.emptyCard(this.bodies.length);
  }
}

function container(layout: ContainerLayout, items: CardElement[] = []): Container {
  return { type: "Container", ...layout, items };
}

/** The group as it shows when it is not split: its texts whole, in its container if it has one. */
function wholeElements(group: BodyGroup): CardElement[] {
  const elements = group.parts.flatMap((part): CardElement[] => {
    if (part.kind === "element") return [part.element];
    const block = textBlock(part.text, part.style);
    return block.text === "" ? [] : [block];
  });
  if (elements.length === 0) return [];
  return group.container ? [container(group.container, elements)] : elements;
}

/** Bytes of elements side by side in an array, with the commas between them. */
function sequenceBytes(elements: CardElement[]): number {
  return elements.reduce((total, element) => total + jsonBytes(element), elements.length - 1);
}
