/**
 * The sign-in account behind a person, removed when they leave the platform (`DELETE /api/me`, PIPL:
 * the account holds their phone number or email address). Three cases, from the deployment:
 * - Cognito (the default on AWS): the pool's user is deleted with AdminDeleteUser. The pool signs
 *   people in by phone number or email as username attributes, so Cognito names each user by its
 *   `sub`, which is the id the API knows them by.
 * - Another OpenID Connect provider (mainland China): it keeps the account and Gongzhi has no
 *   right to delete it; the person is told to close it there (README, Go live, step 5).
 * - The local platform: its development sign-in keeps no account at all.
 *
 * AdminDeleteUser is one signed JSON POST. It is sent with the SDK's own SigV4 signer (already in
 * every bundle for DynamoDB) rather than the Cognito client, whose ~200 operations' schemas would
 * more than fill what is left of the community Lambda's size budget; test/unit/sign-in-accounts.test.ts
 * checks the request is the one @aws-sdk/client-cognito-identity-provider sends for the same input.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

/** What became of the sign-in account: told to the person in `LeftPlatform.signInAccount`. */
export type SignInAccountOutcome = 'deleted' | 'already-gone' | 'kept-by-provider' | 'none';

export interface SignInAccounts {
  /** Idempotent: an account already deleted answers `already-gone`; any other failure throws. */
  remove(userId: string): Promise<SignInAccountOutcome>;
}

/** No account to remove here: the provider keeps it (`kept-by-provider`) or there is none (`none`). */
export const accountsKeptElsewhere = (outcome: 'kept-by-provider' | 'none'): SignInAccounts => ({ remove: async () => outcome });

export interface CognitoAccess {
  /** `<region>_<id>`: the region is the pool's own. */
  userPoolId: string;
  /** The Lambda role's credentials, from the environment. */
  credentials?: AwsCredentialIdentityProvider;
  /** How the signed request is sent; `fetch` on Lambda. */
  send?: (url: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<{ status: number; text(): Promise<string> }>;
  now?: () => number;
}

const TARGET = 'AWSCognitoIdentityProviderService.AdminDeleteUser';

/** Cognito user pools are not offered in the China regions (infra/settings.ts refuses them there). */
export const cognitoHost = (region: string): string => `cognito-idp.${region}.amazonaws.com`;

export class CognitoAccounts implements SignInAccounts {
  private readonly region: string;
  private readonly signer: SignatureV4;
  private readonly send: NonNullable<CognitoAccess['send']>;
  private readonly now: () => number;

  constructor(private readonly access: CognitoAccess) {
    const region = /^([a-z]{2}(?:-gov)?-[a-z]+-\d)_[0-9A-Za-z]+$/.exec(access.userPoolId)?.[1];
    if (!region) throw new Error(`USER_POOL_ID ${JSON.stringify(access.userPoolId)} is not a Cognito user pool id (<region>_<id>)`);
    this.region = region;
    this.signer = new SignatureV4({ service: 'cognito-idp', region, sha256: Sha256, credentials: access.credentials ?? fromEnv() });
    this.send = access.send ?? ((url, init) => fetch(url, init));
    this.now = access.now ?? Date.now;
  }

  async remove(userId: string): Promise<SignInAccountOutcome> {
    const host = cognitoHost(this.region);
    const body = JSON.stringify({ UserPoolId: this.access.userPoolId, Username: userId });
    const signed = await this.signer.sign({
      method: 'POST', protocol: 'https:', hostname: host, path: '/', query: {}, body,
      headers: { host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': TARGET },
    }, { signingDate: new Date(this.now()) });
    const headers = { ...signed.headers } as Record<string, string>;
    delete headers.host; // fetch sets it, from the URL
    const res = await this.send(`https://${host}/`, { method: 'POST', headers, body });
    if (res.status === 200) return 'deleted';
    const text = await res.text();
    let type = '';
    try {
      type = String((JSON.parse(text) as { __type?: unknown }).__type ?? '');
    } catch { /* not JSON: reported below as it came */ }
    // `__type` may carry a namespace prefix (`com.amazonaws...#UserNotFoundException`).
    if (res.status === 400 && type.split('#').pop() === 'UserNotFoundException') return 'already-gone';
    throw new Error(`Cognito AdminDeleteUser answered ${res.status} ${type || text.slice(0, 200)}`);
  }
}

/** From the environment the stack sets: Cognito where it names a pool, else per `SIGN_IN_ACCOUNTS`. */
export function signInAccounts(cfg: { userPoolId: string | undefined; accounts: 'cognito' | 'provider' | 'none' }): SignInAccounts {
  if (cfg.accounts === 'cognito') {
    if (!cfg.userPoolId) throw new Error('SIGN_IN_ACCOUNTS=cognito needs USER_POOL_ID');
    return new CognitoAccounts({ userPoolId: cfg.userPoolId });
  }
  return accountsKeptElsewhere(cfg.accounts === 'provider' ? 'kept-by-provider' : 'none');
}
