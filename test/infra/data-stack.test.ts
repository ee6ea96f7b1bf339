import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableOutput } from '../../functions/admin/connect.js';
import { contexts } from '../../functions/routes.js';
import { tableDefs } from '../../functions/shared/db/tables.js';
import { resources, synthGongzhi, type Resource } from './synth.js';

let template: Template;
let tables: Record<string, Resource>;

beforeAll(() => {
  const { data } = synthGongzhi();
  template = Template.fromStack(data);
  tables = resources(template, 'AWS::DynamoDB::Table');
});

const tableOf = (context: string) => {
  const entry = Object.entries(tables).find(([id]) => id.toLowerCase().startsWith(`${context}table`));
  if (!entry) throw new Error(`no table for ${context}`);
  return entry[1];
};

describe('data stack', () => {
  it('publishes each table\'s name as an output, where the admin CLI (--aws) finds it', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: { Ref: string } }>;
    for (const c of contexts) {
      const id = Object.keys(tables).find((t) => t.toLowerCase().startsWith(`${c}table`));
      expect(outputs[tableOutput(c)]?.Value, c).toEqual({ Ref: id });
    }
  });

  it('has one table per bounded context, keyed by string pk/sk', () => {
    expect(Object.keys(tables)).toHaveLength(contexts.length);
    for (const c of contexts) {
      expect(tableOf(c).Properties.KeySchema).toEqual([
        { AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' },
      ]);
    }
  });

  it('bills on demand, keeps point-in-time recovery, encryption and deletion protection', () => {
    for (const c of contexts) {
      expect(tableOf(c).Properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
      });
    }
  });

  it('expires short-lived items (per-person write counts) by their expiresAt', () => {
    for (const c of contexts) {
      expect(tableOf(c).Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    }
  });

  it('retains every table when the stack or the resource goes away', () => {
    for (const c of contexts) {
      expect(tableOf(c).DeletionPolicy).toBe('Retain');
      expect(tableOf(c).UpdateReplacePolicy).toBe('Retain');
    }
  });

  it('builds the GSIs from tableDefs: proposal lists project only the summary, the moderation queue all', () => {
    for (const c of contexts) {
      const gsis = tableOf(c).Properties.GlobalSecondaryIndexes as any[];
      expect(gsis.map((g) => g.IndexName)).toEqual(tableDefs[c].indexes.map((i) => i.name));
    }
    const proposals = tableOf('proposals').Properties.GlobalSecondaryIndexes as any[];
    for (const def of tableDefs.proposals.indexes) {
      const gsi = proposals.find((g) => g.IndexName === def.name);
      expect(gsi.KeySchema).toEqual([
        { AttributeName: def.pk, KeyType: 'HASH' }, { AttributeName: def.sk, KeyType: 'RANGE' },
      ]);
      if (def.projection === 'ALL') {
        expect(gsi.Projection).toEqual({ ProjectionType: 'ALL' });
        continue;
      }
      expect(gsi.Projection.ProjectionType).toBe('INCLUDE');
      expect([...gsi.Projection.NonKeyAttributes].sort()).toEqual([...def.projection].sort());
    }
    expect(proposals.map((g) => g.Projection.ProjectionType)).toEqual(['INCLUDE', 'INCLUDE', 'ALL']);
    expect(tableOf('community').Properties.GlobalSecondaryIndexes[0].Projection).toEqual({ ProjectionType: 'ALL' });
  });

  it('declares every key attribute as a string', () => {
    const defs = tableOf('proposals').Properties.AttributeDefinitions as { AttributeName: string; AttributeType: string }[];
    expect(defs.map((d) => d.AttributeName).sort()).toEqual(['gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'pk', 'sk']);
    expect(new Set(defs.map((d) => d.AttributeType))).toEqual(new Set(['S']));
  });
});
