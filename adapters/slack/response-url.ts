// Posts a command's answer to its response_url with Node's own HTTP client and a keep-alive agent:
// lighter than the axios-based `respond` Bolt hands out, on the path right after every ack.
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

const httpAgent = new HttpAgent({ keepAlive: true });
const httpsAgent = new HttpsAgent({ keepAlive: true });

/** Resolves with the HTTP status; rejects on a network error or after `timeoutMs`. */
export function postToResponseUrl(url: string, body: unknown, timeoutMs = 10_000): Promise<number> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = (secure ? httpsRequest : httpRequest)(
      target,
      {
        method: 'POST',
        agent: secure ? httpsAgent : httpAgent,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(payload),
        },
        timeout: timeoutMs,
      },
      (response) => {
        response.resume(); // the body ("ok") is not needed; reading it frees the socket for reuse
        response.once('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.once('timeout', () =>
      request.destroy(new Error(`response_url did not answer in ${timeoutMs} ms`)),
    );
    request.once('error', reject);
    request.end(payload);
  });
}
