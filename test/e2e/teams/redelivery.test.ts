import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { nextTeamsMessageId } from "../../support/teams-activities.js";
import { OTHER_CHANNEL, PEOPLE, TeamsAppHarness } from "../../support/teams-app-harness.js";

// Teams redelivers an activity with the same id, and Noterat makes nothing twice from it. An
// activity id is a message id, unique only within its conversation (a millisecond timestamp):
// two channels can deliver the same one, and each message there is a message of its own.

const { eva, olle } = PEOPLE;

describe("Teams deliveries with the same activity id", () => {
  let h: TeamsAppHarness;
  beforeEach(async () => {
    h = await TeamsAppHarness.start();
    await h.say(eva, "råd Reglab");
    await h.say(eva, "möte idag kl 13:00");
    await h.say(olle, "råd Kommunrådet", { where: OTHER_CHANNEL });
    await h.say(olle, "möte idag kl 15:00", { where: OTHER_CHANNEL });
  });
  afterEach(async () => {
    await h.stop();
  });

  const headingsOf = async (councilName: string) =>
    (
      await h.prisma.item.findMany({
        where: { council: { name: councilName } },
        orderBy: { ref: "asc" },
      })
    ).map((item) => item.heading);

  it("stores the message of each conversation, each in its own council", async () => {
    const id = nextTeamsMessageId();
    const first = await h.say(eva, "noterat Budget: Rådet informerades.", { id });
    const second = await h.say(olle, "noterat Skolskjuts: Rådet diskuterade.", {
      id,
      where: OTHER_CHANNEL,
    });
    expect(first.text).toBe("Noterat #1: Budget");
    expect(second.text).toBe("Noterat #1: Skolskjuts");
    expect(await headingsOf("Reglab")).toEqual(["Budget"]);
    expect(await headingsOf("Kommunrådet")).toEqual(["Skolskjuts"]);
  });

  it("stores a message redelivered in the same conversation once", async () => {
    const id = nextTeamsMessageId();
    const message = h.message(eva, "noterat Budget: Rådet informerades.", { id });
    const first = await h.post(message);
    const again = await h.post(message);
    expect(first.text).toBe("Noterat #1: Budget");
    // The redelivery is answered as the first delivery was, and stores nothing more.
    expect(again.text).toBe("Noterat #1: Budget");
    expect(await headingsOf("Reglab")).toEqual(["Budget"]);
    expect(await h.prisma.item.count()).toBe(1);
    expect(
      (await h.prisma.auditEntry.findMany({ where: { entityType: "item" } })).map(
        (entry) => entry.action,
      ),
    ).toEqual(["created"]);
  });
});
