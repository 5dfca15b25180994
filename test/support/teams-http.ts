/**
 * Serves a botbuilder CloudAdapter on a plain node:http server at 127.0.0.1/api/messages,
 * for tests. CloudAdapter.process wants an express-like pair: a request whose JSON `body`
 * is already parsed, and a response with status/header/send/end. This file is that glue
 * (test-only; production has its own in src/bots/teams/).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { CloudAdapter, Request, Response, TurnContext } from "botbuilder";
import { closeServer, listenOnLoopback } from "./loopback-server.js";

/** Teams activities are small; this only protects the test process. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface BotHttpServer {
  /** "http://127.0.0.1:PORT" (POST activities to `${url}/api/messages`). */
  url: string;
  stop(): Promise<void>;
}

export type BotLogic = (context: TurnContext) => Promise<void>;

/** Starts a server on 127.0.0.1 (port 0) that hands POST /api/messages to `adapter.process`. */
export async function startBotHttpServer(
  adapter: CloudAdapter,
  logic: BotLogic,
): Promise<BotHttpServer> {
  const server: Server = createServer((req, res) => {
    handle(adapter, logic, req, res).catch(() => {
      // process() rejects (rather than answering) for a body without a `type`: it validates
      // the activity before its own try/catch. Answer anyway so the caller never hangs.
      if (!res.headersSent) res.writeHead(400).end();
      else res.destroy();
    });
  });
  const port = await listenOnLoopback(server, "startBotHttpServer");
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => closeServer(server),
  };
}

async function handle(
  adapter: CloudAdapter,
  logic: BotLogic,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const path = (req.url ?? "/").split("?")[0];
  if (path !== "/api/messages") {
    await drain(req);
    res.writeHead(404).end();
    return;
  }
  if (req.method !== "POST") {
    // What CloudAdapter answers too; checked first because a GET has no JSON body to parse.
    await drain(req);
    res.writeHead(405, { allow: "POST" }).end();
    return;
  }
  const request = await readBotRequest(req);
  if (request === "too-large") {
    res.writeHead(413).end();
    return;
  }
  if (request === "invalid") {
    res.writeHead(400).end();
    return;
  }
  await adapter.process(request, botResponse(res), logic);
}

/**
 * The request CloudAdapter reads: `method` (anything but POST gets 405), `headers`
 * (`authorization`), and `body` already parsed to an object (else it answers 400).
 */
async function readBotRequest(req: IncomingMessage): Promise<Request | "invalid" | "too-large"> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return "too-large";
    chunks.push(buffer);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return "invalid";
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return "invalid";
  return {
    method: req.method ?? "POST",
    headers: req.headers,
    body: { ...body },
  };
}

/**
 * The response CloudAdapter writes to. It calls `status(code)`, then `send(body)` only when
 * there is a body (an invoke answer object, or an error message string), then always
 * `end()`: `end` after `send` must be a no-op.
 */
export function botResponse(res: ServerResponse): Response {
  let status = 200;
  const response: Response = {
    socket: res.socket,
    status(code: number) {
      status = code;
      return response;
    },
    header(name: string, value: unknown) {
      if (!res.headersSent) res.setHeader(name, String(value));
      return response;
    },
    send(body?: unknown) {
      if (res.writableEnded) return response;
      if (body === undefined || body === null) {
        res.writeHead(status).end();
      } else if (typeof body === "string") {
        res.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(body);
      } else if (Buffer.isBuffer(body)) {
        res.writeHead(status).end(body);
      } else {
        res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
        res.end(JSON.stringify(body));
      }
      return response;
    },
    end() {
      if (!res.writableEnded) res.writeHead(status).end();
      return response;
    },
  };
  return response;
}

async function drain(req: IncomingMessage): Promise<void> {
  for await (const _chunk of req) {
    // Reading the body keeps a keep-alive connection usable.
  }
}
