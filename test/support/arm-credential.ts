// A test TokenCredential for the Azure SDK: hands out a fixed bearer token and records the scopes
// asked for, or fails the way DefaultAzureCredential fails when no credential is configured.
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';

export class TestCredential implements TokenCredential {
  readonly scopes: string[] = [];
  /** null: no credential available (as on a machine without managed identity, secret or CLI login). */
  constructor(public token: string | null = 'good-token') {}

  async getToken(scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken | null> {
    this.scopes.push(...(Array.isArray(scopes) ? scopes : [scopes]));
    if (this.token === null) {
      const error = new Error(
        'DefaultAzureCredential failed to retrieve a token from the included credentials (test: none configured).',
      );
      error.name = 'CredentialUnavailableError';
      throw error;
    }
    return { token: this.token, expiresOnTimestamp: Date.now() + 60 * 60_000 };
  }
}
