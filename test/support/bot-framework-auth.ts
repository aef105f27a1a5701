// A local stand-in of the Bot Framework's token service: its OpenID metadata and signing keys over
// real HTTP, and tokens signed the way the Bot Framework signs what Teams sends to a bot.
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type KeyServiceMode = 'ok' | 'fail' | 'hang';

export interface BotFrameworkKeys {
  /** BotOpenIdMetadata for the server under test. */
  readonly metadataUrl: string;
  /** Requests received (metadata and keys). */
  readonly requests: string[];
  mode: KeyServiceMode;
  /** A token as the Bot Framework signs it; `claims` and `header` override the defaults. */
  token(claims?: Record<string, unknown>, header?: Record<string, unknown>, key?: KeyObject): string;
  close(): Promise<void>;
}

export const KEY_ID = 'stand-in-key-1';
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
/** Another key pair: what a forger signs with. */
export const FORGER_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An unsigned token (`alg: none`, empty signature), as a forger would try. */
export function unsignedToken(claims: Record<string, unknown>): string {
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}

export async function startBotFrameworkKeys(appId: string, serviceUrl: string): Promise<BotFrameworkKeys> {
  const requests: string[] = [];
  const hanging = new Set<import('node:http').ServerResponse>();
  let url = '';
  const keys: BotFrameworkKeys = {
    get metadataUrl() {
      return `${url}/v1/.well-known/openidconfiguration`;
    },
    requests,
    mode: 'ok',
    token(claims = {}, header = {}, key = privateKey) {
      const now = Math.floor(Date.now() / 1000);
      const head = encode({ alg: 'RS256', typ: 'JWT', kid: KEY_ID, ...header });
      const body = encode({
        iss: 'https://api.botframework.com',
        aud: appId,
        serviceurl: serviceUrl,
        nbf: now - 60,
        exp: now + 3600,
        ...claims,
      });
      const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(key).toString('base64url');
      return `${head}.${body}.${signature}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of hanging) response.destroy();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (keys.mode === 'hang') {
      hanging.add(response);
      return;
    }
    if (keys.mode === 'fail') return response.writeHead(500).end('{"error":"down"}');
    response.setHeader('content-type', 'application/json');
    if (request.url?.endsWith('/openidconfiguration'))
      return response.end(
        JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${url}/v1/keys` }),
      );
    const jwk = publicKey.export({ format: 'jwk' });
    response.end(JSON.stringify({ keys: [{ ...jwk, kid: KEY_ID, use: 'sig', endorsements: ['msteams'] }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return keys;
}
