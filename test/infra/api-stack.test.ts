import { join } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import type { CfnResource } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../../functions/community/openapi-file.js';
import { contexts, routeKey, routes, type ContextName } from '../../functions/routes.js';
import { openApiDocument } from '../../functions/shared/http/openapi.js';
import type { ApiStack } from '../../infra/api-stack.js';
import { lambdaContext, httpEvent } from '../support/event.js';
import { only, resources, synthGongzhi, type Resource } from './synth.js';

let api: ApiStack;
let template: Template;
let assemblyDir: string;
let routeByKey: Map<string, Resource>;

beforeAll(() => {
  const synth = synthGongzhi({ bundle: true });
  ({ api } = synth);
  assemblyDir = synth.assembly.directory;
  template = Template.fromStack(api);
  routeByKey = new Map(Object.values(resources(template, 'AWS::ApiGatewayV2::Route')).map((r) => [r.Properties.RouteKey, r]));
});

const routed = contexts.filter((c) => routes.some((r) => r.context === c));
const logicalId = (c: { node: { defaultChild?: unknown } }) => api.getLogicalId(c.node.defaultChild as CfnResource);
const fnResource = (c: ContextName) => resources(template, 'AWS::Lambda::Function')[logicalId(api.functions[c]!.fn)]!;

describe('api stack: functions', () => {
  it('runs one arm64 Lambda per context with routes, on Node 22 or newer, 512 MB, 10 s', () => {
    // And the notifier (notifier.test.ts), which no route reaches, and CDK's handler writing config.json.
    const all = Object.entries(resources(template, 'AWS::Lambda::Function'));
    expect(all.filter(([id]) => !id.startsWith('CustomCDKBucketDeployment'))).toHaveLength(routed.length + 1);
    expect(all).toHaveLength(routed.length + 2);
    for (const c of routed) {
      const p = fnResource(c).Properties;
      expect(Number(/^nodejs(\d+)\.x$/.exec(p.Runtime)?.[1])).toBeGreaterThanOrEqual(22);
      expect(p).toMatchObject({ Architectures: ['arm64'], MemorySize: 512, Timeout: 10, Handler: 'index.handler' });
      expect(p.LoggingConfig.LogGroup).toEqual({ Ref: expect.stringMatching(/Logs/) });
    }
  });

  it('passes each function the names of exactly the tables (and, for proposals, the photo bucket) it is granted', () => {
    const env = (c: ContextName) => fnResource(c).Properties.Environment.Variables as Record<string, unknown>;
    expect(Object.keys(env('proposals')).sort()).toEqual(
      ['LOG_LEVEL', 'MEDIA_BUCKET', 'NODE_OPTIONS', 'POWERTOOLS_METRICS_NAMESPACE', 'TABLE_COMMUNITY', 'TABLE_NOTIFICATIONS', 'TABLE_PROPOSALS']);
    // The community function also reaches every other table, narrowly, for a person's own data
    // (PIPL: "my data" download and leaving the platform), and the pool whose account a leaver's is.
    expect(Object.keys(env('community')).sort()).toEqual(['LOG_LEVEL', 'NODE_OPTIONS', 'POWERTOOLS_METRICS_NAMESPACE', 'SIGN_IN_ACCOUNTS', 'TABLE_ACTIVITIES',
      'TABLE_BALLOTS', 'TABLE_COMMUNITY', 'TABLE_DONATIONS', 'TABLE_NOTIFICATIONS', 'TABLE_PROPOSALS', 'USER_POOL_ID']);
    // The notifications API reads the community registry to authorize, and nothing else.
    expect(Object.keys(env('notifications')).sort()).toEqual(['LOG_LEVEL', 'NODE_OPTIONS', 'POWERTOOLS_METRICS_NAMESPACE', 'TABLE_COMMUNITY',
      'TABLE_NOTIFICATIONS']);
    // No default community: every request names its community (or it follows from the caller or the object).
    expect(env('proposals')).toMatchObject({ LOG_LEVEL: 'info' });
  });

  it('bundles ESM with the createRequire banner; the bundle answers health, and 404 through the catch-all', async () => {
    const key = fnResource('community').Properties.Code.S3Key as string;
    const file = join(assemblyDir, `asset.${key.replace(/\.zip$/, '')}`, 'index.mjs');
    const code = readFileSync(file, 'utf8');
    expect(code).toMatch(/^import { createRequire } from 'module';/);
    // The credential alias reached the deployed bundle: no web-identity or container provider inside (lambda-credentials.test.ts).
    for (const gone of ['AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_CREDENTIALS_FULL_URI']) expect(code.includes(gone), `bundle holds ${gone}`).toBe(false);
    const { handler } = await import(file) as { handler: (e: unknown, c: unknown) => Promise<{ statusCode: number; body: string }> };
    const health = await handler(httpEvent('GET', '/api/health'), lambdaContext);
    expect(health.statusCode).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ ok: true });
    const devSignIn = httpEvent('POST', '/api/dev/session', { body: { userId: 'resident1' } });
    const viaCatchAll = { ...devSignIn, routeKey: 'ANY /api/{proxy+}', pathParameters: { proxy: 'dev/session' } };
    const answer = await handler(viaCatchAll, lambdaContext);
    expect(answer.statusCode).toBe(404);
    expect(JSON.parse(answer.body).error.code).toBe('not_found');
  });

  it('ships openapi.json beside the community bundle, generated at synth, and serves it without the generator inside', async () => {
    const key = fnResource('community').Properties.Code.S3Key as string;
    const dir = join(assemblyDir, `asset.${key.replace(/\.zip$/, '')}`);
    const shipped = JSON.parse(readFileSync(join(dir, 'openapi.json'), 'utf8')) as unknown;
    expect(shipped).toEqual(openApiDocument(API_VERSION));
    // zod's JSON-schema generator and the other contexts' rows stay out of the Lambda.
    const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
    for (const gone of ['draft-2020-12', 'Book seats (residents', 'Back a proposal (idempotent']) expect(code.includes(gone), `bundle holds ${gone}`).toBe(false);
    const { handler } = await import(join(dir, 'index.mjs')) as { handler: (e: unknown, c: unknown) => Promise<{ statusCode: number; body: string }> };
    const answer = await handler(httpEvent('GET', '/api/openapi.json'), lambdaContext);
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body)).toEqual(shipped);
  });
});

describe('api stack: routes', () => {
  it('has exactly one route per row of routes.ts, plus the catch-all', () => {
    expect([...routeByKey.keys()].sort()).toEqual([...routes.map(routeKey), 'ANY /api/{proxy+}'].sort());
  });

  it('puts the Cognito JWT authorizer on exactly the rows that are not public', () => {
    const authorizerId = { Ref: logicalIdOf('AWS::ApiGatewayV2::Authorizer') };
    for (const row of routes) {
      const p = routeByKey.get(routeKey(row))!.Properties;
      if (row.access === 'public') {
        expect(p.AuthorizationType, row.id).toBe('NONE');
        expect(p.AuthorizerId, row.id).toBeUndefined();
      } else {
        expect(p, row.id).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: authorizerId });
      }
    }
    expect(routeByKey.get('ANY /api/{proxy+}')!.Properties.AuthorizationType).toBe('NONE');
  });

  it('sends each route to its own context\'s function, and unknown paths to community', () => {
    const integrations = resources(template, 'AWS::ApiGatewayV2::Integration');
    const target = (key: string) => {
      const ref = routeByKey.get(key)!.Properties.Target['Fn::Join'][1][1].Ref as string;
      return integrations[ref]!.Properties.IntegrationUri['Fn::GetAtt'][0];
    };
    for (const row of routes) expect(target(routeKey(row)), row.id).toBe(logicalId(api.functions[row.context]!.fn));
    expect(target('ANY /api/{proxy+}')).toBe(logicalId(api.functions.community!.fn));
  });

  it('never deploys the local-only dev sign-in route', () => {
    expect(routeByKey.size).toBeGreaterThan(1);
    for (const key of routeByKey.keys()) expect(key).not.toContain('/dev/');
  });

  it('fills the site stack\'s HTTP API: the stage, routes and authorizer name it, none is created here', () => {
    expect(resources(template, 'AWS::ApiGatewayV2::Api')).toEqual({});
    const apiRef = { 'Fn::GetStackOutput': expect.objectContaining({ StackName: 'GongzhiSite', OutputName: expect.stringMatching(/HttpApi/) }) };
    expect(only(template, 'AWS::ApiGatewayV2::Stage').Properties.ApiId).toEqual(apiRef);
    expect(only(template, 'AWS::ApiGatewayV2::Authorizer').Properties.ApiId).toEqual(apiRef);
    for (const r of routeByKey.values()) expect(r.Properties.ApiId).toEqual(apiRef);
  });

  it('trusts only tokens the user pool issued to the site client', () => {
    expect(only(template, 'AWS::ApiGatewayV2::Authorizer').Properties).toEqual(expect.objectContaining({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: logicalIdOf('AWS::Cognito::UserPoolClient') }],
        Issuer: { 'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/',
          { Ref: logicalIdOf('AWS::Cognito::UserPool') }]] },
      },
    }));
  });

  it('throttles the default stage and writes JSON access logs to a retained log group', () => {
    const stage = only(template, 'AWS::ApiGatewayV2::Stage').Properties;
    expect(stage).toMatchObject({
      StageName: '$default', AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
    const logGroup = stage.AccessLogSettings.DestinationArn['Fn::GetAtt'][0] as string;
    expect(resources(template, 'AWS::Logs::LogGroup')[logGroup]!.Properties.RetentionInDays).toBe(90);
    expect(JSON.parse(stage.AccessLogSettings.Format)).toMatchObject({
      requestId: '$context.requestId', routeKey: '$context.routeKey', status: '$context.status',
    });
  });
});

function logicalIdOf(type: string): string {
  const ids = Object.keys(resources(template, type));
  expect(ids).toHaveLength(1);
  return ids[0]!;
}

/** The `config.json` the api stack writes into the site bucket, with its deploy-time markers. */
function siteConfigOf(synth: ReturnType<typeof synthGongzhi>) {
  const t = Template.fromStack(synth.api);
  const deployments = Object.values(resources(t, 'Custom::CDKBucketDeployment'));
  expect(deployments).toHaveLength(1);
  const [d] = deployments;
  const dir = readdirSync(synth.assembly.directory).find((name) => {
    try { return readFileSync(join(synth.assembly.directory, name, 'config.json'), 'utf8').length > 0; } catch { return false; }
  });
  return {
    deployment: d!.Properties,
    config: JSON.parse(readFileSync(join(synth.assembly.directory, dir!, 'config.json'), 'utf8')) as Record<string, any>,
    markers: (d!.Properties.SourceMarkers as Record<string, unknown>[] | undefined)?.[0],
  };
}

describe('api stack: the site\'s config.json', () => {
  it('names this deployment\'s Cognito client, issuer and managed login endpoints, and refreshes them at the edge', () => {
    const { deployment, config, markers } = siteConfigOf(synthGongzhi());
    const m = '<<marker:0xbaba:\\d+>>';
    expect(config).toEqual({
      apiBase: '/api',
      auth: {
        provider: 'cognito', scope: 'openid email phone profile', apiToken: 'id',
        clientId: expect.stringMatching(new RegExp(`^${m}$`)),
        issuer: expect.stringMatching(new RegExp(`^https://cognito-idp\\.${m}\\.${m}/${m}$`)),
        authorizationEndpoint: expect.stringMatching(new RegExp(`^https://${m}\\.auth\\.${m}\\.amazoncognito\\.com/oauth2/authorize$`)),
        tokenEndpoint: expect.stringMatching(/\/oauth2\/token$/),
        endSessionEndpoint: expect.stringMatching(/\/logout$/),
      },
    });
    expect(JSON.stringify(markers)).toMatch(/AuthUserPoolSiteClient/);
    expect(JSON.stringify(markers)).toMatch(/AuthUserPoolDomain/);
    expect(deployment).toMatchObject({ Prune: false, DistributionPaths: ['/config.json'], SystemMetadata: { 'cache-control': 'no-cache' } });
    expect(deployment.DestinationBucketName).toEqual({ 'Fn::GetStackOutput': expect.objectContaining({ StackName: 'GongzhiSite', OutputName: 'SiteBucketName' }) });
  });
});

describe('api stack: any OpenID Connect provider instead of Cognito', () => {
  const oidc = {
    oidcIssuer: 'https://login.example.cn/realms/chating', oidcAudience: 'gongzhi-api', oidcClientId: 'gongzhi-site',
    oidcAuthorizeUrl: 'https://login.example.cn/realms/chating/protocol/openid-connect/auth',
  };
  let synth: ReturnType<typeof synthGongzhi>;
  beforeAll(() => { synth = synthGongzhi({ context: oidc }); });

  it('creates no Cognito resource in any stack', () => {
    for (const stack of [synth.data, synth.site, synth.api]) {
      const types = Object.values(Template.fromStack(stack).toJSON().Resources as Record<string, { Type: string }>).map((r) => r.Type);
      expect(types.filter((t) => t.startsWith('AWS::Cognito::')), stack.stackName).toEqual([]);
    }
  });

  it('tells the community function that the provider keeps its accounts (nobody to delete at leaving)', () => {
    const t = Template.fromStack(synth.api);
    const fn = resources(t, 'AWS::Lambda::Function')[synth.api.getLogicalId(synth.api.functions.community!.fn.node.defaultChild as CfnResource)]!;
    expect(fn.Properties.Environment.Variables.SIGN_IN_ACCOUNTS).toBe('provider');
    expect(fn.Properties.Environment.Variables.USER_POOL_ID).toBeUndefined();
    expect(JSON.stringify(t.toJSON())).not.toContain('cognito-idp:');
  });

  it('checks the API\'s tokens against the given issuer and audience', () => {
    const t = Template.fromStack(synth.api);
    expect(only(t, 'AWS::ApiGatewayV2::Authorizer').Properties).toMatchObject({
      AuthorizerType: 'JWT', IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: oidc.oidcIssuer, Audience: [oidc.oidcAudience] },
    });
    const authorizerId = { Ref: Object.keys(resources(t, 'AWS::ApiGatewayV2::Authorizer'))[0] };
    for (const row of routes.filter((r) => r.access !== 'public')) {
      const route = Object.values(resources(t, 'AWS::ApiGatewayV2::Route')).find((r) => r.Properties.RouteKey === routeKey(row))!;
      expect(route.Properties, row.id).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: authorizerId });
    }
  });

  it('tells the site the provider; the access token is sent since the API\'s audience is not the site client', () => {
    const { config } = siteConfigOf(synth);
    expect(config).toEqual({ apiBase: '/api', auth: {
      provider: 'oidc', issuer: oidc.oidcIssuer, clientId: oidc.oidcClientId, scope: 'openid profile', apiToken: 'access',
      authorizationEndpoint: oidc.oidcAuthorizeUrl,
    } });
    const same = siteConfigOf(synthGongzhi({ context: { ...oidc, oidcAudience: oidc.oidcClientId, oidcScopes: 'openid profile phone' } }));
    expect(same.config.auth).toMatchObject({ apiToken: 'id', scope: 'openid profile phone' });
  });

  it('lets the pages reach only that provider while signing in (CSP)', () => {
    const csp = JSON.stringify(Template.fromStack(synth.site).findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    expect(csp).toContain("form-action 'self' https://login.example.cn");
    expect(csp).not.toContain('amazoncognito');
  });

  it('refuses an incomplete or unsafe provider before anything is synthesized', () => {
    const without = (k: keyof typeof oidc) => Object.fromEntries(Object.entries(oidc).filter(([key]) => key !== k));
    // Without an audience of its own the API takes the site client's ID tokens.
    expect(siteConfigOf(synthGongzhi({ context: without('oidcAudience') })).config.auth).toMatchObject({ clientId: oidc.oidcClientId, apiToken: 'id' });
    expect(() => synthGongzhi({ context: without('oidcClientId') })).toThrow(/oidcClientId/);
    expect(() => synthGongzhi({ context: { ...oidc, oidcIssuer: 'http://login.example.cn' } })).toThrow(/oidcIssuer/);
    expect(() => synthGongzhi({ context: { ...oidc, oidcScopes: 'profile' } })).toThrow(/openid/);
    expect(() => synthGongzhi({ context: { oidcAudience: 'x' } })).toThrow(/oidcIssuer/);
    expect(() => synthGongzhi({ context: { ...oidc, authDomainPrefix: 'gongzhi' } })).toThrow(/authDomainPrefix/);
  });
});
