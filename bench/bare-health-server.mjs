// The start-up floor: plain Node on the compiled project (dist/, as `node dist/main.js` runs),
// an HTTP server on its own startHttpServer answering /healthz, and nothing else. Logs its URL
// as main.ts does. Plain JavaScript, so that no loader stands between Node and the floor.
import { startHttpServer } from "../dist/bots/http-server.js";
import { createLogger } from "../dist/logger.js";

const logger = createLogger("info");
const server = await startHttpServer({ host: "127.0.0.1", port: 0, routes: [], logger });
logger.info({ url: server.url }, "bare server is listening");
process.once("SIGTERM", () => void server.close().then(() => process.exit(0)));
