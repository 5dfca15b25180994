import { BLOCK_KIT_LIMITS } from "./block-kit-types.js";
import { escapeSlackText } from "./slack-escape.js";
import { pieceEnd } from "./split-text.js";

// Lays out lines of text as the mrkdwn of one or more sections, each within Slack's 3000
// characters. Lines stay whole where they can; a line that cannot fit any section is split
// (split-text.ts), never cut, so that the sections together hold every character.

/** Text to show (escaped here, may be split) or trusted mrkdwn (kept whole, e.g. a link). */
export type Segment =
  | { kind: "text"; text: string; emphasis?: "bold" | "italic" }
  | { kind: "markup"; mrkdwn: string; plain: string };

export interface Line {
  segments: Segment[];
  /** What separates the line from the one before it in the same section. */
  gap?: "\n" | "\n\n";
}

/** A section's mrkdwn and the same as plain text, for the notification fallback. */
export interface SectionText {
  mrkdwn: string;
  plain: string;
}

const MARKS = { bold: "*", italic: "_" } as const;

export function text(value: string, emphasis?: "bold" | "italic"): Segment {
  return emphasis ? { kind: "text", text: value, emphasis } : { kind: "text", text: value };
}

export function markup(mrkdwn: string, plain: string): Segment {
  return { kind: "markup", mrkdwn, plain };
}

export function packSections(lines: Line[], limit: number = BLOCK_KIT_LIMITS.text): SectionText[] {
  const sections: SectionText[] = [];
  let current: SectionText = { mrkdwn: "", plain: "" };
  let gap = "";

  const flush = () => {
    // Slack refuses a section without visible text; whitespace alone shows nothing anyway.
    if (current.mrkdwn.trim() !== "") sections.push(current);
    current = { mrkdwn: "", plain: "" };
    gap = "";
  };
  const room = () => limit - current.mrkdwn.length - gap.length;
  const append = (mrkdwn: string, plain: string) => {
    current = { mrkdwn: current.mrkdwn + gap + mrkdwn, plain: current.plain + gap + plain };
    gap = "";
  };

  for (const line of lines) {
    gap = current.mrkdwn === "" ? "" : (line.gap ?? "\n");
    const whole = renderWhole(line.segments);
    if (whole.mrkdwn.length <= room()) {
      append(whole.mrkdwn, whole.plain);
    } else if (whole.mrkdwn.length <= limit) {
      flush();
      append(whole.mrkdwn, whole.plain);
    } else {
      // Too long for any section: fill the current one first, so a heading stays with the
      // beginning of its text.
      for (const segment of line.segments) {
        if (segment.kind === "markup") {
          if (segment.mrkdwn.length > room()) flush();
          append(segment.mrkdwn, segment.plain);
          continue;
        }
        let start = 0;
        while (start < segment.text.length) {
          const overhead = segment.emphasis ? 2 : 0;
          const end = pieceEnd(segment.text, start, room() - overhead);
          if (end === start) {
            if (current.mrkdwn === "" && gap === "") {
              throw new RangeError(`A section of ${limit} characters holds no text`);
            }
            flush();
            continue;
          }
          const piece = segment.text.slice(start, end);
          append(emphasise(escapeSlackText(piece), segment.emphasis), piece);
          start = end;
          if (start < segment.text.length) flush();
        }
      }
    }
  }
  flush();
  return sections;
}

function renderWhole(segments: Segment[]): SectionText {
  let mrkdwn = "";
  let plain = "";
  for (const segment of segments) {
    if (segment.kind === "markup") {
      mrkdwn += segment.mrkdwn;
      plain += segment.plain;
    } else {
      mrkdwn += emphasise(escapeSlackText(segment.text), segment.emphasis);
      plain += segment.text;
    }
  }
  return { mrkdwn, plain };
}

/**
 * `*bold*` only works when the marks touch visible text, so surrounding whitespace stays
 * outside them, and text with nothing visible gets no marks.
 */
function emphasise(escaped: string, emphasis: "bold" | "italic" | undefined): string {
  if (!emphasis) return escaped;
  const core = escaped.trim();
  if (core === "") return escaped;
  const start = escaped.length - escaped.trimStart().length;
  const mark = MARKS[emphasis];
  return `${escaped.slice(0, start)}${mark}${core}${mark}${escaped.slice(start + core.length)}`;
}
