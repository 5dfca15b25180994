// The entry of a server process (see bench-server.ts): starts the server its parent names,
// reports its memory and CPU time on request, and exits when told to or when the parent goes away.
import type {
  BenchServer,
  FromServer,
  ProcessStats,
  ServerSpec,
  ToServer,
} from "./bench-server.js";
import { startSlackFloor } from "./slack-floor-server.js";
import { startNoteratSlack } from "./slack-noterat-server.js";
import { startSlackWorkFloor } from "./slack-work-floor-server.js";

let server: BenchServer | undefined;

function start(spec: ServerSpec): Promise<BenchServer> {
  switch (spec.kind) {
    case "noterat-slack":
      return startNoteratSlack(spec);
    case "slack-floor":
      return startSlackFloor(spec);
    case "slack-work-floor":
      return startSlackWorkFloor(spec);
  }
}

function stats(): ProcessStats {
  const { rss, heapUsed, external } = process.memoryUsage();
  const { user, system } = process.cpuUsage();
  return { rss, heapUsed, external, cpuMs: (user + system) / 1000 };
}

function reply(message: FromServer, then?: () => void): void {
  process.send?.(message, undefined, {}, () => then?.());
}

async function handle(message: ToServer): Promise<void> {
  switch (message.type) {
    case "start":
      server = await start(message.spec);
      reply({ type: "ready", url: server.url, stats: stats() });
      return;
    case "stats":
      reply({ type: "stats", stats: stats() });
      return;
    case "stop":
      await server?.close();
      // Exiting (rather than waiting for every handle to close) also writes a --cpu-prof profile.
      reply({ type: "stopped" }, () => process.exit(0));
      return;
  }
}

function isToServer(value: unknown): value is ToServer {
  return (
    typeof value === "object" &&
    value !== null &&
    "type" in value &&
    (value.type === "start" || value.type === "stats" || value.type === "stop")
  );
}

process.on("message", (message: unknown) => {
  if (!isToServer(message)) return;
  handle(message).catch((error: unknown) => {
    reply({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  });
});
process.on("disconnect", () => process.exit(0));
