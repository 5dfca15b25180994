import { defineConfig } from "vitest/config";

// `npm run test:faults`: the fault tests that take more than seconds (a bot process killed
// with SIGKILL under load and started again). `npm test` leaves test/faults out.
export default defineConfig({
  test: {
    include: ["test/faults/**/*.test.ts"],
    globalSetup: ["test/support/build-if-stale.ts"],
    // As in vitest.config.ts: a zone with DST that is not the machine's.
    env: { TZ: "America/New_York" },
    testTimeout: 180_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
