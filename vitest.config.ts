import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Slow fault tests (a bot process killed under load) run in `npm run test:faults`.
    exclude: [...configDefaults.exclude, "test/faults/**"],
    // A zone with DST that is not the machine's (UTC): code must never rely on the host zone.
    env: { TZ: "America/New_York" },
    testTimeout: 20_000,
    pool: "forks",
  },
});
