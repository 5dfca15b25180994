import { pino } from "pino";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startHttpServer } from "../../src/bots/http-server.js";
import { archiveListener } from "../../src/web/archive-listener.js";
import { ChatSession } from "../support/chat-session.js";
import { FixedClock } from "../support/console-harness.js";
import { axeViolations, launchHeadlessChromium } from "../support/headless-browser.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

// The web archive (architecture.md §13) in a reader's browser, served by the real server with its
// real headers (the Content-Security-Policy among them) from minutes published through commands:
// Reglab's post of 2 March 2026, its post of 16 March corrected on 31 March, and Samverkansrådet
// Norr's protocol of 9 March. axe-core checks WCAG 2.1 AA; 320 px checks reflow.

let temp: TempDatabase;
let server: RunningServer;
let browser: Browser;

/** Says `text` and checks that the reply is the expected one: the pages rest on these steps. */
async function step(chat: ChatSession, user: string, text: string, reply: string): Promise<string> {
  const said = (await chat.say(user, text)).text;
  expect(said).toContain(reply);
  return said;
}

/** A notes-mode meeting at 13:00 on `day`, justerad and published the same morning. */
async function publishedMeeting(
  chat: ChatSession,
  clock: FixedClock,
  day: string,
): Promise<number> {
  clock.set(`${day}T08:00:00Z`);
  await chat.say("Eva", "möte idag kl 13");
  const noted = await chat.say(
    "Eva",
    "noterat Kollektivtrafik: Rådet informerades om den regionala trafikförsörjningsplanen.",
  );
  await chat.say("Eva", "beslut Budget: Rådet fastställer budgeten för 2026.");
  await chat.say("Eva", "uppdrag @Anna Ta fram en tidplan senast 30 april");
  await step(chat, "Ordf", "justera", "justerade av Ordf");
  await step(chat, "Eva", "publicera", "publicerad");
  return refIn(noted.text);
}

/** The item's short number in an acknowledgement ("Noterat #3: …"). */
function refIn(reply: string): number {
  const ref = /#(\d+)/.exec(reply)?.[1];
  if (ref === undefined) throw new Error(`no item number in: ${reply}`);
  return Number(ref);
}

beforeAll(async () => {
  temp = await openTempDatabase();
  const clock = new FixedClock("2026-03-02T07:00:00Z");
  const reglab = new ChatSession(temp.store, clock, "reglab");
  await reglab.say("Eva", "råd Reglab");
  await reglab.say("Eva", "roll @Ordf ordförande");
  await step(reglab, "Eva", "webb på", "/arkiv/reglab/");
  await publishedMeeting(reglab, clock, "2026-03-02");

  const norr = new ChatSession(temp.store, clock, "norr");
  clock.set("2026-03-09T08:00:00Z");
  await norr.say("Sara", "råd Samverkansrådet Norr");
  await norr.say("Sara", "läge protokoll");
  await norr.say("Sara", "roll @Maria ordförande");
  await norr.say("Sara", "ledamot @Maria @Anna @Bertil @Cecilia");
  await step(norr, "Sara", "webb på", "/arkiv/samverkansradet-norr/");
  await norr.say("Sara", "möte idag kl 13 Regionens hus");
  await norr.say("Sara", "närvarande @Maria @Anna @Bertil");
  await norr.say("Sara", "justerare @Anna");
  const decided = await norr.say("Sara", "beslut Budget 2026: Rådet fastställer budgeten.");
  await step(norr, "Sara", `votering ${refIn(decided.text)} 2 1`, "ja 2, nej 1");
  await norr.say("Maria", "justera");
  await step(norr, "Anna", "justera", "är justerat");
  await step(norr, "Sara", "publicera", "publicerad");

  // Published on 16 March, corrected on 31 March.
  const corrected = await publishedMeeting(reglab, clock, "2026-03-16");
  clock.set("2026-03-31T09:30:00Z");
  await reglab.say("Eva", `ändra ${corrected} Kollektivtrafik: Rådet informerades om planen.`);
  await step(reglab, "Ordf", "justera 16 mars", "justerade av Ordf");
  await step(reglab, "Eva", "publicera 16 mars", "publicerad");

  const logger = pino({ level: process.env.NOTERAT_TEST_LOG ?? "silent" });
  server = await startHttpServer({
    host: "127.0.0.1",
    port: 0,
    logger,
    routes: [
      {
        prefix: "/arkiv/",
        listener: archiveListener({ store: temp.store, clock, publicUrl: null, logger }),
      },
    ],
  });
  browser = await launchHeadlessChromium();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await temp?.cleanup();
});

const PAGES = [
  { name: "the notes council's index", path: "/arkiv/reglab/" },
  { name: "a post", path: "/arkiv/reglab/2026-03-02" },
  { name: "a corrected post", path: "/arkiv/reglab/2026-03-16", shows: "Rättad 2026-03-31 11.30" },
  { name: "the protocol council's index", path: "/arkiv/samverkansradet-norr/" },
  {
    name: "a protocol",
    path: "/arkiv/samverkansradet-norr/2026-03-09/protokoll.html",
    shows: "Ja 2, Nej 1.",
  },
];

/** What the page's script sees; the tests compile without the DOM's types. */
interface PageGlobals {
  document: {
    documentElement: { scrollWidth: number; clientWidth: number };
    querySelector(selector: string): { href: string } | null;
  };
}

/** Opens a page at a width; whatever the console reports (a CSP refusal, say) is collected. */
async function open(path: string, width: number): Promise<{ page: Page; reports: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const reports: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") reports.push(message.text());
  });
  page.on("pageerror", (error) => reports.push(error.message));
  const response = await page.goto(`${server.url}${path}`);
  expect(response?.status()).toBe(200);
  // The policy the page was read under is the server's own.
  expect(await response?.headerValue("content-security-policy")).toContain("default-src 'none'");
  return { page, reports };
}

describe("the archive served to headless Chromium", () => {
  it.each(PAGES)("$name: WCAG 2.1 AA by axe-core, nothing refused by the CSP", async (entry) => {
    const { page, reports } = await open(entry.path, 1024);
    expect(await axeViolations(page)).toEqual([]);
    if (entry.shows) expect(await page.textContent("main")).toContain(entry.shows);
    expect(reports).toEqual([]);
    await page.close();
  });

  it.each(PAGES)("$name: reflows at 320 px without scrolling sideways", async ({ path }) => {
    const { page, reports } = await open(path, 320);
    const overflow = await page.evaluate(() => {
      const root = (globalThis as unknown as PageGlobals).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    expect(reports).toEqual([]);
    await page.close();
  });

  it("announces the Atom feed in the index's head, at the address the server serves it", async () => {
    const { page } = await open("/arkiv/reglab/", 1024);
    const href = await page.evaluate(
      () =>
        (globalThis as unknown as PageGlobals).document.querySelector(
          'head link[rel="alternate"][type="application/atom+xml"]',
        )?.href,
    );
    expect(href).toBe(`${server.url}/arkiv/reglab/flode.xml`);
    const feed = await fetch(href ?? "");
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    await page.close();
  });
});
