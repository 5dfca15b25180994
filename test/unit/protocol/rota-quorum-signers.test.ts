import { describe, expect, it } from "vitest";
import { quorumOf } from "../../../src/domain/protocol/quorum.js";
import { missingSigners } from "../../../src/domain/protocol/required-signers.js";
import { nextInRota } from "../../../src/domain/protocol/rota.js";

describe("quorum: more than half of the ordinary members, serving substitutes counted", () => {
  it.each([
    { members: 7, membersPresent: 4, serving: 0, met: true, needed: 4 },
    { members: 7, membersPresent: 3, serving: 0, met: false, needed: 4 },
    { members: 7, membersPresent: 3, serving: 1, met: true, needed: 4 },
    { members: 6, membersPresent: 3, serving: 0, met: false, needed: 4 },
    { members: 6, membersPresent: 4, serving: 0, met: true, needed: 4 },
    { members: 1, membersPresent: 1, serving: 0, met: true, needed: 1 },
    { members: 0, membersPresent: 0, serving: 0, met: false, needed: 1 },
  ])("$membersPresent present and $serving serving of $members", (input) => {
    const quorum = quorumOf(input);
    expect(quorum.met).toBe(input.met);
    expect(quorum.needed).toBe(input.needed);
    expect(quorum.deciding).toBe(input.membersPresent + input.serving);
  });
});

describe("the rota of justerare", () => {
  const register = ["a", "b", "c", "d", "e"];

  it("takes the members in turn after last time's, skipping the unavailable", () => {
    const unavailable = new Set(["a"]);
    let lastTime: string[] = [];
    const chosen: string[] = [];
    for (let meeting = 0; meeting < 6; meeting++) {
      const [next = ""] = nextInRota({ register, unavailable, lastTime, count: 1 });
      chosen.push(next);
      lastTime = [next];
    }
    expect(chosen).toEqual(["b", "c", "d", "e", "b", "c"]);
  });

  it("skips the absent and goes on from the last who approved", () => {
    expect(
      nextInRota({ register, unavailable: new Set(["a", "d"]), lastTime: ["c"], count: 2 }),
    ).toEqual(["e", "b"]);
  });

  it("lets last time's approver approve again when nobody else can", () => {
    expect(
      nextInRota({ register: ["a", "b"], unavailable: new Set(["a"]), lastTime: ["b"], count: 1 }),
    ).toEqual(["b"]);
    expect(nextInRota({ register: [], unavailable: new Set(), lastTime: [], count: 1 })).toEqual(
      [],
    );
  });
});

describe("who still has to sign", () => {
  const required = { chairIds: ["chair", "vice"], approverIds: ["anna", "per"] };

  it("asks every chair until one has signed, and each approver", () => {
    expect(missingSigners(required, new Set())).toEqual(["chair", "vice", "anna", "per"]);
    expect(missingSigners(required, new Set(["vice", "anna"]))).toEqual(["per"]);
    expect(missingSigners(required, new Set(["vice", "anna", "per"]))).toEqual([]);
  });

  it("names a chair who is also a chosen approver once, and needs their signature", () => {
    const both = { chairIds: ["chair"], approverIds: ["chair", "anna"] };
    expect(missingSigners(both, new Set(["anna"]))).toEqual(["chair"]);
    expect(missingSigners({ chairIds: [], approverIds: ["anna"] }, new Set(["anna"]))).toEqual([]);
  });
});
