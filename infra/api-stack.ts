/**
 * The api stack: one Lambda per bounded context that has routes, an HTTP API with one route per
 * row of functions/routes.ts (JWT-authorized unless the row is public), Cognito and the notifier
 * (notifier.ts); with the alarms, dashboard and budget that watch them (observability.ts).
 */
import { Stack, Validations, type StackProps } from 'aws-cdk-lib';
import {
  HttpApi, HttpMethod, HttpStage, LogGroupLogDestination, type HttpRoute,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { contexts, routes, type ContextName } from '../functions/routes.js';
import { Auth } from './auth.js';
import { ContextFunction } from './context-function.js';
import { grantMedia, mediaContexts } from './media-access.js';
import { Notifier } from './notifier.js';
import { Observability } from './observability.js';
import type { NotifySettings } from './settings.js';

export interface ApiStackProps extends StackProps {
  readonly tables: Readonly<Record<ContextName, ITable>>;
  /** The photo bucket: the contexts in media-access.ts sign uploads to it. */
  readonly media: IBucket;
  readonly siteOrigins: readonly string[];
  readonly authDomainPrefix: string;
  readonly logLevel: string;
  /** Subscribed to the alarm topic when given (settings.ts `alarmEmail`). */
  readonly alarmEmail: string | undefined;
  readonly monthlyBudgetUsd: number;
  /** The notifier's channels (settings.ts `notify*`); its links point at the first of `siteOrigins`. */
  readonly notify: NotifySettings;
}

/** Unknown paths reach the community Lambda, whose router answers with the API's own 404 body. */
export const catchAllPath = '/api/{proxy+}';

export class ApiStack extends Stack {
  readonly httpApi: HttpApi;
  readonly auth: Auth;
  readonly functions: Partial<Record<ContextName, ContextFunction>> = {};
  readonly notifier: Notifier;
  readonly observability: Observability;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    this.auth = new Auth(this, 'Auth', { domainPrefix: props.authDomainPrefix, siteOrigins: props.siteOrigins });
    this.httpApi = new HttpApi(this, 'HttpApi', { createDefaultStage: false });
    this.addDefaultStage();

    const routed = contexts.filter((c) => routes.some((r) => r.context === c));
    const integrations = Object.fromEntries(routed.map((c) => {
      const fn = new ContextFunction(this, `${c[0]!.toUpperCase()}${c.slice(1)}`, {
        context: c, tables: props.tables, logLevel: props.logLevel,
      });
      this.functions[c] = fn;
      if (mediaContexts.includes(c)) grantMedia(fn.fn, props.media);
      return [c, new HttpLambdaIntegration(`${c}-integration`, fn.fn)];
    })) as Record<string, HttpLambdaIntegration>;
    const community = integrations.community;
    if (!community) throw new Error('the community context must have routes: it answers unknown paths');

    const authorizer = new HttpJwtAuthorizer('CognitoAuthorizer', this.auth.issuer, {
      jwtAudience: [this.auth.client.userPoolClientId],
    });
    for (const row of routes) {
      const added = this.httpApi.addRoutes({
        path: row.path,
        methods: [HttpMethod[row.method]],
        integration: integrations[row.context]!,
        ...(row.access === 'public' ? {} : { authorizer }),
      });
      if (row.access === 'public') this.acknowledgePublic(added, `${row.id} is public by design: visitors read it without signing in.`);
    }
    const catchAll = this.httpApi.addRoutes({ path: catchAllPath, methods: [HttpMethod.ANY], integration: community });
    this.acknowledgePublic(catchAll, 'The catch-all only answers 404 for unknown paths and reads no identity.');

    this.notifier = new Notifier(this, 'Notifier', {
      tables: props.tables, logLevel: props.logLevel, notify: props.notify, siteUrl: props.siteOrigins[0]!,
    });

    this.observability = new Observability(this, 'Observability', {
      httpApi: this.httpApi,
      functions: Object.fromEntries(Object.entries(this.functions).map(([c, f]) => [c, f.fn])),
      tables: props.tables,
      notifier: this.notifier,
      alarmEmail: props.alarmEmail,
      monthlyBudgetUsd: props.monthlyBudgetUsd,
    });
  }

  private addDefaultStage(): void {
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      // Caps what a sign-up rush or a scraper can cost; CloudFront sits in front as well.
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify({
          requestId: '$context.requestId', ip: '$context.identity.sourceIp', time: '$context.requestTime',
          method: '$context.httpMethod', path: '$context.path', routeKey: '$context.routeKey',
          status: '$context.status', latencyMs: '$context.responseLatency', bytes: '$context.responseLength',
          integrationError: '$context.integrationErrorMessage', authorizerError: '$context.authorizer.error',
        })),
      },
    });
  }

  private acknowledgePublic(added: HttpRoute[], reason: string): void {
    for (const route of added) {
      // Public routes carry no authorizer on purpose; every other row gets the Cognito JWT authorizer.
      Validations.of(route).acknowledge({ id: 'AwsSolutions-APIG4', reason });
    }
  }
}
