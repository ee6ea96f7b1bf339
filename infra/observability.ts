/**
 * What tells the operator the deployment is unwell or costly: the alarm topic (their email), the
 * alarms, the dashboard and the monthly budget. Lives in the api stack, which holds the functions and
 * the HTTP API and already reads every table's name, so the data stack exports nothing new.
 */
import { CfnOutput } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { Dashboard } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ContextName } from '../functions/routes.js';
import { AlarmTopic } from './alarm-topic.js';
import { AlarmSet } from './alarms.js';
import { createBudget } from './budget.js';
import { createDashboard } from './dashboard.js';

export interface ObservabilityProps {
  readonly httpApi: IHttpApi;
  /** Every Lambda of the stack: each gets its Errors and Throttles alarms and its dashboard lines. */
  readonly functions: Readonly<Partial<Record<ContextName, IFunction>>>;
  /** Every table: each gets a throttle alarm and its dashboard lines. */
  readonly tables: Readonly<Record<ContextName, ITable>>;
  /** The notifier (notifier.ts): its errors and throttles alarms and dashboard lines, and its dead letters. */
  readonly notifier: { readonly fn: IFunction; readonly deadLetters: IQueue };
  readonly alarmEmail: string | undefined;
  readonly monthlyBudget: { readonly amount: number; readonly unit: 'USD' | 'CNY' };
}

const pascal = (c: string) => `${c[0]!.toUpperCase()}${c.slice(1)}`;

const notifierErrorsMean = 'A run that could not send a message fails on purpose (after giving the message back), so this is a provider refusing or timing out (SES, SMS, the webhook), a missing permission or a crash: read its log group for "not sent".';

export class Observability extends Construct {
  readonly topic: Topic;
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    this.topic = new AlarmTopic(this, 'AlarmTopic', { email: props.alarmEmail }).topic;
    const functions = [
      ...Object.entries(props.functions).map(([c, fn]) => ({ name: pascal(c), fn: fn! })),
      { name: 'Notifier', fn: props.notifier.fn },
    ];
    const tables = (Object.keys(props.tables) as ContextName[])
      .map((c) => ({ name: pascal(c), table: props.tables[c] }));

    const alarms = new AlarmSet(this, this.topic);
    alarms.api(props.httpApi);
    for (const { name, fn } of functions) alarms.fn(name, fn, fn === props.notifier.fn ? notifierErrorsMean : undefined);
    alarms.deadLetters('Notifier', props.notifier.deadLetters,
      'The notifier gave up on a stream batch after its retries, a schedule could not invoke it, or a scheduled run failed three times: read the message and the notifier\'s log group. What is owed stays owed in the table; the next drain tries again.');
    for (const { name, table } of tables) alarms.table(name, table);

    this.dashboard = createDashboard(this, 'Dashboard', {
      api: props.httpApi, functions, tables, alarms: alarms.alarms, queues: [{ name: 'Notifier', queue: props.notifier.deadLetters }],
    });
    createBudget(this, 'MonthlyBudget', { limit: props.monthlyBudget, topic: this.topic });

    // Printed after `cdk deploy`: where to subscribe more people, and which dashboard to open.
    new CfnOutput(this, 'AlarmTopicArn', { key: 'AlarmTopicArn', value: this.topic.topicArn, description: 'SNS topic of alarm and budget notices' });
    new CfnOutput(this, 'DashboardName', { key: 'DashboardName', value: this.dashboard.dashboardName, description: 'CloudWatch dashboard of this deployment' });
  }
}
