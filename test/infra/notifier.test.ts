import type { CfnResource, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { contexts, type ContextName } from '../../functions/routes.js';
import { notifierStream } from '../../infra/notifier.js';
import { notifyingContexts, readActions } from '../../infra/table-access.js';
import { only, resources, synthGongzhi } from './synth.js';

type Synth = ReturnType<typeof synthGongzhi>;
type Statement = { Action: string | string[]; Resource: unknown; Effect: string; Condition?: unknown };

const site = { siteDomain: 'gongzhi.example.org', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' };
const allChannels = { ...site, notifyEmailFrom: 'Gongzhi <notify@mail.example.org>', notifySms: 'aws', notifySmsOrigination: '+8613800000000' };
const webhook = {
  ...site, notifySms: 'webhook', notifySmsWebhookUrl: 'https://sms.example.cn/send', notifySmsWebhookTokenSecret: 'gongzhi/sms-webhook-token',
};

let plain: Synth;
let api: Template;
let data: Template;

beforeAll(() => {
  // Prepare: the app as `cdk synth` builds it with no notification settings at all.
  plain = synthGongzhi();
  api = Template.fromStack(plain.api);
  data = Template.fromStack(plain.data);
});

const idOf = (stack: Stack, c: IConstruct) => stack.getLogicalId(c.node.defaultChild as CfnResource);
const actionsOf = (s: Statement) => [s.Action].flat();
const tableId = (s: Synth, c: ContextName) => idOf(s.data, s.data.tables[c]);

/** Every statement of the policies attached to a role. */
function statementsOfRole(template: Template, roleId: string): Statement[] {
  return Object.values(resources(template, 'AWS::IAM::Policy'))
    .filter((p) => (p.Properties.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId })))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}
const notifierStatements = (s: Synth) => statementsOfRole(Template.fromStack(s.api), idOf(s.api, s.api.notifier.fn.role!));
const notifierEnv = (s: Synth) =>
  resources(Template.fromStack(s.api), 'AWS::Lambda::Function')[idOf(s.api, s.api.notifier.fn)]!.Properties.Environment.Variables as Record<string, unknown>;
/** The table statements (not the stream's) that name one table. */
const onTable = (s: Synth, statements: Statement[], c: ContextName) => statements
  .filter((st) => JSON.stringify(st.Resource).includes(tableId(s, c)) && !JSON.stringify(st.Resource).includes('Stream'));

describe('notifier: the stream and what it wakes', () => {
  it('streams new images of the notifications table, and of no other table', () => {
    const tables = resources(data, 'AWS::DynamoDB::Table');
    const streamed = Object.entries(tables).filter(([, t]) => t.Properties.StreamSpecification);
    expect(streamed.map(([id]) => id)).toEqual([tableId(plain, 'notifications')]);
    expect(streamed[0]![1].Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
    expect(plain.data.resolve(plain.data.notificationStreamArn)).toEqual({ 'Fn::GetAtt': [tableId(plain, 'notifications'), 'StreamArn'] });
  });

  it('maps the stream to the notifier: new outbox entries only, in batches, split and retried, then the dead-letter queue', () => {
    const mapping = only(api, 'AWS::Lambda::EventSourceMapping').Properties;
    const queueId = idOf(plain.api, plain.api.notifier.deadLetters);
    expect(mapping).toMatchObject({
      FunctionName: { Ref: idOf(plain.api, plain.api.notifier.fn) },
      BatchSize: notifierStream.batchSize,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: notifierStream.retryAttempts,
      StartingPosition: 'TRIM_HORIZON',
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
    expect(notifierStream.batchSize).toBe(25);
    expect(notifierStream.retryAttempts).toBe(3);
    expect(JSON.stringify(mapping.EventSourceArn)).toContain(tableId(plain, 'notifications'));
    const patterns = (mapping.FilterCriteria.Filters as { Pattern: string }[]).map((f) => JSON.parse(f.Pattern) as unknown);
    expect(patterns).toEqual([{ eventName: ['INSERT'], dynamodb: { NewImage: { gsi3pk: { S: ['DUE'] } } } }]);
  });

  it('keeps dead letters encrypted, for 14 days, behind TLS; failed scheduled runs land there too', () => {
    const queueId = idOf(plain.api, plain.api.notifier.deadLetters);
    expect(resources(api, 'AWS::SQS::Queue')[queueId]!.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 86400 });
    const policy = only(api, 'AWS::SQS::QueuePolicy').Properties;
    expect(policy.Queues).toEqual([{ Ref: queueId }]);
    expect(policy.PolicyDocument.Statement).toEqual(expect.arrayContaining([expect.objectContaining({
      Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    })]));
    const asyncConfig = only(api, 'AWS::Lambda::EventInvokeConfig').Properties;
    expect(asyncConfig).toMatchObject({ MaximumRetryAttempts: 2, DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } } });
  });

  it('runs with the context functions\' defaults: arm64, the newest Node, its own log group; two minutes for the daily run', () => {
    const fn = resources(api, 'AWS::Lambda::Function')[idOf(plain.api, plain.api.notifier.fn)]!.Properties;
    const community = resources(api, 'AWS::Lambda::Function')[idOf(plain.api, plain.api.functions.community!.fn)]!.Properties;
    expect(fn).toMatchObject({ Architectures: ['arm64'], Runtime: community.Runtime, MemorySize: 512, Timeout: 120, Handler: 'index.handler' });
    expect(fn.LoggingConfig.LogGroup).toEqual({ Ref: idOf(plain.api, plain.api.notifier.fn.logGroup) });
  });
});

describe('notifier: schedules', () => {
  const schedules = () => Object.values(resources(api, 'AWS::Scheduler::Schedule')).map((r) => r.Properties);
  const byTask = (task: string) => schedules().find((s) => JSON.parse(s.Target.Input as string).task === task)!;

  it('drains every 15 minutes and writes reminders daily at 09:00 Beijing time, each invoking the notifier', () => {
    expect(schedules()).toHaveLength(2);
    expect(JSON.parse(byTask('drain').Target.Input as string)).toEqual({ task: 'drain' });
    expect(byTask('drain').ScheduleExpression).toBe('rate(15 minutes)');
    expect(JSON.parse(byTask('reminders').Target.Input as string)).toEqual({ task: 'reminders' });
    expect(byTask('reminders')).toMatchObject({ ScheduleExpression: 'cron(0 9 * * ? *)', ScheduleExpressionTimezone: 'Asia/Shanghai' });
    const queueArn = { 'Fn::GetAtt': [idOf(plain.api, plain.api.notifier.deadLetters), 'Arn'] };
    for (const s of schedules()) {
      expect(s.Target.Arn).toEqual({ 'Fn::GetAtt': [idOf(plain.api, plain.api.notifier.fn), 'Arn'] });
      expect(s.Target.DeadLetterConfig).toEqual({ Arn: queueArn });
      expect(s.FlexibleTimeWindow).toEqual({ Mode: 'OFF' });
    }
  });

  it('gives the schedules a role that this account\'s scheduler alone assumes, to invoke the notifier alone', () => {
    const roleArn = byTask('drain').Target.RoleArn as { 'Fn::GetAtt': [string, string] };
    expect(byTask('reminders').Target.RoleArn).toEqual(roleArn);
    const role = resources(api, 'AWS::IAM::Role')[roleArn['Fn::GetAtt'][0]]!;
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([expect.objectContaining({
      Principal: { Service: 'scheduler.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
    })]);
    const statements = statementsOfRole(api, roleArn['Fn::GetAtt'][0]);
    expect(statements.flatMap(actionsOf).sort()).toEqual(['lambda:InvokeFunction', 'sqs:SendMessage']);
    const fnId = idOf(plain.api, plain.api.notifier.fn);
    const invoke = statements.find((s) => actionsOf(s).includes('lambda:InvokeFunction'))!;
    expect(JSON.stringify(invoke.Resource).match(/"Fn::GetAtt":\["(\w+)"/g)!.every((m) => m.includes(fnId))).toBe(true);
  });
});

describe('notifier: alarms and dashboard', () => {
  const alarms = () => Object.values(resources(api, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties);
  const topic = () => ({ Ref: Object.keys(resources(api, 'AWS::SNS::Topic'))[0] });

  it('alarms the topic as soon as a dead letter is visible', () => {
    const found = alarms().filter((a) => a.Namespace === 'AWS/SQS');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      MetricName: 'ApproximateNumberOfMessagesVisible', Statistic: 'Maximum',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [idOf(plain.api, plain.api.notifier.deadLetters), 'QueueName'] } }],
      Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', AlarmActions: [topic()], OKActions: [topic()],
    });
  });

  it('alarms the topic on the notifier\'s errors, saying what they mean for it', () => {
    const fnRef = { Ref: idOf(plain.api, plain.api.notifier.fn) };
    const errors = alarms().filter((a) => a.MetricName === 'Errors' && JSON.stringify(a.Dimensions) === JSON.stringify([{ Name: 'FunctionName', Value: fnRef }]));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ Threshold: 1, AlarmActions: [topic()] });
    expect(errors[0]!.AlarmDescription).toMatch(/could not send/);
  });

  it('graphs the notifier beside the context functions, and its dead letters', () => {
    const body = JSON.stringify(only(api, 'AWS::CloudWatch::Dashboard').Properties.DashboardBody);
    expect(body).toContain(idOf(plain.api, plain.api.notifier.fn));
    expect(body).toContain('Dead letters');
    expect(body).toContain('ApproximateNumberOfMessagesVisible');
  });
});

describe('notifier: least privilege', () => {
  it('lets every producer only put into the notifications table (the community function also pseudonymizes there)', () => {
    for (const c of notifyingContexts) {
      const statements = onTable(plain, statementsOfRole(api, idOf(plain.api, plain.api.functions[c]!.fn.role!)), 'notifications');
      const expected = c === 'community' ? ['dynamodb:PutItem', 'dynamodb:Scan', 'dynamodb:UpdateItem'] : ['dynamodb:PutItem'];
      expect(statements.flatMap(actionsOf).sort(), c).toEqual(expected);
      // The table itself, never an index: a put goes to the table.
      expect(JSON.stringify(statements.map((s) => s.Resource)), c).not.toContain('/index/');
    }
    expect([...notifyingContexts].sort()).toEqual(contexts.filter((c) => c !== 'notifications').sort());
  });

  it('lets the notifier read and mark notifications, read the registry, activities, ballots and proposals (for reminders), and nothing more: no Scan, no Delete', () => {
    const statements = notifierStatements(plain);
    const all = statements.flatMap(actionsOf);
    for (const refused of ['dynamodb:Scan', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:*']) expect(all).not.toContain(refused);
    expect(onTable(plain, statements, 'notifications').flatMap(actionsOf).sort())
      .toEqual([...readActions, 'dynamodb:PutItem', 'dynamodb:UpdateItem'].sort());
    for (const c of ['community', 'activities', 'ballots', 'proposals'] as const) expect(onTable(plain, statements, c).flatMap(actionsOf).sort(), c).toEqual([...readActions].sort());
    expect(onTable(plain, statements, 'donations')).toEqual([]);
    expect(Object.keys(notifierEnv(plain)).filter((k) => k.startsWith('TABLE_')).sort()).toEqual(['TABLE_ACTIVITIES', 'TABLE_BALLOTS', 'TABLE_COMMUNITY', 'TABLE_NOTIFICATIONS', 'TABLE_PROPOSALS']);
    // The one unscoped action: ListStreams, for the event source.
    for (const s of statements.filter((st) => st.Resource === '*')) expect(actionsOf(s)).toEqual(['dynamodb:ListStreams']);
  });

  it('may send no email and no SMS, and says so, when no channel is configured', () => {
    const all = notifierStatements(plain).flatMap(actionsOf);
    expect(all.filter((a) => a.startsWith('ses:') || a.startsWith('sms-voice:'))).toEqual([]);
    expect(notifierEnv(plain)).toMatchObject({ NOTIFY_EMAIL: 'off', NOTIFY_SMS: 'off' });
    // Links point at the site's own (CloudFront) domain from the first deploy on.
    expect(JSON.stringify(notifierEnv(plain).SITE_URL)).toMatch(/^\{"Fn::Join":\["",\["https:\/\/",\{"Fn::GetStackOutput":\{"StackName":"GongzhiSite".*DomainName/);
    expect(notifierEnv(plain).NOTIFY_EMAIL_FROM).toBeUndefined();
  });

  it('may send email as the configured sender only, and SMS through End User Messaging only when set to aws', () => {
    const s = synthGongzhi({ context: allChannels });
    const statements = notifierStatements(s);
    const ses = statements.filter((st) => actionsOf(st).includes('ses:SendEmail'));
    expect(ses).toHaveLength(1);
    expect(actionsOf(ses[0]!)).toEqual(['ses:SendEmail']);
    const identities = JSON.stringify(ses[0]!.Resource);
    expect(identities).toContain(':identity/notify@mail.example.org');
    expect(identities).toContain(':identity/mail.example.org');
    expect(identities).not.toContain('*');
    const sms = statements.filter((st) => actionsOf(st).includes('sms-voice:SendTextMessage'));
    expect(sms.map(actionsOf)).toEqual([['sms-voice:SendTextMessage']]);
    expect(s.api.resolve(sms[0]!.Resource)).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':sms-voice:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':*']] });
    expect(notifierEnv(s)).toMatchObject({
      NOTIFY_EMAIL: 'ses', NOTIFY_EMAIL_FROM: 'Gongzhi <notify@mail.example.org>', NOTIFY_SMS: 'aws', NOTIFY_SMS_ORIGINATION: '+8613800000000',
      SITE_URL: 'https://gongzhi.example.org',
    });
  });

  it('sends SMS to a webhook with a token from Secrets Manager: no SMS permission, no secret access, no token in the template', () => {
    const s = synthGongzhi({ context: webhook });
    const all = notifierStatements(s).flatMap(actionsOf);
    expect(all.filter((a) => a.startsWith('ses:') || a.startsWith('sms-voice:') || a.startsWith('secretsmanager:'))).toEqual([]);
    const env = notifierEnv(s);
    expect(env).toMatchObject({ NOTIFY_SMS: 'webhook', NOTIFY_SMS_WEBHOOK_URL: 'https://sms.example.cn/send', NOTIFY_EMAIL: 'off' });
    expect(env.NOTIFY_SMS_WEBHOOK_TOKEN).toBe('{{resolve:secretsmanager:gongzhi/sms-webhook-token:SecretString:::}}');
  });

  it('refuses half a channel: a webhook without its URL or token secret, an origination without aws, a bad sender', () => {
    expect(() => synthGongzhi({ context: { notifySms: 'webhook', notifySmsWebhookUrl: 'https://sms.example.cn/send' } })).toThrow(/notifySmsWebhookTokenSecret/);
    expect(() => synthGongzhi({ context: { ...webhook, notifySmsWebhookUrl: 'http://sms.example.cn/send' } })).toThrow(/notifySmsWebhookUrl/);
    expect(() => synthGongzhi({ context: { notifySmsOrigination: '+8613800000000' } })).toThrow(/needs 'notifySms' set to 'aws'/);
    expect(() => synthGongzhi({ context: { notifySms: 'sns' } })).toThrow(/notifySms/);
    expect(() => synthGongzhi({ context: { notifyEmailFrom: 'not an address' } })).toThrow(/notifyEmailFrom/);
  });
});

describe('notifier: cdk-nag', () => {
  it('leaves nothing unacknowledged with every channel on, with the webhook, and in a concrete account and region', () => {
    // Synthesis throws on any unacknowledged finding; the pack run directly must find nothing either.
    for (const [context, env] of [[allChannels, undefined], [webhook, undefined], [allChannels, { account: '123456789012', region: 'ap-east-1' }]] as const) {
      const s = synthGongzhi({ context, ...(env ? { env } : {}) });
      expect(new AwsSolutionsChecks().validateScope(s.app).violations, JSON.stringify(context)).toEqual([]);
    }
  });
});
