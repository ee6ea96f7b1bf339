/**
 * The api stack: one Lambda per bounded context that has routes, the HTTP API's stage and one route
 * per row of functions/routes.ts (JWT-authorized unless the row is public), the identity provider
 * (identity.ts: Cognito, or any OIDC issuer), the site's `config.json` and the notifier (notifier.ts);
 * with the alarms, dashboard and budget that watch them (observability.ts). It deploys after the site
 * stack, whose domain sign-in returns to and whose (empty) HTTP API it fills.
 */
import { Fn, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import {
  HttpApi, HttpMethod, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination, type IHttpApi, type IHttpRouteAuthorizer,
  type HttpRouteIntegration,
} from 'aws-cdk-lib/aws-apigatewayv2';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { contexts, routes, type ContextName } from '../functions/routes.js';
import { Construct as Group } from 'constructs';
import type { Auth } from './auth.js';
import { ContextFunction } from './context-function.js';
import { Identity } from './identity.js';
import { grantMedia, mediaContexts } from './media-access.js';
import { Notifier } from './notifier.js';
import { Observability } from './observability.js';
import type { IdentitySettings, NotifySettings } from './settings.js';
import { acknowledgeDeploymentHandler } from './site-acknowledgements.js';
import { deployConfig } from './site-deployment.js';
import { siteBucketOutput } from './site-stack.js';

export interface ApiStackProps extends StackProps {
  readonly tables: Readonly<Record<ContextName, ITable>>;
  /** The photo bucket: the contexts in media-access.ts sign uploads to it. */
  readonly media: IBucket;
  /** The site stack's HTTP API, created empty so CloudFront could name it: this stack fills it. */
  readonly httpApi: IHttpApi;
  /** The site: its domain (sign-in returns there, notifications link there), bucket and distribution (for config.json). */
  readonly site: { readonly stackName: string; readonly domainName: string; readonly distribution: IDistribution };
  readonly identity: IdentitySettings;
  readonly logLevel: string;
  /** Subscribed to the alarm topic when given (settings.ts `alarmEmail`). */
  readonly alarmEmail: string | undefined;
  readonly monthlyBudget: { readonly amount: number; readonly unit: 'USD' | 'CNY' };
  /** The notifier's channels (settings.ts `notify*`); its links point at the site's domain. */
  readonly notify: NotifySettings;
}

/** Unknown paths reach the community Lambda, whose router answers with the API's own 404 body. */
export const catchAllPath = '/api/{proxy+}';

export class ApiStack extends Stack {
  readonly httpApi: IHttpApi;
  readonly identity: Identity;
  /** Cognito, when it is the identity provider. */
  readonly auth: Auth | undefined;
  readonly functions: Partial<Record<ContextName, ContextFunction>> = {};
  readonly notifier: Notifier;
  readonly observability: Observability;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const siteOrigin = `https://${props.site.domainName}`;
    this.identity = new Identity(this, 'Identity', { settings: props.identity, siteOrigin });
    this.auth = this.identity.cognito;
    // Referenced, not used directly: routes bind their integrations and authorizer in the scope of
    // the API construct they are given, and the site stack's own would pull them (and a cycle) there.
    this.httpApi = HttpApi.fromHttpApiAttributes(this, 'HttpApi', {
      httpApiId: props.httpApi.apiId, apiEndpoint: props.httpApi.apiEndpoint,
    });
    this.addDefaultStage();
    // By name, from the site stack's output: CDK's own reference would name the bucket by an output
    // whose name is a hash, which the deployment handler's cdk-nag acknowledgement must spell.
    const siteBucket = Bucket.fromBucketName(this, 'SiteBucket', Fn.getStackOutput(props.site.stackName, siteBucketOutput));
    deployConfig(this, { bucket: siteBucket, distribution: props.site.distribution, config: {
      apiBase: '/api', auth: this.identity.siteConfig,
    } });
    acknowledgeDeploymentHandler(this, siteBucket);

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
    this.identity.letPeopleLeave(this.functions.community!.fn);

    const authorizer = this.identity.authorizer;
    const group = new Group(this, 'Routes');
    for (const row of routes) {
      const added = this.addRoute(group, row.method, row.path, integrations[row.context]!, row.access === 'public' ? undefined : authorizer);
      if (row.access === 'public') this.acknowledgePublic(added, `${row.id} is public by design: visitors read it without signing in.`);
    }
    const catchAll = this.addRoute(group, 'ANY', catchAllPath, community, undefined);
    this.acknowledgePublic(catchAll, 'The catch-all only answers 404 for unknown paths and reads no identity.');

    this.notifier = new Notifier(this, 'Notifier', {
      tables: props.tables, logLevel: props.logLevel, notify: props.notify, siteUrl: siteOrigin,
    });

    this.observability = new Observability(this, 'Observability', {
      httpApi: this.httpApi,
      functions: Object.fromEntries(Object.entries(this.functions).map(([c, f]) => [c, f.fn])),
      tables: props.tables,
      notifier: this.notifier,
      alarmEmail: props.alarmEmail,
      monthlyBudget: props.monthlyBudget,
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

  /** A route on the site stack's API, made here (`HttpApi.addRoutes` would put it in the API's own stack). */
  private addRoute(group: Construct, method: keyof typeof HttpMethod, path: string, integration: HttpRouteIntegration,
    authorizer: IHttpRouteAuthorizer | undefined): HttpRoute {
    return new HttpRoute(group, `${method}${path}`.replace(/\//g, '-'), {
      httpApi: this.httpApi,
      routeKey: HttpRouteKey.with(path, HttpMethod[method]),
      integration,
      ...(authorizer && { authorizer }),
    });
  }

  private acknowledgePublic(route: HttpRoute, reason: string): void {
    // Public routes carry no authorizer on purpose; every other row gets the JWT authorizer.
    Validations.of(route).acknowledge({ id: 'AwsSolutions-APIG4', reason });
  }
}
