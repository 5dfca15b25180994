import { describe, expect, it } from "vitest";
import { isButtonCommand } from "../../../src/domain/command/button-commands.js";

describe("commands a button may carry", () => {
  it.each([
    "done 12",
    "postpone 3",
    "approve",
    "approve 2026-03-02",
    "publish",
    "publish 2026-03-02",
  ])("accepts %s", (command) => expect(isButtonCommand(command)).toBe(true));
  it.each([
    "sök Uppsägningar",
    "nästa",
    "öppna",
    "done 0",
    "done x",
    "approve nu",
    "roll <@U1> sekreterare",
    "",
  ])("refuses %s", (command) => expect(isButtonCommand(command)).toBe(false));
});
