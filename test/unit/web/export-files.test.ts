import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { MinutesDocument } from "../../../src/domain/minutes/document.js";
import type { Publication } from "../../../src/handlers/context.js";
import { renderMinutesHtml } from "../../../src/render/minutes-html.js";
import { renderProtocolHtml } from "../../../src/render/protocol-html.js";
import { renderProtocolMarkdown } from "../../../src/render/protocol-markdown.js";
import { exportWebFiles } from "../../../src/web/export-files.js";
import { exampleProtocol } from "../protocol/protokoll-example.js";
import { smallDocument } from "../render/small-minutes.js";

// The web version `publicera` writes for a site that takes files (architecture.md §13).

const directories: string[] = [];

afterEach(async () => {
  await Promise.all(directories.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function exported(document: MinutesDocument, extractRef?: number) {
  const directory = await mkdtemp(join(tmpdir(), "noterat-export-"));
  directories.push(directory);
  const publication: Publication = {
    councilId: "c1",
    councilName: "Samverkansrådet Norr",
    meetingId: "m1",
    ...(extractRef === undefined ? {} : { extractRef }),
    meetingDate: { year: 2027, month: 2, day: 8 },
    document,
    channels: [],
  };
  const paths = await exportWebFiles(join(directory, "nested"), publication);
  const files = (await readdir(join(directory, "nested"))).sort();
  return { directory: join(directory, "nested"), paths, files };
}

describe("the web files of a publication", () => {
  it("writes the protocol beside the post as Markdown and HTML, and returns all four", async () => {
    const protocol = exampleProtocol();
    const { directory, paths, files } = await exported(smallDocument({ protocol }));
    expect(files).toEqual([
      "samverkansradet-norr-2027-02-08-protokoll.html",
      "samverkansradet-norr-2027-02-08-protokoll.md",
      "samverkansradet-norr-2027-02-08.html",
      "samverkansradet-norr-2027-02-08.md",
    ]);
    expect([...paths].sort()).toEqual(files.map((name) => join(directory, name)));
    const read = (name: string) => readFile(join(directory, name), "utf8");
    expect(await read("samverkansradet-norr-2027-02-08-protokoll.md")).toBe(
      renderProtocolMarkdown(protocol),
    );
    expect(await read("samverkansradet-norr-2027-02-08-protokoll.html")).toBe(
      renderProtocolHtml(protocol),
    );
    // The post's own files stay the post.
    expect(await read("samverkansradet-norr-2027-02-08.md")).not.toContain("PROTOKOLL");
  });

  it("writes only the post without a protocol", async () => {
    const document = smallDocument();
    const { directory, files } = await exported(document);
    expect(files).toEqual([
      "samverkansradet-norr-2027-02-08.html",
      "samverkansradet-norr-2027-02-08.md",
    ]);
    expect(await readFile(join(directory, files[0] ?? ""), "utf8")).toBe(
      renderMinutesHtml(document),
    );
  });

  it("gives the extract of one § files of its own, leaving the meeting's alone", async () => {
    const { files } = await exported(smallDocument({ protocol: exampleProtocol() }), 8);
    expect(files).toEqual([
      "samverkansradet-norr-2027-02-08-p8-protokoll.html",
      "samverkansradet-norr-2027-02-08-p8-protokoll.md",
      "samverkansradet-norr-2027-02-08-p8.html",
      "samverkansradet-norr-2027-02-08-p8.md",
    ]);
  });
});
