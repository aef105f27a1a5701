// Bot Framework tokens checked here, not by botbuilder: what needs no network is refused before any
// key is fetched, a key that cannot be fetched is a clean 503, and nothing is printed to the console.
import { createPublicKey, type JsonWebKey, type KeyObject, verify } from 'node:crypto';

/** Who issues the tokens that the Bot Framework's channels (Teams) send to bots. */
export const CHANNEL_ISSUER = 'https://api.botframework.com';
const HASHES: Readonly<Record<string, string>> = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' };
const CLOCK_TOLERANCE_S = 300;
const MAX_TOKEN_LENGTH = 16_384;

/** A token refused: 401. `reason` is a code for the log, never shown to the caller. */
export class TokenRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'TokenRefused';
  }
}

/** The signing keys cannot be had right now: 503, the caller may retry. */
export class KeysUnavailable extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'KeysUnavailable';
  }
}

export interface ReadToken {
  readonly kid: string;
  readonly hash: string;
  readonly signed: string;
  readonly signature: Buffer;
  readonly claims: Readonly<Record<string, unknown>>;
}

/** The bearer token's shape, algorithm, issuer and lifetime: everything that needs no key. */
export function readToken(authorization: string | undefined, nowMs: number): ReadToken {
  const match = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]*)$/.exec(authorization ?? '');
  if (!authorization || authorization.length > MAX_TOKEN_LENGTH || !match) throw new TokenRefused('no_token');
  const [, head = '', body = '', signature = ''] = match;
  const header = jsonPart(head);
  const claims = jsonPart(body);
  if (!header || !claims) throw new TokenRefused('malformed_token');
  const hash =
    typeof header.alg === 'string' && Object.hasOwn(HASHES, header.alg) ? HASHES[header.alg] : undefined;
  if (!hash || !signature) throw new TokenRefused('unsigned_or_wrong_algorithm');
  if (typeof header.kid !== 'string' || !header.kid) throw new TokenRefused('no_key_id');
  if (claims.iss !== CHANNEL_ISSUER) throw new TokenRefused('wrong_issuer');
  const now = nowMs / 1000;
  if (typeof claims.exp !== 'number' || claims.exp + CLOCK_TOLERANCE_S < now)
    throw new TokenRefused('expired');
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf - CLOCK_TOLERANCE_S > now))
    throw new TokenRefused('not_yet_valid');
  return {
    kid: header.kid,
    hash,
    signed: `${head}.${body}`,
    signature: Buffer.from(signature, 'base64url'),
    claims,
  };
}

function jsonPart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export interface SigningKey {
  readonly key: KeyObject;
  /** The channels this key may sign for (`msteams`); empty: any. */
  readonly endorsements: readonly string[];
}

export interface KeySourceOptions {
  readonly timeoutMs?: number;
  /** Keys are fetched again after this long (Microsoft rolls them over days). */
  readonly maxAgeMs?: number;
  /** An unknown key id fetches again at most this often, so forged ids cannot hammer the endpoint. */
  readonly unknownKeyGapMs?: number;
  /** After a failed fetch, requests are answered 503 without fetching for this long. */
  readonly failureGapMs?: number;
  readonly now?: () => number;
}

/** The Bot Framework's signing keys, from its OpenID metadata, cached and fetched one at a time. */
export class SigningKeys {
  private keys = new Map<string, SigningKey>();
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private attemptedAt = Number.NEGATIVE_INFINITY;
  private failed = false;
  private inFlight: Promise<void> | undefined;
  private readonly options: Required<KeySourceOptions>;

  constructor(
    private readonly metadataUrl: string,
    options: KeySourceOptions = {},
  ) {
    this.options = {
      timeoutMs: 3000,
      maxAgeMs: 24 * 3600_000,
      unknownKeyGapMs: 5 * 60_000,
      failureGapMs: 10_000,
      now: Date.now,
      ...options,
    };
  }

  /** The key with this id; undefined when the Bot Framework has none such. */
  async key(kid: string): Promise<SigningKey | undefined> {
    const { now, maxAgeMs, unknownKeyGapMs, failureGapMs } = this.options;
    const known = this.keys.get(kid);
    const sinceAttempt = now() - this.attemptedAt;
    const stale = now() - this.fetchedAt >= maxAgeMs;
    const wanted = stale || (!known && sinceAttempt >= unknownKeyGapMs);
    const allowed = !this.failed || sinceAttempt >= failureGapMs;
    if (wanted && allowed) {
      try {
        await this.refresh();
      } catch (error) {
        // Keys we already hold stay good while Microsoft's endpoint is away.
        if (this.keys.has(kid)) return this.keys.get(kid);
        throw error;
      }
    } else if (wanted && !known) {
      throw new KeysUnavailable('keys_unavailable');
    }
    return this.keys.get(kid);
  }

  private refresh(): Promise<void> {
    this.inFlight ??= this.fetchKeys().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async fetchKeys(): Promise<void> {
    this.attemptedAt = this.options.now();
    try {
      const metadata = await this.getJson(this.metadataUrl);
      const jwksUri = metadata.jwks_uri;
      if (typeof jwksUri !== 'string') throw new KeysUnavailable('metadata_without_keys');
      const set = await this.getJson(jwksUri);
      this.keys = readKeySet(set.keys);
      this.fetchedAt = this.options.now();
      this.failed = false;
    } catch (error) {
      this.failed = true;
      throw error instanceof KeysUnavailable ? error : new KeysUnavailable('keys_unreachable');
    }
  }

  private async getJson(url: string): Promise<Record<string, unknown>> {
    const response = await fetch(url, { signal: AbortSignal.timeout(this.options.timeoutMs) });
    if (!response.ok) throw new KeysUnavailable(`keys_http_${response.status}`);
    const value: unknown = await response.json();
    if (typeof value !== 'object' || value === null) throw new KeysUnavailable('keys_not_json');
    return value as Record<string, unknown>;
  }
}

function readKeySet(keys: unknown): Map<string, SigningKey> {
  const found = new Map<string, SigningKey>();
  if (!Array.isArray(keys)) return found;
  for (const jwk of keys as Array<Record<string, unknown>>) {
    if (
      typeof jwk?.kid !== 'string' ||
      jwk.kty !== 'RSA' ||
      typeof jwk.n !== 'string' ||
      typeof jwk.e !== 'string'
    )
      continue;
    try {
      const key = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e } as JsonWebKey, format: 'jwk' });
      const endorsements = Array.isArray(jwk.endorsements)
        ? jwk.endorsements.filter((item): item is string => typeof item === 'string')
        : [];
      found.set(jwk.kid, { key, endorsements });
    } catch {
      // a key Node cannot read is a key no token can use
    }
  }
  return found;
}

/** What an activity says about itself that its token must agree with. */
export interface ActivityClaims {
  readonly channelId: string;
  readonly serviceUrl: string;
}

/** The token's signature, by a current Bot Framework key; resolves with the key's endorsements. */
export async function verifySignature(token: ReadToken, keys: SigningKeys): Promise<readonly string[]> {
  const signing = await keys.key(token.kid);
  if (!signing) throw new TokenRefused('unknown_key');
  let valid = false;
  try {
    valid = verify(token.hash, Buffer.from(token.signed), signing.key, token.signature);
  } catch {
    valid = false;
  }
  if (!valid) throw new TokenRefused('bad_signature');
  return signing.endorsements;
}

/**
 * The rest of a channel token's check, as the Bot Framework documents it: its key endorsed for the
 * activity's channel, issued for this app, and naming the activity's service URL.
 */
export function checkClaims(
  token: ReadToken,
  endorsements: readonly string[],
  activity: ActivityClaims,
  appId: string,
): Readonly<Record<string, unknown>> {
  if (endorsements.length && !endorsements.includes(activity.channelId))
    throw new TokenRefused('not_endorsed');
  if (token.claims.aud !== appId) throw new TokenRefused('wrong_audience');
  if (token.claims.serviceurl !== activity.serviceUrl) throw new TokenRefused('service_url_mismatch');
  return token.claims;
}
