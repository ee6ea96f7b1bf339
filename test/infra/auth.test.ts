import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { only, synthGongzhi } from './synth.js';

const cognito = (context?: Record<string, unknown>) => {
  const synth = synthGongzhi({ context });
  const template = Template.fromStack(synth.api);
  return {
    synth,
    pool: only(template, 'AWS::Cognito::UserPool'),
    client: only(template, 'AWS::Cognito::UserPoolClient').Properties,
    domain: only(template, 'AWS::Cognito::UserPoolDomain').Properties,
    branding: only(template, 'AWS::Cognito::ManagedLoginBranding').Properties,
  };
};

/** `https://<x>/suffix` as synthesized: the site stack's output `x` is read, so follow it to its value. */
function siteValueOf(url: unknown, siteTemplate: Template, suffix: string): unknown {
  const parts = (url as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
  expect(parts[0]).toBe('https://');
  expect(parts[2]).toBe(suffix);
  const ref = (parts[1] as { 'Fn::GetStackOutput': { StackName: string; OutputName: string } })['Fn::GetStackOutput'];
  expect(ref.StackName).toBe('GongzhiSite');
  return (siteTemplate.toJSON().Outputs as Record<string, { Value: unknown }>)[ref.OutputName]!.Value;
}

describe('Cognito', () => {
  const { synth, pool, client, domain, branding } = cognito({ authEmailFrom: 'Gongzhi <login@example.org>' });

  it('signs residents in by phone number (the usual username) or email, and lets them sign up', () => {
    expect([...pool.Properties.UsernameAttributes].sort()).toEqual(['email', 'phone_number']);
    expect([...pool.Properties.AutoVerifiedAttributes].sort()).toEqual(['email', 'phone_number']);
    expect(pool.Properties.UsernameConfiguration).toEqual({ CaseSensitive: false });
    expect(pool.Properties.AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(false);
    expect(pool.Properties.VerificationMessageTemplate.SmsMessage).toMatch(/验证码 \{####\}.*Gongzhi code/);
  });

  it('offers passwordless sign-in: a one-time code by SMS or by email (choice-based, Essentials tier)', () => {
    expect([...pool.Properties.Policies.SignInPolicy.AllowedFirstAuthFactors].sort()).toEqual(['EMAIL_OTP', 'PASSWORD', 'SMS_OTP']);
    expect(pool.Properties.UserPoolTier).toBe('ESSENTIALS');
    expect(client.ExplicitAuthFlows).toContain('ALLOW_USER_AUTH');
    expect(client.ExplicitAuthFlows).not.toContain('ALLOW_USER_PASSWORD_AUTH');
    // Codes are offered only by the newer managed login pages, which need a style for the client.
    expect(domain.ManagedLoginVersion).toBe(2);
    expect(branding).toMatchObject({ UseCognitoProvidedValues: true, ClientId: { Ref: expect.any(String) } });
  });

  it('sends its email (codes included) through SES as the configured sender, not Cognito\'s own', () => {
    expect(pool.Properties.EmailConfiguration).toEqual({
      EmailSendingAccount: 'DEVELOPER',
      From: 'Gongzhi <login@example.org>',
      SourceArn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ses:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':identity/example.org']] },
    });
    const byAddress = cognito({ notifyEmailFrom: 'notify@example.org', sesIdentity: 'address' });
    expect(byAddress.pool.Properties.EmailConfiguration.SourceArn['Fn::Join'][1].at(-1)).toBe(':identity/notify@example.org');
    // Without a sender, no email codes: Cognito's own sender would fail them within its 50 a day.
    const none = cognito();
    expect(none.pool.Properties.EmailConfiguration).toBeUndefined();
    expect(none.pool.Properties.Policies.SignInPolicy.AllowedFirstAuthFactors).not.toContain('EMAIL_OTP');
    expect(none.pool.Properties.Policies.SignInPolicy.AllowedFirstAuthFactors).toContain('SMS_OTP');
  });

  it('asks for a strong password from those who keep one, and offers MFA', () => {
    expect(pool.Properties.Policies.PasswordPolicy).toMatchObject({
      MinimumLength: 10, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true,
    });
    expect(pool.Properties.MfaConfiguration).toBe('OPTIONAL');
    expect(pool.Properties.EnabledMfas).toContain('SOFTWARE_TOKEN_MFA');
  });

  it('keeps residents\' accounts when the stack goes away', () => {
    expect(pool.Properties.DeletionProtection).toBe('ACTIVE');
    expect(pool.DeletionPolicy).toBe('Retain');
    expect(pool.UpdateReplacePolicy).toBe('Retain');
  });

  it('gives the site a public client: authorization code only, no secret, OpenID scopes', () => {
    expect(client).toMatchObject({
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      GenerateSecret: false,
      SupportedIdentityProviders: ['COGNITO'],
      PreventUserExistenceErrors: 'ENABLED',
    });
    expect([...client.AllowedOAuthScopes].sort()).toEqual(['email', 'openid', 'phone', 'profile']);
  });

  it('returns to the CloudFront domain of the same deployment: one synthesis, no second deploy', () => {
    const site = Template.fromStack(synth.site);
    const [distribution] = Object.keys(site.findResources('AWS::CloudFront::Distribution'));
    const domainOfSite = { 'Fn::GetAtt': [distribution, 'DomainName'] };
    expect(client.CallbackURLs).toHaveLength(1);
    expect(siteValueOf(client.CallbackURLs[0], site, '/auth/callback')).toEqual(domainOfSite);
    expect(client.LogoutURLs).toHaveLength(1);
    expect(siteValueOf(client.LogoutURLs[0], site, '/')).toEqual(domainOfSite);
    expect(JSON.stringify(client)).not.toContain('localhost');
    // The site stack deploys first: the api stack waits for it.
    expect(synth.api.dependencies).toContain(synth.site);
    expect(domain.Domain).toEqual({ 'Fn::Join': ['', ['gongzhi-', { Ref: 'AWS::AccountId' }]] });
  });

  it('returns only to the custom domain once siteDomain is set, under the chosen sign-in prefix', () => {
    const configured = cognito({
      siteDomain: 'gongzhi.example.org', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
      authDomainPrefix: 'chating-gongzhi',
    });
    expect(configured.client.CallbackURLs).toEqual(['https://gongzhi.example.org/auth/callback']);
    expect(configured.client.LogoutURLs).toEqual(['https://gongzhi.example.org/']);
    expect(configured.domain.Domain).toBe('chating-gongzhi');
  });

  it('refuses malformed settings before anything is synthesized', () => {
    expect(() => synthGongzhi({ context: { siteDomain: 'https://gongzhi.example.org/' } })).toThrow(/siteDomain/);
    expect(() => synthGongzhi({ context: { siteDomain: 'gongzhi.example.org' } })).toThrow(/needs its certificate/);
    expect(() => synthGongzhi({ context: { authDomainPrefix: 'Has Spaces' } })).toThrow(/authDomainPrefix/);
    expect(() => synthGongzhi({ context: { certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' } }))
      .toThrow(/needs 'siteDomain'/);
    expect(() => synthGongzhi({ context: { sesIdentity: 'everything' } })).toThrow(/sesIdentity/);
    expect(() => synthGongzhi({ context: { authEmailFrom: 'not an address' } })).toThrow(/authEmailFrom/);
  });
});
