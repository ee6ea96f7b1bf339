/**
 * The site's Content-Security-Policy, in a module without CDK so the local static server
 * (functions/local/static-site.ts) sends the same policy CloudFront does (infra/security-headers.ts).
 * SvelteKit's inline bootstrap needs 'unsafe-inline'; the hosted Cognito pages (sign-in and its /oauth2/token, the only Cognito host the site calls) and the photo
 * bucket (the browser PUTs photos straight to it) are the only other origins.
 */
export const contentSecurityPolicy = (uploadOrigin: string): string => [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  `connect-src 'self' ${uploadOrigin} https://*.amazoncognito.com`,
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self' https://*.amazoncognito.com",
].join('; ');
