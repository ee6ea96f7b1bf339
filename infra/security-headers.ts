/** Security headers CloudFront adds to every response of the site, the API and the photos. */
import { Duration } from 'aws-cdk-lib';
import { HeadersFrameOption, HeadersReferrerPolicy, ResponseHeadersPolicy } from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';
import { contentSecurityPolicy } from './csp.js';

export { contentSecurityPolicy };

export interface SecurityHeadersProps {
  /** Where upload links point (`https://<bucket>.s3.<region>.<suffix>`). */
  readonly uploadOrigin: string;
  /** The identity provider's origins the pages reach during sign-in (identity.ts). */
  readonly signInOrigins: readonly string[];
  /** Overrides the origin's Cache-Control, for responses that never change. */
  readonly cacheControl?: string;
  readonly comment?: string;
}

export const securityHeaders = (scope: Construct, id: string, props: SecurityHeadersProps): ResponseHeadersPolicy =>
  new ResponseHeadersPolicy(scope, id, {
    comment: props.comment ?? 'Gongzhi security headers',
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(props.uploadOrigin, props.signInOrigins), override: true },
      strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
    },
    ...(props.cacheControl && {
      customHeadersBehavior: { customHeaders: [{ header: 'cache-control', value: props.cacheControl, override: true }] },
    }),
  });
