/**
 * Cognito: residents sign in with a phone number or an email address through the hosted pages;
 * the site is a public client (no secret) using the authorization-code grant with PKCE.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery, FeaturePlan, Mfa, OAuthScope, UserPool, UserPoolClient, UserPoolClientIdentityProvider,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface AuthProps {
  /** Globally unique prefix of the hosted sign-in domain (`<prefix>.auth.<region>.amazoncognito.com`). */
  readonly domainPrefix: string;
  /** Origins (`https://host`) the hosted pages may redirect back to. */
  readonly siteOrigins: readonly string[];
}

export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;
  /** Host name of the hosted sign-in pages, for the site's config.json. */
  readonly domainHost: string;
  /** The `iss` of the pool's tokens (`userPoolProviderUrl` lacks the scheme the JWT authorizer needs). */
  readonly issuer: string;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      signInAliases: { phone: true, email: true },
      autoVerify: { phone: true, email: true },
      selfSignUpEnabled: true,
      standardAttributes: { fullname: { required: false, mutable: true } },
      passwordPolicy: {
        minLength: 10, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: true },
      accountRecovery: AccountRecovery.PHONE_AND_EMAIL,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      // Residents' accounts must survive a stack mistake.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Many residents are elderly and share a phone with family; forcing a second factor would shut them out.
    Validations.of(this.userPool).acknowledge({ id: 'AwsSolutions-COG2', reason:
      'MFA is optional (TOTP or SMS) rather than required: many residents are elderly and sign in on a shared family phone.' });
    // Plus-tier threat protection is billed per active user; the API is throttled and roles are checked per request.
    Validations.of(this.userPool).acknowledge({ id: 'AwsSolutions-COG8', reason:
      'Essentials tier: Plus-tier threat protection is billed per monthly active user, too costly for a volunteer-run community service.' });
    this.acknowledgeSmsRole();
    const stack = Stack.of(this);
    this.issuer = `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${this.userPool.userPoolId}`;

    this.domain = this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: props.domainPrefix } });
    this.domainHost = `${this.domain.domainName}.auth.${stack.region}.amazoncognito.com`;
    this.client = this.userPool.addClient('SiteClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PHONE, OAuthScope.PROFILE],
        callbackUrls: props.siteOrigins.map((o) => `${o}/auth/callback`),
        logoutUrls: props.siteOrigins.map((o) => `${o}/`),
      },
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });
  }

  /** Cognito sends verification and MFA texts through SNS; phone numbers have no ARN to scope to. */
  private acknowledgeSmsRole(): void {
    const smsRole = this.userPool.node.tryFindChild('smsRole');
    if (smsRole) {
      // sns:Publish to a phone number cannot name a resource, so the SMS role's policy must use '*'.
      Validations.of(smsRole).acknowledge({ id: 'AwsSolutions-IAM5[Resource::*]', reason:
        'Cognito publishes SMS straight to phone numbers, which have no ARN; sns:Publish must use Resource "*".' });
    }
  }
}
