/**
 * The site's Content-Security-Policy, in a module without CDK so the local static server
 * (functions/local/static-site.ts) sends the same policy CloudFront does (infra/security-headers.ts).
 * SvelteKit's inline bootstrap needs 'unsafe-inline'; the identity provider (its sign-in pages, and
 * the discovery document and token endpoint the pages fetch: Cognito's hosted pages by default) and
 * the photo bucket (the browser PUTs photos straight to it) are the only other origins.
 */
export const cognitoSignInOrigins: readonly string[] = ['https://*.amazoncognito.com'];

export const contentSecurityPolicy = (uploadOrigin: string, signInOrigins: readonly string[] = cognitoSignInOrigins): string => [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  `connect-src 'self' ${[uploadOrigin, ...signInOrigins].join(' ')}`,
  "frame-ancestors 'none'",
  "base-uri 'self'",
  `form-action 'self' ${signInOrigins.join(' ')}`,
].join('; ');
