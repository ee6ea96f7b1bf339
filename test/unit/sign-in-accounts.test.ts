/**
 * Removing a leaving person's Cognito account without the Cognito client: the request must be the
 * one @aws-sdk/client-cognito-identity-provider sends for AdminDeleteUser, and only a missing user
 * may pass for done.
 */
import { AdminDeleteUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { HttpRequest } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { CognitoAccounts, signInAccounts, type CognitoAccess } from '../../functions/community/sign-in-accounts.js';
import { parseConfig } from '../../functions/shared/config.js';

const POOL = 'ap-east-1_AbCd12345';
const creds = async () => ({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', sessionToken: 'session-of-the-role' });
const NOW = Date.parse('2026-12-08T02:00:00Z');

type Sent = { url: string; init: { method: string; headers: Record<string, string>; body: string } };
const answering = (status: number, body = '{}') => {
  const sent: Sent[] = [];
  const send: NonNullable<CognitoAccess['send']> = async (url, init) => {
    sent.push({ url, init });
    return { status, text: async () => body };
  };
  return { sent, accounts: new CognitoAccounts({ userPoolId: POOL, credentials: creds, send, now: () => NOW }) };
};

/** What the SDK itself puts on the wire for the same call, caught before it leaves. */
async function sdkRequest(): Promise<HttpRequest> {
  let caught: HttpRequest | undefined;
  const client = new CognitoIdentityProviderClient({
    region: 'ap-east-1', credentials: creds, systemClockOffset: NOW - Date.now(),
    requestHandler: {
      handle: async (request: HttpRequest) => {
        caught = request;
        return { response: { statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: new TextEncoder().encode('{}') } };
      },
    } as never,
  });
  await client.send(new AdminDeleteUserCommand({ UserPoolId: POOL, Username: 'user-sub-1' }));
  return caught!;
}

describe('CognitoAccounts.remove', () => {
  it('sends the request the Cognito client sends for AdminDeleteUser, signed for the pool\'s region', async () => {
    const { sent, accounts } = answering(200);
    expect(await accounts.remove('user-sub-1')).toBe('deleted');
    const sdk = await sdkRequest();
    const ours = sent[0]!;
    expect(ours.url).toBe(`https://${sdk.hostname}${sdk.path}`);
    expect(ours.init.method).toBe(sdk.method);
    const sdkBody = sdk.body instanceof Uint8Array ? new TextDecoder().decode(sdk.body) : sdk.body as string;
    expect(JSON.parse(ours.init.body)).toEqual(JSON.parse(sdkBody));
    for (const h of ['content-type', 'x-amz-target', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256']) {
      if (sdk.headers[h] !== undefined) expect(ours.init.headers[h], h).toBe(sdk.headers[h]);
      else expect(ours.init.headers[h], h).toBeUndefined();
    }
    // Same key, date, region and service: only the SDK's own telemetry headers are signed on top.
    const scope = (auth: string) => /Credential=([^,]+),/.exec(auth)?.[1];
    expect(scope(ours.init.headers.authorization!)).toBe(scope(sdk.headers.authorization!));
    expect(scope(ours.init.headers.authorization!)).toBe('AKIAIOSFODNN7EXAMPLE/20261208/ap-east-1/cognito-idp/aws4_request');
    const signedHeaders = (auth: string) => /SignedHeaders=([^,]+),/.exec(auth)![1]!.split(';');
    const telemetry = ['amz-sdk-invocation-id', 'amz-sdk-request', 'x-amz-user-agent', 'content-length'];
    expect(signedHeaders(ours.init.headers.authorization!)).toEqual(signedHeaders(sdk.headers.authorization!).filter((h) => !telemetry.includes(h)));
    expect(ours.init.headers.authorization).toMatch(/, Signature=[0-9a-f]{64}$/);
  });

  it('answers already-gone for a user the pool no longer has, so leaving twice is safe', async () => {
    const { accounts } = answering(400, JSON.stringify({ __type: 'UserNotFoundException', message: 'User does not exist.' }));
    expect(await accounts.remove('user-sub-1')).toBe('already-gone');
    const prefixed = answering(400, JSON.stringify({ __type: 'com.amazonaws.cognito#UserNotFoundException' }));
    expect(await prefixed.accounts.remove('user-sub-1')).toBe('already-gone');
  });

  it('lets every other answer through: a missing permission must not look like a deleted account', async () => {
    await expect(answering(400, JSON.stringify({ __type: 'AccessDeniedException' })).accounts.remove('u')).rejects.toThrow('answered 400 AccessDeniedException');
    await expect(answering(400, JSON.stringify({ __type: 'NotAuthorizedException' })).accounts.remove('u')).rejects.toThrow('NotAuthorizedException');
    await expect(answering(503, 'Service Unavailable').accounts.remove('u')).rejects.toThrow('answered 503 Service Unavailable');
  });

  it('uses the pool\'s own regional endpoint, and refuses what is not a pool id', async () => {
    const sent: Sent[] = [];
    await new CognitoAccounts({ userPoolId: 'us-east-1_AbC', credentials: creds, now: () => NOW, send: async (url, init) => (sent.push({ url, init }), { status: 200, text: async () => '' }) }).remove('u');
    expect(new URL(sent[0]!.url).host).toBe('cognito-idp.us-east-1.amazonaws.com');
    expect(() => new CognitoAccounts({ userPoolId: 'gongzhi-pool' })).toThrow('is not a Cognito user pool id');
  });
});

describe('which accounts a deployment removes', () => {
  it('follows the environment the stack sets, and the local platform has none', async () => {
    const local = { DYNAMODB_ENDPOINT: 'http://127.0.0.1:4567' };
    expect(parseConfig({ ...local }).signIn).toEqual({ accounts: 'none', userPoolId: undefined });
    expect(parseConfig({ AWS_REGION: 'ap-east-1' }).signIn.accounts).toBe('provider');
    expect(parseConfig({ AWS_REGION: 'ap-east-1', USER_POOL_ID: POOL }).signIn).toEqual({ accounts: 'cognito', userPoolId: POOL });
    expect(parseConfig({ AWS_REGION: 'ap-east-1', SIGN_IN_ACCOUNTS: 'provider' }).signIn.accounts).toBe('provider');
    expect(() => parseConfig({ USER_POOL_ID: 'not a pool' })).toThrow('USER_POOL_ID');
    expect(await signInAccounts({ accounts: 'provider', userPoolId: undefined }).remove('u')).toBe('kept-by-provider');
    expect(await signInAccounts({ accounts: 'none', userPoolId: undefined }).remove('u')).toBe('none');
    expect(() => signInAccounts({ accounts: 'cognito', userPoolId: undefined })).toThrow('needs USER_POOL_ID');
  });
});
