/**
 * Leaving the platform removes the sign-in account last (PIPL: it holds the phone number or email):
 * when Cognito cannot be reached the records are already erased, leaving fails, and leaving again
 * finishes; once the account is gone, leaving again is still safe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { myData, leavePlatform } from '../../functions/community/my-data.js';
import { createRegistryDeps, type RegistryDeps } from '../../functions/community/registry-deps.js';
import { CognitoAccounts, type CognitoAccess } from '../../functions/community/sign-in-accounts.js';
import type { Engine } from '../../functions/local/dynamo.js';
import { seedDemo } from '../../functions/local/seed.js';
import { systemClock } from '../../functions/shared/clock.js';
import { config } from '../../functions/shared/config.js';
import { newId } from '../../functions/shared/ids.js';
import { startTestEngine } from '../support/engine.js';

let engine: Engine;
let db: DynamoDBDocumentClient;
/** Cognito as the Lambda would meet it: each call answered by the next of `answers`. */
const answers: { status: number; body: string }[] = [];
const calls: { target: string; body: string }[] = [];
const send: NonNullable<CognitoAccess['send']> = async (_url, init) => {
  calls.push({ target: init.headers['x-amz-target']!, body: init.body });
  const a = answers.shift() ?? { status: 500, body: '{"__type":"InternalErrorException"}' };
  return { status: a.status, text: async () => a.body };
};
let deps: RegistryDeps;

beforeAll(async () => {
  ({ engine, db } = await startTestEngine());
  await seedDemo(db);
  const accounts = new CognitoAccounts({ userPoolId: 'ap-east-1_TestPool1', credentials: async () => ({ accessKeyId: 'AKID', secretAccessKey: 'secret' }), send });
  deps = createRegistryDeps(db, config().tables, systemClock, newId, accounts);
}, 120_000);
afterAll(async () => engine?.close());

describe('leaving removes the Cognito account last', () => {
  it('erases the records even when Cognito fails, and leaving again deletes the account', async () => {
    const name = (await myData(deps, 'resident7')).community.find((i) => i.displayName)?.displayName as string;
    expect(name).toBeTruthy();
    expect(name).toMatch(/^\p{Script=Han}+$/u);

    answers.push({ status: 503, body: 'Service Unavailable' });
    await expect(leavePlatform(deps, 'resident7')).rejects.toThrow('answered 503');
    // The records went first: the person is no longer named anywhere, only the account is left.
    // (The estate's owner roll still names the flat's owner: that is the property register, not the account.)
    expect(JSON.stringify((await myData(deps, 'resident7')).community)).not.toContain(name);

    answers.push({ status: 200, body: '{}' });
    const again = await leavePlatform(deps, 'resident7');
    expect(again).toMatchObject({ userId: 'resident7', membershipsEnded: 0, signInAccount: 'deleted' });
    expect(calls.map((c) => [c.target, JSON.parse(c.body)])).toEqual([1, 2].map(() => [
      'AWSCognitoIdentityProviderService.AdminDeleteUser', { UserPoolId: 'ap-east-1_TestPool1', Username: 'resident7' },
    ]));

    answers.push({ status: 400, body: '{"__type":"UserNotFoundException","message":"User does not exist."}' });
    expect((await leavePlatform(deps, 'resident7')).signInAccount).toBe('already-gone');
  });

  it('keeps the account of someone who only asked for their data', async () => {
    calls.length = 0;
    await myData(deps, 'resident8');
    expect(calls).toEqual([]);
  });
});
