/**
 * Cognito, the default identity provider (identity.ts): residents sign in with a phone number (the
 * usual username) or an email address on the managed login pages, with a one-time code by SMS or
 * email instead of a password (choice-based authentication, Essentials tier); a password stays
 * possible for those who want one. The site is a public client (no secret) using the
 * authorization-code grant with PKCE. Email, codes included, goes through Amazon SES when a sender is
 * configured; Cognito's own sender (50 messages a day) cannot send sign-in codes at all.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery, CfnManagedLoginBranding, FeaturePlan, ManagedLoginVersion, Mfa, OAuthScope, UserPool, UserPoolClient,
  UserPoolClientIdentityProvider, UserPoolEmail, type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { senderAddress } from './settings.js';
import { Construct } from 'constructs';

export interface AuthProps {
  /** Globally unique prefix of the hosted sign-in domain (`<prefix>.auth.<region>.amazoncognito.com`). */
  readonly domainPrefix: string;
  /** The site's origin (`https://host`, possibly a token of the site stack): the only place sign-in returns to. */
  readonly siteOrigin: string;
  /** The SES sender (`addr` or `Name <addr>`); unset, email codes are off and Cognito's own sender mails the rest. */
  readonly emailFrom: string | undefined;
  /** Which SES identity is verified: the sender's domain (default) or its address alone. */
  readonly sesIdentity: 'domain' | 'address' | undefined;
}

/** `Gongzhi <notify@example.org>` → { name: 'Gongzhi', address: 'notify@example.org' }. */
const parseSender = (from: string) => {
  const address = senderAddress(from);
  const name = /^(.*?)\s*</.exec(from)?.[1]?.trim().replace(/^"|"$/g, '');
  return { address, name: name || undefined };
};

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
    const sender = props.emailFrom ? parseSender(props.emailFrom) : undefined;
    this.userPool = new UserPool(this, 'UserPool', {
      signInAliases: { phone: true, email: true },
      signInCaseSensitive: false,
      autoVerify: { phone: true, email: true },
      // Choice-based sign-in: a code by SMS, or by email once SES sends for the pool; Cognito requires
      // that a password remain one of the choices.
      signInPolicy: { allowedFirstAuthFactors: { password: true, smsOtp: true, emailOtp: sender !== undefined } },
      ...(sender && {
        email: UserPoolEmail.withSES({
          fromEmail: sender.address,
          ...(sender.name && { fromName: sender.name }),
          // SES in the pool's own region, whichever that is at deploy time.
          sesRegion: Stack.of(this).region,
          ...(props.sesIdentity !== 'address' && { sesVerifiedDomain: sender.address.split('@')[1]! }),
        }),
      }),
      selfSignUpEnabled: true,
      // In both of the site's languages: many read only the Chinese, a few only the English.
      userVerification: {
        emailSubject: '共治 Gongzhi：验证码 verification code',
        emailBody: '您的共治验证码是 {####}。Your Gongzhi verification code is {####}.',
        smsMessage: '【共治】验证码 {####}。Gongzhi code {####}.',
      },
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

    // Only the newer managed login pages offer one-time codes; the classic hosted UI asks for a password.
    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.domainPrefix },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    this.domainHost = `${this.domain.domainName}.auth.${stack.region}.amazoncognito.com`;
    this.client = this.userPool.addClient('SiteClient', {
      generateSecret: false,
      // USER_AUTH is choice-based sign-in (codes); SRP keeps password sign-in for those who set one.
      authFlows: { user: true, userSrp: true },
      preventUserExistenceErrors: true,
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PHONE, OAuthScope.PROFILE],
        callbackUrls: [`${props.siteOrigin}/auth/callback`],
        logoutUrls: [`${props.siteOrigin}/`],
      },
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });
    // Managed login needs a style for the client; Cognito's own, in the reader's language.
    new CfnManagedLoginBranding(this, 'Branding', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
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
