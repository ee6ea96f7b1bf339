/** The whole Gongzhi app: data, api and site stacks, checked by cdk-nag. Shared by app.ts and the tests. */
import { Validations, type App, type Environment } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ApiStack } from './api-stack.js';
import { DataStack } from './data-stack.js';
import { signInOrigins } from './identity.js';
import { readSettings } from './settings.js';
import { SiteStack } from './site-stack.js';

export interface ComposeOptions {
  readonly siteAssetPath: string;
  readonly env?: Environment;
}

/**
 * Data, then site, then api: the site stack owns the domain and the (empty) HTTP API CloudFront
 * forwards to; the api stack, deployed last, reads the domain for sign-in's callback URLs and fills
 * the API. So one `cdk deploy --all` from an empty account ends with a site one can sign in to.
 */
export function composeApp(app: App, options: ComposeOptions) {
  const settings = readSettings(app, options.env);
  const env = settings.env;
  const data = new DataStack(app, 'GongzhiData', {
    env, description: 'Gongzhi tables, one per bounded context, and the photo bucket',
    uploadOrigins: settings.customDomain ? [`https://${settings.customDomain.domainName}`] : [cloudFrontOrigins],
    china: settings.china,
  });
  const site = new SiteStack(app, 'GongzhiSite', {
    env,
    description: 'Gongzhi site on CloudFront, and the address of its HTTP API',
    siteAssetPath: options.siteAssetPath,
    customDomain: settings.customDomain,
    media: data.media,
    edgeReader: data.edgeReader,
    signInOrigins: signInOrigins(settings.identity),
  });
  const api = new ApiStack(app, 'GongzhiApi', {
    env,
    description: settings.identity.kind === 'cognito' ? 'Gongzhi HTTP API routes, Lambdas and Cognito' : 'Gongzhi HTTP API routes and Lambdas',
    tables: data.tables,
    media: data.media,
    httpApi: site.httpApi,
    site: { stackName: site.stackName, domainName: site.domainName, distribution: site.distribution },
    identity: settings.identity,
    logLevel: settings.logLevel,
    alarmEmail: settings.alarmEmail,
    monthlyBudget: settings.monthlyBudget,
    notify: settings.notify,
  });
  // The bucket is read by output name, which CDK does not see as a reference: order the stacks here.
  api.addStackDependency(site);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { data, api, site, settings };
}

/**
 * Pages on the distribution's own domain upload photos: its name is known only once the site stack
 * exists, which is after the bucket's, so any CloudFront domain may send the upload's preflight.
 * CORS protects nothing here: an upload needs a link the API signs for a signed-in resident.
 */
export const cloudFrontOrigins = 'https://*.cloudfront.net';
