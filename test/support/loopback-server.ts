/**
 * The HTTP plumbing the fake services share: a node:http server on 127.0.0.1 (a free port),
 * stopped without waiting for kept-alive connections, with request bodies read under a cap
 * and delays that stopping cancels.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

/** Listens on 127.0.0.1, port 0; resolves with the port. `owner` names the server in errors. */
export async function listenOnLoopback(server: Server, owner: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === "string") {
    server.close();
    throw new Error(`${owner}: the server has no TCP address`);
  }
  return address.port;
}

/** Closes the server, and its connections: clients keep them alive, close() would wait for them. */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
    server.closeAllConnections();
  });
}

/**
 * The body of a request; undefined once it passes `maxBytes`. An aborted upload gives what
 * arrived rather than throw.
 */
export async function readBody(
  req: IncomingMessage,
  maxBytes: number,
): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      size += buffer.length;
      if (size > maxBytes) return undefined;
      chunks.push(buffer);
    }
  } catch {
    // An aborted upload: use what arrived rather than throw.
  }
  return Buffer.concat(chunks);
}

/** Failures every fake can inject below its own answers: no answer at all, or a late one. */
export type TransportFailure = { drop: true } | { delayMs: number };

function isTransportFailure(failure: object): failure is TransportFailure {
  return "drop" in failure || "delayMs" in failure;
}

/** A fake service's server on 127.0.0.1: started once, stopped with its pending delays. */
export class LoopbackServer {
  private server: Server | undefined;
  private port: number | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();

  /** `owner` names the fake in errors. */
  constructor(
    private readonly owner: string,
    private readonly onRequest: (req: IncomingMessage, res: ServerResponse) => void,
  ) {}

  async start(): Promise<void> {
    if (this.server !== undefined) return;
    const server = createServer((req, res) => {
      this.onRequest(req, res);
    });
    this.port = await listenOnLoopback(server, this.owner);
    this.server = server;
  }

  /** Stops the server; delays still pending never end. */
  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.server = undefined;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await closeServer(server);
  }

  get running(): boolean {
    return this.server !== undefined;
  }

  /** "http://127.0.0.1:PORT", without a trailing slash. */
  get origin(): string {
    if (this.port === undefined || this.server === undefined) {
      throw new Error(`${this.owner} is not started: await start() first`);
    }
    return `http://127.0.0.1:${this.port}`;
  }

  /**
   * Plays out an injected failure: drops the connection, waits, or has `answer` write the
   * fake's own failure answer. True when the normal answer should still follow (a delay the
   * server and the connection outlived).
   */
  async playFailure<F extends object>(
    failure: F | undefined,
    req: IncomingMessage,
    res: ServerResponse,
    answer: (failure: Exclude<F, TransportFailure>) => void,
  ): Promise<boolean> {
    if (failure === undefined) return true;
    if (!isTransportFailure(failure)) {
      answer(failure as Exclude<F, TransportFailure>);
      return false;
    }
    if ("drop" in failure) {
      req.socket.destroy();
      return false;
    }
    await this.sleep(failure.delayMs);
    return this.running && !res.destroyed;
  }

  /** Resolves after `ms`, unless the server is stopped first. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}
