import type { IncomingMessage, ServerResponse } from "node:http";
import type { Request, Response } from "botbuilder";

/** Teams sends small JSON activities; anything far larger is not one. */
const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the JSON body botbuilder's CloudAdapter expects already parsed on the request. */
export async function botRequest(request: IncomingMessage): Promise<Request | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    // botbuilder throws before answering on an activity without a type: that is a bad request.
    if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
    if (typeof (body as { type?: unknown }).type !== "string") return undefined;
    return {
      body: body as Record<string, unknown>,
      headers: request.headers,
      method: request.method ?? "POST",
    };
  } catch {
    return undefined;
  }
}

/** The express-like response CloudAdapter writes its status and invoke answers to. */
export function botResponse(response: ServerResponse): Response {
  let status = 200;
  return {
    socket: response.socket,
    status(code: number) {
      status = code;
      return this;
    },
    header(name: string, value: unknown) {
      response.setHeader(name, String(value));
      return this;
    },
    send(body?: unknown) {
      if (response.writableEnded) return this;
      if (body === undefined) {
        response.writeHead(status).end();
      } else if (typeof body === "string" || Buffer.isBuffer(body)) {
        response.writeHead(status).end(body);
      } else {
        response
          .writeHead(status, { "content-type": "application/json" })
          .end(JSON.stringify(body));
      }
      return this;
    },
    end() {
      if (!response.writableEnded) response.writeHead(status).end();
      return this;
    },
  };
}
