// `npx tsx bench/noterat-cpu.ts`: CPU per `noterat` through handleCommand (the path every
// surface takes, without Slack's or Teams' HTTP), on a fresh database of the dialect under test
// (NOTERAT_TEST_DATABASE=postgresql inside scripts/with-postgres.sh for PostgreSQL). Less noisy
// than `npm run bench slack-ack` on a busy machine, for comparing two commits of the store.

import { ChatSession } from "../test/support/chat-session.js";
import { FixedClock } from "../test/support/console-harness.js";
import { openTempDatabase } from "../test/support/temp-database.js";

const COMMANDS = Number(process.env.COMMANDS ?? 3_000);
const WARMUP = 300;
const ROUNDS = 3;

const temp = await openTempDatabase();
try {
  const session = new ChatSession(temp.store, new FixedClock("2026-03-02T08:00:00Z"), "reglab");
  await session.say("Eva", "råd Reglab");
  await session.say("Eva", "möte idag kl 10");
  for (let i = 0; i < WARMUP; i += 1) await session.say("Eva", `noterat Uppvärmning ${i}: text`);
  for (let round = 1; round <= ROUNDS; round += 1) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < COMMANDS; i += 1) {
      // A delivery id, as Slack's and Teams' commands carry one.
      await session.say("Eva", `noterat Rubrik ${round}-${i}: en text om saken`, `d-${round}-${i}`);
    }
    const used = process.cpuUsage(cpu);
    const perCommand = (micros: number) => (micros / 1000 / COMMANDS).toFixed(3);
    process.stdout.write(
      `round ${round}: CPU ${perCommand(used.user + used.system)} ms a command, wall ${perCommand((performance.now() - started) * 1000)} ms\n`,
    );
  }
} finally {
  await temp.cleanup();
}
