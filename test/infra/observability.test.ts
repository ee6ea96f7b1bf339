import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { alarmPublishers } from '../../infra/alarm-topic.js';
import { thresholds } from '../../infra/alarms.js';
import { readSettings } from '../../infra/settings.js';
import { only, resources, synthGongzhi, type Resource } from './synth.js';

type Synth = ReturnType<typeof synthGongzhi>;
interface MetricStat { Metric: { Namespace: string; MetricName: string; Dimensions: { Name: string; Value: unknown }[] }; Stat: string; Period: number }
interface Query { Id: string; Expression?: string; MetricStat?: MetricStat; ReturnData?: boolean }

let plain: Synth;
let api: Template;
let data: Template;
let alarms: Record<string, Resource>;
let topicRef: { Ref: string };

beforeAll(() => {
  // Prepare: the app as `cdk synth` builds it with no alarm settings at all.
  plain = synthGongzhi();
  api = Template.fromStack(plain.api);
  data = Template.fromStack(plain.data);
  alarms = resources(api, 'AWS::CloudWatch::Alarm');
  topicRef = { Ref: Object.keys(resources(api, 'AWS::SNS::Topic'))[0]! };
});

const lambdaAlarms = (metricName: string, fnId: string) => Object.values(alarms).filter((a) =>
  a.Properties.Namespace === 'AWS/Lambda' && a.Properties.MetricName === metricName
  && JSON.stringify(a.Properties.Dimensions) === JSON.stringify([{ Name: 'FunctionName', Value: { Ref: fnId } }]));
const queries = (a: Resource) => (a.Properties.Metrics ?? []) as Query[];
const stat = (q: Query) => q.MetricStat!.Metric;
/** The HTTP API is the site stack's (it needs the API's address first); this stack reads its id. */
const apiRef = () => ({ 'Fn::GetStackOutput': expect.objectContaining({ StackName: 'GongzhiSite', OutputName: expect.stringMatching(/HttpApi/) }) });
/** The api stack's own Lambdas; CDK's config.json copier runs only during a deploy and is watched by CloudFormation. */
const ownFunctions = () => Object.keys(resources(api, 'AWS::Lambda::Function')).filter((id) => !id.startsWith('CustomCDKBucketDeployment'));

/** The alarm whose math reads `metricName` of the HTTP API next to its Count. */
function apiRateAlarm(metricName: '5xx' | '4xx'): Resource {
  const found = Object.values(alarms).filter((a) => queries(a).some((q) => q.MetricStat && stat(q).MetricName === metricName));
  expect(found, metricName).toHaveLength(1);
  return found[0]!;
}

function expectRateOf(alarm: Resource, metricName: string): Query {
  const qs = queries(alarm);
  const expression = qs.find((q) => q.Expression)!;
  const errors = qs.find((q) => q.MetricStat && stat(q).MetricName === metricName)!;
  const count = qs.find((q) => q.MetricStat && stat(q).MetricName === 'Count')!;
  for (const q of [errors, count]) {
    expect(stat(q)).toMatchObject({ Namespace: 'AWS/ApiGateway', Dimensions: [{ Name: 'ApiId', Value: apiRef() }] });
    expect(q.MetricStat!.Stat).toBe('Sum');
    expect(q.ReturnData).toBe(false);
  }
  // A rate in percent: errors over requests, never the raw count.
  expect(expression.Expression).toContain(`100 * FILL(${errors.Id}, 0) / FILL(${count.Id}, 0)`);
  expect(expression.ReturnData).toBe(true);
  return expression;
}

describe('observability: alarms', () => {
  it('alarms every Lambda of the api stack on Errors and on Throttles, once each, at the first event in 5 minutes', () => {
    const fnIds = ownFunctions();
    expect(fnIds.length).toBeGreaterThan(0);
    for (const id of fnIds) {
      for (const metric of ['Errors', 'Throttles']) {
        const found = lambdaAlarms(metric, id);
        expect(found, `${metric} alarm of ${id}`).toHaveLength(1);
        expect(found[0]!.Properties).toMatchObject({ Statistic: 'Sum', Period: 300, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
      }
    }
  });

  it('alarms on the API 5xx rate by metric math over 5xx and Count, sustained for two periods', () => {
    const alarm = apiRateAlarm('5xx');
    const expression = expectRateOf(alarm, '5xx');
    expect(expression.Expression).toContain(`>= ${thresholds.min5xxRequests}`);
    expect(alarm.Properties).toMatchObject({
      Threshold: thresholds.serverErrorPercent, EvaluationPeriods: 2, DatapointsToAlarm: 2, TreatMissingData: 'notBreaching',
    });
  });

  it('alarms on a surge of 4xx by metric math over 4xx and Count, once enough requests came', () => {
    const alarm = apiRateAlarm('4xx');
    const expression = expectRateOf(alarm, '4xx');
    expect(expression.Expression).toMatch(new RegExp(`^IF\\(FILL\\(requests, 0\\) >= ${thresholds.min4xxRequests},`));
    expect(alarm.Properties).toMatchObject({ Threshold: thresholds.clientErrorPercent, EvaluationPeriods: 1 });
  });

  it('alarms on read and write throttle events of every table of the data stack, once each', () => {
    const outputs = data.toJSON().Outputs as Record<string, { Value: unknown }>;
    // The api stack reads a table's name through the data stack's output; map it back to the table.
    const tableOf = (value: unknown) => {
      const name = (value as { 'Fn::GetStackOutput'?: { OutputName: string } })['Fn::GetStackOutput']?.OutputName;
      return (outputs[name ?? '']?.Value as { Ref?: string } | undefined)?.Ref;
    };
    const tables = Object.keys(resources(data, 'AWS::DynamoDB::Table'));
    expect(tables.length).toBeGreaterThan(0);
    for (const tableId of tables) {
      const found = Object.values(alarms).filter((a) => queries(a).some((q) => q.MetricStat
        && stat(q).Namespace === 'AWS/DynamoDB' && tableOf(stat(q).Dimensions.find((d) => d.Name === 'TableName')?.Value) === tableId));
      expect(found, tableId).toHaveLength(1);
      const reads = queries(found[0]!).filter((q) => q.MetricStat);
      expect(reads.map((q) => stat(q).MetricName).sort(), tableId).toEqual(['ReadThrottleEvents', 'WriteThrottleEvents']);
      for (const q of reads) expect(q.MetricStat!.Stat).toBe('Sum');
      // Throttle events are sparse: the sum must not vanish when only reads or only writes were throttled.
      expect(queries(found[0]!).find((q) => q.Expression)!.Expression)
        .toBe(reads.map((q) => `FILL(${q.Id}, 0)`).join(' + '));
      expect(found[0]!.Properties).toMatchObject({ Threshold: 1, EvaluationPeriods: 1 });
    }
  });

  it('has no alarm beyond these, and every alarm in every stack notifies the topic on ALARM and on OK', () => {
    const fns = ownFunctions().length;
    const tables = Object.keys(resources(data, 'AWS::DynamoDB::Table')).length;
    // The API's two, each function's errors and throttles, each table's throttles, the notifier's dead letters.
    expect(Object.keys(alarms)).toHaveLength(2 + 2 * fns + tables + 1);
    for (const stack of [plain.data, plain.api, plain.site]) {
      for (const [id, alarm] of Object.entries(resources(Template.fromStack(stack), 'AWS::CloudWatch::Alarm'))) {
        expect(alarm.Properties.AlarmActions, id).toEqual([topicRef]);
        expect(alarm.Properties.OKActions, id).toEqual([topicRef]);
        expect(alarm.Properties.AlarmDescription?.length, id).toBeGreaterThan(40);
      }
    }
  });

  it('reads each table by the name the functions already import, so the data stack publishes nothing new', () => {
    const imported = (kind: string) => new Set(JSON.stringify(resources(api, kind)).match(/PublishOutputRef\w+Table\w+/g));
    const byAlarms = imported('AWS::CloudWatch::Alarm');
    expect(byAlarms.size).toBe(Object.keys(resources(data, 'AWS::DynamoDB::Table')).length);
    for (const output of byAlarms) expect(imported('AWS::Lambda::Function'), output).toContain(output);
  });
});

describe('observability: topic', () => {
  it('encrypts the topic with a rotating key that CloudWatch and Budgets may use, and refuses publishing without TLS', () => {
    const keyId = Object.keys(resources(api, 'AWS::KMS::Key'))[0]!;
    const key = only(api, 'AWS::KMS::Key').Properties;
    expect(key.EnableKeyRotation).toBe(true);
    expect(key.KeyPolicy.Statement).toContainEqual(expect.objectContaining({
      Principal: { Service: [...alarmPublishers].sort() }, Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
    }));
    expect(only(api, 'AWS::SNS::Topic').Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    const policy = only(api, 'AWS::SNS::TopicPolicy').Properties;
    expect(policy.Topics).toEqual([topicRef]);
    expect(policy.PolicyDocument.Statement).toEqual(expect.arrayContaining([
      expect.objectContaining({ Effect: 'Deny', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      expect.objectContaining({
        Effect: 'Allow', Action: 'sns:Publish', Principal: { Service: [...alarmPublishers].sort() },
        Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
      }),
    ]));
  });

  it('subscribes the alarmEmail setting by email, and nobody without it', () => {
    expect(resources(api, 'AWS::SNS::Subscription')).toEqual({});
    const withEmail = Template.fromStack(synthGongzhi({ context: { alarmEmail: 'ops@example.org' } }).api);
    expect(only(withEmail, 'AWS::SNS::Subscription').Properties).toEqual({
      Protocol: 'email', Endpoint: 'ops@example.org', TopicArn: { Ref: Object.keys(resources(withEmail, 'AWS::SNS::Topic'))[0] },
    });
  });

  it('refuses a malformed alarmEmail or monthlyBudgetUsd, and reads a budget given as text or number', () => {
    const settings = (context: Record<string, unknown>) => readSettings(new App({ context }));
    expect(() => settings({ alarmEmail: 'ops at example.org' })).toThrow(/alarmEmail/);
    for (const bad of ['ten', '-5', '0', '1e3', '10.123']) expect(() => settings({ monthlyBudgetUsd: bad }), bad).toThrow(/monthlyBudgetUsd/);
    expect(settings({}).monthlyBudgetUsd).toBe(10);
    expect(settings({ monthlyBudgetUsd: '25.50' }).monthlyBudgetUsd).toBe(25.5);
    expect(settings({ monthlyBudgetUsd: 40 }).monthlyBudgetUsd).toBe(40);
    expect(settings({}).alarmEmail).toBeUndefined();
  });
});

describe('observability: dashboard and budget', () => {
  it('has one dashboard named for the stack and region, graphing the API, every function and every table', () => {
    const dashboard = only(api, 'AWS::CloudWatch::Dashboard').Properties;
    expect(dashboard.DashboardName).toEqual({ 'Fn::Join': ['', ['GongzhiApi-', { Ref: 'AWS::Region' }]] });
    const body = JSON.stringify(dashboard.DashboardBody);
    for (const title of ['API requests', 'API 4xx and 5xx', 'API latency', 'Lambda invocations', 'Lambda errors',
      'Lambda duration', 'Lambda throttles', 'Lambda concurrent executions', 'DynamoDB consumed RCU', 'DynamoDB consumed WCU',
      'DynamoDB throttle events']) expect(body, title).toContain(title);
    for (const p of ['p50', 'p90', 'p99']) expect(body).toContain(`\\"stat\\":\\"${p}\\"`);
    for (const id of ownFunctions()) expect(body, id).toContain(`{"Ref":"${id}"}`);
    for (const metric of ['Invocations', 'Errors', 'Duration', 'Throttles', 'ConcurrentExecutions', 'ConsumedReadCapacityUnits', 'ConsumedWriteCapacityUnits']) {
      expect(body, metric).toContain(`\\"${metric}\\"`);
    }
    for (const id of Object.keys(alarms)) expect(body, `alarm status of ${id}`).toContain(`{"Fn::GetAtt":["${id}","Arn"]}`);
  });

  it('sends every function\'s EMF metrics to the stack\'s own namespace, and graphs them: limits reached, 5xx, cold starts', () => {
    const fns = Object.values(resources(api, 'AWS::Lambda::Function')).filter((f) => f.Properties.Environment?.Variables?.LOG_LEVEL);
    expect(fns.length).toBeGreaterThanOrEqual(5);
    for (const f of fns) expect(f.Properties.Environment.Variables.POWERTOOLS_METRICS_NAMESPACE).toBe('Gongzhi/GongzhiApi');
    const body = JSON.stringify(only(api, 'AWS::CloudWatch::Dashboard').Properties.DashboardBody);
    for (const title of ['Daily limits reached (429)', 'Handler 5xx and requests', 'Cold starts']) expect(body, title).toContain(title);
    for (const metric of ['LimitReached', 'ServerErrors', 'Requests', 'ColdStart']) {
      expect(body, metric).toContain(`\\"Gongzhi/GongzhiApi\\",\\"${metric}\\"`);
    }
  });

  it('prints the topic to subscribe to and the dashboard to open after a deploy', () => {
    const outputs = api.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.AlarmTopicArn?.Value).toEqual(topicRef);
    expect(outputs.DashboardName?.Value).toEqual({ Ref: Object.keys(resources(api, 'AWS::CloudWatch::Dashboard'))[0] });
  });

  it('budgets the account monthly at 10 USD by default, with notices at 80% actual and 100% forecast to the topic', () => {
    const budget = only(api, 'AWS::Budgets::Budget').Properties;
    expect(budget.Budget).toMatchObject({ BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: 10, Unit: 'USD' } });
    expect(budget.NotificationsWithSubscribers).toEqual([
      { Notification: { NotificationType: 'ACTUAL', ComparisonOperator: 'GREATER_THAN', Threshold: 80, ThresholdType: 'PERCENTAGE' },
        Subscribers: [{ SubscriptionType: 'SNS', Address: topicRef }] },
      { Notification: { NotificationType: 'FORECASTED', ComparisonOperator: 'GREATER_THAN', Threshold: 100, ThresholdType: 'PERCENTAGE' },
        Subscribers: [{ SubscriptionType: 'SNS', Address: topicRef }] },
    ]);
  });

  it('takes the monthly limit from the monthlyBudgetUsd setting', () => {
    const custom = Template.fromStack(synthGongzhi({ context: { monthlyBudgetUsd: '25' } }).api);
    expect(only(custom, 'AWS::Budgets::Budget').Properties.Budget.BudgetLimit).toEqual({ Amount: 25, Unit: 'USD' });
  });
});
