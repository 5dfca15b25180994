import { mkdtempSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileMinutes } from "../../src/domain/minutes/compile-minutes.js";
import { asPublished } from "../../src/domain/minutes/published-minutes.js";
import { noticeDates, withNotice } from "../../src/domain/protocol/notice-dates.js";
import { withSignatures } from "../../src/domain/protocol/sign-protocol.js";
import { renderArchiveIndexHtml } from "../../src/render/archive-index-html.js";
import { renderMinutesHtml } from "../../src/render/minutes-html.js";
import { renderProtocolHtml } from "../../src/render/protocol-html.js";
import { axeViolations, launchHeadlessChromium } from "../support/headless-browser.js";
import { closeServer, listenOnLoopback } from "../support/loopback-server.js";
import { SEED_PUBLISHED_AT, seedMeeting } from "../unit/minutes/seed-003-meeting.js";
import { exampleProtocol } from "../unit/protocol/protokoll-example.js";

// The published pages (architecture.md §13) as a reader's browser gets them: served over HTTP with a
// Content-Security-Policy that allows no script, opened in a real headless Chromium, checked
// with axe-core for WCAG 2.1 AA, and narrowed to 320 px to see that they reflow.

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'";
/** `npm run screenshots` writes the README's into docs/screenshots; tests write to a temp dir. */
const SCREENSHOTS = `${process.env.NOTERAT_SCREENSHOTS_DIR ?? mkdtempSync(join(tmpdir(), "noterat-shots-"))}/`;
const ZONE = "Europe/Stockholm";
const SHA256 = "3f9a1c0e77b2".padEnd(64, "0");
const ARCHIVE = "/arkiv/regionala-samverkansradet";

function publishedPost(correctedAt: Date | null, source = seedMeeting()) {
  const draft = compileMinutes({ ...source, meeting: { ...source.meeting, publishedAt: null } });
  return asPublished(draft, { publishedAt: SEED_PUBLISHED_AT, correctedAt, sha256: SHA256 }, ZONE);
}

/** 200 items, some with words and addresses too long for a phone's line. */
function hugePost() {
  const long = "Kollektivtrafikmyndighetsstyrdokumentsöversynsarbetsgruppsmötesprotokoll";
  const url = `https://www.rvn.se/politik/regionala-samverkansradet/handlingar/${"a".repeat(120)}`;
  const base = seedMeeting();
  return publishedPost(
    null,
    seedMeeting({
      meeting: { ...base.meeting, documentsUrl: url },
      items: Array.from({ length: 200 }, (_, index) => ({
        ref: index + 1,
        kind: index % 3 === 0 ? "decision" : "info",
        heading: index % 10 === 0 ? `${long} ${index + 1}` : `Ärende ${index + 1}`,
        text: `Rådet informerades om ärendet, se ${url}/${index}.\n\n${long}.`,
        paragraph: index % 3 === 0 ? index + 1 : null,
      })),
      actions: Array.from({ length: 50 }, (_, index) => ({
        ref: 300 + index,
        itemRef: index * 4 + 1,
        text: `Följ upp ärende ${index * 4 + 1}`,
        assignees: ["Anna Berg", "Per Ek"],
        due: { year: 2018, month: 5, day: 30 },
      })),
    }),
  );
}

function signedProtocol() {
  const signed = withSignatures(
    exampleProtocol(),
    [
      { role: "chair", name: "Maria Ek", at: new Date("2027-02-10T10:02:00Z"), sha256: SHA256 },
      { role: "approver", name: "Anna Lind", at: new Date("2027-02-11T07:40:00Z"), sha256: SHA256 },
    ],
    ZONE,
  );
  return withNotice(signed, noticeDates(new Date("2027-02-11T07:40:00Z"), ZONE), null);
}

const PAGES: Record<string, string> = {
  [`${ARCHIVE}/`]: renderArchiveIndexHtml({
    locale: "sv",
    councilName: "Regionala samverkansrådet",
    feedPath: `${ARCHIVE}/flode.xml`,
    calendarPath: `${ARCHIVE}/moten.ics`,
    years: [
      {
        year: 2018,
        entries: [
          {
            date: { year: 2018, month: 4, day: 11 },
            title: "Noterat från Regionala samverkansrådet 11 april",
            path: `${ARCHIVE}/2018-04-11`,
            corrected: "Rättad 2018-04-13 09.05",
          },
        ],
      },
      {
        year: 2027,
        entries: [
          {
            date: { year: 2027, month: 2, day: 8 },
            title: "Noterat från Regionala samverkansrådet 8 februari",
            path: `${ARCHIVE}/2027-02-08`,
            protocolPath: `${ARCHIVE}/2027-02-08/protokoll.html`,
            pdfPath: `${ARCHIVE}/2027-02-08/protokoll.pdf`,
          },
        ],
      },
    ],
  }),
  [`${ARCHIVE}/2018-04-11`]: renderMinutesHtml(publishedPost(null)),
  [`${ARCHIVE}/2018-04-12`]: renderMinutesHtml(publishedPost(new Date("2018-04-13T07:05:00Z"))),
  [`${ARCHIVE}/2027-02-08/protokoll.html`]: renderProtocolHtml(signedProtocol()),
  [`${ARCHIVE}/2018-05-30`]: renderMinutesHtml(hugePost()),
};

const CASES = [
  { name: "the archive index", path: `${ARCHIVE}/` },
  { name: "a post", path: `${ARCHIVE}/2018-04-11` },
  { name: "a corrected post", path: `${ARCHIVE}/2018-04-12` },
  { name: "a protocol with signatures and notice", path: `${ARCHIVE}/2027-02-08/protokoll.html` },
  { name: "a post of 200 items", path: `${ARCHIVE}/2018-05-30` },
];

/** What the page's script sees; the tests compile without the DOM's types. */
interface PageGlobals {
  document: {
    documentElement: { scrollWidth: number; clientWidth: number };
    querySelector(selector: string): unknown;
    querySelectorAll(selector: string): { length: number };
    activeElement: { tagName: string } | null;
  };
  getComputedStyle(element: unknown): Record<string, string>;
}

let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  server = createServer((req, res) => {
    const page = PAGES[req.url ?? ""];
    if (page === undefined) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
      return;
    }
    res
      .writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": CSP,
      })
      .end(page);
  });
  origin = `http://127.0.0.1:${await listenOnLoopback(server, "published pages")}`;
  browser = await launchHeadlessChromium();
}, 15_000);

afterAll(async () => {
  await browser?.close();
  if (server) await closeServer(server);
});

/** Opens a page at a width; whatever the console reports (a CSP violation, say) is collected. */
async function open(path: string, width: number): Promise<{ page: Page; reports: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const reports: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") reports.push(message.text());
  });
  page.on("pageerror", (error) => reports.push(error.message));
  const response = await page.goto(`${origin}${path}`);
  expect(response?.status()).toBe(200);
  return { page, reports };
}

function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = (globalThis as unknown as PageGlobals).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
}

describe("the published pages in headless Chromium", () => {
  it.each(CASES)(
    "$name: WCAG 2.1 AA by axe-core, one <main>, nothing refused by the CSP",
    async ({ path }) => {
      const { page, reports } = await open(path, 1024);
      expect(await axeViolations(page)).toEqual([]);
      const mains = await page.evaluate(
        () => (globalThis as unknown as PageGlobals).document.querySelectorAll("main").length,
      );
      expect(mains).toBe(1);
      expect(reports).toEqual([]);
      await page.close();
    },
  );

  it.each(CASES)("$name: reflows at 320 px without scrolling sideways", async ({ path }) => {
    const { page, reports } = await open(path, 320);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(reports).toEqual([]);
    await page.close();
  });

  it("shows where the keyboard is: a focused link has a visible outline", async () => {
    const { page } = await open(`${ARCHIVE}/`, 1024);
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const window = globalThis as unknown as PageGlobals;
      const active = window.document.activeElement;
      const style = active ? window.getComputedStyle(active) : {};
      return { tag: active?.tagName, outline: `${style.outlineStyle} ${style.outlineWidth}` };
    });
    expect(focus).toEqual({ tag: "A", outline: "solid 3px" });
    await page.close();
  });

  it("prints across the paper's width in black, links too", async () => {
    const { page } = await open(`${ARCHIVE}/2018-04-11`, 1024);
    await page.emulateMedia({ media: "print" });
    const print = await page.evaluate(() => {
      const window = globalThis as unknown as PageGlobals;
      const style = (selector: string) =>
        window.getComputedStyle(window.document.querySelector(selector));
      return { width: style("main").maxWidth, text: style(".lede").color, link: style("a").color };
    });
    expect(print).toEqual({ width: "none", text: "rgb(0, 0, 0)", link: "rgb(0, 0, 0)" });
    await page.close();
  });

  it("takes the README's screenshots: a post at 320 px, a protocol at 1024 px", async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    const post = await open(`${ARCHIVE}/2018-04-11`, 320);
    await post.page.screenshot({ path: `${SCREENSHOTS}post-320.png` });
    await post.page.close();
    const protocol = await open(`${ARCHIVE}/2027-02-08/protokoll.html`, 1024);
    await protocol.page.screenshot({ path: `${SCREENSHOTS}protocol-1024.png` });
    await protocol.page.close();
    // PNG: the width is the big-endian word at byte 16 of the IHDR chunk.
    const width = async (name: string) =>
      (await readFile(`${SCREENSHOTS}${name}`)).readUInt32BE(16);
    expect(await width("post-320.png")).toBe(320);
    expect(await width("protocol-1024.png")).toBe(1024);
  });
});
