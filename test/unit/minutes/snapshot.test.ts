import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileMinutes } from "../../../src/domain/minutes/compile-minutes.js";
import { asPublished } from "../../../src/domain/minutes/published-minutes.js";
import {
  canonicalJson,
  freezeMinutes,
  sha256Hex,
  shortChecksum,
  thawMinutes,
} from "../../../src/domain/minutes/snapshot.js";
import { SEED_PUBLISHED_AT, seedMeeting } from "./seed-003-meeting.js";

describe("minutes snapshots", () => {
  it("writes the same JSON whatever order the keys were built in", () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}',
    );
  });

  it("computes SHA-256 as Node's crypto does, for any text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary" }), async (text) => {
        const expected = createHash("sha256").update(text, "utf8").digest("hex");
        expect(await sha256Hex(text)).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  it("freezes a document without what publishing adds, and thaws it back", async () => {
    const draft = compileMinutes(
      seedMeeting({ meeting: { ...seedMeeting().meeting, publishedAt: null } }),
    );
    const frozen = await freezeMinutes(draft);
    expect(thawMinutes(frozen.document)).toEqual(draft);
    const published = asPublished(
      draft,
      {
        publishedAt: SEED_PUBLISHED_AT,
        correctedAt: new Date("2018-04-13T07:05:00Z"),
        sha256: frozen.sha256,
      },
      "Europe/Stockholm",
    );
    expect(published).toMatchObject({
      stamp: "2018-04-12 11:50",
      corrected: "Rättad 2018-04-13 09.05",
      checksum: { label: "Kontrollsumma (SHA-256)", sha256: frozen.sha256 },
    });
    expect(await freezeMinutes(published)).toEqual(frozen);
    expect(shortChecksum(frozen.sha256)).toHaveLength(12);
  });

  it("changes the checksum with any change of content", async () => {
    const draft = compileMinutes(
      seedMeeting({ meeting: { ...seedMeeting().meeting, publishedAt: null } }),
    );
    const changed = { ...draft, lede: `${draft.lede} ` };
    expect((await freezeMinutes(changed)).sha256).not.toBe((await freezeMinutes(draft)).sha256);
  });
});
