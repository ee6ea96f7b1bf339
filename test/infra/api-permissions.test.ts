import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CfnResource, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContextName } from '../../functions/routes.js';
import type { ApiStack } from '../../infra/api-stack.js';
import type { DataStack } from '../../infra/data-stack.js';
import { repoRoot } from '../../infra/paths.js';
import { personalActions, readActions, writeActions } from '../../infra/table-access.js';
import { resources, synthGongzhi } from './synth.js';

type Statement = { Action: string | string[]; Resource: unknown; Effect: string };
let api: ApiStack;
let data: DataStack;
let template: Template;

beforeAll(() => {
  ({ api, data } = synthGongzhi());
  template = Template.fromStack(api);
});

const idOf = (stack: Stack, c: IConstruct | undefined) => stack.getLogicalId(c!.node.defaultChild as CfnResource);
const tableId = (c: ContextName) => idOf(data, data.tables[c]);
const actionsOf = (s: Statement) => [s.Action].flat();

/** The statements of the one policy attached to a context function's role. */
function statementsOf(c: ContextName): Statement[] {
  const role = idOf(api, api.functions[c]!.fn.role);
  const policies = Object.values(resources(template, 'AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: role }]));
  expect(policies).toHaveLength(1);
  return policies[0]!.Properties.PolicyDocument.Statement as Statement[];
}
const onTable = (c: ContextName, table: ContextName) =>
  statementsOf(c).filter((s) => JSON.stringify(s.Resource).includes(tableId(table)));

describe('api stack: least privilege', () => {
  it('lets the proposals function write its own table', () => {
    const actions = onTable('proposals', 'proposals').flatMap(actionsOf);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Query']));
  });

  it('lets the proposals function only read the community table', () => {
    const statements = onTable('proposals', 'community');
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) {
      expect(actionsOf(s).sort()).toEqual([...readActions].sort());
      for (const write of ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']) {
        expect(actionsOf(s)).not.toContain(write);
      }
    }
  });

  it('lets the community function write its own table, and only scan and pseudonymize the others (PIPL)', () => {
    expect(onTable('community', 'community').flatMap(actionsOf).sort()).toEqual([...new Set([...readActions, ...writeActions, ...personalActions])].sort());
    for (const other of ['proposals', 'activities', 'donations', 'ballots', 'notifications'] as const) {
      const statements = onTable('community', other);
      // Besides: the household decisions it tells applicants about are put into the notifications table.
      const also = other === 'notifications' ? ['dynamodb:PutItem'] : [];
      expect(statements.flatMap(actionsOf).sort(), other).toEqual([...personalActions, ...also].sort());
      expect(JSON.stringify(statements.map((s) => s.Resource)), other).not.toContain('/index/');
    }
  });

  it('names each index instead of granting index/* or any wildcard, and writes logs only to its own group', () => {
    // The one wildcard allowed: photo keys under proposals/ of the media bucket (see media.test.ts).
    const photos = (s: Statement) => actionsOf(s).every((a) => a.startsWith('s3:'));
    for (const c of ['community', 'proposals'] as const) {
      expect(JSON.stringify(statementsOf(c).filter((s) => !photos(s)))).not.toContain('*');
      const logs = statementsOf(c).filter((s) => actionsOf(s).some((a) => a.startsWith('logs:')));
      expect(logs).toHaveLength(1);
      expect(logs[0]!.Resource).toEqual({ 'Fn::GetAtt': [idOf(api, api.functions[c]!.fn.logGroup), 'Arn'] });
    }
    const proposalsIndexes = JSON.stringify(onTable('proposals', 'proposals').map((s) => s.Resource));
    expect(proposalsIndexes).toContain('/index/gsi1');
    expect(proposalsIndexes).toContain('/index/gsi2');
  });

  it('lets the community function, and no other, delete a leaving person\'s Cognito user, in this pool only', () => {
    const pool = idOf(api, api.auth!.userPool);
    const cognito = statementsOf('community').filter((s) => actionsOf(s).some((a) => a.startsWith('cognito-idp:')));
    expect(cognito).toEqual([expect.objectContaining({ Effect: 'Allow', Action: 'cognito-idp:AdminDeleteUser', Resource: { 'Fn::GetAtt': [pool, 'Arn'] } })]);
    const env = resources(template, 'AWS::Lambda::Function')[idOf(api, api.functions.community!.fn)]!.Properties.Environment.Variables;
    expect(env).toMatchObject({ SIGN_IN_ACCOUNTS: 'cognito', USER_POOL_ID: { Ref: pool } });
    for (const c of Object.keys(api.functions).filter((f) => f !== 'community') as ContextName[]) {
      expect(JSON.stringify(statementsOf(c)), c).not.toContain('cognito-idp:');
    }
  });

  it('attaches no AWS managed policy to the function roles', () => {
    for (const c of ['community', 'proposals'] as const) {
      const role = idOf(api, api.functions[c]!.fn.role);
      expect(resources(template, 'AWS::IAM::Role')[role]!.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('grants every DynamoDB command the context code sends', () => {
    const actionFor = (command: string) => `dynamodb:${command.replace(/^(Get|Put|Update|Delete|BatchGet|BatchWrite)$/, '$1Item')}`;
    for (const c of Object.keys(api.functions) as ContextName[]) {
      const dir = join(repoRoot, 'functions', c);
      const source = readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
      // DynamoDB commands only: the notifier's channels (SES, SMS) sit in the notifications folder too.
      const sent = [...source.matchAll(/new (Get|Put|Update|Delete|Query|Scan|BatchGet|BatchWrite)Command\(/g)].map((m) => actionFor(m[1]!));
      expect(sent.length, c).toBeGreaterThan(0);
      const granted = statementsOf(c).flatMap(actionsOf);
      for (const action of sent) expect(granted, `${c} sends ${action}`).toContain(action);
      expect([...readActions, ...writeActions, ...(c === 'community' ? personalActions : [])]).toEqual(expect.arrayContaining(sent));
    }
  });
});
