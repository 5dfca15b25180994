import { describe, expect, it } from "vitest";
import { webHref } from "../../../src/render/web-link.js";

describe("webHref", () => {
  it.each([
    ["rvn.se", "https://rvn.se"],
    [" www.rvn.se/handlingar?möte=11 ", "https://www.rvn.se/handlingar?möte=11"],
    ["mälardalsrådet.se", "https://mälardalsrådet.se"],
    ["https://rvn.se/a b", "https://rvn.se/a%20b"],
    ["HTTP://rvn.se/%20x", "HTTP://rvn.se/%20x"],
    ['https://x.se/?q="><script>', "https://x.se/?q=%22%3E%3Cscript%3E"],
    ["https://x.se/(a)'b'", "https://x.se/%28a%29%27b%27"],
  ])("links %j as %j", (typed, href) => {
    expect(webHref(typed)).toBe(href);
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "mailto:anna@rvn.se",
    "ftp://rvn.se/handlingar",
    "//evil.se",
    "/handlingar",
    "handlingar",
    "se bilaga",
    "https://",
    "",
  ])("does not link %j", (typed) => {
    expect(webHref(typed)).toBeUndefined();
  });
});
