/**
 * The notifier (functions/notifications/notifier-handler.ts): the notifications table's stream wakes it
 * when something is owed, EventBridge Scheduler drains every 15 minutes (quiet hours and digests fall
 * due, anything a failed run gave back) and writes tomorrow's reminders at 09:00 Beijing time. What it
 * gives up on lands on an encrypted dead-letter queue, which raises an alarm (observability.ts).
 */
import { join } from 'node:path';
import { Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { nkeys } from '../functions/notifications/outbox.js';
import type { ContextName } from '../functions/routes.js';
import { tableDefs } from '../functions/shared/db/tables.js';
import { acknowledgeWildcard } from './acknowledge.js';
import { createLambda, grantTable } from './lambda-function.js';
import { channelEnvironment, grantChannels } from './notifier-channels.js';
import { repoRoot } from './paths.js';
import type { NotifySettings } from './settings.js';
import { notifierAccess } from './table-access.js';

/** Numbers the tests and the README quote. */
export const notifierStream = {
  /** Records per invocation: each run drains everything due anyway, so a batch is only a wake-up. */
  batchSize: 25,
  /** A failed batch is split and retried this often, then recorded on the dead-letter queue. */
  retryAttempts: 3,
} as const;

export const notifierSchedules = {
  drain: { expression: ScheduleExpression.rate(Duration.minutes(15)), input: { task: 'drain' } },
  reminders: { expression: ScheduleExpression.cron({ minute: '0', hour: '9', timeZone: TimeZone.ASIA_SHANGHAI }), input: { task: 'reminders' } },
} as const;

export interface NotifierProps {
  readonly tables: Readonly<Record<ContextName, ITable>>;
  readonly logLevel: string;
  readonly notify: NotifySettings;
  /** Links in messages point here (the site's origin). */
  readonly siteUrl: string;
}

export class Notifier extends Construct {
  readonly fn: NodejsFunction;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: NotifierProps) {
    super(scope, id);
    const tables = Object.keys(notifierAccess) as ContextName[];
    const { fn, role } = createLambda(this, {
      entry: join(repoRoot, 'functions', 'notifications', 'notifier-handler.ts'),
      logLevel: props.logLevel,
      // The daily run walks every community's activities of tomorrow; a webhook send may take 5 s.
      timeout: Duration.minutes(2),
      environment: {
        ...Object.fromEntries(tables.map((c) => [tableDefs[c].envVar, props.tables[c].tableName])),
        ...channelEnvironment(props.notify, props.siteUrl),
      },
    });
    this.fn = fn;
    for (const c of tables) grantTable(role, c, props.tables[c], notifierAccess[c]!, true);
    grantChannels(this, role, props.notify);

    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetters).acknowledge({ id: 'AwsSolutions-SQS3', reason:
      'This queue is itself the dead-letter queue (of the stream mapping, the schedules and failed scheduled runs): an operator reads it after its alarm, nothing consumes it.' });

    fn.addEventSource(new DynamoEventSource(props.tables.notifications, {
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: notifierStream.batchSize,
      // Many notifications of one change (a cancellation for 200 people) wake one run, not many.
      maxBatchingWindow: Duration.seconds(5),
      bisectBatchOnError: true,
      retryAttempts: notifierStream.retryAttempts,
      onFailure: new SqsDlq(this.deadLetters),
      // New outbox entries only: the notifier's own writes (sent marks, unsubscribe tokens) never wake it.
      filters: [FilterCriteria.filter({ eventName: FilterRule.isEqual('INSERT'), dynamodb: { NewImage: { gsi3pk: { S: FilterRule.isEqual(nkeys.due) } } } })],
    }));
    // Scheduled runs are asynchronous invocations: one that fails after Lambda's two retries is recorded too.
    fn.configureAsyncInvoke({ onFailure: new SqsDestination(this.deadLetters), retryAttempts: 2 });
    // Acknowledged after the event source added its grant: ListStreams has no resource-level permission.
    Validations.of(role).acknowledge({ id: 'AwsSolutions-IAM5[Resource::*]', reason:
      'dynamodb:ListStreams, which the stream event source needs, cannot be scoped to a resource; every other action of this role names its table, index, stream, queue or sender.' });

    // One role for both schedules; only this account's schedules may assume it.
    const schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } } }),
    });
    acknowledgeWildcard(schedulerRole, `${fn.functionArn}:*`,
      'Lambda\'s invoke grant names the notifier and its own versions (`<arn>:*`): the schedules may invoke the notifier and nothing else.');
    for (const [name, s] of Object.entries(notifierSchedules)) {
      new Schedule(this, `${name[0]!.toUpperCase()}${name.slice(1)}Schedule`, {
        schedule: s.expression,
        description: `Runs the notifier with ${JSON.stringify(s.input)}`,
        target: new LambdaInvoke(fn, {
          role: schedulerRole,
          input: ScheduleTargetInput.fromObject(s.input),
          // A drain that could not start is replaced by the next one; a day's reminders may start late.
          maxEventAge: name === 'drain' ? Duration.minutes(15) : Duration.hours(6),
          retryAttempts: name === 'drain' ? 2 : 10,
          deadLetterQueue: this.deadLetters,
        }),
      });
    }
  }
}
