import { schedule } from "node-cron";
import type { Clock } from "../handlers/context.js";
import type { Logger } from "../logger.js";
import type { TickReport } from "./reminder-tick.js";

export interface ReminderClock {
  /** Stops the schedule and waits for a running tick to finish. */
  stop(): Promise<void>;
}

/**
 * Runs the reminder tick on a cron schedule and once at start (to catch up after downtime).
 * A tick that outlasts the interval is not started twice: the next fire is skipped. A failing
 * tick is logged and the next one tries again; nothing here can stop the process.
 */
export function startReminderClock(
  tick: (now: Date) => Promise<TickReport>,
  options: { expression: string; clock: Clock; logger: Logger },
): ReminderClock {
  const { clock, logger } = options;
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return;
    running = tick(clock.now())
      .then((report) => {
        if (report.claimed > 0 || report.planned > 0 || report.deleted > 0) {
          logger.info(report, "reminder tick");
        }
      })
      .catch((error: unknown) => logger.error({ err: error }, "reminder tick failed"))
      .finally(() => {
        running = null;
      });
  };
  const task = schedule(options.expression, run, { name: "reminders" });
  run();
  return {
    async stop() {
      await task.stop();
      await running;
    },
  };
}
