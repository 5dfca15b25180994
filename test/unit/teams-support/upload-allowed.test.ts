import { describe, expect, it } from "vitest";
import { uploadAllowed } from "../../../src/bots/teams/teams-file-consent.js";

// A forged fileConsent/invoke names the upload address: with authentication on, only OneDrive's
// over HTTPS gets the file.
describe("where an accepted file may be uploaded", () => {
  it.each([
    "https://contoso-my.sharepoint.com/personal/anna/_api/v2.0/drive/upload?tempauth=x",
    "https://agency-my.sharepoint.us/upload",
    "https://dod-my.sharepoint-mil.us/upload",
  ])("takes OneDrive's %s", (url) => {
    expect(uploadAllowed(url, true)).toBe(true);
  });

  it.each([
    "http://contoso-my.sharepoint.com/upload",
    "https://sharepoint.com.evil.example/upload",
    "https://evilsharepoint.com/upload",
    "https://127.0.0.1/upload",
    "http://169.254.169.254/latest/meta-data",
    "file:///etc/passwd",
    "not a url",
  ])("refuses %s", (url) => {
    expect(uploadAllowed(url, true)).toBe(false);
  });

  it("takes any address without authentication (tests against a fake upload)", () => {
    expect(uploadAllowed("http://127.0.0.1:4000/upload", false)).toBe(true);
  });
});
