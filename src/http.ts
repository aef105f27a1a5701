import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

export function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  contentType = 'text/plain; charset=utf-8',
): void {
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/**
 * A refusal before anything runs: a JSON error code, and the connection closed when the client may
 * still be sending (an oversized body is not read to its end).
 */
export function refuse(
  response: ServerResponse,
  status: number,
  error: string,
  headers: Record<string, string> = {},
): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const text = JSON.stringify({ error });
  response.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...(status === 413 ? { connection: 'close' } : {}),
  });
  response.end(text);
}

export type BodyResult = { ok: true; body: Buffer } | { ok: false; status: 400 | 413; error: string };

/**
 * The whole request body, refused with 413 as soon as it passes `limit` bytes (or says it will); the
 * request is then destroyed rather than read to its end. Read with the stream's own events: an async
 * iterator per request cost more than the rest of reading it, on the path of every acknowledgement.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit)
    return Promise.resolve({ ok: false, status: 413, error: 'body_too_large' });
  // A stream already read to its end has nothing more; one already gone cannot be read.
  if (request.readableEnded) return Promise.resolve({ ok: true, body: Buffer.alloc(0) });
  if (request.destroyed) return Promise.resolve({ ok: false, status: 400, error: 'body_unreadable' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult) => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onFailure);
      request.off('close', onFailure);
      resolve(result);
    };
    const onData = (chunk: unknown) => {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      size += buffer.length;
      if (size <= limit) {
        chunks.push(buffer);
        return;
      }
      finish({ ok: false, status: 413, error: 'body_too_large' });
      request.destroy();
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks, size) });
    // An error, or the connection closed before the end.
    const onFailure = () => finish({ ok: false, status: 400, error: 'body_unreadable' });
    request.on('data', onData);
    request.once('end', onEnd);
    request.once('error', onFailure);
    request.once('close', onFailure);
  });
}

/** A JSON object (not null, an array or a scalar), or undefined. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** `localhost`, 127.0.0.0/8 or ::1 (in brackets, as URL hostnames write it, or not). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return isLoopbackAddress(host);
}

/** A socket's remote address on this machine: 127.0.0.0/8, ::1, or IPv4 mapped into IPv6. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.toLowerCase().replace(/^::ffff:/, '');
  if (isIP(plain) === 4) return plain.startsWith('127.');
  return plain === '::1';
}
