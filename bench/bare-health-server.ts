// The start-up floor: Node with the same TypeScript loader, an HTTP server on the project's
// own startHttpServer answering /healthz, and nothing else. Logs its URL as main.ts does.
import { startHttpServer } from "../src/bots/http-server.js";
import { createLogger } from "../src/logger.js";

const logger = createLogger("info");
const server = await startHttpServer({ host: "127.0.0.1", port: 0, routes: [], logger });
logger.info({ url: server.url }, "bare server is listening");
process.once("SIGTERM", () => void server.close().then(() => process.exit(0)));
