import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { localPublisher } from "../../../src/bots/local/local-publisher.js";
import type { MinutesDocument } from "../../../src/domain/minutes/document.js";
import type { Place } from "../../../src/domain/records.js";
import type { Publication } from "../../../src/handlers/context.js";
import { renderProtocolHtml } from "../../../src/render/protocol-html.js";
import { renderProtocolMarkdown } from "../../../src/render/protocol-markdown.js";
import { smallDocument } from "../render/small-minutes.js";
import { exampleProtocol } from "./protokoll-example.js";

const PLACE: Place = { platform: "local", workspaceId: "local", channelId: "console" };
const directories: string[] = [];

afterEach(async () => {
  await Promise.all(directories.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function publish(document: MinutesDocument) {
  const directory = await mkdtemp(join(tmpdir(), "noterat-protocol-"));
  directories.push(directory);
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk: Buffer) => {
    printed += chunk.toString("utf8");
  });
  const publication: Publication = {
    councilId: "c1",
    councilName: "Samverkansrådet Norr",
    meetingId: "m1",
    meetingDate: { year: 2027, month: 2, day: 8 },
    document,
    channels: [PLACE],
  };
  const outcome = await localPublisher(output, directory, pino({ enabled: false })).publish(
    publication,
    PLACE,
  );
  return { outcome, printed, directory, files: (await readdir(directory)).sort() };
}

describe("localPublisher in protocol mode", () => {
  it("writes the protocol beside the post as Markdown and HTML, and lists all four", async () => {
    const protocol = exampleProtocol();
    const { outcome, printed, directory, files } = await publish(smallDocument({ protocol }));
    expect(outcome).toEqual({ place: PLACE, ok: true });
    expect(files).toEqual([
      "samverkansradet-norr-2027-02-08-protokoll.html",
      "samverkansradet-norr-2027-02-08-protokoll.md",
      "samverkansradet-norr-2027-02-08.html",
      "samverkansradet-norr-2027-02-08.md",
    ]);
    const read = (name: string) => readFile(join(directory, name), "utf8");
    expect(await read("samverkansradet-norr-2027-02-08-protokoll.md")).toBe(
      renderProtocolMarkdown(protocol),
    );
    expect(await read("samverkansradet-norr-2027-02-08-protokoll.html")).toBe(
      renderProtocolHtml(protocol),
    );
    // The post's own files stay the post.
    expect(await read("samverkansradet-norr-2027-02-08.md")).not.toContain("PROTOKOLL");
    expect(printed).toContain("PROTOKOLL · Sammanträdesdatum 2027-02-08");
    expect(printed).toContain(join(directory, "samverkansradet-norr-2027-02-08-protokoll.html"));
  });

  it("writes only the post without a protocol", async () => {
    const { files } = await publish(smallDocument());
    expect(files).toEqual([
      "samverkansradet-norr-2027-02-08.html",
      "samverkansradet-norr-2027-02-08.md",
    ]);
  });
});
