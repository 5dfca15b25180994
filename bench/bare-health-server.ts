// The start-up floor: the project's own startHttpServer answering /healthz and nothing else,
// bundled the way `npm run build` bundles the program (scripts/bundle.mjs) and run by plain
// Node, so that no loader stands between Node and the floor. Logs its URL as main.ts does.
import { startHttpServer } from "../src/bots/http-server.js";
import { createLogger } from "../src/logger.js";

const logger = createLogger("info");
const server = await startHttpServer({ host: "127.0.0.1", port: 0, routes: [], logger });
logger.info({ url: server.url }, "bare server is listening");
process.once("SIGTERM", () => void server.close().then(() => process.exit(0)));
