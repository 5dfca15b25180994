// A lean HTTP client for load: node:http over kept-alive sockets, timing from the moment the
// request is handed to the socket layer to the last byte of the response.
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";

export interface HttpRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface HttpResult {
  status: number;
  body: string;
  /** From sending the request to the full response, in milliseconds. */
  ms: number;
}

/** Keeps `maxSockets` connections open and reuses them: 1 for sequential, N for N in flight. */
export function keepAliveAgent(maxSockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
}

export function post(origin: URL, agent: Agent, outgoing: HttpRequest): Promise<HttpResult> {
  const body = Buffer.from(outgoing.body, "utf8");
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const sent = request(
      {
        host: origin.hostname,
        port: origin.port,
        path: outgoing.path,
        method: "POST",
        agent,
        headers: { ...outgoing.headers, "content-length": String(body.length) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            ms: performance.now() - started,
          }),
        );
      },
    );
    sent.on("error", reject);
    sent.end(body);
  });
}
