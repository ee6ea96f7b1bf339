/**
 * One CloudWatch dashboard per deployment: the alarms' states, then the API, the functions and the
 * tables, one graph per measure with a line per function or table, so a new context shows up by itself;
 * and the dead-letter queues.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AlarmStatusWidget, Dashboard, GraphWidget, Metric, type IAlarm, type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { errorRate, tableThrottles, thresholds } from './alarms.js';

export interface DashboardSources {
  readonly api: IHttpApi;
  readonly functions: readonly { readonly name: string; readonly fn: IFunction }[];
  readonly tables: readonly { readonly name: string; readonly table: ITable }[];
  readonly alarms: readonly IAlarm[];
  /** Dead-letter queues: their visible messages, one line each. */
  readonly queues: readonly { readonly name: string; readonly queue: IQueue }[];
}

const period = Duration.minutes(5);
const graph = (title: string, left: IMetric[], width = 8) => new GraphWidget({ title, left, width, height: 6 });

/**
 * The namespace the handlers' EMF metrics go to (functions/shared/http/observability.ts reads it
 * from POWERTOOLS_METRICS_NAMESPACE): one per deployment, so two stacks in one account stay apart.
 */
export const metricsNamespace = (scope: Construct): string => `Gongzhi/${Stack.of(scope).stackName}`;

export function dashboardName(scope: Construct): string {
  const stack = Stack.of(scope);
  // Dashboards are listed account-wide: the region keeps two deployments of one account apart.
  return `${stack.stackName}-${stack.region}`;
}

export function createDashboard(scope: Construct, id: string, s: DashboardSources): Dashboard {
  const { api, functions, tables } = s;
  const perFunction = (title: string, metric: (fn: IFunction, name: string) => IMetric) =>
    graph(title, functions.map(({ name, fn }) => metric(fn, name)));
  const namespace = metricsNamespace(scope);
  const handlerMetric = (metricName: string, label: string) =>
    new Metric({ namespace, metricName, dimensionsMap: { service: 'gongzhi' }, period, statistic: 'Sum', label });
  const perTable = (title: string, metric: (table: ITable, name: string) => IMetric) =>
    graph(title, tables.map(({ name, table }) => metric(table, name)));
  return new Dashboard(scope, id, {
    dashboardName: dashboardName(scope),
    defaultInterval: Duration.days(1),
    widgets: [
      [new AlarmStatusWidget({ title: 'Alarms', alarms: [...s.alarms], width: 24, height: 4 })],
      [
        graph('API requests', [api.metricCount({ period, statistic: 'Sum', label: 'requests' })]),
        graph('API 4xx and 5xx', [
          api.metricClientError({ period, label: '4xx' }), api.metricServerError({ period, label: '5xx' }),
        ]),
        graph('API error rates (%)', [
          errorRate(api, 'ServerError', thresholds.min5xxRequests, '5xx %'),
          errorRate(api, 'ClientError', thresholds.min4xxRequests, '4xx %'),
        ]),
      ],
      [
        graph('API latency (ms)', ['p50', 'p90', 'p99'].map((p) => api.metricLatency({ period, statistic: p, label: p }))),
        perFunction('Lambda invocations', (fn, label) => fn.metricInvocations({ period, statistic: 'Sum', label })),
        perFunction('Lambda errors', (fn, label) => fn.metricErrors({ period, statistic: 'Sum', label })),
      ],
      [
        perFunction('Lambda throttles', (fn, label) => fn.metricThrottles({ period, statistic: 'Sum', label })),
        perFunction('Lambda duration p99 (ms)', (fn, label) => fn.metricDuration({ period, statistic: 'p99', label })),
        perFunction('Lambda concurrent executions (max)', (fn, label) =>
          fn.metric('ConcurrentExecutions', { period, statistic: 'Maximum', label })),
      ],
      [
        // From the handlers themselves: a surge of daily limits reached is someone flooding the others.
        graph('Daily limits reached (429)', [handlerMetric('LimitReached', '429')]),
        graph('Handler 5xx and requests', [handlerMetric('ServerErrors', '5xx'), handlerMetric('Requests', 'requests')]),
        perFunction('Cold starts', (fn, label) => new Metric({
          namespace, metricName: 'ColdStart', dimensionsMap: { service: 'gongzhi', function_name: fn.functionName }, period, statistic: 'Sum', label,
        })),
      ],
      [
        perTable('DynamoDB consumed RCU', (t, label) => t.metricConsumedReadCapacityUnits({ period, statistic: 'Sum', label })),
        perTable('DynamoDB consumed WCU', (t, label) => t.metricConsumedWriteCapacityUnits({ period, statistic: 'Sum', label })),
        graph('DynamoDB throttle events', tables.map(({ name, table }) => tableThrottles(name, table))),
      ],
      [
        graph('Dead letters (visible messages)', s.queues.map(({ name, queue }) =>
          queue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum', label: name }))),
      ],
    ],
  });
}
