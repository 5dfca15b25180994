import fc from "fast-check";
import type { MinutesDocument, MinutesSection } from "../../src/domain/minutes/document.js";
import type { ActionEntry, Overview, Reply, ReplyBlock } from "../../src/domain/reply.js";

/**
 * fast-check arbitraries for what the renderers are given (replies, minutes documents, the
 * overview), with user text in every place a user's words can reach. Each platform's property
 * tests bring their own hostile marks, long runs, button commands and documents URLs.
 */

/** The council of every generated action and button. */
export const COUNCIL = "cm1council0000000000000000";

export interface ReplyArbitraryOptions {
  /** Marks that could turn into markup, a link or a mention: mixed into the user text. */
  readonly hostile: readonly string[];
  /** Units of the long runs: text that must be split, measured once escaped. */
  readonly longRunUnits: readonly string[];
  /** The longest long run, in characters (the shortest is 2800). */
  readonly longRunMaxLength: number;
  /** Commands of reply buttons. */
  readonly commands: readonly string[];
  /** Documents URLs to try besides any web URL and user text. */
  readonly documentsUrls: readonly string[];
}

export interface ReplyArbitraries {
  /** Hostile marks, any short string, prose or a long run. */
  readonly userText: fc.Arbitrary<string>;
  /** As compileMinutes gives them: trimmed, never empty. */
  readonly paragraph: fc.Arbitrary<string>;
  readonly minutesDocument: fc.Arbitrary<MinutesDocument>;
  readonly reply: fc.Arbitrary<Reply>;
  /** An overview with `heading` for its titles and `empty` for its empty texts. */
  overviewWith(heading: fc.Arbitrary<string>, empty: fc.Arbitrary<string>): fc.Arbitrary<Overview>;
}

export function replyArbitraries(options: ReplyArbitraryOptions): ReplyArbitraries {
  const longRun = fc
    .tuple(
      fc.constantFrom(...options.longRunUnits),
      fc.integer({ min: 2800, max: options.longRunMaxLength }),
    )
    .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)));

  /** Prose with hostile bits, short to a few thousand characters. */
  const prose = fc
    .array(fc.oneof(fc.constantFrom(...options.hostile), fc.string({ maxLength: 12 })), {
      maxLength: 500,
      size: "medium",
    })
    .map((words) => words.join(" "));

  const userText = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.oneof(
        fc.constantFrom(...options.hostile),
        fc.string({ unit: "binary", maxLength: 40 }),
      ),
    },
    { weight: 3, arbitrary: prose },
    { weight: 1, arbitrary: longRun },
  );

  const paragraph = userText.map((text) => text.trim()).filter((text) => text !== "");

  const command = fc.constantFrom(...options.commands);

  const entry: fc.Arbitrary<ActionEntry> = fc.record({
    actionId: fc.constant("a1"),
    councilId: fc.constant(COUNCIL),
    ref: fc.nat({ max: 99_999 }),
    line: userText,
    status: fc.constantFrom("open", "done", "cancelled"),
    overdue: fc.boolean(),
  });

  const minutesAction = fc.record({ ref: fc.nat({ max: 9999 }), line: userText });

  const section: fc.Arbitrary<MinutesSection> = fc.record(
    {
      ref: fc.nat({ max: 9999 }),
      kind: fc.constantFrom("info", "discussion", "decision"),
      heading: userText,
      paragraphs: fc.array(paragraph, { maxLength: 4 }),
      decision: fc.record({ label: userText }),
      actions: fc.array(minutesAction, { maxLength: 4 }),
    },
    { requiredKeys: ["ref", "kind", "heading", "paragraphs", "actions"] },
  );

  const documentsUrl = fc.oneof(fc.webUrl(), fc.constantFrom(...options.documentsUrls), userText);

  const minutesDocument: fc.Arbitrary<MinutesDocument> = fc.record(
    {
      locale: fc.constantFrom("sv", "en"),
      title: userText,
      stamp: userText,
      lede: paragraph,
      // "medium": enough items for a post of several cards or messages.
      sections: fc.array(section, { maxLength: 70, size: "medium" }),
      otherActions: fc.record({
        heading: userText,
        actions: fc.array(minutesAction, { maxLength: 6 }),
      }),
      closing: fc.record(
        {
          heading: userText,
          documents: fc.record({ before: userText, url: documentsUrl, after: userText }),
          nextMeeting: paragraph,
        },
        { requiredKeys: ["heading"] },
      ),
    },
    { requiredKeys: ["locale", "title", "lede", "sections", "closing"] },
  );

  const replyBlock: fc.Arbitrary<ReplyBlock> = fc.oneof(
    fc.record({ type: fc.constant("text"), text: userText }),
    fc.record(
      { type: fc.constant("list"), title: userText, lines: fc.array(userText, { maxLength: 30 }) },
      { requiredKeys: ["type", "lines"] },
    ),
    fc.record(
      {
        type: fc.constant("actions"),
        title: userText,
        actions: fc.array(entry, { maxLength: 60, size: "medium" }),
        more: userText,
      },
      { requiredKeys: ["type", "actions"] },
    ),
    fc.record({
      type: fc.constant("minutes"),
      meetingId: fc.constant("m1"),
      status: fc.constantFrom("draft", "approved", "published"),
      document: minutesDocument,
    }),
    fc.record({
      type: fc.constant("buttons"),
      buttons: fc.array(
        fc.record(
          {
            label: userText,
            command,
            councilId: fc.constant(COUNCIL),
            style: fc.constantFrom("primary", "danger"),
          },
          { requiredKeys: ["label", "command", "councilId"] },
        ),
        { maxLength: 30, size: "medium" },
      ),
    }),
  );

  const reply: fc.Arbitrary<Reply> = fc.record({
    audience: fc.constantFrom("caller", "channel"),
    locale: fc.constantFrom("sv", "en"),
    blocks: fc.array(replyBlock, { maxLength: 5 }),
  });

  const overviewWith = (
    heading: fc.Arbitrary<string>,
    empty: fc.Arbitrary<string>,
  ): fc.Arbitrary<Overview> =>
    fc.record({
      locale: fc.constantFrom("sv", "en"),
      title: heading,
      actions: fc.array(entry, { maxLength: 90, size: "medium" }),
      actionsTitle: heading,
      noActions: empty,
      meetingsTitle: heading,
      meetings: fc.array(paragraph, { maxLength: 40, size: "medium" }),
      noMeetings: empty,
    });

  return { userText, paragraph, minutesDocument, reply, overviewWith };
}
