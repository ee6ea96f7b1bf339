import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awsRegion, parseConfig } from '../../functions/shared/config.js';
import { decodeCursor, encodeCursor } from '../../functions/shared/db/cursor.js';
import { ConflictError, ForbiddenError } from '../../functions/shared/errors.js';
import { toErrorResult } from '../../functions/shared/http/error-response.js';

const keys = ['pk', 'sk', 'gsi1pk', 'gsi1sk'] as const;

describe('page cursors', () => {
  it('round-trip any key of the expected partition', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 60 }), fc.string({ minLength: 1, maxLength: 60 }), fc.string({ minLength: 1, maxLength: 60 }), (pk, sk, gsk) => {
      const key = { pk, sk, gsi1pk: 'P', gsi1sk: gsk };
      expect(decodeCursor(encodeCursor(key), { attr: 'gsi1pk', value: 'P', keys })).toEqual(key);
    }));
  });

  it('reject anything that is not a key of the expected partition with a 400', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (junk) => {
      try {
        decodeCursor(junk, { attr: 'gsi1pk', value: 'P', keys });
      } catch (e) {
        expect(e).toMatchObject({ status: 400, code: 'invalid_cursor' });
      }
    }));
    const other = encodeCursor({ pk: 'a', sk: 'b', gsi1pk: 'Q', gsi1sk: 'c' });
    expect(() => decodeCursor(other, { attr: 'gsi1pk', value: 'P', keys })).toThrow(/cursor/);
    const extra = encodeCursor({ pk: 'a', sk: 'b', gsi1pk: 'P', gsi1sk: 'c', x: 'y' });
    expect(() => decodeCursor(extra, { attr: 'gsi1pk', value: 'P', keys })).toThrow(/cursor/);
  });
});

describe('the error map', () => {
  it('maps named errors to their status and body', () => {
    const r = toErrorResult(new ConflictError('full', 'activity_full'));
    expect(r.statusCode).toBe(409);
    expect(JSON.parse(r.body!)).toEqual({ error: { code: 'activity_full', message: 'full' } });
    expect(toErrorResult(new ForbiddenError('no')).statusCode).toBe(403);
  });

  it('hides unexpected errors behind a generic 500', () => {
    const r = toErrorResult(new Error('secret table name gongzhi-x'));
    expect(r.statusCode).toBe(500);
    expect(r.body).not.toContain('secret');
  });
});

describe('configuration', () => {
  it('fills local defaults and reads table names from the environment', () => {
    const c = parseConfig({ TABLE_PROPOSALS: 'prod-proposals' });
    expect(c.tables).toMatchObject({ proposals: 'prod-proposals', community: 'gongzhi-community' });
    // There is no default community to fall back to: every request names its own.
    expect(Object.keys(c)).not.toContain('defaultCommunity');
  });

  it('guesses no region: the one Lambda sets, else a clear refusal where an AWS client needs one', () => {
    expect(parseConfig({}).region).toBeUndefined();
    expect(() => awsRegion(parseConfig({}))).toThrow(/AWS_REGION is not set/);
    expect(awsRegion(parseConfig({ AWS_REGION: 'cn-north-1' }))).toBe('cn-north-1');
    expect(() => parseConfig({ AWS_REGION: 'Beijing' })).toThrow(/AWS_REGION/);
  });

  it('fails fast, naming the variable, on a bad value', () => {
    expect(() => parseConfig({ DYNAMODB_ENDPOINT: 'not a url' })).toThrow(/DYNAMODB_ENDPOINT/);
    expect(() => parseConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
