import { createServer, type IncomingMessage, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../logger.js";

/** A surface's HTTP entry: every request whose path starts with `prefix`. */
export interface HttpRoute {
  prefix: string;
  listener: RequestListener;
}

export interface RunningServer {
  server: Server;
  /** "http://127.0.0.1:PORT", with the port actually bound (PORT=0 picks a free one). */
  url: string;
  close(): Promise<void>;
}

/** One process, one port (architecture.md §7): the surfaces' routes and `/healthz`. */
export async function startHttpServer(options: {
  host: string;
  port: number;
  routes: HttpRoute[];
  logger: Logger;
}): Promise<RunningServer> {
  const { routes, logger } = options;
  const server = createServer((request, response) => {
    const path = pathOf(request);
    if (path === "/healthz") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ ok: true }));
      return;
    }
    const route = routes.find((candidate) => path.startsWith(candidate.prefix));
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    try {
      route.listener(request, response);
    } catch (error) {
      // The route, not the path: an archive path names a council.
      logger.error({ err: error, route: route.prefix }, "request failed");
      if (!response.headersSent) response.writeHead(500);
      response.end();
    }
  });
  // Slack retries after 3 s: keep connections alive across requests, drop idle ones in time.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host === "0.0.0.0" ? "127.0.0.1" : options.host;
  return {
    server,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function pathOf(request: IncomingMessage): string {
  return (request.url ?? "/").split("?")[0] ?? "/";
}
