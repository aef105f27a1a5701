// Between node:http and CloudAdapter.process: a parsed body in, a response shim out.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'botbuilder';

const MAX_BODY_BYTES = 1_000_000;

export type ReadResult = { ok: true; request: Request } | { ok: false; status: number; message: string };

export async function readRequest(request: IncomingMessage): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return { ok: false, status: 413, message: 'request body too large' };
    chunks.push(buffer);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return { ok: false, status: 400, message: 'request body is not JSON' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, status: 400, message: 'request body is not a JSON object' };
  }
  return {
    ok: true,
    request: { body: body as Record<string, unknown>, headers: request.headers, method: request.method },
  };
}

/** The express-like response CloudAdapter writes to; JSON bodies are serialised here. */
export function responseShim(response: ServerResponse): Response {
  return {
    socket: response.socket,
    status(code: number) {
      response.statusCode = code;
      return this;
    },
    header(name: string, value: unknown) {
      response.setHeader(name, String(value));
      return this;
    },
    send(body: unknown) {
      if (body === undefined || body === null) return this;
      if (typeof body === 'string' || Buffer.isBuffer(body)) {
        response.write(body);
      } else {
        if (!response.headersSent) response.setHeader('content-type', 'application/json; charset=utf-8');
        response.write(JSON.stringify(body));
      }
      return this;
    },
    end() {
      if (!response.writableEnded) response.end();
      return this;
    },
  };
}

export function reject(response: ServerResponse, status: number, message: string): void {
  response.statusCode = status;
  response.setHeader('content-type', 'text/plain; charset=utf-8');
  response.end(message);
}
