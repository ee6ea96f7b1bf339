/** The whole Gongzhi app: data, api and site stacks, checked by cdk-nag. Shared by app.ts and the tests. */
import { Validations, type App, type Environment } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ApiStack } from './api-stack.js';
import { DataStack } from './data-stack.js';
import { readSettings } from './settings.js';
import { SiteStack } from './site-stack.js';

export interface ComposeOptions {
  readonly siteAssetPath: string;
  readonly env?: Environment;
}

export function composeApp(app: App, options: ComposeOptions) {
  const settings = readSettings(app);
  const env = options.env;
  const data = new DataStack(app, 'GongzhiData', {
    env, description: 'Gongzhi tables, one per bounded context, and the photo bucket', siteOrigins: settings.siteOrigins,
  });
  const api = new ApiStack(app, 'GongzhiApi', {
    env,
    description: 'Gongzhi HTTP API, Lambdas and Cognito',
    tables: data.tables,
    media: data.media,
    siteOrigins: settings.siteOrigins,
    authDomainPrefix: settings.authDomainPrefix,
    logLevel: settings.logLevel,
    alarmEmail: settings.alarmEmail,
    monthlyBudgetUsd: settings.monthlyBudgetUsd,
    notify: settings.notify,
  });
  const site = new SiteStack(app, 'GongzhiSite', {
    env,
    description: 'Gongzhi static site on CloudFront',
    siteAssetPath: options.siteAssetPath,
    customDomain: settings.customDomain,
    httpApi: api.httpApi,
    media: data.media,
    cognito: { domain: api.auth.domainHost, clientId: api.auth.client.userPoolClientId },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { data, api, site };
}
