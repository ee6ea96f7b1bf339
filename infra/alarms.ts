/**
 * The alarms an operator is woken for, each with the threshold's reason in its description: the API's
 * 5xx rate and a surge of 4xx, every function's errors and throttles, every table's throttling, and
 * anything on a dead-letter queue (the notifier's).
 * Every alarm notifies the topic on entering ALARM and again on returning to OK.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, MathExpression, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

export const alarmPeriod = Duration.minutes(5);

/** Thresholds, named so the README and the tests quote the same numbers. */
export const thresholds = {
  /** % of requests answered 5xx, in two 5-minute periods running, once at least `min5xxRequests` came. */
  serverErrorPercent: 5,
  min5xxRequests: 5,
  /** % of requests refused with 4xx in 5 minutes, once at least `min4xxRequests` came (1 a second). */
  clientErrorPercent: 50,
  min4xxRequests: 300,
  /** Any function error, function throttle or table throttle event in 5 minutes; any dead letter. */
  events: 1,
} as const;

/** Percent of `errors` among requests, or 0 while fewer than `min` requests came (one bad answer of two is no rate). */
export function errorRate(api: IHttpApi, errors: 'ServerError' | 'ClientError', min: number, label: string): MathExpression {
  const metric = errors === 'ServerError' ? api.metricServerError({ period: alarmPeriod }) : api.metricClientError({ period: alarmPeriod });
  // Ids differ per kind, so both rates can share one graph.
  const e = errors === 'ServerError' ? 'e5xx' : 'e4xx';
  return new MathExpression({
    // FILL: API Gateway publishes nothing for a quiet period, and a gap must read as no errors.
    expression: `IF(FILL(requests, 0) >= ${min}, 100 * FILL(${e}, 0) / FILL(requests, 0), 0)`,
    usingMetrics: { requests: api.metricCount({ period: alarmPeriod, statistic: 'Sum' }), [e]: metric },
    label,
    period: alarmPeriod,
  });
}

/**
 * Read and write throttle events of a table. Its indexes are left out on purpose: every metric in an
 * alarm is billed (0.10 USD a month), the indexes would add 20, and throttling that outlasts the SDK's
 * retries reaches callers as a 500, which the 5xx alarm sees.
 */
export function tableThrottles(name: string, table: ITable): MathExpression {
  const event = (metricName: string) => table.metric(metricName, { statistic: 'Sum', period: alarmPeriod });
  // Ids carry the table's name, so every table's sum can share one graph.
  const id = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return new MathExpression({
    // Throttle events are published only when they happen: FILL keeps the sum defined between them.
    expression: `FILL(${id}_reads, 0) + FILL(${id}_writes, 0)`,
    usingMetrics: { [`${id}_reads`]: event('ReadThrottleEvents'), [`${id}_writes`]: event('WriteThrottleEvents') },
    label: name, period: alarmPeriod,
  });
}

export class AlarmSet {
  readonly alarms: Alarm[] = [];

  constructor(private readonly scope: Construct, private readonly topic: ITopic) {}

  private add(id: string, metric: IMetric, opts: { threshold: number; periods?: number; description: string }): Alarm {
    const alarm = new Alarm(this.scope, id, {
      alarmName: `${Stack.of(this.scope).stackName}-${id}`,
      alarmDescription: opts.description,
      metric,
      threshold: opts.threshold,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: opts.periods ?? 1,
      datapointsToAlarm: opts.periods ?? 1,
      // No traffic is no trouble: an idle night must not read as an outage.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
    return alarm;
  }

  api(api: IHttpApi): void {
    const t = thresholds;
    this.add('Api5xxRate', errorRate(api, 'ServerError', t.min5xxRequests, '5xx % of requests'), {
      threshold: t.serverErrorPercent, periods: 2,
      description: `At least ${t.serverErrorPercent}% of API requests failed with 5xx for 10 minutes (two 5-minute periods, each with ${t.min5xxRequests}+ requests). Bad input never yields a 500, so this is a fault: read the functions' logs and the API access logs.`,
    });
    this.add('Api4xxSurge', errorRate(api, 'ClientError', t.min4xxRequests, '4xx % of requests'), {
      threshold: t.clientErrorPercent,
      description: `In 5 minutes ${t.min4xxRequests}+ API requests came and at least ${t.clientErrorPercent}% were refused (4xx): a scraper, a fuzzer, a flood held back by the stage throttle (429), or a broken client. Check the access logs' ip, path and status.`,
    });
  }

  /** `errorsMean`: what a failed invocation of this function means, when not an API handler's crash. */
  fn(name: string, fn: IFunction, errorsMean?: string): void {
    this.add(`${name}Errors`, fn.metricErrors({ period: alarmPeriod, statistic: 'Sum' }), {
      threshold: thresholds.events,
      description: `The ${name} function failed an invocation in the last 5 minutes. ${errorsMean
        ?? 'Its handler answers every thrown error, so this is a crash, a 10 s timeout, memory exhaustion or a failed cold start: read its log group.'}`,
    });
    this.add(`${name}Throttles`, fn.metricThrottles({ period: alarmPeriod, statistic: 'Sum' }), {
      threshold: thresholds.events,
      description: `Lambda refused to run the ${name} function for lack of concurrency in the last 5 minutes, and callers got errors. New accounts may have a concurrency quota as low as 10: ask for more in Service Quotas.`,
    });
  }

  /** Messages visible on a dead-letter queue: something was given up on and waits for the operator. */
  deadLetters(name: string, queue: IQueue, meaning: string): void {
    this.add(`${name}DeadLetters`, queue.metricApproximateNumberOfMessagesVisible({ period: alarmPeriod, statistic: 'Maximum' }), {
      threshold: thresholds.events,
      description: `The ${name} dead-letter queue holds messages (at least ${thresholds.events}). ${meaning} The alarm stays on until the queue is emptied (read, then purge it).`,
    });
  }

  table(name: string, table: ITable): void {
    this.add(`${name}TableThrottles`, tableThrottles(name, table), {
      threshold: thresholds.events,
      description: `DynamoDB throttled reads or writes of the ${name} table in the last 5 minutes. On-demand tables throttle when one partition or one item is hot, e.g. a sign-up rush on one activity; the SDK retries, but callers may have seen errors.`,
    });
  }
}
