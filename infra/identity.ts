/**
 * Who signs people in, as one setting (settings.ts): Cognito by default, created here (auth.ts), or
 * any OpenID Connect provider, named by its issuer. Either way the HTTP API checks the tokens with a
 * JWT authorizer for that issuer and audience, the site learns the provider from `config.json`, and
 * roles come only from the community table: a token says who someone is, never what they may do.
 */
import type { IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { Auth } from './auth.js';
import { cognitoSignInOrigins } from './csp.js';
import type { IdentitySettings } from './settings.js';

/** The `auth` part of `config.json` (web/src/lib/auth/site-config.ts validates the same shape). */
export interface SiteAuthConfig {
  readonly provider: 'cognito' | 'oidc';
  readonly issuer: string;
  readonly clientId: string;
  readonly scope: string;
  /** Which token the pages send as Bearer: the one whose `aud` the authorizer accepts. */
  readonly apiToken: 'id' | 'access';
  readonly authorizationEndpoint?: string;
  readonly tokenEndpoint?: string;
  readonly endSessionEndpoint?: string;
}

/** Origins the site's pages reach while signing in, for the CSP (known at synthesis, before any stack). */
export function signInOrigins(identity: IdentitySettings): readonly string[] {
  if (identity.kind === 'cognito') return cognitoSignInOrigins;
  const urls = [identity.issuer, identity.authorizationEndpoint, identity.tokenEndpoint, identity.endSessionEndpoint];
  return [...new Set(urls.filter((u): u is string => u !== undefined).map((u) => new URL(u).origin))];
}

export interface IdentityProps {
  readonly settings: IdentitySettings;
  /** `https://<site domain>`: where sign-in returns to. */
  readonly siteOrigin: string;
}

export class Identity extends Construct {
  /** Present only when Cognito is the provider. */
  readonly cognito: Auth | undefined;
  readonly authorizer: IHttpRouteAuthorizer;
  readonly siteConfig: SiteAuthConfig;
  readonly issuer: string;
  readonly audience: readonly string[];

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    const s = props.settings;
    if (s.kind === 'cognito') {
      // Its id stays 'Auth' at the stack's top level, so the pool's logical id never changes.
      const auth = this.cognito = new Auth(scope, 'Auth', {
        domainPrefix: s.domainPrefix, siteOrigin: props.siteOrigin, emailFrom: s.emailFrom, sesIdentity: s.sesIdentity,
      });
      this.issuer = auth.issuer;
      this.audience = [auth.client.userPoolClientId];
      const hosted = `https://${auth.domainHost}`;
      this.siteConfig = {
        provider: 'cognito', issuer: auth.issuer, clientId: auth.client.userPoolClientId,
        scope: 'openid email phone profile', apiToken: 'id',
        authorizationEndpoint: `${hosted}/oauth2/authorize`, tokenEndpoint: `${hosted}/oauth2/token`, endSessionEndpoint: `${hosted}/logout`,
      };
    } else {
      this.cognito = undefined;
      this.issuer = s.issuer;
      this.audience = [s.audience];
      this.siteConfig = {
        provider: 'oidc', issuer: s.issuer, clientId: s.clientId, scope: s.scope,
        // An ID token's `aud` is the client: it is what the API accepts only when that is the audience.
        apiToken: s.audience === s.clientId ? 'id' : 'access',
        ...(s.authorizationEndpoint && { authorizationEndpoint: s.authorizationEndpoint }),
        ...(s.tokenEndpoint && { tokenEndpoint: s.tokenEndpoint }),
        ...(s.endSessionEndpoint && { endSessionEndpoint: s.endSessionEndpoint }),
      };
    }
    this.authorizer = new HttpJwtAuthorizer('JwtAuthorizer', this.issuer, { jwtAudience: [...this.audience] });
  }

  /**
   * Lets `fn` (the community Lambda, `DELETE /api/me`) remove a leaving person's sign-in account
   * (functions/community/sign-in-accounts.ts): in Cognito, AdminDeleteUser on this pool and nothing
   * else; another provider keeps its accounts, and the person is told to close theirs there.
   */
  letPeopleLeave(fn: LambdaFunction): void {
    if (!this.cognito) {
      fn.addEnvironment('SIGN_IN_ACCOUNTS', 'provider');
      return;
    }
    fn.addEnvironment('SIGN_IN_ACCOUNTS', 'cognito');
    fn.addEnvironment('USER_POOL_ID', this.cognito.userPool.userPoolId);
    this.cognito.userPool.grant(fn, 'cognito-idp:AdminDeleteUser');
  }
}
